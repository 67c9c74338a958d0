package neo4j

import (
	"context"
	"slices"
	"strings"
	"sync"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

// searchCache holds the analysed fields and collection statistics of the namespace at
// one revision: BM25 needs the statistics of the whole collection, which are the same
// data the in-process store scores with, so both stores rank alike. They are rebuilt from
// a snapshot when a search sees a newer revision (imports are rare).
type searchCache struct {
	mu       sync.Mutex
	revision int64
	built    bool
	analysed *searchkey.Analysed
	stats    *searchkey.Stats
}

func (c *searchCache) get(rev int64) (*searchkey.Analysed, *searchkey.Stats, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.analysed, c.stats, c.built && c.revision == rev
}

func (c *searchCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.built, c.analysed, c.stats = false, nil, nil
}

func (c *searchCache) put(rev int64, a *searchkey.Analysed, st *searchkey.Stats) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.revision, c.built, c.analysed, c.stats = rev, true, a, st
}

// Search implements atlas.Store in one read transaction: the namespace's revision, and
// when it is newer than the cached statistics, a snapshot to rebuild them (two
// statements); then the TEXT index finds the nodes with a name that could match with
// spaces ignored (search), and the full-text indexes the nodes and relationships with
// any of the query's terms (search_text_nodes, search_text_relations; skipped when the
// text is only stop words, which match names only). searchkey.Rank then scores, orders
// and cuts the candidates exactly as the in-process store does with those of its own
// index. A bad query is EINVALID.
func (s *Store) Search(ctx context.Context, q atlas.SearchQuery) (atlas.SearchResult, error) {
	q, err := q.Normalized()
	if err != nil {
		return atlas.SearchResult{}, err
	}
	pq := searchkey.ParseQuery(q.Text)
	var nodes []atlas.Node
	var rels []*atlas.Relation
	var analysed *searchkey.Analysed
	var stats *searchkey.Stats
	err = s.read(ctx, "search", func(tx runner) error {
		nodes, rels = nil, nil
		if analysed, stats, err = s.searchStats(ctx, tx); err != nil {
			return err
		}
		kinds := strs(q.Kinds)
		recs, err := tx.run(ctx, stmtSearch, map[string]any{"ns": s.ns, "kinds": kinds, "text": pq.Key()})
		if err != nil {
			return err
		}
		terms := pq.Lucene(stats)
		if terms != "" {
			more, err := tx.run(ctx, stmtSearchTextNodes, map[string]any{"ns": s.ns, "kinds": kinds, "query": terms})
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
		if terms == "" {
			return nil
		}
		recs, err = tx.run(ctx, stmtSearchTextRels, map[string]any{"ns": s.ns, "kinds": kinds, "query": terms})
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
		return atlas.SearchResult{}, err
	}
	// Candidates arrive in the index's order; Rank's result does not depend on it, but
	// the order of a node's relationships does (ties go to the first), so sort by id.
	slices.SortStableFunc(rels, func(a, b *atlas.Relation) int { return strings.Compare(a.ID, b.ID) })
	return searchkey.Rank(q, pq, stats, analysed, nodes, rels), nil
}

// searchStats returns the analysed fields and statistics of the namespace as tx sees it,
// rebuilding them from a snapshot when its revision is not the cached one.
func (s *Store) searchStats(ctx context.Context, tx runner) (*searchkey.Analysed, *searchkey.Stats, error) {
	recs, err := tx.run(ctx, stmtRevision, map[string]any{"ns": s.ns})
	if err != nil {
		return nil, nil, err
	}
	var rev int64
	if len(recs) == 1 {
		rev, _ = recs[0]["revision"].(int64)
	}
	if a, st, ok := s.search.get(rev); ok {
		return a, st, nil
	}
	recs, err = tx.run(ctx, stmtSnapshotNodes, map[string]any{"ns": s.ns})
	if err != nil {
		return nil, nil, err
	}
	nodes := make([]atlas.Node, 0, len(recs))
	for _, rec := range recs {
		n, err := decodeNode(asMap(rec["props"]))
		if err != nil {
			return nil, nil, err
		}
		nodes = append(nodes, n)
	}
	byID, err := s.relationsByID(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	rels := make([]*atlas.Relation, 0, len(byID))
	for _, r := range byID {
		rels = append(rels, r)
	}
	a := searchkey.NewAnalysed(nodes, rels)
	st := searchkey.NewStats(a)
	s.search.put(rev, a, st)
	return a, st, nil
}
