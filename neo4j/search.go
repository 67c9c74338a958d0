package neo4j

import (
	"context"

	"lsgatlas/atlas"
	"lsgatlas/searchkey"
)

// Search implements atlas.Store in one read transaction of up to three statements: the
// TEXT index finds the nodes with a name that could match (search), the full-text indexes
// the nodes and relationships whose words could (search_text_nodes, search_text_relations;
// skipped when the text is only stop words, which match no words). searchkey.Rank then
// scores, orders and cuts the candidates exactly as the in-process store does with those
// of its own index. A bad query is EINVALID.
func (s *Store) Search(ctx context.Context, q atlas.SearchQuery) ([]atlas.SearchHit, error) {
	q, err := q.Normalized()
	if err != nil {
		return nil, err
	}
	pq := searchkey.ParseQuery(q.Text)
	var nodes []atlas.Node
	var rels []*atlas.Relation
	err = s.read(ctx, "search", func(tx runner) error {
		nodes, rels = nil, nil
		kinds := strs(q.Kinds)
		recs, err := tx.run(ctx, stmtSearch, map[string]any{"ns": s.ns, "kinds": kinds, "text": pq.Key()})
		if err != nil {
			return err
		}
		phrase := pq.Lucene()
		if phrase != "" {
			more, err := tx.run(ctx, stmtSearchTextNodes, map[string]any{"ns": s.ns, "kinds": kinds, "query": phrase})
			if err != nil {
				return err
			}
			recs = append(recs, more...)
		}
		for _, rec := range recs {
			n, err := decodeNode(asMap(rec["props"]))
			if err != nil {
				return err
			}
			nodes = append(nodes, n)
		}
		if phrase == "" {
			return nil
		}
		recs, err = tx.run(ctx, stmtSearchTextRels, map[string]any{"ns": s.ns, "kinds": kinds, "query": phrase})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			n, err := decodeNode(asMap(rec["subject"]))
			if err != nil {
				return err
			}
			from, _ := rec["from"].(string)
			to, _ := rec["to"].(string)
			typ, _ := rec["type"].(string)
			r, err := decodeRelation(typ, from, to, asMap(rec["props"]))
			if err != nil {
				return err
			}
			nodes, rels = append(nodes, n), append(rels, &r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return searchkey.Rank(q, pq, nil, nodes, rels), nil
}
