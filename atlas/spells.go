package atlas

import "slices"

// DayRun is a run of days, first and last, as ordinals (YYYYMMDD).
type DayRun struct{ First, Last int }

// MayHoldDays returns the runs of days within [lo, hi] on which the fact may hold, in
// order: the span of its bounds (its group's lifetime standing in for an unknown start
// or end, and not after its holder's death), or, for a fact known only from
// attestations, each attestation. It is the asOf rule (MayHoldAt) laid out over a
// period, for exports that carry time as spells: the fact may hold at a date exactly
// when some run covers a day of it.
func (s Span) MayHoldDays(lo, hi int) []DayRun {
	b := s.livingBounds()
	var runs []DayRun
	add := func(from, to int) {
		from, to = max(from, lo), min(to, hi)
		if from <= to {
			runs = append(runs, DayRun{from, to})
		}
	}
	if !b.AttestedOnly {
		add(b.From, b.To)
		return runs
	}
	for i := range b.AttestedFrom {
		add(b.AttestedFrom[i], b.AttestedTo[i])
	}
	// Attestations may overlap (a year and a month in it): merge them.
	return UnionDayRuns(runs)
}

// UnionDayRuns returns the days of runs as sorted runs, overlapping or adjacent ones
// joined. It reuses runs' array.
func UnionDayRuns(runs []DayRun) []DayRun {
	slices.SortFunc(runs, func(a, b DayRun) int { return a.First - b.First })
	out := runs[:0]
	for _, r := range runs {
		if n := len(out); n > 0 && r.First <= nextDay(out[n-1].Last) {
			out[n-1].Last = max(out[n-1].Last, r.Last)
			continue
		}
		out = append(out, r)
	}
	return out
}
