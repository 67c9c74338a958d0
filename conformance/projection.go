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
	for _, props := range [][]string{nil, {"name", "title", "text", "scope"}, {"kind", "nameZh", "established"}, {"sources", "claims", "aliases"}} {
		p := atlas.NewProjection(props...)
		got, err := atlas.ProjectedNodes(ctx, s, append(ids, "group/nothing"), p)
		if err != nil {
			t.Fatal(err)
		}
		if got[len(ids)] != nil {
			t.Errorf("projection %s: an unknown id gave %#v", p, got[len(ids)])
		}
		for i, n := range got[:len(ids)] {
			sameProjected(t, p, n, whole[i])
		}
	}
	for _, order := range []atlas.Order{{Field: atlas.OrderByName}, {Field: atlas.OrderByID, Desc: true}, {Field: atlas.OrderByEstablished}} {
		p := atlas.NewProjection("kind")
		var after, afterWhole string
		for range 20 {
			page, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Order: order, First: 2, After: after, Projection: p})
			if err != nil {
				t.Fatal(err)
			}
			want, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Order: order, First: 2, After: afterWhole})
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
// call to a store that batches them) give each what Relations gives it, and the far ends
// a store may return with them hold what ProjectedNodes would.
func testRelationsOf(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	ids := []string{"person/xi-jinping", "group/foreign-affairs-commission", "position/general-secretary", "person/nobody", "person/xi-jinping"}
	asOf := atlas.MustDate("2018-03")
	qs := []atlas.RelationQuery{
		{IDs: ids, Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming},
		{IDs: ids, Types: []atlas.RelType{atlas.Chairs, atlas.Holds}, Direction: atlas.Outgoing, AsOf: &asOf},
		{IDs: ids, Types: []atlas.RelType{atlas.MemberOf}, Roles: []atlas.MemberRole{"MEMBER"}, Sources: []string{"source/alpha"}},
		{IDs: ids},
	}
	for _, ends := range []*atlas.Projection{nil, atlas.NewProjection("name", "title", "kind")} {
		got, far, err := atlas.RelationsOf(ctx, s, qs, ends)
		if err != nil {
			t.Fatal(err)
		}
		wantEnds := map[string]bool{}
		for i, q := range qs {
			want, err := s.Relations(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("ends %s, query %d: got %v\nwant %v", ends, i, got[i], want)
			}
			for j, rels := range want {
				for _, r := range rels {
					end := r.To
					if end == q.IDs[j] {
						end = r.From
					}
					wantEnds[end] = true
				}
			}
		}
		// The far ends are optional; a store that returns them returns each, as
		// ProjectedNodes would.
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
			t.Errorf("%d far ends, want %d", len(far), len(wantEnds))
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
	g, w := jsonFields(t, got), jsonFields(t, want)
	for _, name := range p.Props() {
		if string(g[name]) != string(w[name]) {
			t.Errorf("projection %s, %s.%s: got %s, want %s", p, want.NodeID(), name, g[name], w[name])
		}
	}
}

func jsonFields(t *testing.T, n atlas.Node) map[string]json.RawMessage {
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
