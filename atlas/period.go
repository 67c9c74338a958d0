package atlas

import (
	"slices"
	"time"
)

// Periods: `during: {from, to}` asks about every day from the first day of From to the
// last day of To. The answer is the union of the `asOf` answers over the period, so the
// rules are those of asof.go applied day by day: a fact is kept when it may hold on some
// day of the period (Bounds.MayHoldBetween, the asOf filter on a wider interval), and it is
// KNOWN_THROUGHOUT when asOf would call it KNOWN on every day of the period, KNOWN_IN_PART
// when on some days, POSSIBLE when on none.

// Period is a span of days asked about.
type Period struct {
	From PartialDate `json:"from"`
	To   PartialDate `json:"to"`
}

// Days returns the first and last day of p as ordinals.
func (p Period) Days() (lo, hi int) { return p.From.Earliest(), p.To.Latest() }

// String writes p as "from/to", the ISO 8601 interval form.
func (p Period) String() string { return p.From.String() + "/" + p.To.String() }

// Validate rejects a period whose start falls after its end.
func (p Period) Validate() error {
	if p.From.IsZero() || p.To.IsZero() {
		return Errorf(EINVALID, "during needs both from and to")
	}
	if lo, hi := p.Days(); lo > hi {
		return Errorf(EINVALID, "during: from %s is after to %s", p.From, p.To)
	}
	return nil
}

// PeriodHolding says how surely a fact holds over a period.
type PeriodHolding string

const (
	KnownThroughout PeriodHolding = "KNOWN_THROUGHOUT" // KNOWN on every day of the period
	KnownInPart     PeriodHolding = "KNOWN_IN_PART"    // KNOWN on some days, at most POSSIBLE on others
	PossibleOnly    PeriodHolding = "POSSIBLE"         // never more than POSSIBLE within the period
)

// PeriodHoldings lists every value.
var PeriodHoldings = []PeriodHolding{KnownThroughout, KnownInPart, PossibleOnly}

// When is the time a question asks about: any time (the zero When), one date (AsOf) or a
// period (During). Every relationship question goes through it, so a period is answered
// by the same rule as a date.
type When struct {
	AsOf   *PartialDate
	During *Period
}

// At is the When of an asOf argument (nil: any time).
func At(asOf *PartialDate) When { return When{AsOf: asOf} }

// NewWhen checks the asOf and during arguments of one field: giving both is EINVALID,
// since a date and a period are two different questions.
func NewWhen(asOf *PartialDate, during *Period) (When, error) {
	if asOf != nil && during != nil {
		return When{}, Errorf(EINVALID, "give asOf or during, not both")
	}
	if during != nil {
		if err := during.Validate(); err != nil {
			return When{}, err
		}
	}
	return When{AsOf: asOf, During: during}, nil
}

// IsZero reports whether w asks about no time in particular.
func (w When) IsZero() bool { return w.AsOf == nil && w.During == nil }

// Days returns the days w covers; ok is false for the zero When.
func (w When) Days() (lo, hi int, ok bool) {
	switch {
	case w.AsOf != nil:
		return w.AsOf.Earliest(), w.AsOf.Latest(), true
	case w.During != nil:
		lo, hi = w.During.Days()
		return lo, hi, true
	}
	return 0, 0, false
}

// Key identifies w in caches: "" for any time, the date, or the period.
func (w When) Key() string {
	switch {
	case w.AsOf != nil:
		return w.AsOf.String()
	case w.During != nil:
		return w.During.String()
	}
	return ""
}

// MayHoldWhen reports whether the fact may hold at some day of w (always, for the zero
// When): MayHoldAt over w's days.
func (s Span) MayHoldWhen(w When) bool {
	lo, hi, ok := w.Days()
	return !ok || s.livingBounds().MayHoldBetween(lo, hi)
}

// MayHoldWhen is Bounds.MayHoldAt over w's days, the filter stores apply.
func (b Bounds) MayHoldWhen(w When) bool {
	lo, hi, ok := w.Days()
	return !ok || b.MayHoldBetween(lo, hi)
}

// dayRange is a run of days [lo, hi] as ordinals.
type dayRange [2]int

// knownDays returns the runs of days within [lo, hi] on which BasisAt a single day says
// KNOWN. BasisAt changes its answer only on the first or last day of one of the span's
// dates, or the day after, so it is asked once per run between those days.
func (s Span) knownDays(lo, hi int) []dayRange {
	cuts := []int{lo}
	dates := slices.Concat(s.Attested, nonNil(s.Start, s.End, s.LifetimeStart, s.LifetimeEnd, s.ObservedUntil, s.HolderDied))
	for _, d := range dates {
		for _, c := range []int{d.Earliest(), nextDay(d.Earliest()), d.Latest(), nextDay(d.Latest())} {
			if c > lo && c <= hi {
				cuts = append(cuts, c)
			}
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []dayRange
	for i, c := range cuts {
		end := hi
		if i+1 < len(cuts) {
			end = prevDay(cuts[i+1])
		}
		if b, ok := s.BasisAt(dayOf(c)); ok && b.Holding == Known {
			out = addRange(out, dayRange{c, end})
		}
	}
	return out
}

// HoldingDuring says how surely the fact holds over p: ok is false when it cannot hold on
// any day of p.
func (s Span) HoldingDuring(p Period) (h PeriodHolding, ok bool) {
	lo, hi := p.Days()
	if !s.livingBounds().MayHoldBetween(lo, hi) {
		return "", false
	}
	return coverage(s.knownDays(lo, hi), lo, hi), true
}

// coverage turns the known runs of a period [lo, hi] into its PeriodHolding.
func coverage(known []dayRange, lo, hi int) PeriodHolding {
	switch {
	case len(known) == 0:
		return PossibleOnly
	case len(known) == 1 && known[0][0] <= lo && known[0][1] >= hi:
		return KnownThroughout
	}
	return KnownInPart
}

// addRange appends r to sorted runs, joining it to the last run when they touch.
func addRange(rs []dayRange, r dayRange) []dayRange {
	if n := len(rs); n > 0 && nextDay(rs[n-1][1]) >= r[0] {
		rs[n-1][1] = max(rs[n-1][1], r[1])
		return rs
	}
	return append(rs, r)
}

// unionRanges is the days in a or b.
func unionRanges(a, b []dayRange) []dayRange {
	all := slices.Concat(a, b)
	slices.SortFunc(all, func(x, y dayRange) int { return x[0] - y[0] })
	var out []dayRange
	for _, r := range all {
		out = addRange(out, r)
	}
	return out
}

// intersectRanges is the days in both a and b.
func intersectRanges(a, b []dayRange) []dayRange {
	var out []dayRange
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x[0], y[0]), min(x[1], y[1]); lo <= hi {
				out = append(out, dayRange{lo, hi})
			}
		}
	}
	return unionRanges(out, nil)
}

func nonNil(ds ...*PartialDate) []PartialDate {
	var out []PartialDate
	for _, d := range ds {
		if d != nil {
			out = append(out, *d)
		}
	}
	return out
}

func timeOf(ord int) time.Time {
	return time.Date(ord/10000, time.Month(ord/100%100), ord%100, 0, 0, 0, 0, time.UTC)
}

func ordinalOf(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }

func nextDay(ord int) int { return ordinalOf(timeOf(ord).AddDate(0, 0, 1)) }
func prevDay(ord int) int { return ordinalOf(timeOf(ord).AddDate(0, 0, -1)) }

// dayOf is the day-precision date of an ordinal.
func dayOf(ord int) PartialDate {
	return PartialDate{Year: ord / 10000, Month: ord / 100 % 100, Day: ord % 100}
}
