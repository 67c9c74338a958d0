package graph_test

import (
	"context"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/graph"
	"lsgatlas/inprocess"
	"lsgatlas/internal/gqlhttp"
)

// chairReads counts the store's reads of CHAIRS and HOLDS relationships: what a chairs
// list is joined from.
type chairReads struct {
	atlas.Store
	mu sync.Mutex
	n  int
}

func (c *chairReads) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	if slices.Contains(q.Types, atlas.Chairs) || slices.Contains(q.Types, atlas.Holds) {
		c.mu.Lock()
		c.n++
		c.mu.Unlock()
	}
	return c.Store.Relations(ctx, q)
}

func (c *chairReads) take() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.n
	c.n = 0
	return n
}

// TestChairListsMemoizedByRevision: a chairs list joined by one request is served to
// the next at the same revision, with the same bytes and without reading what it was
// joined from; after a write, the next request joins it again from the new data; and
// a memo bounded at no edges is off.
func TestChairListsMemoizedByRevision(t *testing.T) {
	const query = `{ groups(first: 10) { nodes { id chairs { holding derived node { id } }
		c2015: chairs(asOf: "2015") { node { id } } } }
		people(first: 10) { nodes { id chairs { derived node { id } } } } }`
	for _, tc := range []struct {
		name  string
		edges int
		again bool // the second request joins again
	}{
		{"on", gqlhttp.DefaultChairMemoEdges, false},
		{"off", 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			embedded := inprocess.New()
			ctx := context.Background()
			if _, err := embedded.Import(ctx, conformance.Fixture()); err != nil {
				t.Fatal(err)
			}
			store := &chairReads{Store: embedded}
			srv := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{ChairMemoEdges: tc.edges}))
			t.Cleanup(srv.Close)
			first := post(t, srv, query, nil)
			if len(first.Errors) > 0 || store.take() == 0 {
				t.Fatalf("first request: %+v, or no chairs read", first.Errors)
			}
			second := post(t, srv, query, nil)
			if string(second.Data) != string(first.Data) {
				t.Fatalf("the second answer differs:\n%s\n%s", second.Data, first.Data)
			}
			if read := store.take(); (read > 0) != tc.again {
				t.Errorf("second request read chairs %d times; want reads: %v", read, tc.again)
			}
			// A write: every CHAIRS relationship goes.
			ds := conformance.Fixture()
			ds.Relations = slices.DeleteFunc(ds.Relations, func(r *atlas.Relation) bool { return r.Type == atlas.Chairs })
			if _, err := embedded.Import(ctx, ds); err != nil {
				t.Fatal(err)
			}
			var after struct {
				Groups, People struct {
					Nodes []struct {
						ID            string
						Chairs, C2015 []struct{ Node struct{ ID string } }
					}
				}
			}
			data(t, srv, query, nil, &after)
			if store.take() == 0 {
				t.Error("after the write, no chairs were read")
			}
			for _, n := range slices.Concat(after.Groups.Nodes, after.People.Nodes) {
				if len(n.Chairs) > 0 || len(n.C2015) > 0 {
					t.Errorf("%s still shows chairs after every CHAIRS relationship went: %+v %+v", n.ID, n.Chairs, n.C2015)
				}
			}
		})
	}
}
