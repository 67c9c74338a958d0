package atlas

import "slices"

func (n *Position) NodeID() string                { return n.ID }
func (n *Position) NodeKind() NodeKind            { return PositionNode }
func (n *Position) Label() string                 { return n.Title }
func (n *Position) Citations() []Citation         { return n.Sources }
func (n *Position) NodeAliases() []Alias          { return n.Aliases }
func (n *Position) NodeIdentifiers() []Identifier { return n.Identifiers }
func (n *Position) NodeClaims() []PropertyClaim   { return n.Claims }
func (n *Position) addTo(d *Dataset)              { d.Positions = append(d.Positions, n) }
func (*Position) IsEntity()                       {}

func (n *Position) SearchFields() []SearchField {
	var f fieldList
	f.names("title", n.Title).names("titleZh", n.TitleZh).aliases(n.Aliases).identifiers(n.Identifiers)
	f.texts("description", n.Description).locators(n.Sources)
	return f
}

func (n *Position) Summary() Summary { return Summary{NameZh: n.TitleZh} }

func (n *Position) claimProperties() []PropertyName {
	return []PropertyName{PropTitle, PropTitleZh, PropAlias, PropDescription}
}

func (n *Position) plainValues(p PropertyName) []string {
	switch p {
	case PropTitle:
		return plainText(n.Title)
	case PropTitleZh:
		return plainText(n.TitleZh)
	case PropDescription:
		return plainText(n.Description)
	}
	return nil
}

func (n *Position) matches(NodeFilter) bool { return true }

func (n *Position) checkFields(v *validator, rec string) {
	if n.Seats != nil && *n.Seats < 1 {
		v.add(rec, "seats must be at least 1, got %d", *n.Seats)
	}
}

func (n *Position) lifeBounds([]SourceTier, func(string) *Source) [2]int { return unbounded }

func (n *Position) clone() Node {
	c := *n
	c.Aliases, c.Sources, c.Claims = slices.Clone(n.Aliases), slices.Clone(n.Sources), cloneClaims(n.Claims)
	c.Seats = clonePtr(n.Seats)
	c.Identifiers = cloneIdentifiers(n.Identifiers)
	return &c
}
