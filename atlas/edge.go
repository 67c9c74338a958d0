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
		e := Edge{Relation: r, Self: self, Direction: Outgoing, Stored: true}
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

// HoldsChairs is a candidate derivation: a HOLDS relation of a person and a CHAIRS
// relation of the same position.
type HoldsChairs struct{ Holds, Chairs Relation }

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
			d, ok := DeriveChairWhen(self, c.Holds, c.Chairs, w, tiers...)
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
	e.Sources = slices.Clone(e.Sources)
	for _, s := range d.Sources {
		if !slices.Contains(e.Sources, s) {
			e.Sources = append(e.Sources, s)
		}
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
// CHAIRS group", seen from self (the person or the group). It returns false when the
// holding has no time of its own (an undated holding never makes anyone a chair: the
// sources do not say when the person held the post), when the two facts cannot overlap
// in time, or when either cannot hold at asOf. The derived fact is known only where both
// facts are known, is only as confident as the weaker of the two, and cites the sources
// of both. Nobody chairs through a post after death: the holding's span ends there
// (Relation.SpanIn, as the facts of tiers give it).
func DeriveChair(self string, holds, chairs Relation, asOf *PartialDate, tiers ...SourceTier) (Edge, bool) {
	return DeriveChairWhen(self, holds, chairs, At(asOf), tiers...)
}

// DeriveChairWhen is DeriveChair at any When: over a period, the derived chair may hold
// when both facts may, and is KNOWN on the days both are.
func DeriveChairWhen(self string, holds, chairs Relation, w When, tiers ...SourceTier) (Edge, bool) {
	if holds.Type != Holds || chairs.Type != Chairs || holds.To != chairs.From {
		return Edge{}, false
	}
	if !holds.Span().Dated() || !holds.SpanIn(tiers).Overlaps(chairs.SpanIn(tiers)) {
		return Edge{}, false
	}
	r := Relation{
		ID:            "derived/" + holds.ID + "+" + chairs.ID,
		Type:          Chairs,
		From:          holds.From,
		To:            chairs.To,
		Confidence:    weaker(holds.Confidence, chairs.Confidence),
		Note:          "Derived: holds " + holds.To + ", which chairs the group.",
		Sources:       slices.Concat(holds.Sources, chairs.Sources),
		LifetimeStart: chairs.LifetimeStart,
		LifetimeEnd:   chairs.LifetimeEnd,
		HolderDeaths:  holds.HolderDeaths,
	}
	r.Start, r.End, r.Attested = derivedSpan(holds, chairs)
	if holds.ObservedUntil != nil && chairs.ObservedUntil != nil {
		r.ObservedUntil = earlierEnd(holds.ObservedUntil, chairs.ObservedUntil)
	}
	hs := EdgesWhen(holds.To, []Relation{holds}, w, tiers...)
	cs := EdgesWhen(holds.To, []Relation{chairs}, w, tiers...)
	if len(hs) == 0 || len(cs) == 0 {
		return Edge{}, false
	}
	e := Edge{Relation: r, Self: self, Direction: Outgoing, Derivations: []Derivation{{Position: holds.To, Holds: hs[0], Chairs: cs[0]}}}
	if self == r.To {
		e.Direction = Incoming
	}
	if w.During != nil {
		lo, hi := w.During.Days()
		e.setKnown(intersectRanges(hs[0].known, cs[0].known), lo, hi)
	}
	if w.AsOf != nil {
		// Known only where both facts are known. The reason is the holding's, unless
		// the holding is known and the chairing is not.
		b := hs[0].basis()
		if c := cs[0].basis(); b.Holding == Known && c.Holding != Known {
			b = c
		}
		e.setBasis(b)
	}
	return e, true
}

// derivedSpan is when a derived chair may hold: the intersection of the two facts.
// When either is known only from attestations, so is the derived fact, at those of its
// attestations that the other fact allows; otherwise it runs from the later start to the
// earlier end, keeping the attestations that fall where both facts may hold.
func derivedSpan(holds, chairs Relation) (start, end *PartialDate, attested []PartialDate) {
	hs, cs := holds.Span(), chairs.Span()
	within := func(as []PartialDate, other Span) []PartialDate {
		var out []PartialDate
		for _, a := range as {
			if other.Overlaps(Span{Attested: []PartialDate{a}}) {
				out = append(out, a)
			}
		}
		return out
	}
	attested = slices.Concat(within(holds.Attested, cs), within(chairs.Attested, hs))
	if hs.Bounds().AttestedOnly || cs.Bounds().AttestedOnly {
		return nil, nil, attested
	}
	return laterStart(holds.Start, chairs.Start), earlierEnd(holds.End, chairs.End), attested
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
