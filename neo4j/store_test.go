package neo4j_test

import (
	"context"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/neo4j/neo4jtest"
)

// TestLiveConformance runs the atlas.Store contract against a real Neo4j 5. Each subtest
// gets a store in a namespace of its own, which it deletes at the end.
func TestLiveConformance(t *testing.T) {
	neo4jtest.Require(t)
	conformance.Run(t, func(t *testing.T) atlas.Store {
		t.Helper()
		return neo4jtest.Open(t)
	})
}

// TestLiveCurationConformance runs the curation contract against a real Neo4j 5; a
// restart is a new store on the same namespace.
func TestLiveCurationConformance(t *testing.T) {
	neo4jtest.Require(t)
	conformance.RunCuration(t, func(t *testing.T) (conformance.CuratedStore, func() conformance.CuratedStore) {
		t.Helper()
		cfg := neo4jtest.Config(t)
		s := neo4jtest.OpenConfig(t, cfg)
		return s, func() conformance.CuratedStore {
			_ = s.Close(context.Background())
			return neo4jtest.OpenConfig(t, cfg)
		}
	})
}

// TestLiveChangesConformance runs the change feed's contract against a real Neo4j 5: the
// audit entries written in each change's transaction are the outbox the feed tails.
func TestLiveChangesConformance(t *testing.T) {
	neo4jtest.Require(t)
	conformance.RunChanges(t, func(t *testing.T) (conformance.CuratedStore, func() conformance.CuratedStore) {
		t.Helper()
		cfg := neo4jtest.Config(t)
		s := neo4jtest.OpenConfig(t, cfg)
		return s, func() conformance.CuratedStore {
			_ = s.Close(context.Background())
			return neo4jtest.OpenConfig(t, cfg)
		}
	})
}
