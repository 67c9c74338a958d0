package inprocess

import (
	"context"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

// The keys of each record's kept analysis (Store.fields): nodes by id, relationships by
// id, apart.
const nodeDoc, relationDoc = "n:", "r:"

// reindexText rebuilds the text index from everything stored. Callers hold mu for
// writing. The whole index is rebuilt: imports are rare and the dataset small (see the
// benchmark in search_test.go), and a rebuild cannot leave a stale entry behind.
func (s *Store) reindexText() {
	a := &searchkey.Analysed{}
	// Analysing is most of the work, and a record's analysis changes only with it: load
	// forgets the analysis of what it changes, so a commit analyses one record, not all.
	analysed := func(doc string, fields func() []atlas.SearchField) searchkey.Fields {
		fs, ok := s.fields[doc]
		if !ok {
			fs = searchkey.Analyse(fields())
			s.fields[doc] = fs
		}
		return fs
	}
	for id, n := range s.nodes {
		a.AddNode(id, analysed(nodeDoc+id, func() []atlas.SearchField { return atlas.SearchFields(n) }))
	}
	for id, r := range s.rels {
		a.AddRelation(id, analysed(relationDoc+id, func() []atlas.SearchField { return atlas.RelationSearchFields(r) }))
	}
	s.text, s.analysed, s.stats = a.TextIndex(), a, searchkey.NewStats(a)
}

// Search implements atlas.Store: the text index gives the candidates (nodes with a name
// key the query starts, nodes and relationships with any of the query's terms or their
// one-typo variants: searchkey.TextIndex), and searchkey.Rank scores and orders them, as
// the Neo4j store does.
func (s *Store) Search(ctx context.Context, q atlas.SearchQuery) (atlas.SearchResult, error) {
	q, err := q.Normalized()
	if err != nil {
		return atlas.SearchResult{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return atlas.SearchResult{}, err
	}
	pq := searchkey.ParseQuery(q.Text)
	nodeIDs, relIDs := s.text.Candidates(pq, s.stats)
	nodes := make([]atlas.Node, 0, len(nodeIDs)+len(relIDs))
	for _, id := range nodeIDs {
		nodes = append(nodes, s.nodes[id])
	}
	rels := make([]*atlas.Relation, 0, len(relIDs))
	for _, id := range relIDs {
		if r, ok := s.rels[id]; ok {
			nodes, rels = append(nodes, s.nodes[r.From]), append(rels, r)
		}
	}
	res := searchkey.Rank(q, pq, s.stats, s.analysed, nodes, rels)
	for i := range res.Hits {
		res.Hits[i].Node = atlas.CloneNode(res.Hits[i].Node)
	}
	return res, nil
}
