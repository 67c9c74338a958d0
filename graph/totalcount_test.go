package graph_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"lsgatlas/atlas"
)

// countRecorder records whether each list the store is asked for wants its count.
type countRecorder struct {
	atlas.Store
	mu      sync.Mutex
	counted []bool
}

func (r *countRecorder) List(ctx context.Context, q atlas.ListQuery) (atlas.Page, error) {
	r.mu.Lock()
	r.counted = append(r.counted, !q.WithoutCount)
	r.mu.Unlock()
	return r.Store.List(ctx, q)
}

// TestListCountsOnlyWhenShown: a list asks the store for its count only when the query
// shows totalCount (through an alias, a fragment or a directive that keeps it), so that
// Neo4j does not read every node of a filtered kind for nothing; a shown count is the
// whole list's.
func TestListCountsOnlyWhenShown(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		counted     bool
	}{
		{"nodes only", `{ groups(first: 2) { nodes { id } } }`, nil, false},
		{"edges and page info", `{ groups(first: 2) { edges { cursor } pageInfo { hasNextPage } } }`, nil, false},
		{"the count", `{ groups(first: 2) { totalCount nodes { id } } }`, nil, true},
		{"the count alone", `{ groups(first: 0) { totalCount } }`, nil, true},
		{"an alias", `{ groups(first: 2) { n: totalCount } }`, nil, true},
		{"a fragment", `{ groups(first: 2) { ...c } } fragment c on GroupConnection { totalCount }`, nil, true},
		{"a directive that keeps it", `query($c: Boolean!) { groups(first: 2) { totalCount @include(if: $c) nodes { id } } }`, map[string]any{"c": true}, true},
		{"a directive that drops it", `query($c: Boolean!) { groups(first: 2) { totalCount @include(if: $c) nodes { id } } }`, map[string]any{"c": false}, false},
		{"filtered, people", `{ people(first: 2, filter: {nameContains: "xi"}) { nodes { id } } }`, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := &countRecorder{Store: fixtureStore(t)}
			srv := newServer(t, store)
			var got map[string]map[string]any
			data(t, srv, tc.query, tc.vars, &got)
			if want := []bool{tc.counted}; !slices.Equal(store.counted, want) {
				t.Fatalf("lists counted %v, want %v", store.counted, want)
			}
			for _, conn := range got {
				for _, key := range []string{"totalCount", "n"} {
					if v, ok := conn[key]; ok && v != float64(4) {
						t.Errorf("%s = %v, want 4 (every group)", key, v)
					}
				}
			}
		})
	}
}
