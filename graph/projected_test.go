package graph_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"lsgatlas/atlas"
)

// projectionRecorder records the projections a request reads nodes with.
type projectionRecorder struct {
	*countingStore
	mu    sync.Mutex
	reads []string
}

func (r *projectionRecorder) record(kind string, p *atlas.Projection) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reads = append(r.reads, kind+" "+p.String())
}

func (r *projectionRecorder) List(ctx context.Context, q atlas.ListQuery) (atlas.Page, error) {
	r.record("List", q.Projection)
	return r.countingStore.List(ctx, q)
}

func (r *projectionRecorder) Nodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
	r.record("Nodes", nil)
	return r.countingStore.Nodes(ctx, ids)
}

func (r *projectionRecorder) ProjectedNodes(ctx context.Context, ids []string, p *atlas.Projection) ([]atlas.Node, error) {
	r.record("ProjectedNodes", p)
	return r.countingStore.ProjectedNodes(ctx, ids, p)
}

// TestEmbeddedStoreReadsProjected: over the embedded store, a query showing names reads
// its list page, or the nodes it names, and the next level's nodes with only what it
// selects of them (labels), and one selecting a property no projection covers reads
// whole nodes.
func TestEmbeddedStoreReadsProjected(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		want        []string
	}{
		{"names two levels deep", `{ groups(first: 5) { nodes { id name members { node { id label } } } } }`,
			[]string{"List name", "ProjectedNodes name"}},
		{"a property no projection covers", `{ groups(first: 5) { nodes { id established } } }`,
			[]string{"List *"}},
		{"named nodes, names two levels deep", `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Group { id name members { node { id label } } } } }`,
			[]string{"ProjectedNodes name", "ProjectedNodes name"}},
		{"named nodes, a property no projection covers", `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Group { id established } } }`,
			[]string{"Nodes *"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := &projectionRecorder{countingStore: syntheticStore(t, 5)}
			page, err := store.countingStore.List(context.Background(), atlas.ListQuery{Kind: atlas.GroupNode})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, n := range page.Nodes {
				ids = append(ids, n.NodeID())
			}
			srv, _ := plannedServer(t, store)
			var vars map[string]any
			if strings.Contains(tc.query, "$ids") {
				vars = map[string]any{"ids": ids}
			}
			var got struct {
				Groups struct{ Nodes []any }
				Nodes  []any
			}
			data(t, srv, tc.query, vars, &got)
			if n := len(got.Groups.Nodes) + len(got.Nodes); n != 5 {
				t.Fatalf("%d groups", n)
			}
			if !slices.Equal(store.reads, tc.want) {
				t.Errorf("reads %q, want %q", store.reads, tc.want)
			}
		})
	}
}
