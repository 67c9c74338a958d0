package atlas

import "slices"

func (n *Institution) NodeID() string                { return n.ID }
func (n *Institution) NodeKind() NodeKind            { return InstitutionNode }
func (n *Institution) Label() string                 { return n.Name }
func (n *Institution) Citations() []Citation         { return n.Sources }
func (n *Institution) NodeAliases() []Alias          { return n.Aliases }
func (n *Institution) NodeIdentifiers() []Identifier { return n.Identifiers }
func (n *Institution) NodeClaims() []PropertyClaim   { return n.Claims }
func (n *Institution) addTo(d *Dataset)              { d.Institutions = append(d.Institutions, n) }
func (*Institution) IsEntity()                       {}

func (n *Institution) SearchFields() []SearchField {
	var f fieldList
	f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases).identifiers(n.Identifiers)
	f.texts("description", n.Description).locators(n.Sources)
	return f
}

func (n *Institution) Summary() Summary {
	return Summary{NameZh: n.NameZh, Class: string(n.Kind), System: n.System}
}

func (n *Institution) claimProperties() []PropertyName {
	return []PropertyName{PropName, PropNameZh, PropAlias, PropKind, PropSystem, PropDescription}
}

func (n *Institution) plainValues(p PropertyName) []string {
	switch p {
	case PropName:
		return plainText(n.Name)
	case PropNameZh:
		return plainText(n.NameZh)
	case PropKind:
		return plainText(string(n.Kind))
	case PropSystem:
		return plainEnum(n.System)
	case PropDescription:
		return plainText(n.Description)
	}
	return nil
}

func (n *Institution) matches(f NodeFilter) bool {
	return inOrEmpty(n.Kind, f.InstitutionKinds) && optIn(n.System, f.Systems)
}

func (n *Institution) checkFields(v *validator, rec string) {
	checkEnum(v, rec, "kind", n.Kind, InstitutionKinds)
	checkOptEnum(v, rec, "system", n.System, Systems)
}

func (n *Institution) lifeBounds([]SourceTier, func(string) *Source) [2]int { return unbounded }

func (n *Institution) clone() Node {
	c := *n
	c.Aliases, c.Sources, c.Claims = slices.Clone(n.Aliases), slices.Clone(n.Sources), cloneClaims(n.Claims)
	c.System = clonePtr(n.System)
	c.Identifiers = cloneIdentifiers(n.Identifiers)
	return &c
}
