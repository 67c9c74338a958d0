package atlas

import (
	"fmt"
	"slices"
	"strings"
)

// One fact, one relationship: the same (type, from, to) told by several sources is one
// Relation carrying every line of evidence. Which source gives which date is kept in
// DateClaims, ranked like property claims; the plain Start, End and Attested show the
// preferred dates. Views of a relation restricted to some tiers or some sources show
// only the dates those give (InTiers, CitedBy), so a citation always supports the value
// shown beside it.

// DatePart names which date of a relationship a DateClaim gives.
type DatePart string

const (
	StartPart    DatePart = "START"
	EndPart      DatePart = "END"
	AttestedPart DatePart = "ATTESTED"
)

// DateParts lists every part.
var DateParts = []DatePart{StartPart, EndPart, AttestedPart}

// DateClaim is one date of a relationship as its sources give it.
type DateClaim struct {
	Part       DatePart    `json:"part"`
	Value      PartialDate `json:"value"`
	Sources    []Citation  `json:"sources"`
	Confidence Confidence  `json:"confidence"`
	Rank       Rank        `json:"rank"`
	Note       string      `json:"note,omitempty"`
	// Tier is the tier of the claim's sources (TierOf); computed on import.
	Tier SourceTier `json:"tier,omitempty"`
}

// NoteOrNull is the claim's note, nil when there is none (the API's null).
func (c DateClaim) NoteOrNull() *string {
	if c.Note == "" {
		return nil
	}
	return &c.Note
}

// EffectiveRank is r's rank, NORMAL when none is given.
func (r *Relation) EffectiveRank() Rank {
	if r.Rank == "" {
		return Normal
	}
	return r.Rank
}

// InTiers returns r as the facts of tiers tell it: with date claims, its dates are the
// best-ranked ones whose sources lie in tiers (a tenure dated only by a reference page
// is undated for the corpus). Every tier, or no date claims, leaves r as it is.
func (r Relation) InTiers(tiers []SourceTier) Relation {
	if AllTiers(tiers) || len(r.DateClaims) == 0 {
		return r
	}
	v := r.withDatesFrom(func(c DateClaim) bool { return slices.Contains(tiers, c.Tier) })
	// Only the citations of these tiers are evidence in them.
	if len(r.CitationTiers) == len(r.Sources) {
		v.Sources, v.CitationTiers = nil, nil
		for i, c := range r.Sources {
			if slices.Contains(tiers, r.CitationTiers[i]) {
				v.Sources, v.CitationTiers = append(v.Sources, c), append(v.CitationTiers, r.CitationTiers[i])
			}
		}
	}
	return v
}

// CitedBy returns r as sources tell it: with date claims, its dates are the
// best-ranked ones citing one of sources, so an answer to a source filter shows only
// dates that source gives. No sources, or no date claims, leaves r as it is.
func (r Relation) CitedBy(sources []string) Relation {
	if len(sources) == 0 || len(r.DateClaims) == 0 {
		return r
	}
	return r.withDatesFrom(func(c DateClaim) bool {
		return slices.ContainsFunc(c.Sources, func(ct Citation) bool { return slices.Contains(sources, ct.Source) })
	})
}

// CitedByAll returns each relation of rels as sources tell it (Relation.CitedBy), with
// relayed the works they relay too (Relation.WithRelayed).
func CitedByAll(rels []Relation, sources []string, relayed bool) []Relation {
	if len(sources) == 0 {
		return rels
	}
	out := make([]Relation, len(rels))
	for i, r := range rels {
		asked := sources
		if relayed {
			asked = r.WithRelayed(sources)
		}
		out[i] = r.CitedBy(asked)
	}
	return out
}

// DateSources returns the citations that give date as part of r: those of its live
// date claim of that value, so an event or a development dated by r cites only the
// sources that give its date. Without date claims every source of r gives its dates.
func (r *Relation) DateSources(part DatePart, date PartialDate) []Citation {
	if c, ok := r.liveDateClaim(part, date); ok {
		return slices.Clone(c.Sources)
	}
	return slices.Clone(r.Sources)
}

// liveDateClaim is r's claim, not DEPRECATED, that gives date as its part.
func (r *Relation) liveDateClaim(part DatePart, date PartialDate) (DateClaim, bool) {
	for _, c := range r.DateClaims {
		if c.Part == part && c.Value == date && c.Rank != Deprecated {
			return c, true
		}
	}
	return DateClaim{}, false
}

// DateConfidenceOf returns how surely date is known as part of r: the confidence of its
// live date claim of that value, or, without one, the relation's date confidence (its
// confidence when it gives none). INFERRED means the curators worked the date out (the
// note says how): the sources cited beside it support the fact, not the date.
//
// A start or an end another live claim of the same part contradicts (neither contains the other:
// "1956" against "1958-02-11", not "2018" against "2018-03") is DISPUTED whatever its
// claim says: that is what DISPUTED means, and a timeline marks each end by this, so a
// dispute is shown on the end the sources disagree about, and on no other.
func (r *Relation) DateConfidenceOf(part DatePart, date PartialDate) Confidence {
	c, ok := r.liveDateClaim(part, date)
	if !ok {
		return dateConfidenceOf(r)
	}
	if part == AttestedPart {
		return c.Confidence // two attestations are two observations, not a disagreement
	}
	for _, o := range r.DateClaims {
		if o.Part == part && o.Rank != Deprecated && !o.Value.Contains(date) && !date.Contains(o.Value) {
			return Disputed
		}
	}
	return c.Confidence
}

// withDatesFrom keeps the date claims keep accepts and sets the plain dates from them:
// the best-ranked start and end that are not DEPRECATED, and every live attestation.
// The view is no surer than the surest claim it keeps: a tenure a reference page STATES
// and the corpus only REPORTS second-hand (SIPRI through Rana) is REPORTED in the
// corpus's view, never STATED on evidence the view leaves out.
func (r Relation) withDatesFrom(keep func(DateClaim) bool) Relation {
	r.Start, r.End, r.Attested = nil, nil, nil
	var kept []DateClaim
	best := map[DatePart]int{}
	surest, anyLive := Stated, false
	for _, c := range r.DateClaims {
		if !keep(c) {
			continue
		}
		kept = append(kept, c)
		if c.Rank == Deprecated {
			continue
		}
		// A claim INFERRED or DISPUTED says how sure its date is, not the fact.
		if (c.Confidence == Stated || c.Confidence == Reported) && (!anyLive || confidenceRank[c.Confidence] < confidenceRank[surest]) {
			surest, anyLive = c.Confidence, true
		}
		v := c.Value
		switch c.Part {
		case AttestedPart:
			r.Attested = append(r.Attested, v)
		case StartPart, EndPart:
			rank := slices.Index(Ranks, c.Rank)
			if b, ok := best[c.Part]; ok && b <= rank {
				continue
			}
			best[c.Part] = rank
			if c.Part == StartPart {
				r.Start = &v
			} else {
				r.End = &v
			}
		}
	}
	r.DateClaims = kept
	if anyLive {
		r.Confidence = weaker(r.Confidence, surest)
	}
	return r
}

// checkDateClaims checks that the date claims of r agree with its plain dates: a start
// or end that is set has exactly one PREFERRED claim equal to it and an unset one has
// none; every attestation has a live claim and every live attestation claim is one;
// every claim cites a source of the relation, with a locator.
func (v *validator) checkDateClaims(rec string, r *Relation) {
	if len(r.DateClaims) == 0 {
		return
	}
	for _, part := range []struct {
		part DatePart
		date *PartialDate
	}{{StartPart, r.Start}, {EndPart, r.End}} {
		var preferred []string
		for _, c := range r.DateClaims {
			if c.Part == part.part && c.Rank == Preferred {
				preferred = append(preferred, c.Value.String())
			}
		}
		switch {
		case part.date == nil && len(preferred) > 0:
			v.add(rec, "%s is unset but has PREFERRED date claims %v", strings.ToLower(string(part.part)), preferred)
		case part.date != nil && (len(preferred) != 1 || preferred[0] != part.date.String()):
			v.add(rec, "%s %s needs exactly one PREFERRED date claim equal to it, has %v", strings.ToLower(string(part.part)), part.date, preferred)
		}
	}
	var live []string
	for _, c := range r.DateClaims {
		crec := fmt.Sprintf("%s: date claim %s %s", rec, c.Part, c.Value)
		checkEnum(v, crec, "part", c.Part, DateParts)
		checkEnum(v, crec, "rank", c.Rank, Ranks)
		checkEnum(v, crec, "confidence", c.Confidence, Confidences)
		if c.Value.IsZero() {
			v.add(crec, "has no value")
		}
		if c.Confidence == Inferred && strings.TrimSpace(c.Note) == "" {
			v.add(crec, "INFERRED dates must explain the inference in a note")
		}
		v.citations(crec, c.Sources)
		for _, ct := range c.Sources {
			if !slices.Contains(r.Sources, ct) {
				v.add(crec, "cites %q (%s), which the relation does not cite", ct.Source, ct.Locator)
			}
		}
		if c.Part == AttestedPart && c.Rank != Deprecated {
			live = append(live, c.Value.String())
		}
	}
	var plain []string
	for _, a := range r.Attested {
		plain = append(plain, a.String())
	}
	slices.Sort(live)
	slices.Sort(plain)
	if !slices.Equal(slices.Compact(live), slices.Compact(plain)) {
		v.add(rec, "attested %v differs from its live ATTESTED date claims %v", plain, live)
	}
}

// FactKey is what makes two relations the same fact: type, ends, role and kind of
// succession.
func FactKey(r *Relation) string {
	k := string(r.Type) + "|" + r.From + "|" + r.To
	if r.Role != nil {
		k += "|" + string(*r.Role)
	}
	if r.Succession != nil {
		k += "|" + string(*r.Succession)
	}
	return k
}

// checkOneFact refuses two relations telling the same fact (FactKey) at times that may
// overlap: they must be one relation with a date claim per source. Two relations of
// one key are allowed only as distinct tenures, each with a start or an end, whose dates
// cannot share a day (a post held twice); an undated relation may hold at any time, and
// attestations without a start or end are observations of one fact, so neither can stand
// beside another relation of its key.
func (v *validator) checkOneFact() {
	byKey := map[string][]int{}
	for i, r := range v.ds.Relations {
		byKey[FactKey(r)] = append(byKey[FactKey(r)], i)
	}
	keys := make([]string, 0, len(byKey))
	for k, is := range byKey {
		if len(is) > 1 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		is := byKey[k]
		for a := 0; a < len(is); a++ {
			for b := a + 1; b < len(is); b++ {
				ra, rb := v.ds.Relations[is[a]], v.ds.Relations[is[b]]
				if !tenure(ra) || !tenure(rb) || ra.Span().Overlaps(rb.Span()) {
					v.add("relation "+relationID(rb), "tells the same fact (%s %s → %s) as relation %s at times that may overlap: merge them into one relation with a date claim per source (seed/FORMAT.md, 'One fact, one relationship')", ra.Type, ra.From, ra.To, relationID(ra))
				}
			}
		}
	}
}

// tenure reports whether r has a start or an end of its own.
func tenure(r *Relation) bool { return r.Start != nil || r.End != nil }

func relationID(r *Relation) string {
	if r.ID == "" {
		return DefaultRelationID(r.Type, r.From, r.To)
	}
	return r.ID
}
