package conformance

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"lsgatlas/atlas"
)

// tierFixture is Fixture with gamma as a reference page: one relation cites alpha and
// gamma without date claims (a corpus fact: its strongest evidence is the corpus), and
// one cites both with a date claim from each (a fact of both tiers, each telling its
// dates).
func tierFixture() *atlas.Dataset {
	ds := Fixture()
	for _, s := range ds.Sources {
		if s.ID == "source/gamma" {
			s.Tier = atlas.ReferenceTier
		}
	}
	for _, r := range ds.Relations {
		switch {
		case r.Type == atlas.Chairs && r.From == "position/general-secretary":
			r.Sources = append(r.Sources, atlas.Citation{Source: "source/gamma", Locator: "structure"})
		case r.Type == atlas.MemberOf && r.From == "person/li-keqiang" && r.To == "group/foreign-affairs-commission":
			r.Sources = append(r.Sources, atlas.Citation{Source: "source/gamma", Locator: "people"})
			r.DateClaims = []atlas.DateClaim{
				{Part: atlas.StartPart, Value: atlas.MustDate("2018-03"), Sources: cite("source/alpha", "s2"), Confidence: atlas.Stated, Rank: atlas.Preferred},
				{Part: atlas.EndPart, Value: atlas.MustDate("2023-03"), Sources: cite("source/alpha", "s2"), Confidence: atlas.Stated, Rank: atlas.Preferred},
				{Part: atlas.StartPart, Value: atlas.MustDate("2018"), Sources: cite("source/gamma", "people"), Confidence: atlas.Stated, Rank: atlas.Normal},
			}
		}
	}
	return ds
}

// testRelationTiers pins the tier filter of Relations: import stores on each relation the
// tiers its evidence lies in (atlas.Relation.Tiers, the rule of atlas.RelationInTiers),
// and RelationQuery.Tiers keeps the relations of the tiers asked for, with no other read.
// A re-import that moves a source to another tier moves the relations citing it.
func testRelationTiers(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.Import(ctx, tierFixture()); err != nil {
		t.Fatalf("import: %v", err)
	}
	const (
		li = "person/li-keqiang"
		gs = "position/general-secretary"
	)
	corpus, reference := []atlas.SourceTier{atlas.CorpusTier}, []atlas.SourceTier{atlas.ReferenceTier}
	both := []atlas.SourceTier{atlas.ReferenceTier, atlas.CorpusTier}
	cases := []struct {
		name string
		q    atlas.RelationQuery
		want [][]string
	}{
		{"no tiers keeps every relation",
			atlas.RelationQuery{IDs: []string{li, gs}},
			[][]string{
				{"member_of/li-keqiang/deepening-reform/deputy", "member_of/li-keqiang/deepening-reform/member", "member_of/person/li-keqiang/group/foreign-affairs-commission"},
				{"chairs/position/general-secretary/group/foreign-affairs-lsg", "holds/person/hu-jintao/position/general-secretary", "holds/person/xi-jinping/position/general-secretary", "position_in/position/general-secretary/institution/standing-committee"},
			}},
		{"every tier is no filter",
			atlas.RelationQuery{IDs: []string{li}, Tiers: both},
			[][]string{{"member_of/li-keqiang/deepening-reform/deputy", "member_of/li-keqiang/deepening-reform/member", "member_of/person/li-keqiang/group/foreign-affairs-commission"}}},
		{"corpus: a fact with date claims from both tiers is in both",
			atlas.RelationQuery{IDs: []string{li}, Tiers: corpus},
			[][]string{{"member_of/li-keqiang/deepening-reform/deputy", "member_of/person/li-keqiang/group/foreign-affairs-commission"}}},
		{"reference: a fact with date claims from both tiers is in both",
			atlas.RelationQuery{IDs: []string{li}, Tiers: reference},
			[][]string{{"member_of/li-keqiang/deepening-reform/member", "member_of/person/li-keqiang/group/foreign-affairs-commission"}}},
		{"corpus: a fact cited by both tiers without date claims is a corpus fact",
			atlas.RelationQuery{IDs: []string{gs}, Tiers: corpus},
			[][]string{{"chairs/position/general-secretary/group/foreign-affairs-lsg", "holds/person/hu-jintao/position/general-secretary", "holds/person/xi-jinping/position/general-secretary"}}},
		{"reference: a fact cited by both tiers without date claims is not a reference fact",
			atlas.RelationQuery{IDs: []string{gs}, Tiers: reference},
			[][]string{{"position_in/position/general-secretary/institution/standing-committee"}}},
		{"tiers with the other filters",
			atlas.RelationQuery{IDs: []string{li, gs}, Types: []atlas.RelType{atlas.MemberOf, atlas.PositionIn}, Direction: atlas.Outgoing, Sources: []string{"source/alpha"}, Tiers: reference},
			[][]string{{"member_of/person/li-keqiang/group/foreign-affairs-commission"}, {}}},
		{"tiers with asOf",
			atlas.RelationQuery{IDs: []string{li}, AsOf: atlas.DatePtr("2013-12"), Tiers: reference},
			[][]string{{"member_of/li-keqiang/deepening-reform/member"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Relations(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d result lists, want %d", len(got), len(tc.want))
			}
			for i := range got {
				if g := relIDs(got[i]); !reflect.DeepEqual(g, tc.want[i]) {
					t.Errorf("list %d: got %v, want %v", i, g, tc.want[i])
				}
			}
		})
	}
	// The same asks at once (atlas.RelationsOf: one statement on a store that batches
	// them), with and without the far ends, filter by tier alike.
	qs := make([]atlas.RelationQuery, len(cases))
	for i, tc := range cases {
		qs[i] = tc.q
	}
	for _, ends := range []*atlas.Projection{nil, atlas.NewProjection("name")} {
		answers, err := atlas.RelationsOf(ctx, s, atlas.RelationAsks{Queries: qs, Ends: ends})
		if err != nil {
			t.Fatal(err)
		}
		batched := answers.Relations
		for i, tc := range cases {
			for j := range tc.want {
				if g := relIDs(batched[i][j]); !reflect.DeepEqual(g, tc.want[j]) {
					t.Errorf("batched, ends %s, %s, list %d: got %v, want %v", ends, tc.name, j, g, tc.want[j])
				}
			}
		}
	}
	// What import stored, exactly.
	wantTiers := map[string][]atlas.SourceTier{
		"member_of/li-keqiang/deepening-reform/deputy":                          corpus,
		"member_of/li-keqiang/deepening-reform/member":                          reference,
		"member_of/person/li-keqiang/group/foreign-affairs-commission":          {atlas.CorpusTier, atlas.ReferenceTier},
		"chairs/position/general-secretary/group/foreign-affairs-lsg":           corpus,
		"position_in/position/general-secretary/institution/standing-committee": reference,
	}
	got, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{li, gs}})
	if err != nil {
		t.Fatal(err)
	}
	for _, rels := range got {
		for _, r := range rels {
			if w, ok := wantTiers[r.ID]; ok && !reflect.DeepEqual(r.Tiers, w) {
				t.Errorf("tiers of %s = %v, want %v", r.ID, r.Tiers, w)
			}
		}
	}
	if _, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{li}, Tiers: []atlas.SourceTier{"WIKI"}}); atlas.ErrorCode(err) != atlas.EINVALID {
		t.Errorf("unknown tier: code %q (%v), want EINVALID", atlas.ErrorCode(err), err)
	}
	// Gamma back in the corpus: the tiers are derived again at import.
	if _, err := s.Import(ctx, Fixture()); err != nil {
		t.Fatalf("re-import: %v", err)
	}
	again, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{li, gs}, Tiers: reference})
	if err != nil {
		t.Fatal(err)
	}
	if g := [][]string{relIDs(again[0]), relIDs(again[1])}; !reflect.DeepEqual(g, [][]string{{}, {}}) {
		t.Errorf("reference after gamma moved to the corpus: got %v, want nothing", g)
	}
}

// testListTiers pins the tier filter of List: a node is kept when one of its facts (a
// citation, a claim or an alias, atlas.CitedSources) cites a source of the tiers, and with
// CitedBy, a source of CitedBy in the tiers (atlas.CitedByTiers), relayed works counted
// first when IncludeRelayed asks for them. Tiers alone are the tiers import stored on
// each node (atlas.Tiered; testNodeTiers), which give the same lists, in either order.
func testListTiers(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.Import(ctx, tierFixture()); err != nil {
		t.Fatalf("import: %v", err)
	}
	corpus, reference := []atlas.SourceTier{atlas.CorpusTier}, []atlas.SourceTier{atlas.ReferenceTier}
	for _, tc := range []struct {
		name   string
		kind   atlas.NodeKind
		filter atlas.NodeFilter
		want   []string
		desc   bool
	}{
		{"every tier is no filter", atlas.GroupNode, atlas.NodeFilter{Tiers: []atlas.SourceTier{atlas.ReferenceTier, atlas.CorpusTier}},
			[]string{"group/deepening-reform", "group/foreign-affairs-commission", "group/foreign-affairs-lsg", "group/guangdong-group"}, false},
		{"corpus", atlas.GroupNode, atlas.NodeFilter{Tiers: corpus},
			[]string{"group/foreign-affairs-commission", "group/foreign-affairs-lsg"}, false},
		// The upgraded group is in both: a reference page gives one of its founding years.
		{"reference, through a claim too", atlas.GroupNode, atlas.NodeFilter{Tiers: reference},
			[]string{"group/deepening-reform", "group/foreign-affairs-lsg", "group/guangdong-group"}, false},
		{"with other filters", atlas.GroupNode, atlas.NodeFilter{Tiers: reference, Levels: []atlas.Level{"CENTRAL"}},
			[]string{"group/deepening-reform", "group/foreign-affairs-lsg"}, false},
		{"sources outside the tiers keep nothing", atlas.GroupNode, atlas.NodeFilter{Tiers: reference, CitedBy: []string{"source/alpha", "source/beta"}},
			[]string{}, false},
		{"sources within the tiers", atlas.GroupNode, atlas.NodeFilter{Tiers: reference, CitedBy: []string{"source/alpha", "source/gamma"}},
			[]string{"group/deepening-reform", "group/foreign-affairs-lsg", "group/guangdong-group"}, false},
		{"relayed works count before the tiers narrow", atlas.PersonNode, atlas.NodeFilter{Tiers: corpus, CitedBy: []string{"source/alpha"}, IncludeRelayed: true},
			[]string{"person/hu-jintao", "person/li-keqiang", "person/xi-jinping", "person/yang-jiechi"}, false},
		{"without relayed works", atlas.PersonNode, atlas.NodeFilter{Tiers: corpus, CitedBy: []string{"source/alpha"}},
			[]string{"person/hu-jintao", "person/li-keqiang", "person/xi-jinping"}, false},
		{"a kind with no reference fact", atlas.PersonNode, atlas.NodeFilter{Tiers: reference},
			[]string{}, false},
		{"institutions", atlas.InstitutionNode, atlas.NodeFilter{Tiers: reference},
			[]string{"institution/standing-committee"}, false},
		{"stored tiers, descending", atlas.GroupNode, atlas.NodeFilter{Tiers: corpus},
			[]string{"group/foreign-affairs-lsg", "group/foreign-affairs-commission"}, true},
		{"stored tiers, reference, descending", atlas.GroupNode, atlas.NodeFilter{Tiers: reference},
			[]string{"group/guangdong-group", "group/foreign-affairs-lsg", "group/deepening-reform"}, true},
		{"stored tiers of documents", atlas.DocumentNode, atlas.NodeFilter{Tiers: corpus},
			[]string{"document/earlier-opinion", "document/group-regulation"}, false},
		{"stored tiers: a document cites no reference page", atlas.DocumentNode, atlas.NodeFilter{Tiers: reference},
			[]string{}, false},
		// A source's own tier is not a fact it cites: sources cite none (CitedSources).
		{"stored tiers: sources cite no source", atlas.SourceNode, atlas.NodeFilter{Tiers: corpus},
			[]string{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := s.List(ctx, atlas.ListQuery{Kind: tc.kind, Filter: tc.filter, Order: atlas.Order{Field: atlas.OrderByID, Desc: tc.desc}, First: atlas.MaxPageSize})
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, n := range page.Nodes {
				got = append(got, n.NodeID())
			}
			if !reflect.DeepEqual(got, tc.want) || page.TotalCount != len(tc.want) {
				t.Errorf("got %v (total %d), want %v", got, page.TotalCount, tc.want)
			}
			// Without the count, the same nodes and a total of 0.
			uncounted, err := s.List(ctx, atlas.ListQuery{Kind: tc.kind, Filter: tc.filter, Order: atlas.Order{Field: atlas.OrderByID, Desc: tc.desc},
				First: atlas.MaxPageSize, WithoutCount: true})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(uncounted.Nodes), ids(page.Nodes)) || uncounted.TotalCount != 0 {
				t.Errorf("without the count: %v (total %d), want %v (total 0)", ids(uncounted.Nodes), uncounted.TotalCount, ids(page.Nodes))
			}
		})
	}
	_, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{Tiers: []atlas.SourceTier{"WIKI"}}})
	wantCode(t, err, atlas.EINVALID)
}

// testNodeTiers pins the tiers import stores on each node (atlas.Tiered): the tiers of
// the sources its facts cite, exactly what a list filter by tiers alone matches
// (atlas.NodeFilter.Resolved); they are read back as imported, a list by them pages
// like any other, and a re-import that moves a source to another tier moves the nodes
// citing it.
func testNodeTiers(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	prepared := tierFixture().Prepared()
	if _, err := s.Import(ctx, tierFixture()); err != nil {
		t.Fatalf("import: %v", err)
	}
	corpus, reference := []atlas.SourceTier{atlas.CorpusTier}, []atlas.SourceTier{atlas.ReferenceTier}
	wantTiers := map[string][]atlas.SourceTier{
		"group/foreign-affairs-lsg":        {atlas.CorpusTier, atlas.ReferenceTier},
		"group/foreign-affairs-commission": corpus,
		"group/guangdong-group":            reference,
		"institution/standing-committee":   reference,
		"person/li-keqiang":                corpus,
		"source/gamma":                     nil,
	}
	nodes := prepared.Nodes()
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.NodeID()
	}
	stored, err := s.Nodes(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range stored {
		if n == nil {
			t.Fatalf("%s not stored", ids[i])
		}
		if got, want := n.NodeTiers(), nodes[i].NodeTiers(); !reflect.DeepEqual(got, want) {
			t.Errorf("tiers of %s read back = %v, want %v as imported", ids[i], got, want)
		}
		if w, ok := wantTiers[ids[i]]; ok && !reflect.DeepEqual(n.NodeTiers(), w) {
			t.Errorf("tiers of %s = %v, want %v", ids[i], n.NodeTiers(), w)
		}
	}
	// The stored tiers decide a list as the sources do, for every kind and tier.
	for _, kind := range atlas.NodeKinds {
		for _, tiers := range [][]atlas.SourceTier{corpus, reference} {
			want := []string{}
			filter := atlas.NodeFilter{Tiers: tiers}.Resolved(prepared.Sources)
			for _, n := range nodes {
				if n.NodeKind() == kind && atlas.MatchesFilter(n, filter) {
					want = append(want, n.NodeID())
				}
			}
			slices.Sort(want)
			if got := listIDs(t, s, atlas.ListQuery{Kind: kind, Filter: atlas.NodeFilter{Tiers: tiers}, Order: atlas.Order{Field: atlas.OrderByID}, First: atlas.MaxPageSize}); !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %v: got %v, want %v (through the sources)", kind, tiers, got, want)
			}
		}
	}
	// Pages by the stored tiers: two, then the rest after the cursor.
	first, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{Tiers: reference}, Order: atlas.Order{Field: atlas.OrderByID}, First: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := first.IDs(); !reflect.DeepEqual(got, []string{"group/deepening-reform", "group/foreign-affairs-lsg"}) || !first.HasNextPage || first.TotalCount != 3 {
		t.Errorf("first page: got %v (next %v, total %d)", got, first.HasNextPage, first.TotalCount)
	}
	if len(first.Cursors) == 2 {
		rest := listIDs(t, s, atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{Tiers: reference}, Order: atlas.Order{Field: atlas.OrderByID}, First: 2, After: first.Cursors[1]})
		if !reflect.DeepEqual(rest, []string{"group/guangdong-group"}) {
			t.Errorf("second page: got %v", rest)
		}
	}
	// Gamma back in the corpus: the nodes' tiers are derived again at import.
	if _, err := s.Import(ctx, Fixture()); err != nil {
		t.Fatalf("re-import: %v", err)
	}
	if got := listIDs(t, s, atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{Tiers: reference}, First: atlas.MaxPageSize}); !reflect.DeepEqual(got, []string{}) {
		t.Errorf("reference groups after gamma moved to the corpus: got %v, want none", got)
	}
	again, err := s.Nodes(ctx, []string{"group/guangdong-group"})
	if err != nil {
		t.Fatal(err)
	}
	if again[0] == nil || !reflect.DeepEqual(again[0].NodeTiers(), corpus) {
		t.Errorf("tiers of group/guangdong-group after gamma moved to the corpus: got %v, want %v", again[0], corpus)
	}
}

func listIDs(t *testing.T, s atlas.Store, q atlas.ListQuery) []string {
	t.Helper()
	page, err := s.List(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return page.IDs()
}
