package atlas

import "slices"

func (n *Person) NodeID() string                { return n.ID }
func (n *Person) NodeKind() NodeKind            { return PersonNode }
func (n *Person) Label() string                 { return n.Name }
func (n *Person) Citations() []Citation         { return n.Sources }
func (n *Person) NodeAliases() []Alias          { return n.Aliases }
func (n *Person) NodeIdentifiers() []Identifier { return n.Identifiers }
func (n *Person) NodeClaims() []PropertyClaim   { return n.Claims }
func (n *Person) addTo(d *Dataset)              { d.People = append(d.People, n) }
func (*Person) IsEntity()                       {}

func (n *Person) SearchFields() []SearchField {
	var f fieldList
	f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases).identifiers(n.Identifiers)
	f.texts("description", n.Description).locators(n.Sources)
	return f
}

func (n *Person) Summary() Summary { return Summary{NameZh: n.NameZh} }

func (n *Person) claimProperties() []PropertyName {
	return []PropertyName{PropName, PropNameZh, PropAlias, PropBorn, PropDied, PropDescription}
}

func (n *Person) plainValues(p PropertyName) []string {
	switch p {
	case PropName:
		return plainText(n.Name)
	case PropNameZh:
		return plainText(n.NameZh)
	case PropBorn:
		return plainDate(n.Born)
	case PropDied:
		return plainDate(n.Died)
	case PropDescription:
		return plainText(n.Description)
	}
	return nil
}

func (n *Person) matches(NodeFilter) bool { return true }

func (n *Person) checkFields(v *validator, rec string) {
	if n.Born != nil && n.Died != nil && n.Died.Before(*n.Born) {
		v.add(rec, "died %s before born %s", n.Died, n.Born)
		return
	}
	// Sources may disagree on both dates, but a death no birth any source gives comes
	// before cannot be: a NORMAL claim of it was accepted beside a later PREFERRED birth.
	noTier := func(string) *Source { return nil } // only the dates matter here
	var births []PartialDate
	for _, b := range lifeDatesOf(n, PropBorn, n.Born, noTier) {
		births = append(births, b.Date)
	}
	for _, d := range lifeDatesOf(n, PropDied, n.Died, noTier) {
		if len(births) > 0 && !slices.ContainsFunc(births, func(b PartialDate) bool { return !d.Date.Before(b) }) {
			v.add(rec, "a source has the death in %s, before every birth the sources give (%v)", d.Date, births)
		}
	}
}

// lifeBounds of a person runs from the earliest birth date to the latest death date of
// the claims in tiers: the holder may have lived from the one until the other, as
// Relation.SpanIn lets a fact possibly hold. From the latest birth, a disputed birth
// year refused a fact every other check took as possible.
func (n *Person) lifeBounds(tiers []SourceTier, source func(string) *Source) [2]int {
	life := unbounded
	var born []int
	for _, d := range lifeDatesOf(n, PropBorn, n.Born, source) {
		if AllTiers(tiers) || slices.Contains(tiers, d.Tier) {
			born = append(born, d.Date.Earliest())
		}
	}
	if len(born) > 0 {
		life[0] = slices.Min(born)
	}
	var died []int
	for _, d := range lifeDatesOf(n, PropDied, n.Died, source) {
		if AllTiers(tiers) || slices.Contains(tiers, d.Tier) {
			died = append(died, d.Date.Latest())
		}
	}
	if len(died) > 0 {
		life[1] = slices.Max(died)
	}
	return life
}

func (n *Person) clone() Node {
	c := *n
	c.Aliases, c.Sources, c.Claims = slices.Clone(n.Aliases), slices.Clone(n.Sources), cloneClaims(n.Claims)
	c.Born, c.Died = clonePtr(n.Born), clonePtr(n.Died)
	c.Identifiers = cloneIdentifiers(n.Identifiers)
	return &c
}
