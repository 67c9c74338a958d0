package atlas

// Prepared returns a deep copy of d with what import derives filled in: default
// relation ids, each relation's lifetime bounds (those of the group it involves) and the
// ObservedUntil of relations and groups (the latest date of the sources citing them).
// Both stores import prepared datasets, so derived values never differ between them.
func (d *Dataset) Prepared() *Dataset {
	out := d.Clone()
	sourceDate := map[string]*PartialDate{}
	for _, s := range out.Sources {
		sourceDate[s.ID] = s.Date
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
	groups := map[string]*Group{}
	for _, g := range out.Groups {
		g.ObservedUntil = latest(g.Sources)
		groups[g.ID] = g
	}
	for _, r := range out.Relations {
		if r.ID == "" {
			r.ID = DefaultRelationID(r.Type, r.From, r.To)
		}
		r.ObservedUntil = latest(r.Sources)
		r.LifetimeStart, r.LifetimeEnd = nil, nil
		if r.Type == SucceededBy {
			continue // a succession edge is an event at the boundary, not a state within a lifetime
		}
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
		}
	}
	return out
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
func (d *Dataset) Add(n Node) {
	switch n := n.(type) {
	case *Group:
		d.Groups = append(d.Groups, n)
	case *Office:
		d.Offices = append(d.Offices, n)
	case *Institution:
		d.Institutions = append(d.Institutions, n)
	case *Position:
		d.Positions = append(d.Positions, n)
	case *Person:
		d.People = append(d.People, n)
	case *Source:
		d.Sources = append(d.Sources, n)
	case *ReportedCount:
		d.ReportedCounts = append(d.ReportedCounts, n)
	}
}

// CloneNode returns a deep copy of n (nil for nil).
func CloneNode(n Node) Node {
	if n == nil {
		return nil
	}
	return deepCopy(n)
}
