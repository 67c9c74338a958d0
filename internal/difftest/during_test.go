package difftest

import (
	"context"
	"slices"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/inprocess"
	"lsgatlas/neo4j/neo4jtest"
	"lsgatlas/seed"
)

// TestLiveDuringIsTheUnionOfAsOf holds both stores, on the real dataset, to the period
// rule: the relationships of every node during 1949-2025 (and a few shorter spans) are
// exactly those it has asOf some year of the span, and the two stores agree.
// graph/during_test.go checks the same above the store, holdings included.
func TestLiveDuringIsTheUnionOfAsOf(t *testing.T) {
	neo4jtest.Require(t)
	ctx := context.Background()
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range ds.Nodes() {
		if k := n.NodeKind(); k != atlas.SourceNode && k != atlas.ReportedCountNode {
			ids = append(ids, n.NodeID())
		}
	}
	stores := map[string]atlas.Store{"in-process": inprocess.New(), "neo4j": neo4jtest.Open(t)}
	for _, s := range stores {
		if _, err := s.Import(ctx, ds); err != nil {
			t.Fatal(err)
		}
	}
	spans := [][2]int{{1949, 2025}, {2003, 2013}, {2018, 2018}}
	answers := map[string][][]string{}
	for name, s := range stores {
		for _, span := range spans {
			p := atlas.Period{From: atlas.PartialDate{Year: span[0]}, To: atlas.PartialDate{Year: span[1]}}
			during, err := s.Relations(ctx, atlas.RelationQuery{IDs: ids, During: &p})
			if err != nil {
				t.Fatal(err)
			}
			union := make([][]string, len(ids))
			for y := span[0]; y <= span[1]; y++ {
				d := atlas.PartialDate{Year: y}
				at, err := s.Relations(ctx, atlas.RelationQuery{IDs: ids, AsOf: &d})
				if err != nil {
					t.Fatal(err)
				}
				for i, rels := range at {
					for _, r := range rels {
						union[i] = append(union[i], r.ID)
					}
				}
			}
			for i, id := range ids {
				var got []string
				for _, r := range during[i] {
					got = append(got, r.ID)
				}
				slices.Sort(got)
				want := slices.Compact(slices.Sorted(slices.Values(union[i])))
				if !slices.Equal(got, want) {
					t.Errorf("%s: %s during %s: %d relationships, the union of asOf has %d", name, id, p, len(got), len(want))
				}
				answers[name] = append(answers[name], got)
			}
		}
	}
	for i := range answers["neo4j"] {
		if !slices.Equal(answers["neo4j"][i], answers["in-process"][i]) {
			t.Errorf("the stores differ on answer %d: %v and %v", i, answers["neo4j"][i], answers["in-process"][i])
		}
	}
}
