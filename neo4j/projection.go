package neo4j

import (
	"context"
	"fmt"

	"lsgatlas/atlas"
)

var _ atlas.NodeProjector = (*Store)(nil)

// Producing a node's properties is most of what a request costs Neo4j: every node carries
// its claims, citations, aliases and search keys, which the server encodes and Go decodes
// as JSON. A projected read (nodes_by_key and list_asc/list_desc with $props) returns
// only the values of the properties a request selects.

// projectable lists the stored properties a projection may name: those decodeNode reads.
// It is also the whitelist the statements' $props come from (never a caller's string).
var projectable = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range []string{
		"id", "nodeKind", "name", "nameZh", "title", "titleZh", "aliases", "identifiers", "kind", "system", "level",
		"jurisdiction", "horizon", "categories", "crossSystem", "established", "abolished", "description",
		"sources", "claims", "observedUntil", "chairNotKnown", "membersIncomplete", "endedDateUnknown",
		"staffing", "placement", "seats", "born", "died", "key", "authors", "publisher", "date", "url",
		"tier", "citedVia", "note", "dateSources", "year", "value", "qualifier", "scope", "confidence",
		"text", "textZh", "until", "hedge", "issued", "tiers",
	} {
		m[name] = true
	}
	return m
}()

// storedProps returns the stored properties to read for p and the extra properties a
// caller needs, id and nodeKind first; nil (every property) for the whole node, or when
// any name is not in the whitelist.
func storedProps(p *atlas.Projection, extra ...string) []string {
	if p == nil {
		return nil
	}
	out := []string{"id", "nodeKind"}
	seen := map[string]bool{"id": true, "nodeKind": true}
	for _, name := range append(p.Props(), extra...) {
		if !projectable[name] {
			return nil
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// propsParam is the $props parameter: null for every property.
func propsParam(props []string) any {
	if props == nil {
		return nil
	}
	return props
}

// decodeRow decodes a node as nodes_by_key and the list statements return it: the map of
// its properties when props is nil, else the values of props in that order (null where
// absent).
func decodeRow(v any, props []string) (atlas.Node, error) {
	if props == nil {
		return decodeNode(asMap(v))
	}
	values := asList(v)
	if len(values) != len(props) {
		return nil, fmt.Errorf("decode node: %d values for %d projected properties", len(values), len(props))
	}
	m := make(map[string]any, len(props))
	for i, name := range props {
		if values[i] != nil {
			m[name] = values[i]
		}
	}
	return decodeNode(m)
}

// ProjectedNodes implements atlas.NodeProjector: Nodes, reading only the properties of p.
func (s *Store) ProjectedNodes(ctx context.Context, ids []string, p *atlas.Projection) ([]atlas.Node, error) {
	return s.nodes(ctx, ids, storedProps(p))
}
