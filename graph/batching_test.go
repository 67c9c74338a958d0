package graph_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/inprocess"
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

func (c *countingStore) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	c.count("Relations")
	return c.Store.Relations(ctx, q)
}

func (c *countingStore) List(ctx context.Context, q atlas.ListQuery) (atlas.Page, error) {
	c.count("List")
	return c.Store.List(ctx, q)
}

// syntheticStore holds n groups, each chaired by a person and by a position that two
// people held in turn, with three members and a source each.
func syntheticStore(tb testing.TB, n int) *countingStore {
	tb.Helper()
	cite := []atlas.Citation{{Source: "source/s", Locator: "x"}}
	ds := &atlas.Dataset{Sources: []*atlas.Source{{ID: "source/s", Title: "S", Kind: "REPORT", Date: atlas.DatePtr("2020")}}}
	rel := func(t atlas.RelType, from, to string, start, end string) *atlas.Relation {
		return &atlas.Relation{ID: fmt.Sprintf("%s/%s/%s", t, from, to), Type: t, From: from, To: to,
			Start: atlas.DatePtr(start), End: atlas.DatePtr(end), Confidence: atlas.Stated, Sources: cite}
	}
	for i := range n {
		g, pos := fmt.Sprintf("group/g%d", i), fmt.Sprintf("position/p%d", i)
		ds.Groups = append(ds.Groups, &atlas.Group{ID: g, Name: fmt.Sprintf("Group %03d", i), Kind: atlas.LeadingSmallGroup, Sources: cite})
		ds.Positions = append(ds.Positions, &atlas.Position{ID: pos, Title: fmt.Sprintf("Post %d", i), Sources: cite})
		ds.Relations = append(ds.Relations, rel(atlas.Chairs, pos, g, "2000", ""))
		for j := range 6 {
			p := fmt.Sprintf("person/p%d-%d", i, j)
			ds.People = append(ds.People, &atlas.Person{ID: p, Name: fmt.Sprintf("Person %d %d", i, j), Sources: cite})
			switch j {
			case 0:
				ds.Relations = append(ds.Relations, rel(atlas.Chairs, p, g, "2010", ""))
			case 1, 2:
				ds.Relations = append(ds.Relations, rel(atlas.Holds, p, pos, fmt.Sprintf("%d", 2000+10*(j-1)), fmt.Sprintf("%d", 2009+10*(j-1))))
			default:
				r := rel(atlas.MemberOf, p, g, "2012", "")
				role := atlas.MemberRole("MEMBER")
				r.Role = &role
				ds.Relations = append(ds.Relations, r)
			}
		}
	}
	s := inprocess.New()
	if _, err := s.Import(context.Background(), ds); err != nil {
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

// TestStoreCallsDependOnDepthNotSize proves the dataloaders: the same query over 5, 50
// and 200 groups stays within the same fixed number of store calls. The query asks for
// four kinds of relationships (direct chairs, holders of chairing positions, members,
// their memberships) and nodes at four places, so the bound is set by that shape: one
// List, and a handful of Relations and Nodes calls (a loader may flush one kind of ask
// in two batches when the asks of one level straddle its wait window). Per-item calls
// would cost hundreds.
func TestStoreCallsDependOnDepthNotSize(t *testing.T) {
	store := syntheticStore(t, 200)
	srv := newServer(t, store)
	limits := map[string]int{"List": 1, "Relations": 6, "Nodes": 6}
	for _, n := range []int{5, 50, 200} {
		store.reset()
		var got struct {
			Groups struct {
				Nodes []struct {
					ID      string
					Chairs  []struct{ Derived bool }
					Members []struct{ Node struct{ Label string } }
				}
			}
		}
		data(t, srv, batchingQuery, map[string]any{"n": min(n, 100)}, &got)
		if n > 100 {
			// Pages stop at 100; ask for the next page too, as a client would.
			data(t, srv, batchingQuery, map[string]any{"n": 100}, &got)
		}
		for _, g := range got.Groups.Nodes {
			// 1 direct person chair, 1 position, 2 people derived through it.
			if len(g.Chairs) != 4 || len(g.Members) != 3 {
				t.Fatalf("%s: %d chairs, %d members", g.ID, len(g.Chairs), len(g.Members))
			}
		}
		calls := store.reset()
		pages := 1 + n/101
		for method, limit := range limits {
			if calls[method] > limit*pages {
				t.Errorf("%d groups: %d %s calls, want at most %d", n, calls[method], method, limit*pages)
			}
		}
		t.Logf("%d groups: %v", n, calls)
	}
}
