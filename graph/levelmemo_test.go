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
	return nodes, got, gqltest.AddEnds(ctx, e.countingStore.Store, ids, asks, &got)
}

func (e endsStore) ListWithRelations(ctx context.Context, q atlas.ListQuery, asks atlas.RelationAsks) (atlas.Page, atlas.RelationAnswers, error) {
	page, got, err := e.batchingStore.ListWithRelations(ctx, q, asks)
	if err != nil {
		return page, got, err
	}
	return page, got, gqltest.AddEnds(ctx, e.countingStore.Store, page.IDs(), asks, &got)
}

func (e endsStore) RelationsOf(ctx context.Context, asks atlas.RelationAsks) (atlas.RelationAnswers, error) {
	got, err := e.batchingStore.RelationsOf(ctx, asks)
	if err != nil {
		return got, err
	}
	return got, gqltest.AddEnds(ctx, e.countingStore.Store, nil, asks, &got)
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

// askBoth asks plain and srv the same query, at step step of a test, requires the same
// answer of both, and returns the store calls srv's answer made (counted is its store).
func askBoth(t *testing.T, step int, plain, srv *httptest.Server, counted *countingStore, query string, vars map[string]any) map[string]int {
	t.Helper()
	want := post(t, plain, query, vars)
	counted.reset()
	got := post(t, srv, query, vars)
	if len(want.Errors) > 0 || string(got.Data) != string(want.Data) {
		t.Fatalf("step %d: the answer differs from the one without the memo:\n%s\n%s %v", step, got.Data, want.Data, want.Errors)
	}
	return counted.reset()
}

// memoServer serves GraphQL over store with memos, and records the loader stats of the
// last request.
func memoServer(t *testing.T, store atlas.Store, memos loader.Memos) (*httptest.Server, func() loader.Stats) {
	t.Helper()
	// Room for every request of TestLevelMemoUnderConcurrentRequests at once: these
	// tests count reads, not admission (each request reserves an estimate of its memory).
	gql := gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{MemoryInFlight: 8 << 30})
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
// the two levels below them are kept node by node, and a list's page with them, so a
// later request at the same revision takes the nodes it shares with earlier ones, and a
// page listed before, from the memo, reads only the others (nothing when it has them
// all), and answers exactly what a server without the memo answers, whatever the company
// and order of its ids, the far ends' nodes included; after a write it reads again and
// answers the new data.
func TestLevelsMemoizedByRevision(t *testing.T) {
	const twoLevels = `id name chairs { holding derived node { id label } via { title } } members { role node { id label } }`
	const threeLevels = `id name members { role node { id label ... on Person { memberships { role node { id label } }
		chairs(asOf: "2015") { derived holding node { id } via { title } } } } }`
	byID := func(selection string) string {
		return `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Group { ` + selection + ` } } }`
	}
	list := func(selection string) string {
		return `query($n: Int) { groups(first: $n) { nodes { ` + selection + ` } } }`
	}
	ids := func(ns ...any) map[string]any {
		var out []any
		for _, n := range ns {
			if i, ok := n.(int); ok {
				n = "group/g" + strconv.Itoa(i)
			}
			out = append(out, n)
		}
		return map[string]any{"ids": out}
	}
	first := func(n int) map[string]any { return map[string]any{"n": n} }
	type step struct {
		vars     map[string]any
		memoized int  // nodes taken from the memo
		read     bool // the nodes or the page are read with their levels
		fresh    bool // a group not asked for before: its far ends are read by id too
	}
	byIDSteps := []step{
		{ids(1, 2, 3), 0, true, true},
		{ids(3, 4, 2), 2, true, true},             // two known, one read
		{ids(4, 3, 2, 1, 1), 4, false, false},     // all known, one twice
		{ids(2, "group/nothing"), 1, true, false}, // an id that names nothing is read once…
		{ids(5, "group/nothing"), 1, true, true},  // …and then known
	}
	listSteps := []step{
		{first(3), 0, true, true},
		{first(3), 3, false, false}, // the page and its nodes from the memo
		{first(5), 0, true, true},   // another page is read whole
		{first(3), 3, false, false},
	}
	for _, query := range []struct {
		name, text string
		steps      []step
	}{
		{"two levels by id", byID(twoLevels), byIDSteps},
		{"three levels by id", byID(threeLevels), byIDSteps},
		{"two levels below a list", list(twoLevels), listSteps},
		{"three levels below a list", list(threeLevels), listSteps},
	} {
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
				for i, s := range query.steps {
					plainStore.reset()
					calls := askBoth(t, i, plain, srv, counted, query.text, s.vars)
					// The memo saves the read of the nodes or the page with their levels,
					// and that of the nodes read by id alone (the far ends a store without
					// them reads in one call a level, the groups the members' memberships
					// lead to) once it holds them: a step with a new group reads those
					// by id as without the memo, one call a level.
					wantCalls := plainStore.reset()
					if !s.read {
						delete(wantCalls, "NodesWithRelations")
						delete(wantCalls, "ListWithRelations")
					}
					if !s.fresh {
						delete(wantCalls, "Nodes")
					}
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
				vars := query.steps[0].vars
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

// TestLevelMemoUnderConcurrentRequests: requests running at once share the memo's
// entries, filling and reading them, and each still gets the answer a server without
// the memo gives (run with -race to see them share nothing they write).
func TestLevelMemoUnderConcurrentRequests(t *testing.T) {
	query := `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Group { name
		chairs { holding derived node { id label } via { title } }
		members { role node { id label ... on Person { memberships { node { id } } chairs(asOf: "2015") { node { id } } } } } } } }`
	plain, _ := memoServer(t, endsStore{batchingStore{sharedStore(t, 12)}}, loader.Memos{})
	srv, _ := memoServer(t, endsStore{batchingStore{sharedStore(t, 12)}}, loader.Memos{Levels: loader.NewLevelMemo(gqlhttp.DefaultLevelMemoRelations)})
	choices := make([]map[string]any, 24)
	want := make([]string, len(choices))
	for i := range choices {
		var ids []any
		for j := range 4 {
			ids = append(ids, "group/g"+strconv.Itoa((i*5+j*7)%12))
		}
		choices[i] = map[string]any{"ids": ids}
		want[i] = string(post(t, plain, query, choices[i]).Data)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for k := range len(choices) {
				i := (k + w*5) % len(choices)
				got, err := gqltest.Send(srv, query, choices[i])
				if err != nil || string(got.Data) != want[i] {
					t.Errorf("choice %d: %s, %v\nwant %s", i, got.Data, err, want[i])
				}
			}
		})
	}
	wg.Wait()
}

// TestNodesByIDMemoized: the nodes a level reads by id alone (here the sources the
// groups and their memberships cite, "says who?", and the members, read whole) are kept
// by the memo too, so another request reads only those it has not seen, whatever its
// nodes, and one asking for nodes the memo holds with their levels reads nothing.
func TestNodesByIDMemoized(t *testing.T) {
	query := `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Group { name sources { locator source { title } }
		members { role node { id } sources { locator source { title date } } } } } }`
	plainStore, counted := sharedStore(t, 6), sharedStore(t, 6)
	plain, _ := memoServer(t, endsStore{batchingStore{plainStore}}, loader.Memos{})
	srv, stats := memoServer(t, endsStore{batchingStore{counted}}, loader.Memos{Levels: loader.NewLevelMemo(gqlhttp.DefaultLevelMemoRelations)})
	for i, step := range []struct {
		ids       []any
		wantCalls map[string]int
		memoized  int // nodes read by id taken from the memo
	}{
		// The groups with their levels, then the source and the members by id.
		{[]any{"group/g1", "group/g2"}, map[string]int{"NodesWithRelations": 1, "Nodes": 1}, 0},
		// The source and the seven members (one shared) from the memo.
		{[]any{"group/g2", "group/g1"}, map[string]int{}, 8},
		// A new group: the source and its member also in group 2 from the memo, its
		// other members read.
		{[]any{"group/g3"}, map[string]int{"NodesWithRelations": 1, "Nodes": 1}, 2},
	} {
		vars := map[string]any{"ids": step.ids}
		if calls := askBoth(t, i, plain, srv, counted, query, vars); !maps.Equal(calls, step.wantCalls) || stats().MemoizedNodes != step.memoized {
			t.Errorf("step %d: calls %v, %d nodes by id from the memo; want %v, %d", i, calls, stats().MemoizedNodes, step.wantCalls, step.memoized)
		}
	}
}

// TestDeeperLevelsMemoized: the levels below the two a root field reads with its nodes
// (read with one RelationsOf call a level: here the members are of two kinds, so the
// level below them is asked apart) are kept node by node too: the same group again
// reads nothing, and another group sharing a member reads only the others' level.
func TestDeeperLevelsMemoized(t *testing.T) {
	query := `query($id: ID!) { group(id: $id) { name members { role node { id label ... on Person {
		memberships { role node { id label } } } ... on Institution { seats { node { id } } } } } } }`
	plainStore, counted := sharedStore(t, 6), sharedStore(t, 6)
	plain, _ := memoServer(t, endsStore{batchingStore{plainStore}}, loader.Memos{})
	srv, stats := memoServer(t, endsStore{batchingStore{counted}}, loader.Memos{Levels: loader.NewLevelMemo(gqlhttp.DefaultLevelMemoRelations)})
	for i, step := range []struct {
		id        string
		wantCalls map[string]int
		memoized  int // nodes whose levels came from the memo
	}{
		{"group/g1", map[string]int{"NodesWithRelations": 1, "RelationsOf": 1}, 0},
		{"group/g1", map[string]int{}, 5}, // the group, and its four members' memberships
		// Group 2 has a member of group 1 (person/p1-3): only the other three are read.
		{"group/g2", map[string]int{"NodesWithRelations": 1, "RelationsOf": 1}, 1},
	} {
		vars := map[string]any{"id": step.id}
		if calls := askBoth(t, i, plain, srv, counted, query, vars); !maps.Equal(calls, step.wantCalls) || stats().MemoizedLevels != step.memoized {
			t.Errorf("step %d: calls %v, %d nodes' levels from the memo; want %v, %d", i, calls, stats().MemoizedLevels, step.wantCalls, step.memoized)
		}
	}
}
