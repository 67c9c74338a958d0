package seed_test

import (
	"context"
	"testing"

	"lsgatlas/atlas"
)

// TestSeedKeepsTheInvariants runs the whole-graph invariants (atlas.CheckInvariants) on
// the bundled dataset, in every tier and in each alone, for every year 1900-2030: it
// must break none. The stores run the same check on what they answer
// (conformance.Invariants, difftest).
func TestSeedKeepsTheInvariants(t *testing.T) {
	ds := bundled(t).Prepared()
	for _, tiers := range [][]atlas.SourceTier{nil, {atlas.CorpusTier}, {atlas.ReferenceTier}} {
		got, err := atlas.CheckInvariants(context.Background(), ds, atlas.DatasetReader(ds), atlas.InvariantOptions{FromYear: 1900, ToYear: 2030, Tiers: tiers})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range got {
			t.Errorf("tiers %v: %s", tiers, v)
		}
	}
}
