package analytics

import (
	"slices"

	"lsgatlas/atlas"
)

// chairsOf returns the chairs list of node self, a group or a person, over all time:
// the chairs field's own join (atlas.ChairListWhen, including derived chairs), on the
// inputs the stores hand the loader, in their order (atlas.CompareRelations: the order
// decides which derivation of a chair gives its dates), narrowed to sources as the field
// narrows them (atlas.ChairInputsCiting, atlas.KeepCitingRelayed) and kept in tiers as
// it keeps them (atlas.KeepTiers). Other kinds chair through nothing: nil.
func (p *Projection) chairsOf(self int64, sources []string, relayed bool, tiers []atlas.SourceTier) ([]atlas.Edge, error) {
	if kind := p.kinds[self]; kind != atlas.GroupNode && kind != atlas.PersonNode {
		return nil, nil
	}
	es, err := atlas.ChairsOf(p.ids[self], atlas.When{}, atlas.IncludeDerived, sources, relayed, p.premises(nil), tiers...)
	if err != nil {
		return nil, err
	}
	if es, err = atlas.KeepCitingRelayed(es, sources, relayed); err != nil {
		return nil, err
	}
	return atlas.KeepTiers(es, tiers, p.Source), nil
}

// premises reads for atlas.ChairPremises the projection's relations that a step asks of
// a node and keep admits (nil admits all), in the stores' order (atlas.CompareRelations:
// it decides which derivation of a chair gives its dates, so the analytics join as the
// chairs field does): copies, since the edges the join makes share their slices.
func (p *Projection) premises(keep func(ri int32) bool) atlas.PremiseReader {
	return func(id string, step atlas.PremiseStep, _ *atlas.PremiseStep) ([]atlas.Relation, error) {
		n, ok := p.index[id]
		if !ok {
			return nil, nil
		}
		end := 1 // Incoming: n is the relation's To
		if step.Direction == atlas.Outgoing {
			end = 0
		}
		var touching []int32
		for _, ri := range p.incident[n] {
			if p.rels[ri].Type == step.Type && p.ends[ri][end] == n && (keep == nil || keep(ri)) {
				touching = append(touching, ri)
			}
		}
		slices.SortFunc(touching, func(a, b int32) int { return atlas.CompareRelations(p.rels[a], p.rels[b]) })
		out := make([]atlas.Relation, len(touching))
		for i, ri := range touching {
			out[i] = p.rels[ri].Clone()
		}
		return out, nil
	}
}

// derivedChairEvents returns the events of chair e, which the chairs list
// derives and no stored relation gives: its start, end and attestations exactly as the
// list bounds them, each citing the sources that give its date (derivedDateSources).
func (p *Projection) derivedChairEvents(e atlas.Edge) []Event {
	other := p.index[e.OtherID()]
	r := e.Relation
	event := func(kind EventKind, date *atlas.PartialDate, part atlas.DatePart) Event {
		rel := r.Clone()
		ev := Event{Kind: kind, Other: p.node(other), Relation: &rel, Chair: cloneEdge(e), Sources: slices.Clone(r.Sources)}
		if date != nil {
			d := *date
			ev.Date = &d
			ev.Sources = p.derivedDateSources(e, part, d)
			// The fact's own confidence, INFERRED or DISPUTED: a derived date is worked out.
			c := r.DateConfidenceOf(part, d)
			ev.DateConfidence = &c
		}
		return ev
	}
	var out []Event
	if r.Start != nil {
		out = append(out, event(RoleStarted, r.Start, atlas.StartPart))
	}
	if r.End != nil {
		out = append(out, event(RoleEnded, r.End, atlas.EndPart))
	}
	for _, a := range r.Attested {
		out = append(out, event(Attested, &a, atlas.AttestedPart))
	}
	if len(out) == 0 {
		out = append(out, event(RoleStarted, nil, atlas.StartPart))
	}
	return out
}

// derivedDateSources returns the citations that give date as part of derived chair e:
// those of the premise that gives it (atlas.Relation.DateSources of the HOLDS or CHAIRS
// as the sources and tiers asked tell it), of both when both give it. The first
// derivation's premises: when two derive one chair, its dates are the first's
// (atlas.ChairListWhen). A date no premise gives itself is a bound of a life: the
// group's establishment or abolition (cited as the timeline's ESTABLISHED and ABOLISHED
// are) or the holder's birth or death (the claims of it). Should none give it, both
// premises' citations are shown: the date comes from them, and no narrower set is known.
func (p *Projection) derivedDateSources(e atlas.Edge, part atlas.DatePart, date atlas.PartialDate) []atlas.Citation {
	d := e.Derivations[0]
	var out []atlas.Citation
	for _, premise := range []*atlas.Relation{&d.Holds.Relation, &d.Chairs.Relation} {
		if gives(premise, part, date) {
			for _, c := range premise.DateSources(part, date) {
				if !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	if out != nil {
		return out
	}
	if g, ok := p.nodes[e.To].(*atlas.Group); ok {
		switch {
		case part == atlas.StartPart && g.Established != nil && *g.Established == date:
			return dateSources(g, atlas.PropEstablished)
		case part == atlas.EndPart && g.Abolished != nil && *g.Abolished == date:
			return dateSources(g, atlas.PropAbolished)
		}
	}
	if person, ok := p.nodes[e.From].(*atlas.Person); ok {
		prop := map[atlas.DatePart]atlas.PropertyName{atlas.StartPart: atlas.PropBorn, atlas.EndPart: atlas.PropDied}[part]
		if cites, ok := lifeDateSources(person, prop, date); ok {
			return cites
		}
	}
	return slices.Clone(e.Sources)
}

// gives reports whether r itself gives date as its part.
func gives(r *atlas.Relation, part atlas.DatePart, date atlas.PartialDate) bool {
	switch part {
	case atlas.StartPart:
		return r.Start != nil && *r.Start == date
	case atlas.EndPart:
		return r.End != nil && *r.End == date
	}
	return slices.Contains(r.Attested, date)
}

// lifeDateSources returns the sources of person's live claim giving date as prop (BORN
// or DIED), or, without claims of it, the person's own citations when the plain date is
// date: what bounds a holding by that life (atlas.Dataset.Prepared reads the same).
func lifeDateSources(person *atlas.Person, prop atlas.PropertyName, date atlas.PartialDate) ([]atlas.Citation, bool) {
	claimed := false
	for _, c := range person.Claims {
		if c.Property != prop || c.Rank == atlas.Deprecated {
			continue
		}
		claimed = true
		if v, err := atlas.ParseDate(c.Value); err == nil && v == date {
			return slices.Clone(c.Sources), true
		}
	}
	plain := map[atlas.PropertyName]*atlas.PartialDate{atlas.PropBorn: person.Born, atlas.PropDied: person.Died}[prop]
	if !claimed && plain != nil && *plain == date {
		return slices.Clone(person.Sources), true
	}
	return nil, false
}

// cloneEdge copies e so that events sharing one chair do not share its slices.
func cloneEdge(e atlas.Edge) *atlas.Edge {
	c := e
	c.Relation = e.Relation.Clone()
	c.Withheld = slices.Clone(e.Withheld)
	c.Derivations = slices.Clone(e.Derivations)
	for i := range c.Derivations {
		c.Derivations[i].Holds.Relation = e.Derivations[i].Holds.Relation.Clone()
		c.Derivations[i].Chairs.Relation = e.Derivations[i].Chairs.Relation.Clone()
	}
	return &c
}
