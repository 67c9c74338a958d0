package atlas

import (
	"context"
	"fmt"
	"slices"
)

// checkKnownBy reads every relation once and views it as known by each year from
// fromYear to toYear at which a source is dated (the years at which what is known
// changes), through EdgesWhen as every consumer does: each citation kept must be
// published by then and each withheld one not, and every start, end and attestation
// shown must be the value of a date claim shown, citing only sources published by then.
func (c *checker) checkKnownBy(ctx context.Context, read RelationReader, fromYear, toYear int) error {
	var years []int
	for _, s := range c.sources {
		if s.Date != nil && s.Date.Year >= fromYear && s.Date.Year <= toYear {
			years = append(years, s.Date.Year)
		}
	}
	slices.Sort(years)
	years = slices.Compact(years)
	if len(years) == 0 {
		return nil
	}
	rels, err := read(ctx, RelationQuery{IDs: c.ids})
	if err != nil {
		return err
	}
	source := func(id string) *Source { return c.sources[id] }
	for _, year := range years {
		if err := ctx.Err(); err != nil {
			return err
		}
		k := &KnownBy{Date: PartialDate{Year: year}, Source: source}
		for i, id := range c.ids {
			for _, r := range rels[i] {
				if r.From != id {
					continue // each relation once, at its from end
				}
				for _, e := range EdgesWhen(id, []Relation{r}, When{Known: k}, c.tiers...) {
					c.checkKnownEdge(year, id, k, e)
				}
			}
		}
	}
	return nil
}

func (c *checker) checkKnownEdge(year int, id string, k *KnownBy, e Edge) {
	for _, ct := range e.Sources {
		if !k.Published(ct.Source) {
			c.add(RuleKnownBy, id, e.ID, year, fmt.Sprintf("known by %d, cites %s, not published by then", year, ct.Source))
		}
	}
	for _, ct := range e.Withheld {
		if k.Published(ct.Source) {
			c.add(RuleKnownBy, id, e.ID, year, fmt.Sprintf("known by %d, withholds %s, published by then", year, ct.Source))
		}
	}
	if len(e.DateClaims) == 0 {
		return // every source kept gives its dates
	}
	for _, d := range shownDates(e.Relation) {
		if !slices.ContainsFunc(e.DateClaims, func(dc DateClaim) bool {
			return dc.Part == d.part && dc.Value == d.date && dc.Rank != Deprecated &&
				!slices.ContainsFunc(dc.Sources, func(ct Citation) bool { return !k.Published(ct.Source) })
		}) {
			c.add(RuleKnownBy, id, e.ID, year, fmt.Sprintf("known by %d, shows %s %s, which no claim of a source published by then gives", year, d.part, d.date))
		}
	}
}
