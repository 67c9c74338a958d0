package atlas

import "slices"

// Prepared returns a deep copy of d with what import derives filled in: default
// relation ids, each relation's lifetime bounds (those of the group it involves) and the
// ObservedUntil of relations and groups (the latest date of the sources citing them),
// and the tiers of each relation and node (relationTiers, nodeTiers).
// Both stores import prepared datasets, so derived values never differ between them.
func (d *Dataset) Prepared() *Dataset {
	out := d.Clone()
	sourceDate := map[string]*PartialDate{}
	sources := map[string]*Source{}
	for _, s := range out.Sources {
		sourceDate[s.ID] = s.Date
		sources[s.ID] = s
	}
	// A source read second-hand without a date of its own is as recent as the work
	// that relays it.
	for _, s := range out.Sources {
		if s.Date == nil && s.CitedVia != "" {
			sourceDate[s.ID] = sourceDate[s.CitedVia]
		}
	}
	latest := func(cs []Citation) *PartialDate {
		var best *PartialDate
		for _, c := range cs {
			if d := sourceDate[c.Source]; d != nil && (best == nil || d.Latest() > best.Latest()) {
				best = d
			}
		}
		return best
	}
	deaths, births := map[string][]Death{}, map[string][]Death{}
	for _, p := range out.People {
		deaths[p.ID] = lifeDatesOf(p, PropDied, p.Died, func(id string) *Source { return sources[id] })
		births[p.ID] = lifeDatesOf(p, PropBorn, p.Born, func(id string) *Source { return sources[id] })
	}
	groups := map[string]*Group{}
	for _, g := range out.Groups {
		g.ObservedUntil, g.KnownFrom = latest(groupObserving(g)), nil
		if g.EndedDateUnknown {
			// It ended at an unknown date: its sources no longer show it alive up to theirs.
			g.ObservedUntil = nil
		}
		groups[g.ID] = g
	}
	for _, r := range out.Relations {
		if r.ID == "" {
			r.ID = DefaultRelationID(r.Type, r.From, r.To)
		}
		r.ObservedUntil = latest(observing(r))
		r.Relays = relaysOf(r.Sources, func(id string) string {
			if s := sources[id]; s != nil {
				return s.CitedVia
			}
			return ""
		})
		r.LifetimeStart, r.LifetimeEnd, r.HolderDeaths, r.HolderBirths = nil, nil, nil, nil
		if r.HeldByPerson() {
			r.HolderDeaths, r.HolderBirths = slices.Clone(deaths[r.From]), slices.Clone(births[r.From])
		}
		r.CitationTiers = nil
		for i := range r.DateClaims {
			r.DateClaims[i].Tier = TierOf(r.DateClaims[i].Sources, func(id string) *Source { return sources[id] })
		}
		if len(r.DateClaims) > 0 {
			for _, c := range r.Sources {
				r.CitationTiers = append(r.CitationTiers, TierOf([]Citation{c}, func(id string) *Source { return sources[id] }))
			}
		}
		r.Tiers = relationTiers(r, func(id string) *Source { return sources[id] })
		// Lifetimes bound a succession too: it holds only while both groups exist (the
		// month of a renaming), never at a date one of them did not.
		for _, id := range []string{r.From, r.To} {
			g := groups[id]
			if g == nil {
				continue
			}
			if e := g.Established; e != nil && (r.LifetimeStart == nil || e.Earliest() > r.LifetimeStart.Earliest()) {
				r.LifetimeStart = e
			}
			if a := g.Abolished; a != nil && (r.LifetimeEnd == nil || a.Latest() < r.LifetimeEnd.Latest()) {
				r.LifetimeEnd = a
			}
			if g.EndedDateUnknown {
				r.ObservedUntil = nil // an open-ended tie to a body that ended is not known to last
			}
		}
	}
	aliveWhileKnown(out.Relations, groups)
	for _, n := range out.Nodes() {
		n.SetNodeTiers(nodeTiers(n, func(id string) *Source { return sources[id] }))
	}
	nextHolders(out)
	return out
}

// observing are the citations of r whose sources' dates show an open-ended fact still
// holding: all of them but those of a source that gives its start and attests it at
// no later date. A source that dates the start tells of the beginning, often long
// before it was written (Rana, 2021, on Chen Yi replacing Zhou Enlai in 1956); its own
// date says nothing of the fact lasting until then, and counting it made a corpus view
// show Chen Yi KNOWN as Foreign Minister up to 2021. Without date claims no citation is
// known to give the start, and all count.
func observing(r *Relation) []Citation {
	var starts, attests []Citation
	for _, c := range r.DateClaims {
		switch {
		case c.Rank == Deprecated:
		case c.Part == StartPart:
			starts = append(starts, c.Sources...)
		case c.Part == AttestedPart:
			attests = append(attests, c.Sources...)
		}
	}
	return observingOf(r.Sources, starts, attests)
}

// groupObserving is observing for a group: the sources of its founding date tell of its
// beginning, not of it lasting to their own dates (the Academy, 2020, on the Taiwan
// Affairs LSG's founding in 1954).
func groupObserving(g *Group) []Citation {
	var starts []Citation
	for _, c := range g.Claims {
		if c.Property == PropEstablished && c.Rank != Deprecated {
			starts = append(starts, c.Sources...)
		}
	}
	return observingOf(g.Sources, starts, nil)
}

// observingOf is cs without the citations of a source in starts that is not in attests.
func observingOf(cs, starts, attests []Citation) []Citation {
	if len(starts) == 0 {
		return cs
	}
	cites := func(list []Citation, source string) bool {
		return slices.ContainsFunc(list, func(c Citation) bool { return c.Source == source })
	}
	return slices.DeleteFunc(slices.Clone(cs), func(c Citation) bool {
		return cites(starts, c.Source) && !cites(attests, c.Source)
	})
}

// aliveWhileKnown widens what is known of each group's life by the facts involving it (a
// chair, a seat, a chairing rule, an office): a group was alive on every day one of its
// relationships is KNOWN to hold, and so on every day between two such (a group's life
// is one interval). KnownFrom is the first of those days, and ObservedUntil becomes the
// last when that is later, so that a group's activity is never POSSIBLE on a day one
// of its chairs or members is KNOWN.
// Each tier's view counts: a group's activity is one answer for all of them.
func aliveWhileKnown(rels []*Relation, groups map[string]*Group) {
	views := [][]SourceTier{nil, {CorpusTier}, {ReferenceTier}}
	for _, r := range rels {
		for _, tiers := range views {
			aliveWhile(r, r.SpanIn(tiers), groups)
		}
	}
}

// aliveWhile widens the lives of r's groups by the days s, one view of r, is KNOWN.
func aliveWhile(r *Relation, s Span, groups map[string]*Group) {
	first, okFirst := s.firstKnownDay()
	last, okLast := s.lastKnownDay()
	for _, id := range []string{r.From, r.To} {
		g := groups[id]
		if g == nil {
			continue
		}
		if okFirst && (g.KnownFrom == nil || first.Earliest() < g.KnownFrom.Earliest()) {
			g.KnownFrom = &first
		}
		if okLast && (g.ObservedUntil == nil || last.Earliest() > g.ObservedUntil.Earliest()) {
			g.ObservedUntil = &last
		}
	}
}

// nextHolders sets NextHolderFrom on the holdings of single-seat posts: the earliest
// date, after the holding's own first date, at which another person is known in the
// post. Every tier's dates count, so that no tier's view has two KNOWN holders.
func nextHolders(d *Dataset) {
	single := map[string]bool{}
	for _, p := range d.Positions {
		if p.Seats != nil && *p.Seats == 1 {
			single[p.ID] = true
		}
	}
	firsts := func(r *Relation) []PartialDate {
		var out []PartialDate
		if r.Start != nil {
			out = append(out, *r.Start)
		}
		out = append(out, r.Attested...)
		for _, c := range r.DateClaims {
			if c.Part != EndPart && c.Rank != Deprecated {
				out = append(out, c.Value)
			}
		}
		return out
	}
	earliest := func(ds []PartialDate) *PartialDate {
		var best *PartialDate
		for i := range ds {
			if best == nil || ds[i].Earliest() < best.Earliest() {
				best = &ds[i]
			}
		}
		return best
	}
	for _, r := range d.Relations {
		r.NextHolderFrom = nil
		if r.Type != Holds || !single[r.To] {
			continue
		}
		own := earliest(firsts(r))
		if own == nil {
			continue
		}
		for _, o := range d.Relations {
			if o.Type != Holds || o.To != r.To || o.From == r.From || o.EffectiveRank() == Deprecated {
				continue
			}
			for _, f := range firsts(o) {
				if f.Earliest() > own.Latest() && (r.NextHolderFrom == nil || f.Earliest() < r.NextHolderFrom.Earliest()) {
					v := f
					r.NextHolderFrom = &v
				}
			}
		}
	}
}

// Clone returns a deep copy of d.
func (d *Dataset) Clone() *Dataset {
	out := &Dataset{}
	for _, n := range d.Nodes() {
		out.Add(CloneNode(n))
	}
	for _, r := range d.Relations {
		c := r.Clone()
		out.Relations = append(out.Relations, &c)
	}
	return out
}

// Add appends a node to the slice of its kind.
func (d *Dataset) Add(n Node) { n.addTo(d) }

// CloneNode returns a deep copy of n: nothing reachable from the copy (slices, dates,
// enum pointers) is shared with n. The conformance suite's Copies case changes everything
// reachable from what a store returns, so a field left shared by a kind's clone fails it.
func CloneNode(n Node) Node {
	if n == nil {
		return nil
	}
	c := n.clone()
	c.SetNodeTiers(slices.Clone(n.NodeTiers()))
	return c
}

func cloneClaims(cs []PropertyClaim) []PropertyClaim {
	if cs == nil {
		return nil
	}
	out := make([]PropertyClaim, len(cs))
	for i, c := range cs {
		out[i] = c.Clone()
	}
	return out
}

// clonePtr returns a pointer to a copy of *p, or nil.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

// lifeDatesOf returns the birth or death dates of p (prop BORN or DIED, plain the plain
// field), one per claim of that property, with its tier (TierOf);
// a date given without a claim counts as a fact of the person's own sources.
func lifeDatesOf(p *Person, prop PropertyName, plain *PartialDate, source func(id string) *Source) []Death {
	var out []Death
	for _, c := range p.Claims {
		// A DEPRECATED claim is kept, not believed: it bounds nothing.
		if c.Property != prop || c.Rank == Deprecated {
			continue
		}
		if d, err := ParseDate(c.Value); err == nil {
			out = append(out, Death{Date: d, Tier: TierOf(c.Sources, source)})
		}
	}
	if out == nil && plain != nil {
		out = append(out, Death{Date: *plain, Tier: TierOf(p.Sources, source)})
	}
	return out
}
