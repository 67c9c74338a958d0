package neo4j

import (
	"context"

	"lsgatlas/atlas"
)

// Supports implements atlas.Store in one read transaction of two statements, whatever
// the number of sources: the nodes and the relationships citing any of them. Which
// claim of a node cites which source, and the order and pages, are atlas.Supports',
// the function the in-process store calls too.
func (s *Store) Supports(ctx context.Context, q atlas.SupportQuery) ([]atlas.SupportPage, error) {
	q, err := q.Normalized()
	if err != nil {
		return nil, err
	}
	if len(q.Sources) == 0 {
		return []atlas.SupportPage{}, nil
	}
	var nodes []atlas.Node
	var rels []atlas.Relation
	err = s.read(ctx, "supports", func(tx runner) error {
		nodes, rels = nil, nil
		params := map[string]any{"ns": s.ns, "sources": q.Sources}
		recs, err := tx.run(ctx, stmtSupportsNodes, params)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			n, err := decodeNode(asMap(rec["props"]))
			if err != nil {
				return err
			}
			nodes = append(nodes, n)
		}
		recs, err = tx.run(ctx, stmtSupportsRelations, params)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			typ, _ := rec["type"].(string)
			from, _ := rec["from"].(string)
			to, _ := rec["to"].(string)
			r, err := decodeRelation(typ, from, to, rec["props"])
			if err != nil {
				return err
			}
			rels = append(rels, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return atlas.Supports(q, nodes, rels), nil
}
