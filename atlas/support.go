package atlas

import (
	"slices"
	"strings"
)

// SupportKind says what kind of claim a source supports.
type SupportKind string

const (
	SupportsRelation      SupportKind = "RELATIONSHIP"   // a relationship cites it
	SupportsPropertyClaim SupportKind = "PROPERTY_CLAIM" // a property claim cites it
	SupportsStatement     SupportKind = "STATEMENT"      // a statement cites it
	SupportsDocument      SupportKind = "DOCUMENT"       // a document node cites it
	SupportsNode          SupportKind = "NODE"           // another node cites it for itself
	SupportsCount         SupportKind = "REPORTED_COUNT" // a reported count cites it
)

// SupportKinds lists every kind, in the order Supports lists them.
var SupportKinds = []SupportKind{SupportsRelation, SupportsPropertyClaim, SupportsStatement, SupportsDocument, SupportsNode, SupportsCount}

// Support is one thing a source supports, with where in the source it does.
type Support struct {
	Kind SupportKind
	// Subject is the id of the node or relation the claim is of.
	Subject string
	// Node is the node (every kind but RELATIONSHIP); Relation the relationship.
	Node     Node
	Relation *Relation
	// Claim is the property claim, for PROPERTY_CLAIM.
	Claim *PropertyClaim
	// Locators are the places in the source that support it, in citation order.
	Locators []string
}

// key orders supports: by kind, subject, then claim property and value. It is also
// the cursor position, the same for every source, so one cursor pages any source.
func (s Support) key() string {
	k := string(rune('a'+slices.Index(SupportKinds, s.Kind))) + "|" + s.Subject
	if s.Claim != nil {
		k += "|" + string(rune('a'+slices.Index(PropertyNames, s.Claim.Property))) + "|" + s.Claim.Value
	}
	return k
}

// SupportQuery asks what each of many sources supports.
type SupportQuery struct {
	Sources []string
	// Kinds keeps only these kinds; empty means all.
	Kinds []SupportKind
	// First is the page size: 0 means DefaultPageSize; beyond MaxPageSize is EINVALID.
	First int
	// After is the cursor of the last support of the previous page, or "".
	After string
}

// SupportPage is one page of what one source supports.
type SupportPage struct {
	Supports    []Support
	Cursors     []string
	TotalCount  int
	HasNextPage bool
}

// Normalized checks q: EINVALID for a malformed source id, an unknown kind, a page size
// out of range or a foreign cursor.
func (q SupportQuery) Normalized() (SupportQuery, error) {
	if err := checkSourceIDs("sources", q.Sources); err != nil {
		return q, err
	}
	if err := allValid("support kind", q.Kinds, SupportKinds); err != nil {
		return q, err
	}
	var err error
	if q.First, err = pageSizeOrDefault("first", q.First); err != nil {
		return q, err
	}
	if q.After != "" {
		c, err := DecodeCursor(q.After)
		if err != nil {
			return q, err
		}
		if c.Order != supportOrder {
			return q, Errorf(EINVALID, "cursor %q belongs to another list: use cursors with the list they came from", q.After)
		}
	}
	return q, nil
}

const supportOrder = "SUPPORTS"

// CitedSources returns the ids of every source a node or relation cites, for itself,
// its property claims or its aliases, each once, sorted. Stores index on it.
func CitedSources(n Node, r *Relation) []string {
	var out []string
	add := func(cs []Citation) {
		for _, c := range cs {
			out = append(out, c.Source)
		}
	}
	if r != nil {
		add(r.Sources)
	}
	if n != nil {
		add(n.Citations())
		for _, c := range ClaimsOf(n) {
			add(c.Sources)
		}
		for _, a := range AliasesOf(n) {
			if a.Source != "" {
				out = append(out, a.Source)
			}
		}
		for _, id := range IdentifiersOf(n) {
			add(id.Sources)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Supports answers q for each source, in q.Sources order, from candidate nodes and
// relations (at least all that cite any of the sources; others are ignored). Both
// stores call it, so they list, order and page alike. It reads each candidate once,
// whatever the number of sources, and copies only what it returns.
func Supports(q SupportQuery, nodes []Node, rels []Relation) []SupportPage {
	bySource := supportsBySource(q.Sources, nodes, rels)
	out := make([]SupportPage, len(q.Sources))
	var after string
	if q.After != "" {
		c, _ := DecodeCursor(q.After)
		after = c.ID
	}
	for i, src := range q.Sources {
		var page SupportPage
		for _, s := range bySource[src] {
			if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, s.Kind) {
				continue
			}
			page.TotalCount++
			if after != "" && s.key() <= after {
				continue
			}
			if len(page.Supports) == q.First {
				page.HasNextPage = true
				continue
			}
			page.Supports = append(page.Supports, s.clone())
			page.Cursors = append(page.Cursors, EncodeCursor(Cursor{ID: s.key(), Order: supportOrder}))
		}
		out[i] = page
	}
	return out
}

// clone returns a copy of s that shares nothing with the store's values.
func (s Support) clone() Support {
	if s.Node != nil {
		s.Node = CloneNode(s.Node)
	}
	if s.Relation != nil {
		r := s.Relation.Clone()
		s.Relation = &r
	}
	if s.Claim != nil {
		c := s.Claim.Clone()
		c.ID = ClaimID(s.Subject, c.Property, c.Value)
		s.Claim = &c
	}
	s.Locators = slices.Clone(s.Locators)
	return s
}

// supportsBySource lists, for each wanted source, what cites it, in key order. Nodes,
// relations and claims are referenced, not copied.
func supportsBySource(sources []string, nodes []Node, rels []Relation) map[string][]Support {
	out := make(map[string][]Support, len(sources))
	for _, src := range sources {
		out[src] = nil
	}
	// add appends, per wanted source, one support with the locators of its citations.
	add := func(cs []Citation, build func(locs []string) Support) {
		var seen []string
		for _, c := range cs {
			if _, wanted := out[c.Source]; !wanted || slices.Contains(seen, c.Source) {
				continue
			}
			seen = append(seen, c.Source)
			out[c.Source] = append(out[c.Source], build(locatorsOf(c.Source, cs)))
		}
	}
	for i := range rels {
		r := &rels[i]
		add(r.Sources, func(locs []string) Support {
			return Support{Kind: SupportsRelation, Subject: r.ID, Relation: r, Locators: locs}
		})
	}
	for _, n := range nodes {
		if n == nil {
			continue
		}
		kind := SupportsNode
		switch n.NodeKind() {
		case StatementNode:
			kind = SupportsStatement
		case DocumentNode:
			kind = SupportsDocument
		case ReportedCountNode:
			kind = SupportsCount
		}
		add(n.Citations(), func(locs []string) Support {
			return Support{Kind: kind, Subject: n.NodeID(), Node: n, Locators: locs}
		})
		claims := ClaimsOf(n)
		for i := range claims {
			c := &claims[i]
			add(c.Sources, func(locs []string) Support {
				return Support{Kind: SupportsPropertyClaim, Subject: n.NodeID(), Node: n, Claim: c, Locators: locs}
			})
		}
	}
	for src, list := range out {
		slices.SortFunc(list, func(a, b Support) int { return strings.Compare(a.key(), b.key()) })
		out[src] = slices.CompactFunc(list, func(a, b Support) bool { return a.key() == b.key() })
	}
	return out
}

func locatorsOf(src string, cs []Citation) []string {
	var out []string
	for _, c := range cs {
		if c.Source == src {
			out = append(out, c.Locator)
		}
	}
	return out
}
