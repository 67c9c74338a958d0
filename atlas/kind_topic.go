package atlas

import "slices"

func (n *Topic) NodeID() string                { return n.ID }
func (n *Topic) NodeKind() NodeKind            { return TopicNode }
func (n *Topic) Label() string                 { return n.Name }
func (n *Topic) Citations() []Citation         { return n.Sources }
func (n *Topic) NodeAliases() []Alias          { return n.Aliases }
func (n *Topic) NodeIdentifiers() []Identifier { return nil }
func (n *Topic) NodeClaims() []PropertyClaim   { return n.Claims }
func (n *Topic) addTo(d *Dataset)              { d.Topics = append(d.Topics, n) }
func (*Topic) IsEntity()                       {}

func (n *Topic) SearchFields() []SearchField {
	var f fieldList
	f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases)
	f.texts("description", n.Description).locators(n.Sources)
	return f
}

func (n *Topic) Summary() Summary { return Summary{NameZh: n.NameZh} }

func (n *Topic) claimProperties() []PropertyName {
	return []PropertyName{PropName, PropNameZh, PropAlias, PropDescription}
}

func (n *Topic) plainValues(p PropertyName) []string {
	switch p {
	case PropName:
		return plainText(n.Name)
	case PropNameZh:
		return plainText(n.NameZh)
	case PropDescription:
		return plainText(n.Description)
	}
	return nil
}

func (n *Topic) matches(NodeFilter) bool { return true }

func (n *Topic) checkFields(*validator, string) {}

func (n *Topic) lifeBounds([]SourceTier, func(string) *Source) [2]int { return unbounded }

func (n *Topic) clone() Node {
	c := *n
	c.Aliases, c.Sources, c.Claims = slices.Clone(n.Aliases), slices.Clone(n.Sources), cloneClaims(n.Claims)
	return &c
}
