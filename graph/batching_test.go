package graph_test

import (
	"context"
	"maps"
	"net/http/httptest"
	"sync"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
	"lsgatlas/inprocess"
	"lsgatlas/internal/synthetic"
)

// countingStore counts the calls a request makes to each Store method.
type countingStore struct {
	atlas.Store
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingStore) count(method string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls[method]++
}

func (c *countingStore) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	calls := c.calls
	c.calls = map[string]int{}
	return calls
}

func (c *countingStore) Nodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
	c.count("Nodes")
	return c.Store.Nodes(ctx, ids)
}

// ProjectedNodes passes projected reads through (the embedded store projects), so the
// calls counted are those of a request that projects.
func (c *countingStore) ProjectedNodes(ctx context.Context, ids []string, p *atlas.Projection) ([]atlas.Node, error) {
	c.count("Nodes")
	return atlas.ProjectedNodes(ctx, c.Store, ids, p)
}

func (c *countingStore) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	c.count("Relations")
	return c.Store.Relations(ctx, q)
}

func (c *countingStore) Snapshot(ctx context.Context) (*atlas.Dataset, error) {
	c.count("Snapshot")
	return c.Store.Snapshot(ctx)
}

func (c *countingStore) List(ctx context.Context, q atlas.ListQuery) (atlas.Page, error) {
	c.count("List")
	return c.Store.List(ctx, q)
}

// syntheticStore is an embedded store holding synthetic.Dataset(n), counting its calls.
func syntheticStore(tb testing.TB, n int) *countingStore {
	tb.Helper()
	s := inprocess.New()
	if _, err := s.Import(context.Background(), synthetic.Dataset(n)); err != nil {
		tb.Fatal(err)
	}
	return &countingStore{Store: s, calls: map[string]int{}}
}

const batchingQuery = `query($n: Int) {
	groups(first: $n) { nodes { id
		chairs { derived node { label } via { title } }
		members(roles: [MEMBER]) { node { ... on Person { label memberships { node { label } } } } }
	} }
}`

// plannedServer serves GraphQL over store like newServer, and records the loader stats
// of the last request.
func plannedServer(t *testing.T, store atlas.Store) (*httptest.Server, func() loader.Stats) {
	t.Helper()
	return memoServer(t, store, loader.Memos{})
}

// TestStoreCallsDependOnDepthNotSize proves the planner: each query shape costs exactly
// the same store calls over 5, 50 and 100 groups (a page holds at most 100; 200 groups
// are two pages, two requests, each costing the same), one per kind of ask per level,
// and no resolver ever has to read for itself (zero misses).
func TestStoreCallsDependOnDepthNotSize(t *testing.T) {
	store := syntheticStore(t, 200)
	srv, stats := plannedServer(t, store)
	for _, tc := range []struct {
		name  string
		query string
		want  map[string]int
	}{
		{"one level", `query($n: Int) { groups(first: $n) { totalCount nodes { id name kind } } }`,
			map[string]int{"List": 1}},
		// chairs (stored), holders of the chairing positions, members; the nodes at the
		// other ends; the members' memberships (their groups are already at hand).
		{"three levels with derived chairs", batchingQuery,
			map[string]int{"List": 1, "Relations": 4, "Nodes": 1}},
		// people's chairs and holdings, then the chairs of the positions they hold.
		{"people's chairs through positions", `query($n: Int) { people(first: $n) { nodes { id
			chairs(asOf: "2015") { holding holdingReason node { id } via { title } derivations { holds { start } chairs { node { id } } } } } } }`,
			map[string]int{"List": 1, "Relations": 3, "Nodes": 1}},
		{"generic relationships and citations", `query($n: Int) { groups(first: $n) { edges { node { id
			sources { source { title citedVia { id } } }
			relationships(types: [CHAIRS, MEMBER_OF], direction: INCOMING) { type node { id } sources { locator source { id } } }
			stored: chairs(derived: EXCLUDE) { node { id } } } } } }`,
			map[string]int{"List": 1, "Relations": 2, "Nodes": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, n := range []int{5, 50, 100, 200} {
				pages := 1 + (n-1)/100
				for range pages {
					store.reset()
					var got struct {
						Groups, People struct{ Nodes []any }
					}
					data(t, srv, tc.query, map[string]any{"n": min(n, 100)}, &got)
					calls := store.reset()
					if !maps.Equal(calls, tc.want) {
						t.Errorf("%d groups: store calls %v, want %v", n, calls, tc.want)
					}
					if s := stats(); s.Misses != 0 {
						t.Errorf("%d groups: %d cache misses, want a fully planned request", n, s.Misses)
					}
				}
			}
		})
	}
}

// TestBatchingQueryAnswers checks what the batching query returns: each synthetic group
// has one direct person chair, one chairing position and the two people who held it.
func TestBatchingQueryAnswers(t *testing.T) {
	srv := newServer(t, syntheticStore(t, 5))
	var got struct {
		Groups struct {
			Nodes []struct {
				ID      string
				Chairs  []struct{ Derived bool }
				Members []struct{ Node struct{ Label string } }
			}
		}
	}
	data(t, srv, batchingQuery, map[string]any{"n": 5}, &got)
	for _, g := range got.Groups.Nodes {
		if len(g.Chairs) != 4 || len(g.Members) != 3 {
			t.Fatalf("%s: %d chairs, %d members", g.ID, len(g.Chairs), len(g.Members))
		}
	}
}

// TestUnplannedFieldIsOneCallWithoutWaiting: a resolver the planner did not cover reads
// for itself at once (a miss) rather than waiting for company.
func TestUnplannedFieldIsOneCallWithoutWaiting(t *testing.T) {
	store := syntheticStore(t, 5)
	l := loader.New(store)
	store.reset()
	edges, err := l.Edges(context.Background(), "group/g0", loader.Spec{Types: []atlas.RelType{atlas.MemberOf}, Direction: atlas.Incoming})
	if err != nil || len(edges) != 3 {
		t.Fatalf("edges = %d, %v", len(edges), err)
	}
	if s := l.Stats(); s.Misses != 1 || s.StoreCalls != 1 {
		t.Errorf("stats = %+v, want one call, one miss", s)
	}
	if _, err := l.Edges(context.Background(), "group/g0", loader.Spec{Types: []atlas.RelType{atlas.MemberOf}, Direction: atlas.Incoming}); err != nil || l.Stats().StoreCalls != 1 {
		t.Errorf("a second read of the same ask went to the store: %+v", l.Stats())
	}
}
