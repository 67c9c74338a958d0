package graph_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"lsgatlas/atlas"
)

// countRecorder records whether each list the store is asked for wants its count, and
// whether it wants its cursors.
type countRecorder struct {
	atlas.Store
	mu       sync.Mutex
	counted  []bool
	cursored []bool
}

func (r *countRecorder) List(ctx context.Context, q atlas.ListQuery) (atlas.Page, error) {
	r.mu.Lock()
	r.counted = append(r.counted, !q.WithoutCount)
	r.cursored = append(r.cursored, !q.WithoutCursors)
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

// TestListMakesCursorsOnlyWhenShown: a list asks the store for its nodes' cursors only
// when the query shows a cursor (an edge's, or the page's start or end), and a shown
// cursor opens the next page.
func TestListMakesCursorsOnlyWhenShown(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		cursored    bool
	}{
		{"nodes only", `{ groups(first: 2) { nodes { id } } }`, nil, false},
		{"page info without cursors", `{ groups(first: 2) { pageInfo { hasNextPage } nodes { id } } }`, nil, false},
		{"edges without cursors", `{ groups(first: 2) { edges { node { id } } } }`, nil, false},
		{"edge cursors", `{ groups(first: 2) { edges { cursor } } }`, nil, true},
		{"the end cursor", `{ groups(first: 2) { pageInfo { endCursor } } }`, nil, true},
		{"the start cursor, aliased", `{ groups(first: 2) { pageInfo { s: startCursor } } }`, nil, true},
		{"a fragment", `{ groups(first: 2) { ...c } } fragment c on GroupConnection { edges { cursor } }`, nil, true},
		{"a directive that keeps it", `query($c: Boolean!) { groups(first: 2) { pageInfo { endCursor @include(if: $c) } } }`, map[string]any{"c": true}, true},
		{"a directive that drops it", `query($c: Boolean!) { groups(first: 2) { pageInfo { endCursor @include(if: $c) } nodes { id } } }`, map[string]any{"c": false}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := &countRecorder{Store: fixtureStore(t)}
			srv := newServer(t, store)
			var got struct {
				Groups struct {
					Edges    []struct{ Cursor string }
					PageInfo struct{ EndCursor, S string }
				}
			}
			data(t, srv, tc.query, tc.vars, &got)
			if want := []bool{tc.cursored}; !slices.Equal(store.cursored, want) {
				t.Fatalf("lists asked for cursors %v, want %v", store.cursored, want)
			}
			shown := got.Groups.PageInfo.EndCursor + got.Groups.PageInfo.S
			for _, e := range got.Groups.Edges {
				shown = e.Cursor
			}
			if shown == "" {
				return
			}
			var next struct {
				Groups struct{ Nodes []struct{ ID string } }
			}
			data(t, srv, `query($a: String) { groups(first: 2, after: $a) { nodes { id } } }`, map[string]any{"a": shown}, &next)
			if len(next.Groups.Nodes) == 0 {
				t.Errorf("the page after cursor %q is empty", shown)
			}
		})
	}
}
