package conformance

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// testProjections: nodes read with a projection (atlas.ProjectedNodes, ListQuery.Projection)
// hold every projected property exactly as the whole node does, whatever else a store
// leaves out, and a projected list has the whole list's nodes, cursors, count and pages.
func testProjections(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	var ids []string
	for _, n := range Fixture().Nodes() {
		ids = append(ids, n.NodeID())
	}
	whole, err := s.Nodes(ctx, append(ids, "group/nothing"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		props []string
		// exact: every property named is copied alone (atlas.ProjectNode), so a
		// projected node holds its id, its kind and those properties, nothing else.
		exact bool
	}{
		{nil, true},
		{[]string{"name", "title", "text", "scope"}, true},
		{[]string{"kind", "nameZh", "established"}, true},
		{copiedAlone.Props(), true},
		{[]string{"sources", "claims", "aliases"}, false},
	} {
		p := atlas.NewProjection(tc.props...)
		got, err := atlas.ProjectedNodes(ctx, s, append(ids, "group/nothing"), p)
		if err != nil {
			t.Fatal(err)
		}
		if got[len(ids)] != nil {
			t.Errorf("projection %s: an unknown id gave %#v", p, got[len(ids)])
		}
		for i, n := range got[:len(ids)] {
			sameProjected(t, p, n, whole[i])
			if !tc.exact {
				continue
			}
			if g, w := string(jsonOf(t, n)), string(jsonOf(t, atlas.ProjectNode(whole[i], p))); g != w {
				t.Errorf("projection %s of %s: got %s\nwant %s", p, ids[i], g, w)
			}
		}
	}
	// A projected read leaves the whole node as it was.
	again, err := s.Nodes(ctx, append(ids, "group/nothing"))
	if err != nil {
		t.Fatal(err)
	}
	if g, w := string(jsonOf(t, again)), string(jsonOf(t, whole)); g != w {
		t.Errorf("whole nodes after projected reads: got %s\nwant %s", g, w)
	}
	for _, tc := range []struct {
		order  atlas.Order
		filter atlas.NodeFilter
		p      *atlas.Projection
	}{
		{atlas.Order{Field: atlas.OrderByName}, atlas.NodeFilter{}, atlas.NewProjection("kind")},
		{atlas.Order{Field: atlas.OrderByID, Desc: true}, atlas.NodeFilter{}, atlas.NewProjection("kind")},
		{atlas.Order{Field: atlas.OrderByEstablished}, atlas.NodeFilter{}, atlas.NewProjection("kind")},
		{atlas.Order{Field: atlas.OrderByName}, atlas.NodeFilter{}, atlas.NewProjection()},
		{atlas.Order{Field: atlas.OrderByEstablished, Desc: true}, atlas.NodeFilter{}, copiedAlone},
		{atlas.Order{Field: atlas.OrderByName}, atlas.NodeFilter{}, atlas.NewProjection("name", "claims")},
		{atlas.Order{Field: atlas.OrderByName}, atlas.NodeFilter{NameContains: "leading"}, atlas.NewProjection("nameZh")},
	} {
		order, p := tc.order, tc.p
		var after, afterWhole string
		for range 20 {
			page, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Order: order, Filter: tc.filter, First: 2, After: after, Projection: p})
			if err != nil {
				t.Fatal(err)
			}
			want, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Order: order, Filter: tc.filter, First: 2, After: afterWhole})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(page.Cursors, want.Cursors) || page.TotalCount != want.TotalCount || page.HasNextPage != want.HasNextPage || len(page.Nodes) != len(want.Nodes) {
				t.Fatalf("order %+v: projected page %v (%d, %v), whole %v (%d, %v)", order, page.Cursors, page.TotalCount, page.HasNextPage, want.Cursors, want.TotalCount, want.HasNextPage)
			}
			for i := range page.Nodes {
				sameProjected(t, p, page.Nodes[i], want.Nodes[i])
			}
			if !page.HasNextPage {
				break
			}
			after, afterWhole = page.Cursors[len(page.Cursors)-1], want.Cursors[len(want.Cursors)-1]
		}
	}
}

// testRelationsOf: several relation queries answered at once (atlas.RelationsOf, in one
// call to a store that batches them) give each what Relations gives it; a follow-up gives
// each far end of its kinds what Relations gives it with the follow-up's query; and the far
// ends a store may return with them hold what ProjectedNodes would.
func testRelationsOf(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	ids := []string{"person/xi-jinping", "group/foreign-affairs-commission", "position/general-secretary", "person/nobody", "person/xi-jinping", "group/foreign-affairs-lsg"}
	asOf := atlas.MustDate("2018-03")
	qs := []atlas.RelationQuery{
		{IDs: ids, Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming},
		{IDs: ids, Types: []atlas.RelType{atlas.Chairs, atlas.Holds}, Direction: atlas.Outgoing, AsOf: &asOf},
		{IDs: ids, Types: []atlas.RelType{atlas.MemberOf}, Roles: []atlas.MemberRole{"MEMBER"}, Sources: []string{"source/alpha"}},
		{IDs: ids},
	}
	positions := []atlas.NodeKind{atlas.PositionNode}
	for _, tc := range []struct {
		name string
		then []*atlas.FollowUp
	}{
		{"no follow-ups", nil},
		{"follow-ups", []*atlas.FollowUp{
			// A chairs list's posts and their holders; what the posts held chair, as of a
			// date; none; every relationship of the groups and people met, by role.
			{Kinds: positions, Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Incoming}},
			{Kinds: positions, Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing, AsOf: &asOf}},
			nil,
			{Kinds: []atlas.NodeKind{atlas.GroupNode, atlas.PersonNode}, Query: atlas.RelationQuery{Roles: []atlas.MemberRole{"MEMBER"}}},
		}},
	} {
		for _, ends := range []*atlas.Projection{nil, atlas.NewProjection("name", "title", "kind")} {
			got, err := atlas.RelationsOf(ctx, s, atlas.RelationAsks{Queries: qs, Then: tc.then, Ends: ends})
			if err != nil {
				t.Fatal(err)
			}
			wantEnds := map[string]bool{}
			addEnds := func(q atlas.RelationQuery, rels [][]atlas.Relation) {
				for j, list := range rels {
					for k := range list {
						wantEnds[list[k].Other(q.IDs[j])] = true
					}
				}
			}
			for i, q := range qs {
				want, err := s.Relations(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Relations[i], want) {
					t.Errorf("%s, ends %s, query %d: got %v\nwant %v", tc.name, ends, i, got.Relations[i], want)
				}
				addEnds(q, want)
				if tc.then == nil || tc.then[i] == nil {
					if got.Then != nil && got.Then[i] != nil {
						t.Errorf("%s, query %d: follow-up answers %v to no follow-up", tc.name, i, got.Then[i])
					}
					continue
				}
				fq := tc.then[i].Query
				fq.IDs = atlas.FarEnds(q, want, tc.then[i].Kinds)
				wantThen := map[string][]atlas.Relation{}
				if len(fq.IDs) > 0 {
					rels, err := s.Relations(ctx, fq)
					if err != nil {
						t.Fatal(err)
					}
					for j, id := range fq.IDs {
						wantThen[id] = append([]atlas.Relation{}, rels[j]...)
					}
					addEnds(fq, rels)
				}
				if len(fq.IDs) == 0 {
					t.Errorf("%s, query %d: the fixture gives the follow-up no far end to test", tc.name, i)
				}
				if got.Then == nil || !reflect.DeepEqual(got.Then[i], wantThen) {
					t.Errorf("%s, ends %s, query %d's follow-up: got %v\nwant %v", tc.name, ends, i, got.Then, wantThen)
				}
			}
			// The far ends are optional; a store that returns them returns each, as
			// ProjectedNodes would.
			far := got.Ends
			if far == nil {
				continue
			}
			if ends == nil {
				t.Errorf("far ends without a projection: %v", far)
			}
			for id := range wantEnds {
				whole, err := s.Nodes(ctx, []string{id})
				if err != nil {
					t.Fatal(err)
				}
				sameProjected(t, ends, far[id], whole[0])
			}
			if len(far) != len(wantEnds) {
				t.Errorf("%s: %d far ends, want %d", tc.name, len(far), len(wantEnds))
			}
		}
	}
}

// sameProjected checks that got has the id, kind and every property of p that want has,
// compared as their JSON.
func sameProjected(t *testing.T, p *atlas.Projection, got, want atlas.Node) {
	t.Helper()
	if got == nil || got.NodeID() != want.NodeID() || got.NodeKind() != want.NodeKind() {
		t.Errorf("projection %s: got %#v for %s", p, got, want.NodeID())
		return
	}
	g, w := JSONFields(t, got), JSONFields(t, want)
	for _, name := range p.Props() {
		if string(g[name]) != string(w[name]) {
			t.Errorf("projection %s, %s.%s: got %s, want %s", p, want.NodeID(), name, g[name], w[name])
		}
	}
}

// copiedAlone projects properties of every kind that are values, pointers to values or
// lists of strings: what a store can copy alone, so a node read with it holds nothing else.
var copiedAlone = atlas.NewProjection("name", "nameZh", "title", "text", "scope", "kind", "system", "level",
	"established", "abolished", "categories", "crossSystem", "authors", "seats", "born", "died", "date", "year", "value",
	"tier", "staffing")

func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// JSONFields is n as JSON, field by field: what a projected read is compared by.
func JSONFields(t *testing.T, n atlas.Node) map[string]json.RawMessage {
	t.Helper()
	b, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
