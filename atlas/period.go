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
	// Known, when set, keeps only the evidence of sources published by its date.
	Known *KnownBy
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
	k := ""
	switch {
	case w.AsOf != nil:
		k = w.AsOf.String()
	case w.During != nil:
		k = w.During.String()
	}
	if w.Known != nil {
		k += "@" + w.Known.Date.String()
	}
	return k
}

// restrict applies w.Known to r (see KnownBy.restrict); without it r is kept whole.
func (w When) restrict(r Relation) (Relation, []Citation, bool) {
	if w.Known == nil {
		return r, nil, true
	}
	return w.Known.restrict(r)
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
	dates := slices.Concat(s.Attested, nonNil(s.Start, s.End, s.LifetimeStart, s.LifetimeEnd, s.ObservedUntil, s.KnownFrom, s.HolderDied, s.HolderDiedFirst, s.HolderBorn, s.HolderBornLast))
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

// KnownBy restricts evidence to what sources published by a date give: the literature
// as it stood then. A source counts when its whole date lies on or before the date's
// last day (a source dated "2016" is known by "2016", not by "2016-06"); a source read
// second-hand without a date of its own takes the date of the work relaying it; an
// undated source is left out.
type KnownBy struct {
	Date PartialDate
	// Source looks up a cited source.
	Source func(id string) *Source
}

// Published reports whether source id was surely published by k's date.
func (k KnownBy) Published(id string) bool {
	d := publicationDate(id, k.Source)
	return d != nil && d.Latest() <= k.Date.Latest()
}

// publicationDate is the date source id counts as published from: its own, or for a
// source read second-hand without one, that of the work relaying it; nil when neither
// is known. source looks a source up by id.
func publicationDate(id string, source func(id string) *Source) *PartialDate {
	s := source(id)
	if s == nil {
		return nil
	}
	if s.Date == nil && s.CitedVia != "" {
		if via := source(s.CitedVia); via != nil {
			return via.Date
		}
	}
	return s.Date
}

// restrict keeps the citations of r from sources published by k's date, and how far
// those reach (ObservedUntil); ok is false when none is left. withheld are the others.
// A relation with date claims shows only the dates those sources give, each claim
// citing only them: a date that only a later source gives was not known by then.
func (k KnownBy) restrict(r Relation) (out Relation, withheld []Citation, ok bool) {
	out = r
	out.Sources, out.CitationTiers = nil, nil
	out.ObservedUntil = nil
	tiered := len(r.CitationTiers) == len(r.Sources)
	observed := observing(&r) // the same rule as import's (Prepared)
	for i, c := range r.Sources {
		if !k.Published(c.Source) {
			withheld = append(withheld, c)
			continue
		}
		out.Sources = append(out.Sources, c)
		if tiered {
			out.CitationTiers = append(out.CitationTiers, r.CitationTiers[i])
		}
		if !slices.Contains(observed, c) {
			continue
		}
		d := publicationDate(c.Source, k.Source) // published, so known
		if out.ObservedUntil == nil || d.Latest() > out.ObservedUntil.Latest() {
			out.ObservedUntil = d
		}
	}
	if r.ObservedUntil == nil {
		out.ObservedUntil = nil // an open-ended tie to a body that ended is not known to last
	}
	if len(r.DateClaims) > 0 && len(withheld) > 0 {
		out.DateClaims = k.publishedClaims(r.DateClaims)
		out = out.withDatesFrom(func(DateClaim) bool { return true })
	}
	return out, withheld, len(out.Sources) > 0
}

// publishedClaims are the claims of cs that a source published by k's date gives, each
// citing only those sources (and of their tier).
func (k KnownBy) publishedClaims(cs []DateClaim) []DateClaim {
	var out []DateClaim
	for _, c := range cs {
		var published []Citation
		for _, ct := range c.Sources {
			if k.Published(ct.Source) {
				published = append(published, ct)
			}
		}
		if len(published) == 0 {
			continue
		}
		if len(published) < len(c.Sources) {
			c.Sources, c.Tier = published, TierOf(published, k.Source)
		}
		out = append(out, c)
	}
	return out
}
