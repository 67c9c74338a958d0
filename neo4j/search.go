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
//
// A rebuild runs once for every search waiting on it, in a read transaction of its own
// that no request's deadline cuts short: at 100x the data it takes longer than a request
// may, and a rebuild abandoned with each request that started it would never finish, so
// no search would ever answer again. A request that gives up waiting leaves the rebuild
// to finish for the next.
type searchCache struct {
	mu         sync.Mutex
	generation int // bumped by reset, so a rebuild started before it is not kept
	revision   int64
	built      bool
	analysed   *searchkey.Analysed
	stats      *searchkey.Stats
	pending    *searchBuild // the rebuild in flight, if any
}

// searchBuild is one rebuild and, once done is closed, its outcome.
type searchBuild struct {
	revision int64
	done     chan struct{}
	analysed *searchkey.Analysed
	stats    *searchkey.Stats
	err      error
}

func (c *searchCache) get(rev int64) (*searchkey.Analysed, *searchkey.Stats, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.analysed, c.stats, c.built && c.revision == rev
}

func (c *searchCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	c.built, c.analysed, c.stats, c.pending = false, nil, nil, nil
}

// rebuild returns the rebuild for rev in flight, or starts one running analyse in a
// goroutine of its own; its outcome is kept unless the cache was reset meanwhile.
func (c *searchCache) rebuild(rev int64, analyse func() (*searchkey.Analysed, *searchkey.Stats, error)) *searchBuild {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending != nil && c.pending.revision == rev {
		return c.pending
	}
	b := &searchBuild{revision: rev, done: make(chan struct{})}
	c.pending = b
	generation := c.generation
	go func() {
		defer close(b.done)
		b.analysed, b.stats, b.err = analyse()
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.pending == b {
			c.pending = nil
		}
		if b.err == nil && generation == c.generation && (!c.built || rev >= c.revision) {
			c.revision, c.built, c.analysed, c.stats = rev, true, b.analysed, b.stats
		}
	}()
	return b
}

// Search implements atlas.Store in one read transaction: the namespace's revision, and
// when it is newer than the cached statistics, a snapshot to rebuild them (two
// statements); then the TEXT index finds the nodes with a name that could match with
// spaces ignored (search), and the full-text indexes the nodes and relationships with
// any of the query's terms (search_text_nodes, search_text_relations; skipped when the
// text is only stop words, which match names only). searchkey.Rank then scores, orders
// and cuts the candidates exactly as the in-process store does with those of its own
// index. A bad query is EINVALID.
//
// The candidates come back partial (nodes with candidateProps: their id, kind and label,
// which orders ties; relationships with their id, type and ends): Rank scores them from
// the analysis kept for the revision, and only the hits it keeps are read whole, with one
// nodes_by_key and, when a hit was found through a relationship, one relations_of. A
// search matching thousands of records used to bring each back with all its claims,
// citations and aliases, to keep twenty. A candidate the kept analysis does not know
// (written after it was built) is read whole before ranking, so Rank analyses it.
func (s *Store) Search(ctx context.Context, q atlas.SearchQuery) (atlas.SearchResult, error) {
	q, err := q.Normalized()
	if err != nil {
		return atlas.SearchResult{}, err
	}
	pq := searchkey.ParseQuery(q.Text)
	var result atlas.SearchResult
	err = s.read(ctx, "search", func(tx runner) error {
		analysed, stats, err := s.searchStats(ctx, tx)
		if err != nil {
			return err
		}
		var nodes []atlas.Node
		var rels []*atlas.Relation
		kinds := strs(q.Kinds)
		recs, err := tx.run(ctx, stmtSearch, map[string]any{"ns": s.ns, "kinds": kinds, "text": pq.Key(), "props": candidateProps})
		if err != nil {
			return err
		}
		terms := pq.Lucene(stats)
		if terms != "" {
			more, err := tx.run(ctx, stmtSearchTextNodes, map[string]any{"ns": s.ns, "kinds": kinds, "query": terms, "props": candidateProps})
			if err != nil {
				return err
			}
			recs = append(recs, more...)
		}
		for _, rec := range recs {
			n, err := decodeRow(rec["props"], candidateProps)
			if err != nil {
				return err
			}
			nodes = append(nodes, n)
		}
		if terms != "" {
			recs, err = tx.run(ctx, stmtSearchTextRels, map[string]any{"ns": s.ns, "kinds": kinds, "query": terms, "props": candidateProps})
			if err != nil {
				return err
			}
			for _, rec := range recs {
				n, err := decodeRow(rec["subject"], candidateProps)
				if err != nil {
					return err
				}
				id, _ := rec["id"].(string)
				from, _ := rec["from"].(string)
				to, _ := rec["to"].(string)
				typ, _ := rec["type"].(string)
				nodes, rels = append(nodes, n), append(rels, &atlas.Relation{ID: id, Type: atlas.RelType(typ), From: from, To: to})
			}
		}
		if err := s.wholeNodes(ctx, tx, nodes, func(n atlas.Node) bool { return !analysed.HasNode(n.NodeID()) }); err != nil {
			return err
		}
		if err := s.wholeRelations(ctx, tx, rels, func(r *atlas.Relation) bool { return !analysed.HasRelation(r.ID) }); err != nil {
			return err
		}
		// Candidates arrive in the index's order; Rank's result does not depend on it, but
		// the order of a node's relationships does (ties go to the first), so sort by id.
		slices.SortStableFunc(rels, func(a, b *atlas.Relation) int { return strings.Compare(a.ID, b.ID) })
		result = searchkey.Rank(q, pq, stats, analysed, nodes, rels)
		hits := make([]atlas.Node, len(result.Hits))
		for i, h := range result.Hits {
			hits[i] = h.Node
		}
		if err := s.wholeNodes(ctx, tx, hits, func(atlas.Node) bool { return true }); err != nil {
			return err
		}
		var via []*atlas.Relation
		for i := range result.Hits {
			result.Hits[i].Node = hits[i]
			if e := result.Hits[i].Relationship; e != nil {
				via = append(via, &e.Relation)
			}
		}
		return s.wholeRelations(ctx, tx, via, func(*atlas.Relation) bool { return true })
	})
	if err != nil {
		return atlas.SearchResult{}, err
	}
	return result, nil
}

// wholeRelations replaces the relationships of rs that need it with the whole ones read
// in tx, in one relations_of over their subjects and types. A relationship gone in the
// meantime is an error, as in wholeNodes.
func (s *Store) wholeRelations(ctx context.Context, tx runner, rs []*atlas.Relation, need func(*atlas.Relation) bool) error {
	var q atlas.RelationQuery
	for _, r := range rs {
		if need(r) {
			q.IDs = append(q.IDs, r.From)
			q.Types = append(q.Types, r.Type)
		}
	}
	if len(q.IDs) == 0 {
		return nil
	}
	slices.Sort(q.Types)
	q.Types, q.Direction = slices.Compact(q.Types), atlas.Outgoing
	q, err := q.Normalized()
	if err != nil {
		return err
	}
	got, err := s.relationsIn(ctx, tx, q)
	if err != nil {
		return err
	}
	byID := map[string]atlas.Relation{}
	for _, rels := range got[0] {
		for _, r := range rels {
			byID[r.ID] = r
		}
	}
	for _, r := range rs {
		if !need(r) {
			continue
		}
		whole, ok := byID[r.ID]
		if !ok {
			return atlas.Errorf(atlas.EUNAVAILABLE, "relationship %s was removed while the search ran; search again", r.ID)
		}
		*r = whole.Clone()
	}
	return nil
}

// candidateProps are the properties a search candidate is read with: its id, its kind
// and every property a label is made of (atlas.LabelProperty), since Rank orders hits
// of equal score by label. A candidate is a partial node that only Rank sees.
var candidateProps = storedProps(atlas.NewProjection(func() []string {
	var props []string
	for _, k := range atlas.NodeKinds {
		props = append(props, atlas.LabelProperty(k))
	}
	return props
}()...))

// wholeNodes replaces the nodes of ns that need it with the whole nodes read in tx, in
// one statement. A node gone in the meantime is an error: a partial node must never
// leave Search.
func (s *Store) wholeNodes(ctx context.Context, tx runner, ns []atlas.Node, need func(atlas.Node) bool) error {
	var ids []string
	for _, n := range ns {
		if need(n) {
			ids = append(ids, n.NodeID())
		}
	}
	if len(ids) == 0 {
		return nil
	}
	byID, err := s.nodesByID(ctx, tx, ids, nil)
	if err != nil {
		return err
	}
	for i, n := range ns {
		if !need(n) {
			continue
		}
		whole, ok := byID[n.NodeID()]
		if !ok {
			return atlas.Errorf(atlas.EUNAVAILABLE, "%s was removed while the search ran; search again", n.NodeID())
		}
		ns[i] = whole
	}
	return nil
}

// searchStats returns the analysed fields and statistics of the namespace at the revision
// tx sees, waiting for a rebuild from a snapshot when it is not the cached one (see
// searchCache). The snapshot is read in the rebuild's own transaction, so a write landing
// in between shows in it; a candidate it does not know is read whole (Search), and the
// next search at the newer revision rebuilds again.
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
	// Not the request's context: its deadline, and its read scope, end with it.
	bctx := context.Background()
	if ctx.Value(warmingKey{}) != nil {
		bctx = context.WithValue(bctx, warmingKey{}, true)
	}
	b := s.search.rebuild(rev, func() (*searchkey.Analysed, *searchkey.Stats, error) { return s.analyseNamespace(bctx) })
	select {
	case <-b.done:
		return b.analysed, b.stats, b.err
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// analyseNamespace analyses every node and relationship of the namespace, read in one
// read transaction, and computes the collection statistics.
func (s *Store) analyseNamespace(ctx context.Context) (*searchkey.Analysed, *searchkey.Stats, error) {
	var nodes []atlas.Node
	var rels []*atlas.Relation
	err := s.read(ctx, "search analysis", func(tx runner) error {
		recs, err := tx.run(ctx, stmtSnapshotNodes, map[string]any{"ns": s.ns})
		if err != nil {
			return err
		}
		nodes = make([]atlas.Node, 0, len(recs))
		for _, rec := range recs {
			n, err := decodeNode(asMap(rec["props"]))
			if err != nil {
				return err
			}
			nodes = append(nodes, n)
		}
		byID, err := s.relationsByID(ctx, tx)
		if err != nil {
			return err
		}
		rels = make([]*atlas.Relation, 0, len(byID))
		for _, r := range byID {
			rels = append(rels, r)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	a := searchkey.NewAnalysed(nodes, rels)
	return a, searchkey.NewStats(a), nil
}
