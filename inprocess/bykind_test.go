package inprocess

import (
	"context"
	"maps"
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
