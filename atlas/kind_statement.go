package atlas

import (
	"slices"
	"strings"
)

func (n *Statement) NodeID() string                { return n.ID }
func (n *Statement) NodeKind() NodeKind            { return StatementNode }
func (n *Statement) Citations() []Citation         { return n.Sources }
func (n *Statement) NodeAliases() []Alias          { return nil }
func (n *Statement) NodeIdentifiers() []Identifier { return nil }
func (n *Statement) NodeClaims() []PropertyClaim   { return nil }
func (n *Statement) addTo(d *Dataset)              { d.Statements = append(d.Statements, n) }
func (*Statement) IsEntity()                       {}

// SearchFields: a statement has no name; its text is searched by words, like a
// description.
func (n *Statement) SearchFields() []SearchField {
	var f fieldList
	f.texts("text", n.Text).texts("textZh", n.TextZh).texts("hedge", n.Hedge).texts("note", n.Note).locators(n.Sources)
	return f
}

func (n *Statement) Summary() Summary { return Summary{From: n.Date} }

func (n *Statement) claimProperties() []PropertyName { return nil }

func (n *Statement) plainValues(PropertyName) []string { return nil }

func (n *Statement) matches(NodeFilter) bool { return true }

// checkFields: a statement's text, confidence and hedge (a hedged statement is never
// STATED).
func (n *Statement) checkFields(v *validator, rec string) {
	if strings.TrimSpace(n.Text) == "" {
		v.add(rec, "has no text")
	}
	checkEnum(v, rec, "confidence", n.Confidence, Confidences)
	if n.Confidence == Inferred && strings.TrimSpace(n.Note) == "" {
		v.add(rec, "INFERRED statements must explain the inference in a note")
	}
	if n.Hedged() && n.Confidence == Stated {
		v.add(rec, "hedged %q, so not STATED: use REPORTED or INFERRED", n.Hedge)
	}
	if n.Date != nil && n.Until != nil && n.Until.Before(*n.Date) {
		v.add(rec, "until %s before date %s", n.Until, n.Date)
	}
}

func (n *Statement) lifeBounds([]SourceTier, func(string) *Source) [2]int { return unbounded }

func (n *Statement) clone() Node {
	c := *n
	c.Sources = slices.Clone(n.Sources)
	c.Date, c.Until = clonePtr(n.Date), clonePtr(n.Until)
	return &c
}
