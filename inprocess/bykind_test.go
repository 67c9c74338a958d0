package inprocess

import (
	"context"
	"maps"
	"slices"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

// TestNodesByKindFollowImports: List reads only the nodes of its kind (byKind), so
// byKind must hold exactly the stored nodes, each under its kind, after an import that
// adds nodes and after one that drops them.
func TestNodesByKindFollowImports(t *testing.T) {
	ctx := context.Background()
	full := conformance.Fixture()
	smaller := conformance.Fixture()
	smaller.Groups = smaller.Groups[:0]
	kept := smaller.Relations[:0]
	for _, r := range smaller.Relations {
		if k, _ := atlas.KindOfID(r.From); k == atlas.GroupNode {
			continue
		}
		if k, _ := atlas.KindOfID(r.To); k == atlas.GroupNode {
			continue
		}
		kept = append(kept, r)
	}
	smaller.Relations = kept
	s := New()
	for i, ds := range []*atlas.Dataset{full, smaller, full} {
		if _, err := s.Import(ctx, ds); err != nil {
			t.Fatalf("import %d: %v", i, err)
		}
		want := map[atlas.NodeKind]map[string]atlas.Node{}
		for id, n := range s.nodes {
			if want[n.NodeKind()] == nil {
				want[n.NodeKind()] = map[string]atlas.Node{}
			}
			want[n.NodeKind()][id] = n
		}
		for _, k := range atlas.NodeKinds {
			if !maps.Equal(s.byKind[k], want[k]) {
				t.Errorf("import %d: %s: byKind has %d nodes, the store %d", i, k, len(s.byKind[k]), len(want[k]))
			}
		}
		page, err := s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, First: 100})
		if err != nil {
			t.Fatal(err)
		}
		if page.TotalCount != len(want[atlas.GroupNode]) {
			t.Errorf("import %d: List counts %d groups, the store holds %d", i, page.TotalCount, len(want[atlas.GroupNode]))
		}
	}
}

// TestKeptListOrdersMatchTheScan: an unfiltered List pages through the order kept for
// its kind (sortedKind); walked page by page with cursors, in every order, it gives
// exactly the nodes a scan and sort of the kind gives, and after an import that drops
// the groups it no longer gives them (load forgets the kept orders).
func TestKeptListOrdersMatchTheScan(t *testing.T) {
	ctx := context.Background()
	s := New()
	full := conformance.Fixture()
	if _, err := s.Import(ctx, full); err != nil {
		t.Fatal(err)
	}
	walk := func(kind atlas.NodeKind, order atlas.Order) []string {
		var ids []string
		after := ""
		for {
			page, err := s.List(ctx, atlas.ListQuery{Kind: kind, Order: order, First: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range page.Nodes {
				ids = append(ids, n.NodeID())
			}
			if !page.HasNextPage {
				return ids
			}
			after = page.Cursors[len(page.Cursors)-1]
		}
	}
	for _, kind := range atlas.NodeKinds {
		for _, field := range []atlas.OrderField{atlas.OrderByName, atlas.OrderByID} {
			for _, desc := range []bool{false, true} {
				order := atlas.Order{Field: field, Desc: desc}
				var want []string
				for _, r := range s.filteredRows(atlas.ListQuery{Kind: kind, Order: order}) {
					want = append(want, r.node.NodeID())
				}
				if got := walk(kind, order); !slices.Equal(got, want) {
					t.Errorf("%s by %s desc=%v: pages give %v, the scan %v", kind, field, desc, got, want)
				}
			}
		}
	}
	if len(walk(atlas.GroupNode, atlas.Order{Field: atlas.OrderByName})) == 0 {
		t.Fatal("the fixture has no groups")
	}
	smaller := conformance.Fixture()
	smaller.Groups = nil
	kept := smaller.Relations[:0]
	for _, r := range smaller.Relations {
		fk, _ := atlas.KindOfID(r.From)
		tk, _ := atlas.KindOfID(r.To)
		if fk != atlas.GroupNode && tk != atlas.GroupNode {
			kept = append(kept, r)
		}
	}
	smaller.Relations = kept
	if _, err := s.Import(ctx, smaller); err != nil {
		t.Fatal(err)
	}
	if got := walk(atlas.GroupNode, atlas.Order{Field: atlas.OrderByName}); len(got) != 0 {
		t.Errorf("after the groups were dropped, List still gives %v", got)
	}
}
