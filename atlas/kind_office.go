package atlas

import "slices"

func (n *Office) NodeID() string                { return n.ID }
func (n *Office) NodeKind() NodeKind            { return OfficeNode }
func (n *Office) Label() string                 { return n.Name }
func (n *Office) Citations() []Citation         { return n.Sources }
func (n *Office) NodeAliases() []Alias          { return n.Aliases }
func (n *Office) NodeIdentifiers() []Identifier { return nil }
func (n *Office) NodeClaims() []PropertyClaim   { return n.Claims }
func (n *Office) addTo(d *Dataset)              { d.Offices = append(d.Offices, n) }
func (*Office) IsEntity()                       {}

func (n *Office) SearchFields() []SearchField {
	var f fieldList
	f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases)
	f.texts("description", n.Description).locators(n.Sources)
	return f
}

func (n *Office) Summary() Summary { return Summary{NameZh: n.NameZh, Class: string(n.Kind)} }

func (n *Office) claimProperties() []PropertyName {
	return []PropertyName{PropName, PropNameZh, PropAlias, PropKind, PropStaffing, PropPlacement, PropDescription}
}

func (n *Office) plainValues(p PropertyName) []string {
	switch p {
	case PropName:
		return plainText(n.Name)
	case PropNameZh:
		return plainText(n.NameZh)
	case PropKind:
		return plainText(string(n.Kind))
	case PropStaffing:
		return plainEnum(n.Staffing)
	case PropPlacement:
		return plainEnum(n.Placement)
	case PropDescription:
		return plainText(n.Description)
	}
	return nil
}

func (n *Office) matches(f NodeFilter) bool { return inOrEmpty(n.Kind, f.OfficeKinds) }

func (n *Office) checkFields(v *validator, rec string) {
	checkEnum(v, rec, "kind", n.Kind, OfficeKinds)
	checkOptEnum(v, rec, "staffing", n.Staffing, Staffings)
	checkOptEnum(v, rec, "placement", n.Placement, Placements)
}

func (n *Office) lifeBounds([]SourceTier, func(string) *Source) [2]int { return unbounded }

func (n *Office) clone() Node {
	c := *n
	c.Aliases, c.Sources, c.Claims = slices.Clone(n.Aliases), slices.Clone(n.Sources), cloneClaims(n.Claims)
	c.Staffing, c.Placement = clonePtr(n.Staffing), clonePtr(n.Placement)
	return &c
}
