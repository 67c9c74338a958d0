package inprocess

import (
	"context"
	"strings"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
	"lsgatlas/internal/textindex"
)

// Documents of the text index: nodes by id, relationships by id, apart.
const nodeDoc, relationDoc = "n:", "r:"

// reindexText rebuilds the text index from everything stored. Callers hold mu for
// writing. The whole index is rebuilt: imports are rare and the dataset small (see the
// benchmark in search_test.go), and a rebuild cannot leave a stale entry behind.
func (s *Store) reindexText() {
	var b textindex.Builder
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
		fs := analysed(nodeDoc+id, func() []atlas.SearchField { return atlas.SearchFields(n) })
		b.AddKeys(nodeDoc+id, fs.NameKeys())
		b.AddTerms(nodeDoc+id, fs.Terms())
		a.AddNode(id, fs)
	}
	for id, r := range s.rels {
		fs := analysed(relationDoc+id, func() []atlas.SearchField { return atlas.RelationSearchFields(r) })
		b.AddTerms(relationDoc+id, fs.Terms())
		a.AddRelation(id, fs)
	}
	s.text, s.analysed, s.stats = b.Build(), a, searchkey.NewStats(a)
}

// Search implements atlas.Store: the text index gives the candidates (nodes with a name
// key the query starts, nodes and relationships with any of the query's terms or their
// one-typo variants), and searchkey.Rank scores and orders them, as the Neo4j store
// does with the candidates of its indexes.
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
	var nodes []atlas.Node
	var rels []*atlas.Relation
	for _, doc := range s.text.WithKeyPrefix(pq.Key()) {
		if id, ok := strings.CutPrefix(doc, nodeDoc); ok {
			nodes = append(nodes, s.nodes[id])
		}
	}
	for _, doc := range s.text.WithAnyTerm(pq.Lookup(s.stats)) {
		if id, ok := strings.CutPrefix(doc, nodeDoc); ok {
			nodes = append(nodes, s.nodes[id])
		} else if r, ok := s.rels[strings.TrimPrefix(doc, relationDoc)]; ok {
			nodes, rels = append(nodes, s.nodes[r.From]), append(rels, r)
		}
	}
	res := searchkey.Rank(q, pq, s.stats, s.analysed, nodes, rels)
	for i := range res.Hits {
		res.Hits[i].Node = atlas.CloneNode(res.Hits[i].Node)
	}
	return res, nil
}
