package atlas

import "slices"

func (n *Document) NodeID() string                { return n.ID }
func (n *Document) NodeKind() NodeKind            { return DocumentNode }
func (n *Document) Label() string                 { return n.Title }
func (n *Document) Citations() []Citation         { return n.Sources }
func (n *Document) NodeAliases() []Alias          { return n.Aliases }
func (n *Document) NodeIdentifiers() []Identifier { return nil }
func (n *Document) NodeClaims() []PropertyClaim   { return n.Claims }
func (n *Document) addTo(d *Dataset)              { d.Documents = append(d.Documents, n) }
func (*Document) IsEntity()                       {}

func (n *Document) SearchFields() []SearchField {
	var f fieldList
	f.names("title", n.Title).names("titleZh", n.TitleZh).aliases(n.Aliases)
	f.texts("description", n.Description).locators(n.Sources)
	return f
}

func (n *Document) Summary() Summary {
	return Summary{NameZh: n.TitleZh, Class: string(n.Kind), From: n.Issued}
}

func (n *Document) claimProperties() []PropertyName {
	return []PropertyName{PropTitle, PropTitleZh, PropAlias, PropKind, PropIssued, PropDescription}
}

func (n *Document) plainValues(p PropertyName) []string {
	switch p {
	case PropTitle:
		return plainText(n.Title)
	case PropTitleZh:
		return plainText(n.TitleZh)
	case PropKind:
		return plainText(string(n.Kind))
	case PropIssued:
		return plainDate(n.Issued)
	case PropDescription:
		return plainText(n.Description)
	}
	return nil
}

func (n *Document) matches(NodeFilter) bool { return true }

func (n *Document) checkFields(v *validator, rec string) {
	checkEnum(v, rec, "kind", n.Kind, DocumentKinds)
}

func (n *Document) lifeBounds([]SourceTier, func(string) *Source) [2]int { return unbounded }

func (n *Document) clone() Node {
	c := *n
	c.Aliases, c.Sources, c.Claims = slices.Clone(n.Aliases), slices.Clone(n.Sources), cloneClaims(n.Claims)
	c.Issued = clonePtr(n.Issued)
	return &c
}
