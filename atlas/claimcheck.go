package atlas

import (
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

// citedDatesNoLaterThanSource holds the dates of relation r that citation c supports to
// the rule of datedNoLaterThanSources: a 2009 study gives no seat attested in 2022. It
// is checked for the citation a change adds, not for every relation, since an import's
// relation may cite a reference page for the dates only its later claims give.
func citedDatesNoLaterThanSource(ds *Dataset, r *Relation, c Citation) error {
	s, ok := ds.sourceByID(c.Source)
	if !ok || s.Date == nil {
		return nil
	}
	check := func(part DatePart, d PartialDate) error {
		if s.Date.Latest() < d.Earliest() {
			return Errorf(EINVALID, "relation %s: cites %s, dated %s, for a later %s date %s", r.ID, s.ID, s.Date, strings.ToLower(string(part)), d)
		}
		return nil
	}
	if len(r.DateClaims) > 0 {
		for _, dc := range r.DateClaims {
			if slices.ContainsFunc(dc.Sources, c.SamePassage) {
				if err := check(dc.Part, dc.Value); err != nil {
					return err
				}
			}
		}
		return nil
	}
	// Without date claims every source of the relation, the citation too, gives its dates.
	for _, d := range []struct {
		part DatePart
		date *PartialDate
	}{{StartPart, r.Start}, {EndPart, r.End}} {
		if d.date != nil {
			if err := check(d.part, *d.date); err != nil {
				return err
			}
		}
	}
	for _, a := range r.Attested {
		if err := check(AttestedPart, a); err != nil {
			return err
		}
	}
	return nil
}
