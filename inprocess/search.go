package inprocess

import (
	"context"
	"slices"
	"strings"

	"lsgatlas/atlas"
	"lsgatlas/searchkey"
	"lsgatlas/textindex"
)

// Documents of the text index: nodes by id, relationships by id, apart.
const nodeDoc, relationDoc = "n:", "r:"

// reindexText rebuilds the text index from everything stored. Callers hold mu for
// writing. The whole index is rebuilt: imports are rare and the dataset small (see the
// benchmark in search_test.go), and a rebuild cannot leave a stale entry behind.
func (s *Store) reindexText() {
	var b textindex.Builder
	for id, n := range s.nodes {
		fs := atlas.SearchFields(n)
		b.AddKeys(nodeDoc+id, searchkey.NameKeys(fs))
		b.AddTerms(nodeDoc+id, searchkey.Terms(fs))
	}
	for id, r := range s.rels {
		b.AddTerms(relationDoc+id, searchkey.Terms(atlas.RelationSearchFields(r)))
	}
	s.text = b.Build()
}

// Search implements atlas.Store: the text index gives the candidates (nodes whose names
// or words could match, relationships whose note or locators could), searchkey.Hit
// scores each candidate node with its candidate relationships, exactly as the Neo4j
// store scores its candidates.
func (s *Store) Search(ctx context.Context, q atlas.SearchQuery) ([]atlas.SearchHit, error) {
	q, err := q.Normalized()
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	pq := searchkey.ParseQuery(q.Text)
	rels := map[string][]*atlas.Relation{} // candidate nodes, with their candidate relationships
	for _, doc := range s.text.WithKeyPrefix(pq.Key()) {
		rels[strings.TrimPrefix(doc, nodeDoc)] = nil
	}
	for _, doc := range s.text.WithAllTerms(pq.Terms()) {
		if id, ok := strings.CutPrefix(doc, nodeDoc); ok {
			if _, seen := rels[id]; !seen {
				rels[id] = nil
			}
		} else if r, ok := s.rels[strings.TrimPrefix(doc, relationDoc)]; ok {
			rels[r.From] = append(rels[r.From], r)
		}
	}
	var hits []atlas.SearchHit
	for id, rs := range rels {
		n, ok := s.nodes[id]
		if !ok || !slices.Contains(q.Kinds, n.NodeKind()) {
			continue
		}
		slices.SortFunc(rs, func(a, b *atlas.Relation) int { return strings.Compare(a.ID, b.ID) })
		if h, ok := searchkey.Hit(pq, n, rs); ok {
			hits = append(hits, h)
		}
	}
	slices.SortFunc(hits, atlas.CompareHits)
	hits = hits[:min(len(hits), q.Limit)]
	for i := range hits {
		hits[i].Node = atlas.CloneNode(hits[i].Node)
	}
	return hits, nil
}
