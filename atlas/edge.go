package atlas

import "slices"

// Edge is a relationship seen from one of its ends: the relation, which way it points
// from there, how surely it holds at the date asked about, and, for derived chairs, how
// it was derived.
type Edge struct {
	Relation
	// Self is the node the edge is seen from; Direction is relative to it.
	Self      string
	Direction Direction
	// Holding is KNOWN or POSSIBLE when an asOf date was asked for, nil otherwise.
	Holding *Holding
	// Derivation is set on facts the API derives rather than stores.
	Derivation *Derivation
}

// Derivation explains a derived chair: a person holds a position that chairs a group.
type Derivation struct {
	Position string
	Holds    Relation
	Chairs   Relation
}

// OtherID is the id of the node at the far end of the edge.
func (e *Edge) OtherID() string { return e.Relation.Other(e.Self) }

// EdgesFrom turns relations of node self into edges, computing each one's holding at
// asOf (when given) and dropping those that cannot hold then.
func EdgesFrom(self string, rels []Relation, asOf *PartialDate) []Edge {
	out := make([]Edge, 0, len(rels))
	for _, r := range rels {
		e := Edge{Relation: r, Self: self, Direction: Outgoing}
		if r.To == self && r.From != self {
			e.Direction = Incoming
		}
		if asOf != nil {
			h, ok := r.Span().HoldingAt(*asOf)
			if !ok {
				continue
			}
			e.Holding = &h
		}
		out = append(out, e)
	}
	return out
}

// DeriveChair derives "person chairs group" from "person HOLDS position" and "position
// CHAIRS group", seen from self (the person or the group). It returns false when the two
// facts cannot overlap in time, or when either cannot hold at asOf. The derived fact is
// known only where both facts are known, is only as confident as the weaker of the two,
// and cites the sources of both.
func DeriveChair(self string, holds, chairs Relation, asOf *PartialDate) (Edge, bool) {
	if holds.Type != Holds || chairs.Type != Chairs || holds.To != chairs.From {
		return Edge{}, false
	}
	if !holds.Span().Overlaps(chairs.Span()) {
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
	}
	r.Start, r.End, r.Attested = derivedSpan(holds, chairs)
	if holds.ObservedUntil != nil && chairs.ObservedUntil != nil {
		r.ObservedUntil = earlierEnd(holds.ObservedUntil, chairs.ObservedUntil)
	}
	e := Edge{Relation: r, Self: self, Direction: Outgoing, Derivation: &Derivation{Position: holds.To, Holds: holds, Chairs: chairs}}
	if self == r.To {
		e.Direction = Incoming
	}
	if asOf != nil {
		h1, ok1 := holds.Span().HoldingAt(*asOf)
		h2, ok2 := chairs.Span().HoldingAt(*asOf)
		if !ok1 || !ok2 {
			return Edge{}, false
		}
		h := Known
		if h1 != Known || h2 != Known {
			h = Possible
		}
		e.Holding = &h
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

// Derived reports whether the edge was derived rather than stored.
func (e *Edge) Derived() bool { return e.Derivation != nil }
