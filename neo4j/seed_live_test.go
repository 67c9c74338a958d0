package neo4j_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/inprocess"
	"lsgatlas/neo4j/neo4jtest"
	"lsgatlas/seed"
)

// TestSeedThroughNeo4j imports the real dataset into a Neo4j namespace of its own and
// checks that nothing is lost or changed on the way (claims, statements, documents,
// unknown flags included) and that what each source supports is what the in-process
// store says.
func TestLiveSeedThroughNeo4j(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// neo4jtest gives the test a namespace of its own and drops it at the end.
	s := neo4jtest.Open(t)
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	mem := inprocess.New()
	if _, err := mem.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	got, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want, err := mem.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		for i, n := range want.Nodes() {
			if i < len(got.Nodes()) && !reflect.DeepEqual(got.Nodes()[i], n) {
				t.Errorf("first differing node %s:\n got %#v\nwant %#v", n.NodeID(), got.Nodes()[i], n)
				break
			}
		}
		t.Fatalf("snapshots differ: %d/%d nodes, %d/%d relations", len(got.Nodes()), len(want.Nodes()), len(got.Relations), len(want.Relations))
	}
	var sources []string
	for _, src := range ds.Sources {
		sources = append(sources, src.ID)
	}
	q := atlas.SupportQuery{Sources: sources, First: atlas.MaxPageSize}
	fromNeo, err := s.Supports(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	fromMem, err := mem.Supports(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromNeo, fromMem) {
		t.Errorf("what the sources support differs between Neo4j and the in-process store")
	}
}
