package atlas

import "slices"

// A curated change gives a relationship as it should be, but not which source gives
// which of its dates: the API takes one citation per change. The dates the relation's
// sources gave before are evidence too, and a change must not lose them, nor leave a
// source shown beside a date it never gave (one fact, one relationship; a citation
// supports exactly its value). carriedDateClaims works out the date claims of a
// changed relation from the old one's.

// carriedDateClaims returns next's date claims after a change of old to next citing
// cite: next's own when the change gives some; otherwise old's, with each date the
// change moves (and only those) preferred as cite gives it and the dates it replaces kept
// as NORMAL claims of the other sources that gave them (cite's passage now gives the new
// one); a date or an attestation the change drops is kept DEPRECATED. A relation whose
// sources all gave the dates it had (no claims) keeps none only while the change cites
// one of those passages; otherwise those sources' dates become claims, so the new
// citation supports no date it did not move.
func carriedDateClaims(old, next *Relation, cite Citation) []DateClaim {
	if next.DateClaims != nil {
		return next.DateClaims
	}
	// Relation.Clone copies the claims and their citations (CloneRelations lists once
	// what a copy must not share).
	claims := old.Clone().DateClaims
	if len(claims) == 0 && (!sameDates(old, next) || !slices.ContainsFunc(old.Sources, cite.SamePassage)) {
		// Without claims every source of the relation gives its dates; a new passage
		// would count as giving them too, though the change says nothing of the dates it
		// leaves, and a moved date must stay the claim of those that gave it. The old
		// sources' dates become their claims first.
		claims = plainDateClaims(old)
	}
	if sameDates(old, next) {
		return claims
	}
	claim := func(part DatePart, v PartialDate, rank Rank) DateClaim {
		return DateClaim{Part: part, Value: v, Sources: []Citation{cite}, Confidence: dateConfidenceOf(next), Rank: rank, Note: next.Note}
	}
	for _, p := range []struct {
		part      DatePart
		was, date *PartialDate
	}{{StartPart, old.Start, next.Start}, {EndPart, old.End, next.End}} {
		// The change's citation supports the dates it moves, not those it leaves.
		if equalDates(p.was, p.date) {
			continue
		}
		if p.date == nil {
			// A date taken away is not believed any more, whoever gave it: kept, but
			// DEPRECATED, so that no view shows it.
			for i := range claims {
				if claims[i].Part == p.part {
					claims[i].Rank = Deprecated
				}
			}
			continue
		}
		for i := range claims {
			if claims[i].Part != p.part || claims[i].Value == *p.date {
				continue
			}
			if claims[i].Rank == Preferred {
				claims[i].Rank = Normal
			}
			// The passage the change cites gives the new date, not the old one.
			claims[i].Sources = slices.DeleteFunc(claims[i].Sources, cite.SamePassage)
		}
		claims = slices.DeleteFunc(claims, func(c DateClaim) bool { return len(c.Sources) == 0 })
		i := slices.IndexFunc(claims, func(c DateClaim) bool { return c.Part == p.part && c.Value == *p.date })
		if i < 0 {
			claims = append(claims, claim(p.part, *p.date, Preferred))
			continue
		}
		claims[i].Rank = Preferred
		claims[i].Sources = withSource(claims[i].Sources, cite)
	}
	for i := range claims {
		if claims[i].Part == AttestedPart && claims[i].Rank != Deprecated && !slices.Contains(next.Attested, claims[i].Value) {
			claims[i].Rank = Deprecated
		}
	}
	for _, a := range next.Attested {
		i := slices.IndexFunc(claims, func(c DateClaim) bool { return c.Part == AttestedPart && c.Value == a })
		switch {
		case i < 0:
			claims = append(claims, claim(AttestedPart, a, Normal))
		case claims[i].Rank == Deprecated:
			claims[i].Rank = Normal
			claims[i].Sources = withSource(claims[i].Sources, cite)
		}
	}
	return claims
}

func sameDates(a, b *Relation) bool {
	return equalDates(a.Start, b.Start) && equalDates(a.End, b.End) && slices.Equal(a.Attested, b.Attested)
}

func equalDates(a, b *PartialDate) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// plainDateClaims states r's dates as claims of all its sources, which is what a
// relation without date claims means.
func plainDateClaims(r *Relation) []DateClaim {
	var claims []DateClaim
	add := func(part DatePart, v PartialDate, rank Rank) {
		claims = append(claims, DateClaim{Part: part, Value: v, Sources: slices.Clone(r.Sources), Confidence: dateConfidenceOf(r), Rank: rank, Note: r.Note})
	}
	if r.Start != nil {
		add(StartPart, *r.Start, Preferred)
	}
	if r.End != nil {
		add(EndPart, *r.End, Preferred)
	}
	for _, a := range r.Attested {
		add(AttestedPart, a, Normal)
	}
	return claims
}

// dateConfidenceOf is how surely r's dates are known: its date confidence, or the
// confidence of the fact when it gives none.
func dateConfidenceOf(r *Relation) Confidence {
	if r.DateConfidence != nil {
		return *r.DateConfidence
	}
	return r.Confidence
}

// withSource returns cites with c, unless one already points at its passage.
func withSource(cites []Citation, c Citation) []Citation {
	if slices.ContainsFunc(cites, func(x Citation) bool { return x.SamePassage(c) }) {
		return cites
	}
	return append(cites, c)
}
