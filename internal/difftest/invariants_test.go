package difftest

import (
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/inprocess"
	"lsgatlas/neo4j/neo4jtest"
	"lsgatlas/seed"
)

// TestLiveInvariants holds both backends to the whole-graph invariants on the real
// dataset and on the conformance fixture: for every node and year 1900-2030, in every
// tier and each alone, exactly zero violations on the in-process store and on Neo4j.
func TestLiveInvariants(t *testing.T) {
	neo4jtest.Require(t)
	seedData, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	for _, dataset := range []struct {
		name string
		ds   *atlas.Dataset
	}{{"seed", seedData}, {"fixture", conformance.Fixture()}} {
		t.Run(dataset.name+"/in-process", func(t *testing.T) { conformance.CheckInvariants(t, inprocess.New(), dataset.ds) })
		t.Run(dataset.name+"/neo4j", func(t *testing.T) { conformance.CheckInvariants(t, neo4jtest.Open(t), dataset.ds) })
	}
}
