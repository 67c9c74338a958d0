package atlas

import (
	"fmt"
	"slices"
	"strings"
)

// checkClaims checks the property claims of node n: each names a property of its kind
// with a well-formed value, has a rank and confidence, cites known sources with
// locators, and a date claim cites no source older than the date. The claims must agree
// with the plain fields: a single-valued property that is set has exactly one PREFERRED
// claim, with the plain value; one that is unset has none; every value of a list
// (alias, category) has a claim that is not DEPRECATED, and no such claim has a value
// the list lacks. An alias's own source is among its claim's sources.
func (v *validator) checkClaims(rec string, n Node) {
	claims := ClaimsOf(n)
	allowed := n.claimProperties()
	type key struct {
		p PropertyName
		v string
	}
	seen := map[key]bool{}
	for _, c := range claims {
		crec := rec + " claim " + string(c.Property) + "=" + c.Value
		if !slices.Contains(allowed, c.Property) {
			v.add(crec, "property %q is not one of %v", c.Property, allowed)
			continue
		}
		if !validValue(n.NodeKind(), c.Property, c.Value) {
			v.add(crec, "value %q is not a valid %s", c.Value, c.Property)
		}
		if nameProperties[c.Property] && padded(c.Value) {
			v.add(crec, "value %q has leading or trailing spaces", c.Value)
		}
		if seen[key{c.Property, c.Value}] {
			v.add(crec, "duplicate claim; give one claim all the sources of a value")
		}
		seen[key{c.Property, c.Value}] = true
		checkEnum(v, crec, "rank", c.Rank, Ranks)
		checkEnum(v, crec, "confidence", c.Confidence, Confidences)
		if c.Confidence == Inferred && strings.TrimSpace(c.Note) == "" {
			v.add(crec, "INFERRED claims must explain the inference in a note")
		}
		v.citations(crec, c.Sources)
		if c.Property == PropEstablished || c.Property == PropAbolished || c.Property == PropIssued {
			v.datedNoLaterThanSources(crec, c)
		}
	}
	for _, p := range allowed {
		plain := PlainValues(n, p)
		var preferred, live []string
		for _, c := range claims {
			if c.Property != p {
				continue
			}
			if c.Rank == Preferred {
				preferred = append(preferred, c.Value)
			}
			if c.Rank != Deprecated {
				live = append(live, c.Value)
			}
		}
		if multiValued[p] {
			for _, val := range plain {
				if !slices.Contains(live, val) && len(claimsOfProperty(claims, p)) > 0 {
					v.add(rec, "%s %q has no claim that is not DEPRECATED", p, val)
				}
			}
			for _, val := range live {
				if !slices.Contains(plain, val) {
					v.add(rec, "%s claim %q is not DEPRECATED but the plain field lacks it", p, val)
				}
			}
			continue
		}
		switch {
		case len(preferred) > 1:
			v.add(rec, "%s has %d PREFERRED claims; one value is preferred", p, len(preferred))
		case len(plain) == 0 && len(preferred) == 1 && preferred[0] != "false":
			v.add(rec, "%s is unset but claim %q is PREFERRED", p, preferred[0])
		case len(plain) == 1 && len(preferred) == 1 && preferred[0] != plain[0]:
			v.add(rec, "%s is %q but the PREFERRED claim says %q", p, plain[0], preferred[0])
		case len(plain) == 1 && len(preferred) == 0 && len(claimsOfProperty(claims, p)) > 0:
			v.add(rec, "%s is %q but no claim of it is PREFERRED", p, plain[0])
		// A lifetime left unset while sources still give its date would let everything
		// hold before the founding or after the death.
		case lifetimeProperties[p] && len(plain) == 0 && len(live) > 0:
			v.add(rec, "%s is unset, yet claims %v give it: prefer one (DISPUTED where the sources disagree) or deprecate them all", p, live)
		}
	}
	for _, a := range AliasesOf(n) {
		if a.Source == "" {
			continue
		}
		for _, c := range claims {
			if c.Property == PropAlias && c.Value == a.Name && !slices.ContainsFunc(c.Sources, func(s Citation) bool { return s.Source == a.Source }) {
				v.add(rec, "alias %q names source %q, which its claim does not cite", a.Name, a.Source)
			}
		}
	}
}

// datedNoLaterThanSources rejects a date claim citing a source published before the
// date: a 2010 study cannot give a 2018 founding.
func (v *validator) datedNoLaterThanSources(rec string, c PropertyClaim) {
	d, err := ParseDate(c.Value)
	if err != nil {
		return
	}
	for _, cite := range c.Sources {
		if s, ok := v.ds.sourceByID(cite.Source); ok && s.Date != nil && s.Date.Latest() < d.Earliest() {
			v.add(rec, "cites %s, dated %s, for a later date", s.ID, s.Date)
		}
	}
}

func claimsOfProperty(claims []PropertyClaim, p PropertyName) []PropertyClaim {
	var out []PropertyClaim
	for _, c := range claims {
		if c.Property == p {
			out = append(out, c)
		}
	}
	return out
}

// MissingClaims lists the plain property values of every node that no claim supports,
// descriptions aside.
// The dataset format requires a claim behind every asserted property (seed.Decode
// checks it); an import may leave claims out, and then the node's own sources are all
// that supports its properties.
func (d *Dataset) MissingClaims() []string {
	var out []string
	for _, n := range d.Nodes() {
		claims := ClaimsOf(n)
		for _, p := range n.claimProperties() {
			if p == PropDescription {
				continue // the curators' summary: a DESCRIPTION claim is welcome, not required
			}
			for _, val := range PlainValues(n, p) {
				if !slices.ContainsFunc(claims, func(c PropertyClaim) bool { return c.Property == p && c.Value == val && c.Rank != Deprecated }) {
					out = append(out, string(n.NodeKind())+" "+n.NodeID()+": "+string(p)+" "+quote(val)+" has no claim")
				}
			}
		}
	}
	return out
}

func quote(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:37]) + "..."
	}
	return `"` + s + `"`
}

// checkUnknowns: a group whose chair is "not known" has no stored chair, and one that
// ended at an unknown date has no abolition date.
func (v *validator) checkUnknowns() {
	chaired := map[string]bool{}
	for _, r := range v.ds.Relations {
		if r.Type == Chairs {
			chaired[r.To] = true
		}
	}
	for _, g := range v.ds.Groups {
		rec := string(GroupNode) + " " + g.ID
		if g.ChairNotKnown && chaired[g.ID] {
			v.add(rec, "chairNotKnown, yet a CHAIRS relation names its chair")
		}
		if g.EndedDateUnknown && g.Abolished != nil {
			v.add(rec, "endedDateUnknown, yet abolished is %s", g.Abolished)
		}
	}
}

// lifetimeProperties bound when a node's facts may hold.
var lifetimeProperties = map[PropertyName]bool{PropEstablished: true, PropAbolished: true, PropBorn: true, PropDied: true}

// CitedDateProblems holds every date a source gives to the rule of
// datedNoLaterThanSources: a 2009 study gives no seat attested in 2022, and no
// statement of 2022. Only the dates a citation supports count: those of the date claims
// citing it, or, for a relation without date claims, every date of it (each of its
// sources gives them all); a reference page cited beside a later date claim supports
// the claims it is cited on, not the later one. Property claims are held to it by
// Validate.
//
// It is a change check (check.go) and a rule of every dataset file (seed.Decode), not
// of Validate: the invented test graphs every store's suite imports directly
// (conformance.Fixture) date seats past their sources, and redating them would move the
// answers those suites pin. Every write is held to it, whatever it changes: a
// relation's dates, a statement's, or the date of a source others cite.
func (d *Dataset) CitedDateProblems() []string {
	dates := map[string]*PartialDate{}
	for _, s := range d.Sources {
		dates[s.ID] = s.Date
	}
	var out []string
	check := func(rec string, part string, date PartialDate, cites []Citation) {
		for _, c := range cites {
			if sd := dates[c.Source]; sd != nil && sd.Latest() < date.Earliest() {
				out = append(out, fmt.Sprintf("%s: cites %s, dated %s, for a later %s %s", rec, c.Source, sd, part, date))
			}
		}
	}
	for _, r := range d.Relations {
		for _, cd := range relationCitedDates(r) {
			check("relation "+relationID(r), strings.ToLower(string(cd.part))+" date", cd.value, cd.sources)
		}
	}
	for _, s := range d.Statements {
		rec := string(StatementNode) + " " + s.ID
		if s.Date != nil {
			check(rec, "date", *s.Date, s.Sources)
		}
		if s.Until != nil {
			check(rec, "until date", *s.Until, s.Sources)
		}
	}
	return out
}

// citedDate is a date of a relation and the citations that give it.
type citedDate struct {
	part    DatePart
	value   PartialDate
	sources []Citation
}

// relationCitedDates lists r's dates with the citations that give them: its date
// claims, or without them every date of r given by all its sources.
func relationCitedDates(r *Relation) []citedDate {
	var out []citedDate
	if len(r.DateClaims) > 0 {
		for _, dc := range r.DateClaims {
			out = append(out, citedDate{dc.Part, dc.Value, dc.Sources})
		}
		return out
	}
	if r.Start != nil {
		out = append(out, citedDate{StartPart, *r.Start, r.Sources})
	}
	if r.End != nil {
		out = append(out, citedDate{EndPart, *r.End, r.Sources})
	}
	for _, a := range r.Attested {
		out = append(out, citedDate{AttestedPart, a, r.Sources})
	}
	return out
}
