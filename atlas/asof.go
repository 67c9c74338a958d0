package atlas

import (
	"cmp"
	"slices"
)

// The "as of" rules of the domain brief, written once. The in-process store calls them;
// the Neo4j store stores the numbers Bounds returns and compares them in Cypher; the
// conformance suite proves the two agree.

// Span is the time information of a fact: its interval, its attestations and how far
// its sources reach.
type Span struct {
	Start *PartialDate
	// End is the end of the fact, or nil when it is not known to have ended.
	End *PartialDate
	// LifetimeStart stands in for an unknown Start, LifetimeEnd caps an open End: the
	// lifetime of the group involved.
	LifetimeStart, LifetimeEnd *PartialDate
	// Attested are the dates at which a source observed the fact.
	Attested []PartialDate
	// ObservedUntil is how far the sources reach: an open-ended fact is known to hold
	// only up to then.
	ObservedUntil *PartialDate
	// KnownFrom is the first day the fact is known to hold by other evidence, when its
	// own start is unknown or known only roughly: a group whose founding is undated is
	// known alive from the first day one of its relationships is KNOWN.
	KnownFrom *PartialDate
	// NextHolderFrom caps an open-ended tenure of a single-seat post like ObservedUntil:
	// the earliest date a later holder is known in it.
	NextHolderFrom *PartialDate
	// HolderDied caps the fact like LifetimeEnd: the death of the person holding it;
	// HolderBorn bounds it from below: nobody holds anything before birth. Where sources
	// disagree, these are the latest death and the earliest birth (the fact may hold
	// within the widest life), and HolderDiedFirst and HolderBornLast the earliest death
	// and the latest birth: it is known only within the narrowest.
	HolderDied, HolderBorn          *PartialDate
	HolderDiedFirst, HolderBornLast *PartialDate
}

// Span returns the time information of r, bounded by every death date of its holder.
func (r *Relation) Span() Span { return r.SpanIn(nil) }

// SpanIn returns the time information of r as the facts of tiers give it: its dates are
// those the date claims of tiers give (Relation.InTiers), and only a birth or death
// claimed in tiers bounds it (with [CORPUS], a death known only from reference pages
// does not). Of several death dates the latest bounds where it may hold, since the
// holder may have lived until then, and the earliest where it is known; of several
// births the earliest and the latest.
func (r *Relation) SpanIn(tiers []SourceTier) Span {
	v := r.InTiers(tiers)
	s := Span{Start: v.Start, End: v.End, LifetimeStart: r.LifetimeStart, LifetimeEnd: r.LifetimeEnd, Attested: v.Attested, ObservedUntil: r.ObservedUntil, NextHolderFrom: r.NextHolderFrom}
	for i, d := range r.HolderDeaths {
		if !AllTiers(tiers) && !slices.Contains(tiers, d.Tier) {
			continue
		}
		if s.HolderDied == nil || d.Date.Latest() > s.HolderDied.Latest() {
			s.HolderDied = &r.HolderDeaths[i].Date
		}
		if s.HolderDiedFirst == nil || d.Date.Earliest() < s.HolderDiedFirst.Earliest() {
			s.HolderDiedFirst = &r.HolderDeaths[i].Date
		}
	}
	for i, d := range r.HolderBirths {
		if !AllTiers(tiers) && !slices.Contains(tiers, d.Tier) {
			continue
		}
		if s.HolderBorn == nil || d.Date.Earliest() < s.HolderBorn.Earliest() {
			s.HolderBorn = &r.HolderBirths[i].Date
		}
		if s.HolderBornLast == nil || d.Date.Latest() > s.HolderBornLast.Latest() {
			s.HolderBornLast = &r.HolderBirths[i].Date
		}
	}
	return s
}

// diedFirst is the earliest death the sources give, and bornLast the latest birth:
// what a KNOWN holding must lie within.
func (s Span) diedFirst() *PartialDate { return cmp.Or(s.HolderDiedFirst, s.HolderDied) }
func (s Span) bornLast() *PartialDate  { return cmp.Or(s.HolderBornLast, s.HolderBorn) }

// StoreBounds are the bounds a store filters r with for an asOf argument: a superset of
// when r may hold in any tiers, which atlas then narrows (EdgesFrom, SpanIn). A relation
// with date claims may be dated differently by each tier (a reference tenure beside an
// undated corpus mention), so it is bounded only by the lifetime of its group.
func (r *Relation) StoreBounds() Bounds {
	if len(r.DateClaims) == 0 {
		return r.Span().Bounds()
	}
	return Span{LifetimeStart: r.LifetimeStart, LifetimeEnd: r.LifetimeEnd}.Bounds()
}

// Span returns the lifetime of g.
func (g *Group) Span() Span {
	return Span{Start: g.Established, End: g.Abolished, ObservedUntil: g.ObservedUntil, KnownFrom: g.KnownFrom}
}

// Unbounded ordinals stand for a missing start or end in Bounds.
const (
	MinOrdinal = 0
	MaxOrdinal = 99991231
)

// Bounds are the ordinals a store compares with an "as of" date (see MayHoldAt).
type Bounds struct {
	// AttestedOnly is true when the fact has attestations and neither start nor end: it
	// holds at its attestations only.
	AttestedOnly bool
	// From and To are the earliest possible first day and the latest possible last day.
	From, To int
	// AttestedFrom[i] and AttestedTo[i] are the days attestation i covers.
	AttestedFrom, AttestedTo []int
}

// Bounds returns the ordinals a store filters with: whether the fact may hold at a date
// as far as its own dates and its group's lifetime tell. The lifetime bounds everything:
// a start before the group's establishment or an end after its abolition is cut to it,
// and attestations outside it are dropped. The holder's birth and death are left out,
// since whether they bound depends on the tiers asked for; MayHoldAt and BasisAt apply
// them to what the store returns.
func (s Span) Bounds() Bounds {
	b := Bounds{From: MinOrdinal, To: MaxOrdinal}
	b.AttestedOnly = s.Start == nil && s.End == nil && len(s.Attested) > 0
	if s.Start != nil {
		b.From = s.Start.Earliest()
	}
	if s.LifetimeStart != nil && s.LifetimeStart.Earliest() > b.From {
		b.From = s.LifetimeStart.Earliest()
	}
	if s.End != nil {
		b.To = s.End.Latest()
	}
	if s.LifetimeEnd != nil && s.LifetimeEnd.Latest() < b.To {
		b.To = s.LifetimeEnd.Latest()
	}
	for _, a := range s.Attested {
		if b.AttestedOnly && (a.Latest() < b.From || a.Earliest() > b.To) {
			continue
		}
		b.AttestedFrom = append(b.AttestedFrom, a.Earliest())
		b.AttestedTo = append(b.AttestedTo, a.Latest())
	}
	return b
}

// livingBounds are Bounds within the holder's life: after birth, not after death.
func (s Span) livingBounds() Bounds {
	b := s.Bounds()
	lo, hi := b.From, b.To
	if s.HolderBorn != nil && s.HolderBorn.Earliest() > lo {
		lo = s.HolderBorn.Earliest()
	}
	if s.HolderDied != nil && s.HolderDied.Latest() < hi {
		hi = s.HolderDied.Latest()
	}
	if !b.AttestedOnly {
		b.From, b.To = lo, hi
		return b
	}
	// An attestation of a living holder: one wholly outside the life is dropped.
	var from, to []int
	for i := range b.AttestedFrom {
		if b.AttestedTo[i] >= lo && b.AttestedFrom[i] <= hi {
			from, to = append(from, b.AttestedFrom[i]), append(to, b.AttestedTo[i])
		}
	}
	b.AttestedFrom, b.AttestedTo = from, to
	return b
}

// MayHoldAt reports whether the fact may hold at some day of d: Bounds.MayHoldAt, and
// not after its holder's death.
func (s Span) MayHoldAt(d PartialDate) bool { return s.livingBounds().MayHoldAt(d) }

// MayHoldAt reports whether the fact's validity may include some day of d: the filter
// behind every asOf argument.
func (b Bounds) MayHoldAt(d PartialDate) bool { return b.MayHoldBetween(d.Earliest(), d.Latest()) }

// MayHoldBetween reports whether the fact's validity may include some day from lo to hi
// (ordinals): MayHoldAt for any run of days, such as a period.
func (b Bounds) MayHoldBetween(lo, hi int) bool {
	if b.AttestedOnly {
		for i := range b.AttestedFrom {
			if b.AttestedFrom[i] <= hi && b.AttestedTo[i] >= lo {
				return true
			}
		}
		return false
	}
	return b.From <= hi && b.To >= lo
}

// HoldingAt says whether the fact holds at d: ok is false when it cannot hold; otherwise
// KNOWN when the sources establish it for every day of d, POSSIBLE when they only allow it.
func (s Span) HoldingAt(d PartialDate) (h Holding, ok bool) {
	b, ok := s.BasisAt(d)
	return b.Holding, ok
}

// HoldingReason says, in one machine-readable word, why a fact is KNOWN or POSSIBLE at a
// date. Extend only with reason; never rename a value.
type HoldingReason string

const (
	// KNOWN reasons.
	ReasonAttestedAtDate      HoldingReason = "ATTESTED_AT_DATE"                // an attestation covers the whole date
	ReasonWithinDates         HoldingReason = "WITHIN_DATES"                    // it started before and ended after the date
	ReasonOpenEndedWithinLast HoldingReason = "OPEN_ENDED_WITHIN_LATEST_SOURCE" // not known to have ended; the latest source reaches past the date
	// POSSIBLE reasons.
	ReasonAttestedNearDate    HoldingReason = "ATTESTED_PARTLY"                // known only from attestations that overlap the date in part
	ReasonStartUnknown        HoldingReason = "START_UNKNOWN"                  // no start date: it may have begun after the date
	ReasonStartsDuring        HoldingReason = "STARTS_DURING_DATE"             // the start may fall within the date
	ReasonEndsDuring          HoldingReason = "ENDS_DURING_DATE"               // the end may fall within the date
	ReasonNoSourceDate        HoldingReason = "OPEN_ENDED_UNDATED_SOURCES"     // not known to have ended, and no dated source shows it lasting (observing)
	ReasonOpenEndedAfterLast  HoldingReason = "OPEN_ENDED_AFTER_LATEST_SOURCE" // not known to have ended; the date is past the latest source
	ReasonGroupEndsDuring     HoldingReason = "GROUP_ENDS_DURING_DATE"         // the group involved may have ended within the date
	ReasonHolderDiesDuring    HoldingReason = "HOLDER_DIES_DURING_DATE"        // the person holding it may have died within the date
	ReasonNextHolderKnown     HoldingReason = "NEXT_HOLDER_KNOWN"              // a single-seat post: a later holder may hold it by then (an open tenure), or takes it that day (a closed one's last)
	ReasonHolderDeathDisputed HoldingReason = "HOLDER_DEATH_DISPUTED"          // one source has the person holding it dead before the date, another alive
)

// HoldingReasons lists every reason.
var HoldingReasons = []HoldingReason{ReasonAttestedAtDate, ReasonWithinDates, ReasonOpenEndedWithinLast,
	ReasonAttestedNearDate, ReasonStartUnknown, ReasonStartsDuring, ReasonEndsDuring, ReasonNoSourceDate,
	ReasonOpenEndedAfterLast, ReasonGroupEndsDuring, ReasonHolderDiesDuring, ReasonNextHolderKnown, ReasonHolderDeathDisputed}

// Basis is how surely a fact holds at a date and why: Date is the date the reason
// rests on (the attestation, start or end, the latest source, the group's end), nil when
// there is none.
type Basis struct {
	Holding Holding
	Reason  HoldingReason
	Date    *PartialDate
}

// BasisAt is HoldingAt with its reason: ok is false when the fact cannot hold at d.
func (s Span) BasisAt(d PartialDate) (b Basis, ok bool) {
	if !s.MayHoldAt(d) {
		return Basis{}, false
	}
	lo, hi := d.Earliest(), d.Latest()
	for i, a := range s.Attested {
		if a.Earliest() <= lo && a.Latest() >= hi {
			return Basis{Known, ReasonAttestedAtDate, &s.Attested[i]}, true
		}
	}
	possible := func(r HoldingReason, at *PartialDate) (Basis, bool) { return Basis{Possible, r, at}, true }
	knownAlready := s.KnownFrom != nil && s.KnownFrom.Earliest() <= lo
	switch {
	case s.Start == nil && s.End == nil && len(s.Attested) > 0:
		for i, a := range s.Attested {
			if a.Earliest() <= hi && a.Latest() >= lo {
				return possible(ReasonAttestedNearDate, &s.Attested[i])
			}
		}
	case s.Start == nil && !knownAlready:
		return possible(ReasonStartUnknown, s.LifetimeStart)
	case s.Start != nil && s.Start.Latest() > lo && !knownAlready:
		return possible(ReasonStartsDuring, s.Start)
	// Lifetimes bound everything: nothing is known before the group or the holder was
	// surely there.
	case s.LifetimeStart != nil && s.LifetimeStart.Latest() > lo:
		return possible(ReasonStartsDuring, s.LifetimeStart)
	case s.bornLast() != nil && s.bornLast().Latest() > lo:
		return possible(ReasonStartsDuring, s.bornLast())
	case s.End != nil && s.End.Earliest() >= hi && s.LifetimeEnd != nil && s.LifetimeEnd.Earliest() < hi:
		return possible(ReasonGroupEndsDuring, s.LifetimeEnd)
	case s.End != nil && s.End.Earliest() >= hi && s.diedFirst() != nil && s.diedFirst().Earliest() < hi:
		return s.holderMayHaveDied(lo)
	// One seat, handed over: on the first day of a closed tenure's end on which a later
	// holder may have taken the post, the new holder is the KNOWN one. (A later start
	// well inside the tenure is a conflict of the data, which SINGLE_SEAT reports.)
	case s.End != nil && s.End.Earliest() == hi && s.NextHolderFrom != nil && s.NextHolderFrom.Earliest() <= hi:
		return possible(ReasonNextHolderKnown, s.NextHolderFrom)
	case s.End != nil && s.End.Earliest() >= hi:
		return Basis{Known, ReasonWithinDates, s.End}, true
	case s.End != nil:
		return possible(ReasonEndsDuring, s.End)
	// One seat, not known to have ended: not known once a later holder may have taken
	// the post, the day they take it included.
	case s.NextHolderFrom != nil && s.NextHolderFrom.Earliest() <= hi:
		return possible(ReasonNextHolderKnown, s.NextHolderFrom)
	// Not known to have ended: known only as far as the sources surely reach (a source
	// dated "2018" may be from January, so it establishes nothing later than its first
	// day), and never past the end of the group involved.
	case s.ObservedUntil == nil:
		return possible(ReasonNoSourceDate, nil)
	case s.ObservedUntil.Earliest() < hi:
		return possible(ReasonOpenEndedAfterLast, s.ObservedUntil)
	case s.LifetimeEnd != nil && s.LifetimeEnd.Earliest() < hi:
		return possible(ReasonGroupEndsDuring, s.LifetimeEnd)
	// Nor past the death of the person holding it.
	case s.diedFirst() != nil && s.diedFirst().Earliest() < hi:
		return s.holderMayHaveDied(lo)
	}
	return Basis{Known, ReasonOpenEndedWithinLast, s.ObservedUntil}, true
}

// firstKnownDay is the first day on which s is KNOWN to hold: the earliest of the days
// its own dates begin on (its start, its lifetime's, its holder's birth, its
// attestations) at which BasisAt says KNOWN. ok is false when it is KNOWN on none of them.
func (s Span) firstKnownDay() (first PartialDate, ok bool) {
	var days []int
	for _, d := range nonNil(s.Start, s.LifetimeStart, s.bornLast()) {
		days = append(days, d.Latest())
	}
	for _, a := range s.Attested {
		days = append(days, a.Earliest())
	}
	for _, day := range days {
		if b, holds := s.BasisAt(dayOf(day)); holds && b.Holding == Known && (!ok || day < first.Earliest()) {
			first, ok = dayOf(day), true
		}
	}
	return first, ok
}

// lastKnownDay is the last day on which s is KNOWN to hold: the latest of the days its
// own dates end on (its end, how far its sources reach, its attestations) at which
// BasisAt says KNOWN. ok is false when it is KNOWN on none of them.
func (s Span) lastKnownDay() (last PartialDate, ok bool) {
	var days []int
	for _, d := range nonNil(s.End, s.ObservedUntil) {
		days = append(days, d.Earliest())
	}
	for _, a := range s.Attested {
		days = append(days, a.Latest())
	}
	for _, day := range days {
		if b, holds := s.BasisAt(dayOf(day)); holds && b.Holding == Known && (!ok || day > last.Earliest()) {
			last, ok = dayOf(day), true
		}
	}
	return last, ok
}

// holderMayHaveDied is the basis of a fact whose holder may be dead at a date starting
// at lo: by one source's death date before it, or by a death that may fall within it.
func (s Span) holderMayHaveDied(lo int) (Basis, bool) {
	if first := s.diedFirst(); first.Latest() < lo {
		return Basis{Possible, ReasonHolderDeathDisputed, first}, true
	}
	return Basis{Possible, ReasonHolderDiesDuring, s.diedFirst()}, true
}

// ShownStart and ShownEnd are the start and end of the fact as events show them:
// lifetimes bound everything, so a start wholly before the group or the holder existed
// is shown at that lifetime's start, an end wholly after at its end. (Validation refuses
// such dates in the data; this keeps every event within a lifetime whatever the data.)
func (s Span) ShownStart() *PartialDate { return laterOf(s.Start, s.LifetimeStart, s.HolderBorn) }
func (s Span) ShownEnd() *PartialDate   { return earlierOf(s.End, s.LifetimeEnd, s.HolderDied) }

func laterOf(d *PartialDate, bounds ...*PartialDate) *PartialDate {
	for _, b := range bounds {
		if d != nil && b != nil && d.Latest() < b.Earliest() { // wholly before the bound
			d = b
		}
	}
	return d
}

func earlierOf(d *PartialDate, bounds ...*PartialDate) *PartialDate {
	for _, b := range bounds {
		if d != nil && b != nil && d.Earliest() > b.Latest() { // wholly after the bound
			d = b
		}
	}
	return d
}

// Dated reports whether the fact carries any time of its own: a start, an end or an
// attestation. The lifetime of the group involved does not count.
func (s Span) Dated() bool { return s.Start != nil || s.End != nil || len(s.Attested) > 0 }

// Overlaps reports whether two spans may share a day: used to pair a person's holding of
// a position with the position's chairing of a group.
func (s Span) Overlaps(t Span) bool {
	a, b := s.livingBounds(), t.livingBounds()
	if a.AttestedOnly || b.AttestedOnly {
		for _, x := range intervals(a) {
			for _, y := range intervals(b) {
				if x[0] <= y[1] && y[0] <= x[1] {
					return true
				}
			}
		}
		return false
	}
	return a.From <= b.To && b.From <= a.To
}

func intervals(b Bounds) [][2]int {
	if !b.AttestedOnly {
		return [][2]int{{b.From, b.To}}
	}
	out := make([][2]int, len(b.AttestedFrom))
	for i := range b.AttestedFrom {
		out[i] = [2]int{b.AttestedFrom[i], b.AttestedTo[i]}
	}
	return out
}
