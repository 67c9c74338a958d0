package conformance

import (
	"context"
	"slices"
	"testing"

	"lsgatlas/atlas"
)

// testRelationsDuring pins the period rule: a store keeps, for `During`, exactly the
// relations it keeps for `AsOf` at some date of the period (here every year, and every
// month and day of a few short spans), for every node; asking both is EINVALID, and so is
// a period that ends before it starts.
func testRelationsDuring(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	var ids []string
	for _, n := range Fixture().Nodes() {
		if k := n.NodeKind(); k != atlas.SourceNode && k != atlas.ReportedCountNode {
			ids = append(ids, n.NodeID())
		}
	}
	type span struct {
		period atlas.Period
		steps  []atlas.PartialDate
	}
	var spans []span
	years := func(from, to int) {
		sp := span{period: atlas.Period{From: atlas.PartialDate{Year: from}, To: atlas.PartialDate{Year: to}}}
		for y := from; y <= to; y++ {
			sp.steps = append(sp.steps, atlas.PartialDate{Year: y})
		}
		spans = append(spans, sp)
	}
	years(1949, 2025)
	years(2011, 2012)
	years(2019, 2021)
	months := span{period: atlas.Period{From: atlas.MustDate("2018-01"), To: atlas.MustDate("2018-04")}}
	for m := 1; m <= 4; m++ {
		months.steps = append(months.steps, atlas.PartialDate{Year: 2018, Month: m})
	}
	days := span{period: atlas.Period{From: atlas.MustDate("2022-10-20"), To: atlas.MustDate("2022-10-27")}}
	for d := 20; d <= 27; d++ {
		days.steps = append(days.steps, atlas.PartialDate{Year: 2022, Month: 10, Day: d})
	}
	spans = append(spans, months, days)
	for _, sp := range spans {
		p := sp.period
		during, err := s.Relations(ctx, atlas.RelationQuery{IDs: ids, During: &p})
		if err != nil {
			t.Fatal(err)
		}
		union := make([][]string, len(ids))
		for _, step := range sp.steps {
			d := step
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
			want := slices.Compact(slices.Sorted(slices.Values(union[i])))
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s during %s: got %v, want the union of asOf %v", id, p, got, want)
			}
		}
	}
	d := atlas.MustDate("2018")
	for name, q := range map[string]atlas.RelationQuery{
		"asOf and during":    {IDs: ids[:1], AsOf: &d, During: &atlas.Period{From: d, To: d}},
		"ends before starts": {IDs: ids[:1], During: &atlas.Period{From: atlas.MustDate("2019"), To: atlas.MustDate("2018-12")}},
	} {
		_, err := s.Relations(ctx, q)
		if atlas.ErrorCode(err) != atlas.EINVALID {
			t.Errorf("%s: got %v, want EINVALID", name, err)
		}
	}
}
