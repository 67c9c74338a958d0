package neo4j_test

import (
	"testing"

	"lsgatlas/conformance"
	"lsgatlas/neo4j/neo4jtest"
	"lsgatlas/seed"
)

// TestLiveSeedInvariants runs the real dataset through Neo4j and requires zero
// violations of the whole-graph invariants, read through the store's own asOf and source
// filters (Cypher), for every year 1900-2030 and each tier.
func TestLiveSeedInvariants(t *testing.T) {
	s := neo4jtest.Open(t)
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	conformance.CheckInvariants(t, s, ds)
}
