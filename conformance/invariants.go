package conformance

import (
	"context"
	"testing"

	"lsgatlas/atlas"
)

// InvariantYears are the years the whole-graph invariants are checked at.
const (
	InvariantFromYear = 1900
	InvariantToYear   = 2030
)

// CheckInvariants imports ds into s and requires exactly zero violations of the
// whole-graph invariants (atlas.CheckStore) on what s answers, in every tier and in each
// tier alone, for every year InvariantFromYear..InvariantToYear. The in-process and Neo4j
// stores run it on the real dataset, difftest on both at once.
func CheckInvariants(t *testing.T, s atlas.Store, ds *atlas.Dataset) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Import(ctx, ds); err != nil {
		t.Fatalf("import: %v", err)
	}
	for _, tiers := range [][]atlas.SourceTier{nil, {atlas.CorpusTier}, {atlas.ReferenceTier}} {
		got, err := atlas.CheckStore(ctx, s, atlas.InvariantOptions{FromYear: InvariantFromYear, ToYear: InvariantToYear, Tiers: tiers})
		if err != nil {
			t.Fatalf("tiers %v: %v", tiers, err)
		}
		for _, v := range got {
			t.Errorf("tiers %v: %s", tiers, v)
		}
	}
}

// testInvariants: the fixture keeps every whole-graph invariant on every store.
func testInvariants(t *testing.T, open Open) {
	CheckInvariants(t, open(t), Fixture())
}
