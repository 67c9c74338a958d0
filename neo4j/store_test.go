package neo4j_test

import (
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
