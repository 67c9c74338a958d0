package atlas

import "slices"

func (n *ReportedCount) NodeID() string                { return n.ID }
func (n *ReportedCount) NodeKind() NodeKind            { return ReportedCountNode }
func (n *ReportedCount) Label() string                 { return n.Scope }
func (n *ReportedCount) Citations() []Citation         { return n.Sources }
func (n *ReportedCount) NodeAliases() []Alias          { return nil }
func (n *ReportedCount) NodeIdentifiers() []Identifier { return nil }
func (n *ReportedCount) NodeClaims() []PropertyClaim   { return nil }
func (n *ReportedCount) addTo(d *Dataset)              { d.ReportedCounts = append(d.ReportedCounts, n) }
func (*ReportedCount) IsEntity()                       {}

func (n *ReportedCount) SearchFields() []SearchField {
	var f fieldList
	f.names("scope", n.Scope).texts("note", n.Note).locators(n.Sources)
	return f
}

func (n *ReportedCount) Summary() Summary { return Summary{System: n.System, Level: n.Level} }

func (n *ReportedCount) claimProperties() []PropertyName { return nil }

func (n *ReportedCount) plainValues(PropertyName) []string { return nil }

func (n *ReportedCount) matches(NodeFilter) bool { return true }

// checkFields: a count's own fields are checked with the other counts (checkCounts).
func (n *ReportedCount) checkFields(*validator, string) {}

func (n *ReportedCount) lifeBounds([]SourceTier, func(string) *Source) [2]int { return unbounded }

func (n *ReportedCount) clone() Node {
	c := *n
	c.Sources = slices.Clone(n.Sources)
	c.System, c.Level = clonePtr(n.System), clonePtr(n.Level)
	return &c
}
