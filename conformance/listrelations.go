package conformance

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"lsgatlas/atlas"
)

// testListWithRelations: a list page with relation asks of its nodes (atlas.ListWithRelations,
// in one call to a store that batches) gives the page List gives and, for each ask, what
// RelationsOf gives with the page's ids: in both orders, from a cursor, projected, with
// follow-ups and far ends, and with no asks at all. An ask naming ids of its own is
// EINVALID.
func testListWithRelations(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	asOf := atlas.MustDate("2018-03")
	positions := []atlas.NodeKind{atlas.PositionNode}
	// A group's chairs with the posts' holders, its members by role, everything else as of
	// a date; a person's chairs, and the posts held with what they chair.
	groupAsks := atlas.RelationAsks{
		Queries: []atlas.RelationQuery{
			{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming},
			{Types: []atlas.RelType{atlas.MemberOf}, Direction: atlas.Incoming, Roles: []atlas.MemberRole{"MEMBER"}},
			{AsOf: &asOf},
		},
		Then: []*atlas.FollowUp{{Kinds: positions, Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Incoming}}, nil, nil},
	}
	personAsks := atlas.RelationAsks{
		Queries: []atlas.RelationQuery{
			{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing},
			{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Outgoing},
		},
		Then: []*atlas.FollowUp{nil, {Kinds: positions, Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing}}},
	}
	ends := atlas.NewProjection("name", "title")
	withNext := groupsThenPeople(asOf)
	for _, tc := range []struct {
		name string
		q    atlas.ListQuery
		asks atlas.RelationAsks
	}{
		{"groups, then their people", atlas.ListQuery{Kind: atlas.GroupNode}, withNext},
		{"groups, then their people, follow-ups and far ends at both levels, two a page", atlas.ListQuery{Kind: atlas.GroupNode, First: 2},
			atlas.RelationAsks{Queries: groupAsks.Queries, Then: groupAsks.Then, Ends: ends, Next: withNext.Next}},
		{"groups, then nobody", atlas.ListQuery{Kind: atlas.GroupNode},
			atlas.RelationAsks{Queries: withNext.Queries, Next: &atlas.NextAsks{Kinds: []atlas.NodeKind{atlas.OfficeNode}, Queries: withNext.Next.Queries}}},
		{"groups", atlas.ListQuery{Kind: atlas.GroupNode}, groupAsks},
		{"groups, descending, two a page", atlas.ListQuery{Kind: atlas.GroupNode, First: 2, Order: atlas.Order{Field: atlas.OrderByName, Desc: true}}, groupAsks},
		{"groups, projected, far ends", atlas.ListQuery{Kind: atlas.GroupNode, Projection: atlas.NewProjection("name")},
			atlas.RelationAsks{Queries: groupAsks.Queries, Then: groupAsks.Then, Ends: ends}},
		{"groups, no follow-ups", atlas.ListQuery{Kind: atlas.GroupNode}, atlas.RelationAsks{Queries: groupAsks.Queries}},
		{"people, by id", atlas.ListQuery{Kind: atlas.PersonNode, Order: atlas.Order{Field: atlas.OrderByID}}, personAsks},
		{"no asks", atlas.ListQuery{Kind: atlas.GroupNode}, atlas.RelationAsks{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			for page := 0; ; page++ {
				gotPage, got, err := atlas.ListWithRelations(ctx, s, q, tc.asks)
				if err != nil {
					t.Fatal(err)
				}
				wantPage, err := s.List(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(gotPage, wantPage) {
					t.Fatalf("page %d: got %v\nwant %v", page, gotPage, wantPage)
				}
				ids := make([]string, len(wantPage.Nodes))
				for i, n := range wantPage.Nodes {
					ids[i] = n.NodeID()
				}
				asks := tc.asks
				asks.Next = nil
				asks.Queries = make([]atlas.RelationQuery, len(tc.asks.Queries))
				for i, rq := range tc.asks.Queries {
					rq.IDs = ids
					asks.Queries[i] = rq
				}
				want, err := atlas.RelationsOf(ctx, s, asks)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Relations, want.Relations) {
					t.Errorf("page %d: relations %v\nwant %v", page, got.Relations, want.Relations)
				}
				if !reflect.DeepEqual(got.Then, want.Then) {
					t.Errorf("page %d: follow-ups %v\nwant %v", page, got.Then, want.Then)
				}
				// The far ends are optional (RelationsOf); a store that returns them
				// returns those RelationsOf returns, and the next level's too.
				if got.Ends != nil && want.Ends != nil {
					for id, n := range want.Ends {
						if !reflect.DeepEqual(got.Ends[id], n) {
							t.Errorf("page %d: far end %s: %v\nwant %v", page, id, got.Ends[id], n)
						}
					}
					if tc.asks.Next == nil && len(got.Ends) != len(want.Ends) {
						t.Errorf("page %d: %d far ends, want %d", page, len(got.Ends), len(want.Ends))
					}
				}
				checkNext(t, ctx, s, asks, want, tc.asks.Next, got.Next)
				if !wantPage.HasNextPage {
					break
				}
				q.After = wantPage.Cursors[len(wantPage.Cursors)-1]
			}
		})
	}
	t.Run("ids of its own", func(t *testing.T) {
		_, _, err := atlas.ListWithRelations(ctx, s, atlas.ListQuery{Kind: atlas.GroupNode},
			atlas.RelationAsks{Queries: []atlas.RelationQuery{{IDs: []string{"group/foreign-affairs-lsg"}}}})
		wantCode(t, err, atlas.EINVALID)
	})
	t.Run("a follow-up too many", func(t *testing.T) {
		_, _, err := atlas.ListWithRelations(ctx, s, atlas.ListQuery{Kind: atlas.GroupNode},
			atlas.RelationAsks{Queries: []atlas.RelationQuery{{}}, Then: []*atlas.FollowUp{nil, nil}})
		wantCode(t, err, atlas.EINVALID)
	})
	t.Run("a bad list", func(t *testing.T) {
		_, _, err := atlas.ListWithRelations(ctx, s, atlas.ListQuery{Kind: atlas.GroupNode, First: -1}, groupAsks)
		wantCode(t, err, atlas.EINVALID)
	})
}

// testNodesWithRelations: nodes read by id with relation asks of them
// (atlas.NodesWithRelations, in one call to a store that batches) give the nodes
// ProjectedNodes gives, whole or projected, and for each ask what RelationsOf gives with
// the same ids: ids naming nothing, repeated and of several kinds among them; and the
// next level, what RelationsOf gives over the far ends of its kinds. An ask naming ids of
// its own, or a malformed id, is EINVALID.
func testNodesWithRelations(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	asOf := atlas.MustDate("2018-03")
	positions := []atlas.NodeKind{atlas.PositionNode}
	asks := atlas.RelationAsks{
		Queries: []atlas.RelationQuery{
			{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming},
			{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Outgoing},
			{AsOf: &asOf},
		},
		Then: []*atlas.FollowUp{
			{Kinds: positions, Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Incoming}},
			{Kinds: positions, Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing}},
			nil,
		},
	}
	withNext := groupsThenPeople(asOf)
	groups := []string{"group/foreign-affairs-lsg", "group/foreign-affairs-commission", "group/deepening-reform"}
	mixed := []string{"person/xi-jinping", "group/foreign-affairs-lsg", "person/nobody", "person/xi-jinping", "position/general-secretary"}
	for _, tc := range []struct {
		name string
		ids  []string
		p    *atlas.Projection
		asks atlas.RelationAsks
	}{
		{"groups, whole", groups, nil, asks},
		{"groups, projected, far ends", groups, atlas.NewProjection("name"), atlas.RelationAsks{Queries: asks.Queries, Then: asks.Then, Ends: atlas.NewProjection("name", "title")}},
		{"kinds mixed, one naming nothing, one repeated", mixed, atlas.NewProjection("name", "title"), asks},
		{"no asks", mixed, nil, atlas.RelationAsks{}},
		{"no ids", nil, nil, asks},
		{"groups, then their people", groups, nil, withNext},
		{"groups, then their people, follow-ups and far ends at both levels, projected", groups, atlas.NewProjection("name"),
			atlas.RelationAsks{Queries: asks.Queries, Then: asks.Then, Ends: atlas.NewProjection("name", "title"), Next: withNext.Next}},
		{"kinds mixed, then their people", mixed, nil, withNext},
		{"groups, then nobody", groups, nil,
			atlas.RelationAsks{Queries: withNext.Queries, Next: &atlas.NextAsks{Kinds: []atlas.NodeKind{atlas.OfficeNode}, Queries: withNext.Next.Queries}}},
		{"no ids, then their people", nil, nil, withNext},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nodes, got, err := atlas.NodesWithRelations(ctx, s, tc.ids, tc.p, tc.asks)
			if err != nil {
				t.Fatal(err)
			}
			want, err := atlas.ProjectedNodes(ctx, s, tc.ids, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			if len(nodes) != len(want) {
				t.Fatalf("%d nodes, want %d", len(nodes), len(want))
			}
			for i := range want {
				if (nodes[i] == nil) != (want[i] == nil) || nodes[i] != nil && !reflect.DeepEqual(nodes[i], want[i]) {
					t.Errorf("node %d: got %v\nwant %v", i, nodes[i], want[i])
				}
			}
			all := tc.asks
			all.Next = nil
			all.Queries = make([]atlas.RelationQuery, len(tc.asks.Queries))
			for i, rq := range tc.asks.Queries {
				rq.IDs = tc.ids
				all.Queries[i] = rq
			}
			wantRels, err := atlas.RelationsOf(ctx, s, all)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Relations, wantRels.Relations) {
				t.Errorf("relations %v\nwant %v", got.Relations, wantRels.Relations)
			}
			if !reflect.DeepEqual(got.Then, wantRels.Then) {
				t.Errorf("follow-ups %v\nwant %v", got.Then, wantRels.Then)
			}
			// The far ends are optional (RelationsOf); a store that returns them returns
			// those RelationsOf returns, and the next level's too.
			if got.Ends != nil && wantRels.Ends != nil {
				for id, n := range wantRels.Ends {
					if !reflect.DeepEqual(got.Ends[id], n) {
						t.Errorf("far end %s: %v\nwant %v", id, got.Ends[id], n)
					}
				}
				if tc.asks.Next == nil && len(got.Ends) != len(wantRels.Ends) {
					t.Errorf("%d far ends, want %d", len(got.Ends), len(wantRels.Ends))
				}
			}
			checkNext(t, ctx, s, all, wantRels, tc.asks.Next, got.Next)
		})
	}
	for _, tc := range []struct {
		name string
		ids  []string
		asks atlas.RelationAsks
	}{
		{"ids of its own", groups, atlas.RelationAsks{Queries: []atlas.RelationQuery{{IDs: groups}}}},
		{"a malformed id", []string{"group/Not A Slug"}, asks},
		{"a follow-up too many", groups, atlas.RelationAsks{Queries: []atlas.RelationQuery{{}}, Then: []*atlas.FollowUp{nil, nil}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := atlas.NodesWithRelations(ctx, s, tc.ids, nil, tc.asks)
			wantCode(t, err, atlas.EINVALID)
		})
	}
}

// groupsThenPeople asks for groups' members and chairs, then for the people among them:
// their memberships, chairs as of asOf, and posts with what the posts chair.
func groupsThenPeople(asOf atlas.PartialDate) atlas.RelationAsks {
	return atlas.RelationAsks{
		Queries: []atlas.RelationQuery{
			{Types: []atlas.RelType{atlas.MemberOf}, Direction: atlas.Incoming},
			{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming},
		},
		Next: &atlas.NextAsks{
			Kinds: []atlas.NodeKind{atlas.PersonNode},
			Queries: []atlas.RelationQuery{
				{Types: []atlas.RelType{atlas.MemberOf}, Direction: atlas.Outgoing},
				{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing, AsOf: &asOf},
				{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Outgoing},
			},
			Then: []*atlas.FollowUp{nil, nil, {Kinds: []atlas.NodeKind{atlas.PositionNode},
				Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing}}},
		},
	}
}

// checkNext compares got, the next level of a list or of nodes read by id, with what RelationsOf gives for next's
// queries over the far ends of its kinds that level 1 (asks, answered want) found.
func checkNext(t *testing.T, ctx context.Context, s atlas.Store, asks atlas.RelationAsks, want atlas.RelationAnswers, next *atlas.NextAsks, got *atlas.NextAnswers) {
	t.Helper()
	if next == nil {
		if got != nil {
			t.Errorf("a next level answered to none: %v", got)
		}
		return
	}
	if got == nil {
		t.Fatal("no next level answered")
	}
	var ids []string
	seen := map[string]bool{}
	for i, q := range asks.Queries {
		for _, id := range atlas.FarEnds(q, want.Relations[i], next.Kinds) {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	gotIDs := slices.Clone(got.IDs)
	slices.Sort(gotIDs)
	wantIDs := slices.Clone(ids)
	slices.Sort(wantIDs)
	if !slices.Equal(gotIDs, wantIDs) {
		t.Fatalf("next level of %v, want %v", got.IDs, wantIDs)
	}
	if len(ids) == 0 {
		if slices.Contains(next.Kinds, atlas.PersonNode) && len(want.Relations) > 0 && len(want.Relations[0]) > 2 {
			t.Error("the fixture's groups lead to no person: the next level goes untested")
		}
		return
	}
	qs := make([]atlas.RelationQuery, len(next.Queries))
	for i, q := range next.Queries {
		q.IDs = ids
		qs[i] = q
	}
	wantNext, err := atlas.RelationsOf(ctx, s, atlas.RelationAsks{Queries: qs, Then: next.Then})
	if err != nil {
		t.Fatal(err)
	}
	for i := range qs {
		byID := map[string][]atlas.Relation{}
		for j, id := range got.IDs {
			byID[id] = got.Relations[i][j]
		}
		for j, id := range ids {
			if !reflect.DeepEqual(byID[id], wantNext.Relations[i][j]) {
				t.Errorf("next level, query %d, %s: %v\nwant %v", i, id, byID[id], wantNext.Relations[i][j])
			}
		}
	}
	if !reflect.DeepEqual(got.Then, wantNext.Then) {
		t.Errorf("next level's follow-ups %v\nwant %v", got.Then, wantNext.Then)
	}
}
