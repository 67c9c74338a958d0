package atlas

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
}

// Span returns the time information of r.
func (r *Relation) Span() Span {
	return Span{Start: r.Start, End: r.End, LifetimeStart: r.LifetimeStart, LifetimeEnd: r.LifetimeEnd, Attested: r.Attested, ObservedUntil: r.ObservedUntil}
}

// Span returns the lifetime of g.
func (g *Group) Span() Span {
	return Span{Start: g.Established, End: g.Abolished, ObservedUntil: g.ObservedUntil}
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

// Bounds returns the ordinals that decide whether the fact may hold at a date.
func (s Span) Bounds() Bounds {
	b := Bounds{From: MinOrdinal, To: MaxOrdinal}
	b.AttestedOnly = s.Start == nil && s.End == nil && len(s.Attested) > 0
	if s.Start != nil {
		b.From = s.Start.Earliest()
	} else if s.LifetimeStart != nil {
		b.From = s.LifetimeStart.Earliest()
	}
	if end := s.effectiveEnd(); end != nil {
		b.To = end.Latest()
	}
	for _, a := range s.Attested {
		b.AttestedFrom = append(b.AttestedFrom, a.Earliest())
		b.AttestedTo = append(b.AttestedTo, a.Latest())
	}
	return b
}

func (s Span) effectiveEnd() *PartialDate {
	if s.End != nil {
		return s.End
	}
	return s.LifetimeEnd
}

// MayHoldAt reports whether the fact's validity may include some day of d: the filter
// behind every asOf argument.
func (b Bounds) MayHoldAt(d PartialDate) bool {
	lo, hi := d.Earliest(), d.Latest()
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
	if !s.Bounds().MayHoldAt(d) {
		return "", false
	}
	lo, hi := d.Earliest(), d.Latest()
	for _, a := range s.Attested {
		if a.Earliest() <= lo && a.Latest() >= hi {
			return Known, true
		}
	}
	if s.Start == nil || s.Start.Latest() > lo {
		return Possible, true
	}
	if s.End != nil {
		if s.End.Earliest() >= hi {
			return Known, true
		}
		return Possible, true
	}
	// Not known to have ended: known only as far as the sources surely reach (a source
	// dated "2018" may be from January, so it establishes nothing later than its first
	// day), and never past the end of the group involved.
	if s.ObservedUntil == nil || s.ObservedUntil.Earliest() < hi {
		return Possible, true
	}
	if s.LifetimeEnd != nil && s.LifetimeEnd.Earliest() < hi {
		return Possible, true
	}
	return Known, true
}

// Overlaps reports whether two spans may share a day: used to pair a person's holding of
// a position with the position's chairing of a group.
func (s Span) Overlaps(t Span) bool {
	a, b := s.Bounds(), t.Bounds()
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
