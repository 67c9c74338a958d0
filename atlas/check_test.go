package atlas_test

import (
	"os"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

// TestChangeBreakingAnInvariantIsRefused: a change is held to the whole-graph invariants
// on the graph as it would be after it. A second Premier beside Wen Jiabao makes a
// single-seat post hold two KNOWN holders, and is refused with the rule named; the same
// tenure outside his premiership is accepted.
func TestChangeBreakingAnInvariantIsRefused(t *testing.T) {
	raw, err := os.ReadFile("../seed/atlas.json")
	if err != nil {
		t.Fatal(err)
	}
	before, err := seed.Decode(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		start, end string
		want       string
	}{
		{"overlapping Wen Jiabao's premiership", "2004", "2007", "SINGLE_SEAT"},
		{"before 1949, when the post had no holder in the data", "1930", "1931", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			after := before.Clone()
			after.Relations = append(after.Relations, &atlas.Relation{
				Type: atlas.Holds, From: "person/li-peng", To: "position/premier",
				Start: atlas.DatePtr(tc.start), End: atlas.DatePtr(tc.end), Confidence: atlas.Stated,
				Sources: []atlas.Citation{{Source: "source/rana-2021", Locator: "test"}},
			})
			err := atlas.CheckChange(before, after)
			switch {
			case tc.want == "" && err != nil && strings.Contains(err.Error(), "SINGLE_SEAT"):
				t.Errorf("refused as SINGLE_SEAT: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("err = %v, want one naming %s", err, tc.want)
			}
		})
	}
}
