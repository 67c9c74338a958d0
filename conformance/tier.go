package conformance

import (
	"context"
	"reflect"
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
		batched, _, err := atlas.RelationsOf(ctx, s, qs, ends)
		if err != nil {
			t.Fatal(err)
		}
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
// first when IncludeRelayed asks for them.
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
	}{
		{"every tier is no filter", atlas.GroupNode, atlas.NodeFilter{Tiers: []atlas.SourceTier{atlas.ReferenceTier, atlas.CorpusTier}},
			[]string{"group/deepening-reform", "group/foreign-affairs-commission", "group/foreign-affairs-lsg", "group/guangdong-group"}},
		{"corpus", atlas.GroupNode, atlas.NodeFilter{Tiers: corpus},
			[]string{"group/foreign-affairs-commission", "group/foreign-affairs-lsg"}},
		// The upgraded group is in both: a reference page gives one of its founding years.
		{"reference, through a claim too", atlas.GroupNode, atlas.NodeFilter{Tiers: reference},
			[]string{"group/deepening-reform", "group/foreign-affairs-lsg", "group/guangdong-group"}},
		{"with other filters", atlas.GroupNode, atlas.NodeFilter{Tiers: reference, Levels: []atlas.Level{"CENTRAL"}},
			[]string{"group/deepening-reform", "group/foreign-affairs-lsg"}},
		{"sources outside the tiers keep nothing", atlas.GroupNode, atlas.NodeFilter{Tiers: reference, CitedBy: []string{"source/alpha", "source/beta"}},
			[]string{}},
		{"sources within the tiers", atlas.GroupNode, atlas.NodeFilter{Tiers: reference, CitedBy: []string{"source/alpha", "source/gamma"}},
			[]string{"group/deepening-reform", "group/foreign-affairs-lsg", "group/guangdong-group"}},
		{"relayed works count before the tiers narrow", atlas.PersonNode, atlas.NodeFilter{Tiers: corpus, CitedBy: []string{"source/alpha"}, IncludeRelayed: true},
			[]string{"person/hu-jintao", "person/li-keqiang", "person/xi-jinping", "person/yang-jiechi"}},
		{"without relayed works", atlas.PersonNode, atlas.NodeFilter{Tiers: corpus, CitedBy: []string{"source/alpha"}},
			[]string{"person/hu-jintao", "person/li-keqiang", "person/xi-jinping"}},
		{"a kind with no reference fact", atlas.PersonNode, atlas.NodeFilter{Tiers: reference},
			[]string{}},
		{"institutions", atlas.InstitutionNode, atlas.NodeFilter{Tiers: reference},
			[]string{"institution/standing-committee"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := s.List(ctx, atlas.ListQuery{Kind: tc.kind, Filter: tc.filter, Order: atlas.Order{Field: atlas.OrderByID}, First: atlas.MaxPageSize})
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
		})
	}
	_, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Filter: atlas.NodeFilter{Tiers: []atlas.SourceTier{"WIKI"}}})
	wantCode(t, err, atlas.EINVALID)
}
