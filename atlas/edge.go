package atlas

import "slices"

// Edge is a relationship seen from one of its ends: the relation, which way it points
// from there, how surely it holds at the date asked about, and, for chairs derived
// through positions, how they were derived.
type Edge struct {
	Relation
	// Self is the node the edge is seen from; Direction is relative to it.
	Self      string
	Direction Direction
	// Holding is KNOWN or POSSIBLE when an asOf date was asked for, nil otherwise;
	// HoldingReason and HoldingReasonDate say why (see Basis).
	Holding           *Holding
	HoldingReason     *HoldingReason
	HoldingReasonDate *PartialDate
	// HoldingDuring says, when a period was asked for, whether the fact is KNOWN on every
	// day of it, on some days, or on none (then Holding is KNOWN only in the first case and
	// has no reason: the reasons of the days differ).
	HoldingDuring *PeriodHolding
	// known are the days of the period asked for on which the fact is KNOWN.
	known []dayRange
	// Withheld are the citations left out by a knownBy date: sources published later,
	// and undated ones.
	Withheld []Citation
	// Derivations are the positions through which a chair is derived (a person holds a
	// position that chairs the group). An edge is stored, derived, or both: a stored
	// chair and a derived chair of the same person and group are one edge.
	Derivations []Derivation
	// Stored is true when a stored relation says the fact directly.
	Stored bool
}

// Derivation is one line of derived evidence for a chair: the person's HOLDS of a
// position and that position's CHAIRS of the group, each seen from the position, with its
// holding at the date asked about.
type Derivation struct {
	Position string
	Holds    Edge
	Chairs   Edge
}

// OtherID is the id of the node at the far end of the edge.
func (e *Edge) OtherID() string { return e.Relation.Other(e.Self) }

// NoteOrNull is the curator's note, nil when there is none (the API's null).
func (e *Edge) NoteOrNull() *string {
	if e.Note == "" {
		return nil
	}
	return &e.Note
}

// Derived reports whether the edge has derived evidence.
func (e *Edge) Derived() bool { return len(e.Derivations) > 0 }

// setBasis records the holding at asOf and its reason.
func (e *Edge) setBasis(b Basis) {
	e.Holding, e.HoldingReason, e.HoldingReasonDate = &b.Holding, &b.Reason, b.Date
}

func (e *Edge) basis() Basis {
	if e.Holding == nil {
		return Basis{}
	}
	return Basis{Holding: *e.Holding, Reason: *e.HoldingReason, Date: e.HoldingReasonDate}
}

// setKnown records the days of the period [lo, hi] on which e is KNOWN, and what that
// makes of its holding over the period.
func (e *Edge) setKnown(known []dayRange, lo, hi int) {
	h := coverage(known, lo, hi)
	holding := Possible
	if h == KnownThroughout {
		holding = Known
	}
	e.known, e.HoldingDuring, e.Holding = known, &h, &holding
	e.HoldingReason, e.HoldingReasonDate = nil, nil
}

// holdWhen records how e, whose time is s, holds at w; false when it cannot hold then.
func (e *Edge) holdWhen(s Span, w When) bool {
	switch {
	case w.AsOf != nil:
		b, ok := s.BasisAt(*w.AsOf)
		if !ok {
			return false
		}
		e.setBasis(b)
	case w.During != nil:
		lo, hi := w.During.Days()
		if !s.MayHoldWhen(w) {
			return false
		}
		e.setKnown(s.knownDays(lo, hi), lo, hi)
	}
	return true
}

// EdgesFrom turns stored relations of node self into edges, computing each one's holding
// at asOf (when given) and dropping those that cannot hold then, as the facts of tiers
// tell (Relation.SpanIn; none means every tier).
func EdgesFrom(self string, rels []Relation, asOf *PartialDate, tiers ...SourceTier) []Edge {
	return EdgesWhen(self, rels, At(asOf), tiers...)
}

// EdgesWhen is EdgesFrom at any When: with a period, an edge is kept when it may hold on
// some day of it, with its HoldingDuring.
func EdgesWhen(self string, rels []Relation, w When, tiers ...SourceTier) []Edge {
	out := make([]Edge, 0, len(rels))
	for _, r := range rels {
		r, withheld, ok := w.restrict(r)
		if !ok {
			continue
		}
		e := Edge{Relation: r.InTiers(tiers), Self: self, Direction: Outgoing, Stored: true, Withheld: withheld}
		if r.To == self && r.From != self {
			e.Direction = Incoming
		}
		if !e.holdWhen(r.SpanIn(tiers), w) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// DerivedChairs chooses which lines of evidence a chairs list shows.
type DerivedChairs string

const (
	// IncludeDerived shows stored and derived chairs, one edge per person and group.
	IncludeDerived DerivedChairs = "INCLUDE"
	// ExcludeDerived shows stored chairs only.
	ExcludeDerived DerivedChairs = "EXCLUDE"
	// OnlyDerived shows chairs that have derived evidence (with their stored evidence,
	// when a stored relation says the same).
	OnlyDerived DerivedChairs = "ONLY"
)

// DerivedChairsModes lists every mode.
var DerivedChairsModes = []DerivedChairs{IncludeDerived, ExcludeDerived, OnlyDerived}

// DerivedIDPrefix begins the id of every derived chair, which no stored relation's may.
const DerivedIDPrefix = "derived/"

// DerivedChairID is the id of the chair derived from the HOLDS relation holds and the
// CHAIRS relation chairs: a permalink naming its premises.
func DerivedChairID(holds, chairs string) string { return DerivedIDPrefix + holds + "+" + chairs }

// HoldsChairs is a candidate derivation: a HOLDS relation of a person and a CHAIRS
// relation of the same position. Pointers, to the caller's relations, which the join
// only reads: a group's candidates are every holding of every post chairing it, and
// pairs of copies (768 bytes each) were a tenth of the bytes an executed two-level
// query allocated.
type HoldsChairs struct{ Holds, Chairs *Relation }

// ChairList is the derived-chair join, the one place that decides who chairs what at a
// date. self is the group or the person whose chairs are listed; direct are self's
// stored CHAIRS relations; candidates pair HOLDS and CHAIRS relations through positions
// (for a group: each holding of each position chairing it; for a person: each of their
// holdings with each chair of that position). Candidates that do not touch self are
// ignored. Stored edges keep their order; chairs that are only derived follow, in
// candidate order. A person appears at most once per group: a stored and a derived chair
// of the same person and group are one edge carrying both lines of evidence, and so are
// two derivations of it (two positions, two tenures). Dates are read as the facts of
// tiers give them (EdgesFrom).
func ChairList(self string, direct []Relation, candidates []HoldsChairs, asOf *PartialDate, mode DerivedChairs, tiers ...SourceTier) []Edge {
	return ChairListWhen(self, direct, candidates, At(asOf), mode, tiers...)
}

// ChairListWhen is ChairList at any When: over a period, the chairs that may hold on some
// day of it, a person known on a day through either line of evidence being known then.
func ChairListWhen(self string, direct []Relation, candidates []HoldsChairs, w When, mode DerivedChairs, tiers ...SourceTier) []Edge {
	if mode == "" {
		mode = IncludeDerived
	}
	var out []Edge
	byPair := map[[2]string]int{}
	for _, e := range EdgesWhen(self, direct, w, tiers...) {
		if e.Type != Chairs {
			continue
		}
		if k, _ := KindOfID(e.From); k == PersonNode {
			if _, dup := byPair[[2]string{e.From, e.To}]; !dup {
				byPair[[2]string{e.From, e.To}] = len(out)
			}
		}
		out = append(out, e)
	}
	if mode != ExcludeDerived {
		for _, c := range candidates {
			if c.Holds.From != self && c.Chairs.To != self {
				continue
			}
			d, ok := DeriveChairWhen(self, *c.Holds, *c.Chairs, w, tiers...)
			if !ok {
				continue
			}
			key := [2]string{d.From, d.To}
			if i, seen := byPair[key]; seen {
				out[i] = merge(out[i], d, w)
				continue
			}
			byPair[key] = len(out)
			out = append(out, d)
		}
	}
	if mode == OnlyDerived {
		out = slices.DeleteFunc(out, func(e Edge) bool { return !e.Derived() })
	}
	if out == nil {
		out = []Edge{}
	}
	return out
}

// merge adds the derived evidence of d to e (a stored or derived chair of the same
// person and group): e keeps its own dates, gains d's derivations and sources, and holds
// as surely as the surer of the two.
func merge(e, d Edge, w When) Edge {
	e.Derivations = slices.Concat(e.Derivations, d.Derivations)
	e.Withheld = slices.Concat(e.Withheld, d.Withheld)
	e.Sources = slices.Clone(e.Sources)
	for _, s := range d.Sources {
		e.Sources = withSource(e.Sources, s) // one passage once, quoted or not
	}
	if w.During != nil {
		lo, hi := w.During.Days()
		e.setKnown(unionRanges(e.known, d.known), lo, hi)
		return e
	}
	if e.Holding != nil && *e.Holding != Known && d.Holding != nil && *d.Holding == Known {
		e.setBasis(d.basis())
	}
	return e
}

// DeriveChair derives "person chairs group" from "person HOLDS position" and "position
// CHAIRS group", seen from self (the person or the group). A derivation is an inference
// and never outlives its premises: the derived fact holds only where every premise may
// hold (the holding, the position's chairing as its source attests it, the group's
// lifetime and the holder's life), its dates are the intersection of theirs, and its
// confidence is INFERRED, or DISPUTED when a premise is. It returns false when the
// holding has no time of its own (an undated holding never makes anyone a chair), when
// the premises cannot share a day, or when the derived fact cannot hold at asOf. A
// chairing rule holds where its dates say, within the group's lifetime: a rule a source
// attests only as of its own date (a table of how groups are chaired "now") carries
// the period the curators infer for it (seed/FORMAT.md), so it derives nothing outside. Every
// premise is read as the facts of tiers give it (Relation.SpanIn). The known/possible
// basis is the weaker of the premises' at asOf.
func DeriveChair(self string, holds, chairs Relation, asOf *PartialDate, tiers ...SourceTier) (Edge, bool) {
	return DeriveChairWhen(self, holds, chairs, At(asOf), tiers...)
}

// DeriveChairWhen is DeriveChair at any When: over a period, the derived chair may hold
// when both facts may, and is KNOWN on the days both are.
func DeriveChairWhen(self string, holds, chairs Relation, w When, tiers ...SourceTier) (Edge, bool) {
	// Only premises known by then derive anything; the premises' edges (below, from the
	// stored relations) say what was withheld.
	storedHolds, storedChairs := holds, chairs
	var withheldH, withheldC []Citation
	var ok bool
	if holds, withheldH, ok = w.restrict(holds); !ok {
		return Edge{}, false
	}
	if chairs, withheldC, ok = w.restrict(chairs); !ok {
		return Edge{}, false
	}
	if holds.Type != Holds || chairs.Type != Chairs || holds.To != chairs.From {
		return Edge{}, false
	}
	hs, cs := holds.SpanIn(tiers), chairs.SpanIn(tiers)
	if !hs.Dated() || !hs.Overlaps(cs) {
		return Edge{}, false
	}
	r := Relation{
		ID:            DerivedChairID(holds.ID, chairs.ID),
		Type:          Chairs,
		From:          holds.From,
		To:            chairs.To,
		Confidence:    weaker(Inferred, weaker(holds.Confidence, chairs.Confidence)),
		Note:          "Derived, an inference: holds " + holds.To + ", which chairs the group; it holds only where the holding, the chairing, the group's lifetime and the holder's life all may.",
		Sources:       slices.Concat(holds.Sources, chairs.Sources),
		LifetimeStart: chairs.LifetimeStart,
		LifetimeEnd:   chairs.LifetimeEnd,
		HolderDeaths:  holds.HolderDeaths,
		HolderBirths:  holds.HolderBirths,
		Relays:        slices.Concat(holds.Relays, chairs.Relays),
	}
	r.Start, r.End, r.Attested = derivedSpan(hs, cs)
	if holds.ObservedUntil != nil && chairs.ObservedUntil != nil {
		r.ObservedUntil = earlierEnd(holds.ObservedUntil, chairs.ObservedUntil)
	}
	if !r.SpanIn(tiers).Dated() || !r.SpanIn(tiers).MayHoldWhen(w) {
		return Edge{}, false
	}
	hs2 := EdgesWhen(holds.To, []Relation{storedHolds}, w, tiers...)
	cs2 := EdgesWhen(holds.To, []Relation{storedChairs}, w, tiers...)
	if len(hs2) == 0 || len(cs2) == 0 {
		return Edge{}, false
	}
	e := Edge{Relation: r, Self: self, Direction: Outgoing, Derivations: []Derivation{{Position: holds.To, Holds: hs2[0], Chairs: cs2[0]}},
		Withheld: slices.Concat(withheldH, withheldC)}
	if self == r.To {
		e.Direction = Incoming
	}
	if w.During != nil {
		// Known on the days every premise is known and the intersection itself is.
		lo, hi := w.During.Days()
		e.setKnown(intersectRanges(intersectRanges(hs2[0].known, cs2[0].known), r.SpanIn(tiers).knownDays(lo, hi)), lo, hi)
	}
	if w.AsOf != nil {
		asOf := w.AsOf
		// Known only where every premise is known. The reason is the holding's, unless
		// the holding is known and the chairing is not.
		b := hs2[0].basis()
		if c := cs2[0].basis(); b.Holding == Known && c.Holding != Known {
			b = c
		}
		// The derived chair's own dates (the intersection, which the answer shows) say
		// why, not a premise's wider ones, unless a premise is weaker: a chair ending
		// with a rule on 2023-03-10 is KNOWN in 2018 within dates ending then, and
		// POSSIBLE in 2023 because of that end, not the holding's the day after.
		if d, ok := r.SpanIn(tiers).BasisAt(*asOf); ok && (d.Holding != Known || b.Holding == Known) {
			b = d
		}
		e.setBasis(b)
	}
	return e, true
}

// derivedSpan is when a derived chair may hold: the intersection of the premises, the
// group's lifetime and the holder's life. When either premise is known only from
// attestations, so is the derived fact, at those of its attestations that the other
// premise (and both lifetimes) allow; otherwise it runs from the latest start to the
// earliest end, keeping the attestations that fall where everything may hold.
func derivedSpan(hs, cs Span) (start, end *PartialDate, attested []PartialDate) {
	within := func(as []PartialDate, own, other Span) []PartialDate {
		var out []PartialDate
		for _, a := range as {
			point := own
			point.Start, point.End, point.Attested = nil, nil, []PartialDate{a}
			if other.Overlaps(point) {
				out = append(out, a)
			}
		}
		return out
	}
	attested = slices.Concat(within(hs.Attested, hs, cs), within(cs.Attested, cs, hs))
	if hs.Bounds().AttestedOnly || cs.Bounds().AttestedOnly {
		return nil, nil, attested
	}
	start = laterStart(laterStart(hs.Start, cs.Start), laterStart(cs.LifetimeStart, hs.HolderBorn))
	end = earlierEnd(earlierEnd(hs.End, cs.End), earlierEnd(cs.LifetimeEnd, hs.HolderDied))
	return start, end, attested
}

func laterStart(a, b *PartialDate) *PartialDate {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case b.Earliest() > a.Earliest():
		return b
	}
	return a
}

func earlierEnd(a, b *PartialDate) *PartialDate {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case b.Latest() < a.Latest():
		return b
	}
	return a
}

var confidenceRank = map[Confidence]int{Stated: 0, Reported: 1, Inferred: 2, Disputed: 3}

func weaker(a, b Confidence) Confidence {
	if confidenceRank[b] > confidenceRank[a] {
		return b
	}
	return a
}
