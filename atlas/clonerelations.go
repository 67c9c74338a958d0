package atlas

// CloneRelations returns deep copies of the relations rs point to (Clone copies one),
// with the small pieces of them all (dates, roles, citations, tiers, deaths, relays, date
// claims) in one array per type rather than allocated one by one. A store copies every relation
// it hands out (the Copies conformance test), and one allocation per date and per list
// was about a tenth of an executed query's allocations.
//
// Every piece is its own part of its array, capped at its length, so changing or
// appending to one copy's list never reaches another's.
func CloneRelations(rs []*Relation) []Relation {
	if len(rs) == 0 {
		return nil
	}
	out := make([]Relation, len(rs))
	var n pieceCounts
	for i, r := range rs {
		out[i] = *r
		n.add(r)
	}
	p := relationPieces{
		dates: pieces[PartialDate]{make([]PartialDate, n.dates)}, roles: pieces[MemberRole]{make([]MemberRole, n.roles)},
		successions: pieces[SuccessionKind]{make([]SuccessionKind, n.successions)}, confidences: pieces[Confidence]{make([]Confidence, n.confidences)},
		citations: pieces[Citation]{make([]Citation, n.citations)}, tiers: pieces[SourceTier]{make([]SourceTier, n.tiers)},
		deaths: pieces[Death]{make([]Death, n.deaths)}, relays: pieces[Relay]{make([]Relay, n.relays)},
		claims: pieces[DateClaim]{make([]DateClaim, n.claims)},
	}
	for i := range out {
		p.cloneInto(&out[i])
	}
	return out
}

// pieceCounts counts the pieces of relations by type.
type pieceCounts struct {
	dates, roles, successions, confidences, citations, tiers, deaths, relays, claims int
}

func (n *pieceCounts) add(r *Relation) {
	for _, d := range [...]*PartialDate{r.Start, r.End, r.LifetimeStart, r.LifetimeEnd, r.ObservedUntil, r.NextHolderFrom} {
		if d != nil {
			n.dates++
		}
	}
	n.dates += len(r.Attested)
	if r.Role != nil {
		n.roles++
	}
	if r.Succession != nil {
		n.successions++
	}
	if r.DateConfidence != nil {
		n.confidences++
	}
	n.citations += len(r.Sources)
	for _, c := range r.DateClaims {
		n.citations += len(c.Sources)
	}
	n.tiers += len(r.CitationTiers) + len(r.Tiers)
	n.deaths += len(r.HolderDeaths) + len(r.HolderBirths)
	n.relays += len(r.Relays)
	n.claims += len(r.DateClaims)
}

// relationPieces are the arrays CloneRelations hands pieces out of.
type relationPieces struct {
	dates       pieces[PartialDate]
	roles       pieces[MemberRole]
	successions pieces[SuccessionKind]
	confidences pieces[Confidence]
	citations   pieces[Citation]
	tiers       pieces[SourceTier]
	deaths      pieces[Death]
	relays      pieces[Relay]
	claims      pieces[DateClaim]
}

// cloneInto replaces every piece r shares with the relation it was copied from by a
// copy, as Clone does.
func (p *relationPieces) cloneInto(r *Relation) {
	r.Attested, r.Sources = p.dates.list(r.Attested), p.citations.list(r.Sources)
	r.Role, r.Succession = p.roles.one(r.Role), p.successions.one(r.Succession)
	r.Start, r.End, r.DateConfidence = p.dates.one(r.Start), p.dates.one(r.End), p.confidences.one(r.DateConfidence)
	r.LifetimeStart, r.LifetimeEnd, r.ObservedUntil = p.dates.one(r.LifetimeStart), p.dates.one(r.LifetimeEnd), p.dates.one(r.ObservedUntil)
	r.NextHolderFrom, r.Relays = p.dates.one(r.NextHolderFrom), p.relays.list(r.Relays)
	r.HolderDeaths, r.HolderBirths = p.deaths.list(r.HolderDeaths), p.deaths.list(r.HolderBirths)
	r.CitationTiers, r.Tiers = p.tiers.list(r.CitationTiers), p.tiers.list(r.Tiers)
	if r.DateClaims != nil {
		r.DateClaims = p.claims.list(r.DateClaims)
		for i := range r.DateClaims {
			r.DateClaims[i].Sources = p.citations.list(r.DateClaims[i].Sources)
		}
	}
}

// pieces hands out the parts of one array, in order.
type pieces[T any] struct{ free []T }

// one returns a copy of *v in the array, nil for nil.
func (p *pieces[T]) one(v *T) *T {
	if v == nil {
		return nil
	}
	c := &p.free[0]
	*c, p.free = *v, p.free[1:]
	return c
}

// list returns a copy of s in the array, capped at its length; nil for nil and, as
// slices.Clone gives, an empty list for an empty one.
func (p *pieces[T]) list(s []T) []T {
	if len(s) == 0 {
		return s[:0:0]
	}
	c := p.free[:len(s):len(s)]
	copy(c, s)
	p.free = p.free[len(s):]
	return c
}
