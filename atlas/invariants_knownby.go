package atlas

import (
	"context"
	"fmt"
	"slices"
)

// checkKnownBy reads every relation once and views it as known by each year from
// fromYear to toYear at which one of its own sources came out (what it shows changes at
// those years alone: KnownBy counts a source from the year of its date, or of the work
// relaying it), through EdgesWhen as every consumer does: each citation kept must be
// published by then and each withheld one not, and every start, end and attestation
// shown must be the value of a date claim shown, citing only sources published by then.
func (c *checker) checkKnownBy(ctx context.Context, read RelationReader, fromYear, toYear int) error {
	rels, err := read(ctx, RelationQuery{IDs: c.ids})
	if err != nil {
		return err
	}
	source := func(id string) *Source { return c.sources[id] }
	for i, id := range c.ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, r := range rels[i] {
			if r.From != id {
				continue // each relation once, at its from end
			}
			for _, year := range c.publicationYears(r.Sources, fromYear, toYear) {
				k := &KnownBy{Date: PartialDate{Year: year}, Source: source}
				for _, e := range EdgesWhen(id, []Relation{r}, When{Known: k}, c.tiers...) {
					c.checkKnownEdge(year, id, k, e)
				}
			}
		}
	}
	return nil
}

// publicationYears are the years from fromYear to toYear at which a source of cs came out
// (KnownBy.Published's rule), in order.
func (c *checker) publicationYears(cs []Citation, fromYear, toYear int) []int {
	var years []int
	source := func(id string) *Source { return c.sources[id] }
	for _, ct := range cs {
		if d := publicationDate(ct.Source, source); d != nil && d.Year >= fromYear && d.Year <= toYear {
			years = append(years, d.Year)
		}
	}
	slices.Sort(years)
	return slices.Compact(years)
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
