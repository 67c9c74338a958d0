package conformance

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"lsgatlas/atlas"
)

// testReadScope: reads made within a read scope (atlas.ScopeReads, one transaction per
// request on Neo4j, nothing on the in-process store) answer exactly what the same reads
// answer unscoped, also when made concurrently (resolvers run at once), and after the
// scope ends. A scope opened before an import and first read after it sees the import,
// since the scope's transaction starts at its first read.
func testReadScope(t *testing.T, open Open) {
	bg := context.Background()
	s := open(t)
	scoped, end := atlas.ScopeReads(bg, s)
	defer end()
	if _, err := s.Import(bg, Fixture()); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range Fixture().Nodes() {
		ids = append(ids, n.NodeID())
	}
	reads := []struct {
		name string
		read func(ctx context.Context) (any, error)
	}{
		{"Nodes", func(ctx context.Context) (any, error) { return s.Nodes(ctx, ids) }},
		{"Relations", func(ctx context.Context) (any, error) { return s.Relations(ctx, atlas.RelationQuery{IDs: ids}) }},
		{"List", func(ctx context.Context) (any, error) {
			return s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, Order: atlas.Order{Field: atlas.OrderByName}})
		}},
		{"Search", func(ctx context.Context) (any, error) {
			return s.Search(ctx, atlas.SearchQuery{Text: "foreign", Limit: 100})
		}},
		{"ReportedCounts", func(ctx context.Context) (any, error) { return s.ReportedCounts(ctx, atlas.CountQuery{}) }},
		{"Revision", func(ctx context.Context) (any, error) { return s.Revision(ctx) }},
	}
	want := make([]any, len(reads))
	for i, r := range reads {
		v, err := r.read(bg)
		if err != nil {
			t.Fatalf("%s unscoped: %v", r.name, err)
		}
		want[i] = v
	}
	check := func(when string, ctx context.Context) {
		var wg sync.WaitGroup
		got, errs := make([]any, len(reads)), make([]error, len(reads))
		for i, r := range reads {
			wg.Go(func() { got[i], errs[i] = r.read(ctx) })
		}
		wg.Wait()
		for i, r := range reads {
			if errs[i] != nil {
				t.Errorf("%s %s: %v", r.name, when, errs[i])
			} else if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s %s differs from the unscoped read", r.name, when)
			}
		}
	}
	check("in the scope", scoped)
	check("in the scope, again", scoped)
	end()
	check("after the scope ended", scoped)
}
