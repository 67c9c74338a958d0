package atlas

import (
	"slices"
	"strings"
)

func (n *Source) NodeID() string     { return n.ID }
func (n *Source) NodeKind() NodeKind { return SourceNode }
func (n *Source) Label() string      { return n.Title }

// Citations of a source are none: a source is what the others cite (its date's sources
// are DateSources).
func (n *Source) Citations() []Citation         { return nil }
func (n *Source) NodeAliases() []Alias          { return nil }
func (n *Source) NodeIdentifiers() []Identifier { return nil }
func (n *Source) NodeClaims() []PropertyClaim   { return nil }
func (n *Source) addTo(d *Dataset)              { d.Sources = append(d.Sources, n) }
func (*Source) IsEntity()                       {}

func (n *Source) SearchFields() []SearchField {
	var f fieldList
	f.names("title", n.Title).names("key", n.Key)
	f.texts("author", n.Authors...).texts("publisher", n.Publisher).texts("note", n.Note)
	return f
}

func (n *Source) Summary() Summary { return Summary{Class: string(n.Kind), Tier: n.EffectiveTier()} }

func (n *Source) claimProperties() []PropertyName { return nil }

func (n *Source) plainValues(PropertyName) []string { return nil }

func (n *Source) matches(f NodeFilter) bool { return inOrEmpty(n.Kind, f.SourceKinds) }

func (n *Source) checkFields(v *validator, rec string) {
	checkEnum(v, rec, "kind", n.Kind, SourceKinds)
	if n.Tier != "" {
		checkEnum(v, rec, "tier", n.Tier, SourceTiers)
	}
	if n.CitedVia != "" {
		if _, ok := v.ds.sourceByID(n.CitedVia); !ok {
			v.add(rec, "citedVia names unknown source %q", n.CitedVia)
		}
		v.citedViaCircle(rec, n)
	}
	if len(n.DateSources) > 0 {
		if n.Date == nil {
			v.add(rec, "cites sources for a date it does not have")
		}
		v.citations(rec+" date", n.DateSources)
	}
}

// citedViaCircle refuses a source read through itself, directly or round a chain of
// citedVia: it would relay itself, and what follows the chain (relays, the date a
// relayed work counts from) would never reach a work read first-hand. A circle is
// named once, from its least id; the sources merely read through one are not named,
// since undoing the circle mends them.
func (v *validator) citedViaCircle(rec string, n *Source) {
	if n.CitedVia == n.ID {
		v.add(rec, "citedVia names the source itself: a source cannot be read through itself")
		return
	}
	circle := []string{n.ID}
	for via := n.CitedVia; via != ""; {
		if via == n.ID {
			if slices.Min(circle) == n.ID {
				v.add(rec, "citedVia goes round in a circle through %s: a source cannot (in the end) be read through itself", strings.Join(circle, ", "))
			}
			return
		}
		s, ok := v.ds.sourceByID(via)
		if !ok || slices.Contains(circle, via) {
			// An unknown source is its own problem; a circle n only leads into is
			// named by its members.
			return
		}
		circle = append(circle, via)
		via = s.CitedVia
	}
}

func (n *Source) lifeBounds([]SourceTier, func(string) *Source) [2]int { return unbounded }

func (n *Source) clone() Node {
	c := *n
	c.Authors = slices.Clone(n.Authors)
	c.Date = clonePtr(n.Date)
	c.DateSources = slices.Clone(n.DateSources)
	return &c
}
