package conformance

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

func ptrBool(b bool) *bool { return &b }

func testList(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	d := func(s string) *atlas.PartialDate { return atlas.DatePtr(s) }
	for _, tc := range []struct {
		name  string
		q     atlas.ListQuery
		want  []string
		total int
	}{
		{"groups by name", atlas.ListQuery{Kind: atlas.GroupNode},
			[]string{"group/deepening-reform", "group/foreign-affairs-commission", "group/foreign-affairs-lsg", "group/guangdong-group"}, 4},
		{"groups by name, descending", atlas.ListQuery{Kind: atlas.GroupNode, Order: atlas.Order{Field: atlas.OrderByName, Desc: true}},
			[]string{"group/guangdong-group", "group/foreign-affairs-lsg", "group/foreign-affairs-commission", "group/deepening-reform"}, 4},
		{"groups by establishment, unknown last", atlas.ListQuery{Kind: atlas.GroupNode, Order: atlas.Order{Field: atlas.OrderByEstablished}},
			[]string{"group/foreign-affairs-lsg", "group/deepening-reform", "group/foreign-affairs-commission", "group/guangdong-group"}, 4},
		{"people by id", atlas.ListQuery{Kind: atlas.PersonNode, Order: atlas.Order{Field: atlas.OrderByID}},
			[]string{"person/hu-jintao", "person/li-keqiang", "person/xi-jinping", "person/yang-jiechi"}, 4},
		{"kind filter", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{GroupKinds: []atlas.GroupKind{atlas.Commission, atlas.WorkingGroup}}},
			[]string{"group/foreign-affairs-commission", "group/guangdong-group"}, 2},
		{"system filter skips unknown systems", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{Systems: []atlas.System{atlas.JointSystem}}},
			[]string{"group/deepening-reform"}, 1},
		{"level", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{Levels: []atlas.Level{"PROVINCIAL"}}},
			[]string{"group/guangdong-group"}, 1},
		{"horizon", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{Horizons: []atlas.Horizon{"MEDIUM_TERM"}}},
			[]string{"group/deepening-reform"}, 1},
		{"any of the categories", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{Categories: []atlas.Category{"PARTY_BUILDING", "POLITICS_LAW"}}},
			[]string{"group/deepening-reform"}, 1},
		{"cross-system", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{CrossSystem: ptrBool(false)}},
			[]string{"group/foreign-affairs-commission", "group/foreign-affairs-lsg", "group/guangdong-group"}, 3},
		{"active in a year that saw a replacement", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{ActiveAsOf: d("2018")}},
			[]string{"group/deepening-reform", "group/foreign-affairs-commission", "group/foreign-affairs-lsg", "group/guangdong-group"}, 4},
		{"active after the abolition", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{ActiveAsOf: d("2018-04")}},
			[]string{"group/deepening-reform", "group/foreign-affairs-commission", "group/guangdong-group"}, 3},
		{"active before the reform group", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{ActiveAsOf: d("2013-12-29")}},
			[]string{"group/foreign-affairs-lsg", "group/guangdong-group"}, 2},
		{"name contains, any spelling", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{NameContains: "Foreign-Affairs"}},
			[]string{"group/foreign-affairs-commission", "group/foreign-affairs-lsg"}, 2},
		{"name contains, Chinese", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{NameContains: "委员会"}},
			[]string{"group/foreign-affairs-commission"}, 1},
		{"name contains, alias", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{NameContains: "falsg"}},
			[]string{"group/foreign-affairs-lsg"}, 1},
		{"institution kind and system", atlas.ListQuery{Kind: atlas.InstitutionNode, Filter: atlas.NodeFilter{InstitutionKinds: []atlas.InstitutionKind{"MINISTRY"}, Systems: []atlas.System{atlas.StateCouncilSystem}}},
			[]string{"institution/ministry-of-foreign-affairs"}, 1},
		{"office kind", atlas.ListQuery{Kind: atlas.OfficeNode, Filter: atlas.NodeFilter{OfficeKinds: []atlas.OfficeKind{"DIRECTORATE"}}}, nil, 0},
		{"source kind", atlas.ListQuery{Kind: atlas.SourceNode, Filter: atlas.NodeFilter{SourceKinds: []atlas.SourceKind{"REPORT", "ENCYCLOPEDIA"}}},
			[]string{"source/beta", "source/gamma"}, 2},
		{"positions", atlas.ListQuery{Kind: atlas.PositionNode}, []string{"position/general-secretary"}, 1},
		{"small page", atlas.ListQuery{Kind: atlas.PersonNode, First: 2}, []string{"person/hu-jintao", "person/li-keqiang"}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := s.List(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(page.Nodes); !reflect.DeepEqual(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			if page.TotalCount != tc.total {
				t.Errorf("totalCount = %d, want %d", page.TotalCount, tc.total)
			}
			if len(page.Cursors) != len(page.Nodes) {
				t.Errorf("%d cursors for %d nodes", len(page.Cursors), len(page.Nodes))
			}
			if page.HasNextPage != (len(tc.want) < tc.total) {
				t.Errorf("hasNextPage = %v", page.HasNextPage)
			}
			// Without the count, the same page, and a total of 0.
			q := tc.q
			q.WithoutCount = true
			uncounted, err := s.List(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(uncounted.Nodes), ids(page.Nodes)) || !reflect.DeepEqual(uncounted.Cursors, page.Cursors) ||
				uncounted.HasNextPage != page.HasNextPage || uncounted.TotalCount != 0 {
				t.Errorf("without the count: %v %v %v %d, want %v %v %v 0", ids(uncounted.Nodes), uncounted.Cursors, uncounted.HasNextPage,
					uncounted.TotalCount, ids(page.Nodes), page.Cursors, page.HasNextPage)
			}
			// Without cursors, the same page and count, and no cursor.
			q = tc.q
			q.WithoutCursors = true
			uncursored, err := s.List(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(uncursored.Nodes), ids(page.Nodes)) || len(uncursored.Cursors) != 0 ||
				uncursored.HasNextPage != page.HasNextPage || uncursored.TotalCount != page.TotalCount {
				t.Errorf("without cursors: %v %v %v %d, want %v none %v %d", ids(uncursored.Nodes), uncursored.Cursors, uncursored.HasNextPage,
					uncursored.TotalCount, ids(page.Nodes), page.HasNextPage, page.TotalCount)
			}
		})
	}
}

// testListPagination walks every order page by page and checks the pages add up to the
// whole list, with no node twice.
func testListPagination(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	for _, order := range []atlas.Order{
		{Field: atlas.OrderByName}, {Field: atlas.OrderByName, Desc: true},
		{Field: atlas.OrderByID}, {Field: atlas.OrderByEstablished}, {Field: atlas.OrderByEstablished, Desc: true},
	} {
		full, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Order: order, First: 100})
		if err != nil {
			t.Fatal(err)
		}
		for size := 1; size <= 3; size++ {
			var walked []string
			after := ""
			for range 10 {
				page, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Order: order, First: size, After: after})
				if err != nil {
					t.Fatal(err)
				}
				walked = append(walked, ids(page.Nodes)...)
				if page.TotalCount != full.TotalCount {
					t.Errorf("totalCount changed between pages: %d vs %d", page.TotalCount, full.TotalCount)
				}
				if !page.HasNextPage {
					break
				}
				after = page.Cursors[len(page.Cursors)-1]
			}
			if !reflect.DeepEqual(walked, ids(full.Nodes)) {
				t.Errorf("order %+v, pages of %d: walked %v, want %v", order, size, walked, ids(full.Nodes))
			}
		}
	}
	// A cursor past the end gives an empty last page.
	full, _ := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode})
	page, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, After: full.Cursors[len(full.Cursors)-1]})
	if err != nil || len(page.Nodes) != 0 || page.HasNextPage || page.TotalCount != 4 {
		t.Errorf("page after the last: %v %+v", err, page)
	}
}

func testListInvalid(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	for _, tc := range []struct {
		name string
		q    atlas.ListQuery
	}{
		{"negative first", atlas.ListQuery{Kind: atlas.GroupNode, First: -1}},
		{"first too large", atlas.ListQuery{Kind: atlas.GroupNode, First: atlas.MaxPageSize + 1}},
		{"bad cursor", atlas.ListQuery{Kind: atlas.GroupNode, After: "not-a-cursor"}},
		{"group filter on people", atlas.ListQuery{Kind: atlas.PersonNode, Filter: atlas.NodeFilter{Levels: []atlas.Level{"CENTRAL"}}}},
		{"system filter on offices", atlas.ListQuery{Kind: atlas.OfficeNode, Filter: atlas.NodeFilter{Systems: []atlas.System{atlas.PartySystem}}}},
		{"established order on people", atlas.ListQuery{Kind: atlas.PersonNode, Order: atlas.Order{Field: atlas.OrderByEstablished}}},
		{"unknown kind", atlas.ListQuery{Kind: "DRAGON"}},
		{"unknown enum value", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{GroupKinds: []atlas.GroupKind{"CABAL"}}}},
		{"name filter of punctuation", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{NameContains: " - "}}},
		{"cursor from another order", atlas.ListQuery{Kind: atlas.GroupNode, Order: atlas.Order{Field: atlas.OrderByName, Desc: true},
			After: atlas.ListQuery{Kind: atlas.GroupNode, Order: atlas.Order{Field: atlas.OrderByName}}.Cursor("x", "group/x")}},
		{"name filter too long", atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{NameContains: strings.Repeat("a", atlas.MaxSearchText+1)}}},
	} {
		_, err := s.List(ctx, tc.q)
		if atlas.ErrorCode(err) != atlas.EINVALID {
			t.Errorf("%s: code %q (%v), want EINVALID", tc.name, atlas.ErrorCode(err), err)
		}
	}
}
