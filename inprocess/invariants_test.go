package inprocess_test

import (
	"testing"

	"lsgatlas/conformance"
	"lsgatlas/inprocess"
	"lsgatlas/seed"
)

// TestSeedInvariants runs the real dataset through the in-process store and requires
// zero violations of the whole-graph invariants (neo4j's TestLiveSeedInvariants does the
// same on Neo4j).
func TestSeedInvariants(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	conformance.CheckInvariants(t, inprocess.New(), ds)
}
