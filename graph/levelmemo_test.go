package graph_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/graph"
	"lsgatlas/graph/loader"
	"lsgatlas/inprocess"
	"lsgatlas/internal/gqlhttp"
	"lsgatlas/internal/gqltest"
	"lsgatlas/internal/synthetic"
)

// endsStore is batchingStore bringing the far ends' nodes with the relations, projected
// as asked (atlas.RelationAnswers.Ends), as Neo4j does.
type endsStore struct{ batchingStore }

func (e endsStore) NodesWithRelations(ctx context.Context, ids []string, p *atlas.Projection, asks atlas.RelationAsks) ([]atlas.Node, atlas.RelationAnswers, error) {
	nodes, got, err := e.batchingStore.NodesWithRelations(ctx, ids, p, asks)
	if err != nil {
		return nodes, got, err
	}
	queries := make([][]string, len(asks.Queries))
	for i := range queries {
		queries[i] = ids
	}
	return nodes, got, gqltest.AddEnds(ctx, e.countingStore.Store, queries, asks, &got)
}

// sharedDataset is synthetic.Dataset(n) in which the people of one group are also found
// near the next: the third member of each group is a member of the next group too, and
// holds the post chairing it (from 2012), so nodes read together share far ends, and the
// members' chairs are derived through a follow-up of the level below.
func sharedDataset(n int) *atlas.Dataset {
	ds := synthetic.Dataset(n)
	cite := []atlas.Citation{{Source: "source/s", Locator: "x"}}
	role := atlas.MemberRole("MEMBER")
	for i := range n {
		p, next := fmt.Sprintf("person/p%d-3", i), (i+1)%n
		ds.Relations = append(ds.Relations,
			&atlas.Relation{ID: "MEMBER_OF/also/" + p, Type: atlas.MemberOf, From: p, To: fmt.Sprintf("group/g%d", next), Role: &role,
				Start: atlas.DatePtr("2012"), Confidence: atlas.Stated, Sources: cite},
			&atlas.Relation{ID: "HOLDS/also/" + p, Type: atlas.Holds, From: p, To: fmt.Sprintf("position/p%d", next),
				Start: atlas.DatePtr("2012"), Confidence: atlas.Stated, Sources: cite})
	}
	return ds
}

func sharedStore(t *testing.T, n int) *countingStore {
	t.Helper()
	s := inprocess.New()
	if _, err := s.Import(context.Background(), sharedDataset(n)); err != nil {
		t.Fatal(err)
	}
	return &countingStore{Store: s, calls: map[string]int{}}
}

// memoServer serves GraphQL over store with memos, and records the loader stats of the
// last request.
func memoServer(t *testing.T, store atlas.Store, memos loader.Memos) (*httptest.Server, func() loader.Stats) {
	t.Helper()
	gql := gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{})
	var mu sync.Mutex
	var last *loader.Loaders
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := loader.New(store).WithMemos(memos)
		mu.Lock()
		last = l
		mu.Unlock()
		gql.ServeHTTP(w, r.WithContext(loader.WithLoaders(r.Context(), l)))
	}))
	t.Cleanup(srv.Close)
	return srv, func() loader.Stats {
		mu.Lock()
		defer mu.Unlock()
		return last.Stats()
	}
}

// TestLevelsMemoizedByRevision: from a store that batches, a root field's nodes read with
// the two levels below them are kept node by node, so a later request at the same
// revision takes the nodes it shares with earlier ones from the memo, reads only the
// others (none when it has them all), and answers exactly what a server without the
// memo answers, whatever the company and order of its ids, the far ends' nodes included;
// after a write it reads again and answers the new data.
func TestLevelsMemoizedByRevision(t *testing.T) {
	twoLevels := `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Group { name
		chairs { holding derived node { id label } via { title } } members { role node { id label } } } } }`
	threeLevels := `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Group { name
		members { role node { id label ... on Person { memberships { role node { id label } }
			chairs(asOf: "2015") { derived holding node { id } via { title } } } } } } } }`
	groups := func(ns ...int) []any {
		var out []any
		for _, n := range ns {
			out = append(out, "group/g"+strconv.Itoa(n))
		}
		return out
	}
	type step struct {
		ids      []any
		memoized int // nodes taken from the memo
		read     bool
	}
	steps := []step{
		{groups(1, 2, 3), 0, true},
		{groups(3, 4, 2), 2, true},                    // two known, one read
		{groups(4, 3, 2, 1, 1), 4, false},             // all known, one twice
		{append(groups(2), "group/nothing"), 1, true}, // an id that names nothing is read once…
		{append(groups(5), "group/nothing"), 1, true}, // …and then known
	}
	for _, query := range []struct{ name, text string }{{"two levels", twoLevels}, {"three levels", threeLevels}} {
		for _, kind := range []string{"relations only", "with far ends"} {
			t.Run(query.name+", "+kind, func(t *testing.T) {
				plainStore, counted := sharedStore(t, 12), sharedStore(t, 12)
				batching := func(c *countingStore) atlas.Store {
					if kind == "with far ends" {
						return endsStore{batchingStore{c}}
					}
					return batchingStore{c}
				}
				plain, _ := memoServer(t, batching(plainStore), loader.Memos{})
				srv, stats := memoServer(t, batching(counted), loader.Memos{Levels: loader.NewLevelMemo(gqlhttp.DefaultLevelMemoRelations)})
				for i, s := range steps {
					vars := map[string]any{"ids": s.ids}
					plainStore.reset()
					want := post(t, plain, query.text, vars)
					counted.reset()
					got := post(t, srv, query.text, vars)
					if len(want.Errors) > 0 || string(got.Data) != string(want.Data) {
						t.Fatalf("step %d: the answer differs from the one without the memo:\n%s\n%s %v", i, got.Data, want.Data, want.Errors)
					}
					// The memo saves the read of the nodes with their levels, and only
					// that: whatever else the request reads (the far ends' nodes a
					// store without them reads in one call, the level below) it reads
					// as without the memo.
					wantCalls := plainStore.reset()
					if !s.read {
						delete(wantCalls, "NodesWithRelations")
					}
					calls := counted.reset()
					if st := stats(); st.MemoizedLevels != s.memoized || !maps.Equal(calls, wantCalls) || st.Misses != 0 {
						t.Errorf("step %d: %d nodes from the memo, calls %v, %d misses; want %d from the memo, calls %v, no misses",
							i, st.MemoizedLevels, calls, st.Misses, s.memoized, wantCalls)
					}
				}
				// A write: every membership goes. The next request reads again.
				ds := sharedDataset(12)
				ds.Relations = slices.DeleteFunc(ds.Relations, func(r *atlas.Relation) bool { return r.Type == atlas.MemberOf })
				for _, s := range []atlas.Store{plainStore, counted} {
					if _, err := s.Import(context.Background(), ds); err != nil {
						t.Fatal(err)
					}
				}
				vars := map[string]any{"ids": groups(1, 2, 3)}
				want, got := post(t, plain, query.text, vars), post(t, srv, query.text, vars)
				if string(got.Data) != string(want.Data) || stats().MemoizedLevels != 0 {
					t.Errorf("after the write: %d nodes from the memo, answer\n%s\nwant\n%s", stats().MemoizedLevels, got.Data, want.Data)
				}
			})
		}
	}
}

// TestLevelMemoOff: without a memo, or one too small for a request's nodes, every
// request reads its nodes.
func TestLevelMemoOff(t *testing.T) {
	query := `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Group { members { node { id } } } } }`
	vars := map[string]any{"ids": []any{"group/g1", "group/g2"}}
	for _, tc := range []struct {
		name  string
		memos loader.Memos
	}{
		{"no memo", loader.Memos{}},
		{"bounded at 0", loader.Memos{Levels: loader.NewLevelMemo(0)}},
		{"bounded at one relationship", loader.Memos{Levels: loader.NewLevelMemo(1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counted := syntheticStore(t, 4)
			srv, stats := memoServer(t, batchingStore{counted}, tc.memos)
			for i := range 2 {
				post(t, srv, query, vars)
				if calls := counted.reset(); calls["NodesWithRelations"] != 1 || stats().MemoizedLevels != 0 {
					t.Errorf("request %d: calls %v, %d from the memo; want one read, none from the memo", i, maps.Clone(calls), stats().MemoizedLevels)
				}
			}
		})
	}
}
