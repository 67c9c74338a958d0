package conformance

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// supportsOf reduces a page to "KIND subject [property=value] @locators".
func supportsOf(p atlas.SupportPage) []string {
	out := []string{}
	for _, s := range p.Supports {
		line := string(s.Kind) + " " + s.Subject
		if s.Claim != nil {
			line += " " + string(s.Claim.Property) + "=" + s.Claim.Value
		}
		for _, l := range s.Locators {
			line += " @" + l
		}
		out = append(out, line)
	}
	return out
}

// testSupports: what each source supports, by kind, in one order, paged with cursors
// that work for any source; many sources answered in one call, in the order asked.
func testSupports(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	got, err := s.Supports(ctx, atlas.SupportQuery{Sources: []string{"source/beta", "source/nobody", "source/gamma"}, First: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d pages for 3 sources", len(got))
	}
	wantBeta := []string{
		"RELATIONSHIP about/statement/small-groups-go-back-to-1941/group/foreign-affairs-lsg @history",
		"RELATIONSHIP about/statement/small-groups-go-back-to-1941/topic/small-groups @history",
		"RELATIONSHIP based_on/document/group-regulation/document/earlier-opinion @footnote",
		"RELATIONSHIP member_of/institution/ministry-of-foreign-affairs/group/foreign-affairs-lsg @member list",
		"RELATIONSHIP member_of/person/yang-jiechi/group/foreign-affairs-lsg @member list",
		"PROPERTY_CLAIM group/foreign-affairs-lsg ESTABLISHED=1954 @history",
		"STATEMENT statement/small-groups-go-back-to-1941 @history",
		"DOCUMENT document/earlier-opinion @footnote",
		"NODE person/yang-jiechi @member list",
		"REPORTED_COUNT count/beta-1981 @history",
	}
	if b := supportsOf(got[0]); !reflect.DeepEqual(b, wantBeta) || got[0].TotalCount != len(wantBeta) || got[0].HasNextPage {
		t.Errorf("source/beta supports %q (total %d, more %v), want %q", b, got[0].TotalCount, got[0].HasNextPage, wantBeta)
	}
	if len(got[1].Supports) != 0 || got[1].TotalCount != 0 {
		t.Errorf("an unknown source supports %v", supportsOf(got[1]))
	}

	// Filtered by kind and paged.
	first, err := s.Supports(ctx, atlas.SupportQuery{Sources: []string{"source/beta"}, Kinds: []atlas.SupportKind{atlas.SupportsRelation, atlas.SupportsPropertyClaim}, First: 4})
	if err != nil {
		t.Fatal(err)
	}
	if p := first[0]; len(p.Supports) != 4 || !p.HasNextPage || p.TotalCount != 6 {
		t.Fatalf("first page %v (total %d, more %v)", supportsOf(p), p.TotalCount, p.HasNextPage)
	}
	next, err := s.Supports(ctx, atlas.SupportQuery{Sources: []string{"source/beta"}, Kinds: []atlas.SupportKind{atlas.SupportsRelation, atlas.SupportsPropertyClaim}, First: 4, After: first[0].Cursors[3]})
	if err != nil {
		t.Fatal(err)
	}
	if p := supportsOf(next[0]); !reflect.DeepEqual(p, wantBeta[4:6]) || next[0].HasNextPage {
		t.Errorf("second page %q, want %q", p, wantBeta[4:6])
	}
	// The node of a claim comes with it, and is a copy.
	if c := first[0].Supports[0]; c.Relation == nil || c.Relation.From != "statement/small-groups-go-back-to-1941" {
		t.Errorf("relationship support without its relationship: %+v", c)
	}

	for _, bad := range []atlas.SupportQuery{
		{Sources: []string{"group/foreign-affairs-lsg"}},
		{Sources: []string{"source/Bad"}},
		{Sources: []string{"source/beta"}, Kinds: []atlas.SupportKind{"RUMOUR"}},
		{Sources: []string{"source/beta"}, First: atlas.MaxPageSize + 1},
		{Sources: []string{"source/beta"}, After: "not-a-cursor"},
	} {
		_, err := s.Supports(ctx, bad)
		if atlas.ErrorCode(err) != atlas.EINVALID {
			t.Errorf("Supports(%+v): code %q, want EINVALID", bad, atlas.ErrorCode(err))
		}
	}
}

// testSourceFilters: relationships and lists keep only what cites one of the sources
// asked for; a node counts as citing a source when it, a property claim or an alias does.
func testSourceFilters(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	rels, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{"group/foreign-affairs-lsg", "group/foreign-affairs-commission"}, Sources: []string{"source/beta"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rels[0] {
		got = append(got, r.ID)
	}
	want := []string{"about/statement/small-groups-go-back-to-1941/group/foreign-affairs-lsg",
		"member_of/institution/ministry-of-foreign-affairs/group/foreign-affairs-lsg", "member_of/person/yang-jiechi/group/foreign-affairs-lsg"}
	if !sameSet(got, want) || len(rels[1]) != 0 {
		t.Errorf("relations citing beta: %v and %d, want %v and none", got, len(rels[1]), want)
	}
	// Alpha relays beta (beta.citedVia): with relayed works, alpha's filter keeps what
	// cites beta too; without, only what cites alpha itself.
	for _, relayed := range []bool{false, true} {
		rels, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{"group/foreign-affairs-lsg"}, Types: []atlas.RelType{atlas.MemberOf}, Sources: []string{"source/alpha"}, IncludeRelayed: relayed})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rels[0] {
			got = append(got, r.ID)
		}
		var want []string
		if relayed {
			want = []string{"member_of/institution/ministry-of-foreign-affairs/group/foreign-affairs-lsg", "member_of/person/yang-jiechi/group/foreign-affairs-lsg"}
		}
		if !sameSet(got, want) {
			t.Errorf("members citing alpha, relayed works %v: %v, want %v", relayed, got, want)
		}
	}
	for _, tc := range []struct {
		kind    atlas.NodeKind
		sources []string
		relayed bool
		want    []string
	}{
		{atlas.GroupNode, []string{"source/beta"}, false, []string{"group/foreign-affairs-lsg"}}, // by its 1954 founding claim only
		{atlas.PersonNode, []string{"source/beta"}, false, []string{"person/yang-jiechi"}},
		{atlas.DocumentNode, []string{"source/beta", "source/alpha"}, false, []string{"document/earlier-opinion", "document/group-regulation"}},
		{atlas.SourceNode, []string{"source/beta"}, false, []string{}},
		// Alpha relays beta: with relayed works, alpha's filter keeps what cites beta too.
		{atlas.PersonNode, []string{"source/alpha"}, false, []string{"person/hu-jintao", "person/li-keqiang", "person/xi-jinping"}},
		{atlas.PersonNode, []string{"source/alpha"}, true, []string{"person/hu-jintao", "person/li-keqiang", "person/xi-jinping", "person/yang-jiechi"}},
		{atlas.GroupNode, []string{"source/alpha"}, true, []string{"group/foreign-affairs-commission", "group/foreign-affairs-lsg"}},
		{atlas.PersonNode, []string{"source/beta"}, true, []string{"person/yang-jiechi"}}, // beta relays nothing
	} {
		p, err := s.List(ctx, atlas.ListQuery{Kind: tc.kind, Order: atlas.Order{Field: atlas.OrderByID}, Filter: atlas.NodeFilter{CitedBy: tc.sources, IncludeRelayed: tc.relayed}})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(p.Nodes); !reflect.DeepEqual(got, tc.want) || p.TotalCount != len(tc.want) {
			t.Errorf("%s citing %v, relayed works %v: %v (total %d), want %v", tc.kind, tc.sources, tc.relayed, got, p.TotalCount, tc.want)
		}
	}
	_, err = s.Relations(ctx, atlas.RelationQuery{IDs: []string{"group/foreign-affairs-lsg"}, Sources: []string{"group/foreign-affairs-lsg"}})
	wantCode(t, err, atlas.EINVALID)
	_, err = s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{CitedBy: []string{"source/Bad"}}})
	wantCode(t, err, atlas.EINVALID)
}
