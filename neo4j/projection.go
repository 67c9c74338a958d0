package neo4j

import (
	"context"
	"fmt"

	"lsgatlas/atlas"
)

var _ atlas.NodeProjector = (*Store)(nil)

// Producing a node's properties is most of what a request costs Neo4j: every node carries
// its claims, citations, aliases and search keys, which the server encodes and Go decodes
// as JSON. A projected read (nodes_by_key and the list statements with $props) returns
// only the values of the properties a request selects.

// projectable lists the stored properties a projection may name: those decodeNode reads.
// It is also the whitelist the statements' $props come from (never a caller's string).
var projectable = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range []string{
		"id", "nodeKind", "name", "nameZh", "title", "titleZh", "aliases", "identifiers", "kind", "system", "level",
		"jurisdiction", "horizon", "categories", "crossSystem", "established", "abolished", "description",
		"sources", "claims", "observedUntil", "knownFrom", "chairNotKnown", "membersIncomplete", "endedDateUnknown",
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

// NodesWithRelations implements atlas.RelationBatcher: the nodes of ids, read as
// ProjectedNodes reads them, and the relations asks asks of them and of the far ends of
// their next level, in one statement (nodes_with_relations), answered as RelationsOf
// answers them.
func (s *Store) NodesWithRelations(ctx context.Context, ids []string, p *atlas.Projection, asks atlas.RelationAsks) ([]atlas.Node, atlas.RelationAnswers, error) {
	levels, err := s.twoLevelParams(asks)
	if err != nil {
		return nil, atlas.RelationAnswers{}, err
	}
	for _, id := range ids {
		if _, err := atlas.KindOfID(id); err != nil {
			return nil, atlas.RelationAnswers{}, err
		}
	}
	keys := s.scopedKeys(ids)
	props := storedProps(p)
	var byID map[string]atlas.Node
	var rr *relationReader
	var nextIDs []string
	err = s.read(ctx, "nodes", func(tx runner) error {
		byID, rr, nextIDs = map[string]atlas.Node{}, levels.reader(s), nil
		if len(keys) == 0 {
			return nil
		}
		recs, err := tx.run(ctx, stmtNodesWithRelations, map[string]any{"ns": s.ns, "keys": keys, "props": propsParam(props),
			"asks": levels.params, "nextKinds": levels.nextKinds, "ends": propsParam(rr.props)})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("nodes_with_relations returned %d rows, want 1", len(recs))
		}
		keyOf := func(at int64) (string, error) {
			if at < 0 || int(at) >= len(keys) {
				return "", fmt.Errorf("an entry is of key %d of %d", at, len(keys))
			}
			return keys[at], nil
		}
		for _, v := range asList(recs[0]["nodes"]) {
			e := asList(v)
			if len(e) != 2 {
				return fmt.Errorf("a node entry holds %d values, want 2", len(e))
			}
			at, _ := e[0].(int64)
			key, err := keyOf(at)
			if err != nil {
				return err
			}
			n, err := decodeRow(e[1], props)
			if err != nil {
				return err
			}
			if s.scopedID(n.NodeID()) != key {
				return fmt.Errorf("the node of key %s is %s", key, n.NodeID())
			}
			byID[n.NodeID()] = n
		}
		nextIDs, err = levels.read(s, rr, recs[0], keyOf)
		return err
	})
	if err != nil {
		return nil, atlas.RelationAnswers{}, err
	}
	out := make([]atlas.Node, len(ids))
	handedOut := map[string]bool{}
	for i, id := range ids {
		if n, ok := byID[id]; ok {
			if handedOut[id] { // repeated ids get copies of their own
				n = atlas.CloneNode(n)
			}
			out[i], handedOut[id] = n, true
		}
	}
	return out, levels.answers(rr, ids, nextIDs), nil
}
