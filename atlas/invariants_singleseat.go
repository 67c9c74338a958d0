package atlas

import "fmt"

// checkSingleSeat checks that no two people hold the single-seat post self KNOWN on one
// day of year: KNOWN at any date, a year or a day, means KNOWN on each of its days, so
// days are the finest check (a handover day, a tenure of a few months inside another's).
func (c *checker) checkSingleSeat(year int, self string, edges []Edge) {
	lo, hi := PartialDate{Year: year}.Earliest(), PartialDate{Year: year}.Latest()
	type held struct {
		holder, rel string
		days        []dayRange
	}
	var known []held
	for _, e := range edges {
		if e.Type != Holds || e.Direction != Incoming || e.EffectiveRank() == Deprecated {
			continue
		}
		if days := e.Relation.SpanIn(c.tiers).knownDays(lo, hi); len(days) > 0 {
			known = append(known, held{e.From, e.ID, days})
		}
	}
	for i, a := range known {
		for _, b := range known[i+1:] {
			if a.holder == b.holder {
				continue
			}
			if day, ok := firstShared(a.days, b.days); ok {
				c.add(RuleSingleSeat, self, b.rel, year, fmt.Sprintf("single-seat post with two KNOWN holders on %s: %s and %s", dayOf(day), a.holder, b.holder))
			}
		}
	}
}

// firstShared returns the first day two sets of runs share.
func firstShared(a, b []dayRange) (int, bool) {
	best, found := 0, false
	for _, x := range a {
		for _, y := range b {
			if lo := max(x[0], y[0]); lo <= min(x[1], y[1]) && (!found || lo < best) {
				best, found = lo, true
			}
		}
	}
	return best, found
}
