package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

// Search implements atlas.Store in one read transaction: the namespace's revision, and
// when the cached analysis is not of it, a rebuild from a snapshot (searchCache). At the
// revision the analysis was read at, its text index finds the candidates, as the
// in-process store's does (searchIndex); otherwise (a write landed while it was read)
// Neo4j's indexes do (indexedCandidates). searchkey.Rank then scores, orders and cuts the
// candidates exactly as the in-process store does, and only the hits it keeps are read
// whole, with one nodes_by_key and, when a hit was found through a relationship, one
// relations_of. A bad query is EINVALID.
//
// At 100x the data, "foreign affairs" has 10,300 nodes and 7,100 relationships holding
// one of its terms: brought back from the full-text indexes they cost Neo4j about 600 ms
// a search, where the kept index finds them in a few (docs/performance.md, at scale).
func (s *Store) Search(ctx context.Context, q atlas.SearchQuery) (atlas.SearchResult, error) {
	return s.searchWith(ctx, q, true)
}

// searchWith is Search; without keptIndex it finds the candidates with Neo4j's indexes
// whatever the analysis's revision, as it does while a write lands (the live tests hold
// both ways to the same results).
func (s *Store) searchWith(ctx context.Context, q atlas.SearchQuery, keptIndex bool) (atlas.SearchResult, error) {
	q, err := q.Normalized()
	if err != nil {
		return atlas.SearchResult{}, err
	}
	pq := searchkey.ParseQuery(q.Text)
	var result atlas.SearchResult
	err = s.read(ctx, "search", func(tx runner) error {
		an, exact, err := s.searchAnalysis(ctx, tx)
		if err != nil {
			return err
		}
		var nodes []atlas.Node
		var rels []*atlas.Relation
		if exact && keptIndex {
			nodes, rels = an.index.candidates(pq, an.stats)
		} else if nodes, rels, err = s.indexedCandidates(ctx, tx, q, pq, an); err != nil {
			return err
		}
		result = searchkey.Rank(q, pq, an.stats, an.analysed, nodes, rels)
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

// warmIndexedSearch runs indexedCandidates once, for warm: a search finds its candidates
// with Neo4j's indexes only while a write lands, so no other warm-up read plans them.
func (s *Store) warmIndexedSearch(ctx context.Context) {
	q, _ := atlas.SearchQuery{Text: "warm"}.Normalized()
	none := &searchkey.Analysed{}
	_ = s.read(ctx, "search", func(tx runner) error {
		_, _, err := s.indexedCandidates(ctx, tx, q, searchkey.ParseQuery(q.Text), analysis{analysed: none, stats: searchkey.NewStats(none)})
		return err
	})
}

// candidates are q's candidates among the indexed records: partial, shared by every
// search of the revision, so never changed (Rank only reads them, and Search replaces the
// hits it keeps with whole records).
func (ix *searchIndex) candidates(q searchkey.Parsed, st *searchkey.Stats) ([]atlas.Node, []*atlas.Relation) {
	nodeIDs, relIDs := ix.text.Candidates(q, st)
	nodes := make([]atlas.Node, 0, len(nodeIDs)+len(relIDs))
	for _, id := range nodeIDs {
		nodes = append(nodes, ix.nodes[id])
	}
	rels := make([]*atlas.Relation, 0, len(relIDs))
	for _, id := range relIDs {
		r := ix.rels[id]
		nodes, rels = append(nodes, ix.nodes[r.From]), append(rels, r)
	}
	return nodes, rels
}

// indexedCandidates finds q's candidates with Neo4j's indexes, in tx: the TEXT index the
// nodes with a name that could match with spaces ignored (search), and the full-text
// indexes the nodes and relationships with any of the query's terms (search_text_nodes,
// search_text_relations; skipped when the text is only stop words, which match names
// only). They come back partial (nodes with candidateProps, relationships with their id,
// type and ends); one the analysis an does not know (written after it was read) is read
// whole, so Rank analyses it.
func (s *Store) indexedCandidates(ctx context.Context, tx runner, q atlas.SearchQuery, pq searchkey.Parsed, an analysis) ([]atlas.Node, []*atlas.Relation, error) {
	var nodes []atlas.Node
	var rels []*atlas.Relation
	kinds := strs(q.Kinds)
	recs, err := tx.run(ctx, stmtSearch, map[string]any{"ns": s.ns, "kinds": kinds, "text": pq.Key(), "props": candidateProps})
	if err != nil {
		return nil, nil, err
	}
	terms := pq.Lucene(an.stats)
	if terms != "" {
		more, err := tx.run(ctx, stmtSearchTextNodes, map[string]any{"ns": s.ns, "kinds": kinds, "query": terms, "props": candidateProps})
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, more...)
	}
	for _, rec := range recs {
		n, err := decodeRow(rec["props"], candidateProps)
		if err != nil {
			return nil, nil, err
		}
		nodes = append(nodes, n)
	}
	if terms != "" {
		recs, err = tx.run(ctx, stmtSearchTextRels, map[string]any{"ns": s.ns, "kinds": kinds, "query": terms, "props": candidateProps})
		if err != nil {
			return nil, nil, err
		}
		for _, rec := range recs {
			n, err := decodeRow(rec["subject"], candidateProps)
			if err != nil {
				return nil, nil, err
			}
			id, _ := rec["id"].(string)
			from, _ := rec["from"].(string)
			to, _ := rec["to"].(string)
			typ, _ := rec["type"].(string)
			nodes, rels = append(nodes, n), append(rels, &atlas.Relation{ID: id, Type: atlas.RelType(typ), From: from, To: to})
		}
	}
	if err := s.wholeNodes(ctx, tx, nodes, func(n atlas.Node) bool { return !an.analysed.HasNode(n.NodeID()) }); err != nil {
		return nil, nil, err
	}
	if err := s.wholeRelations(ctx, tx, rels, func(r *atlas.Relation) bool { return !an.analysed.HasRelation(r.ID) }); err != nil {
		return nil, nil, err
	}
	// Candidates arrive in the index's order; Rank's result does not depend on it, but
	// the order of a node's relationships does (ties go to the first), so sort by id.
	slices.SortStableFunc(rels, func(a, b *atlas.Relation) int { return strings.Compare(a.ID, b.ID) })
	return nodes, rels, nil
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

// candidateProjection holds what a search candidate is read with: its id, its kind and
// every property a label is made of (atlas.LabelProperty), since Rank orders hits of
// equal score by label. A candidate is a partial node that only Rank sees.
var candidateProjection = atlas.NewProjection(func() []string {
	var props []string
	for _, k := range atlas.NodeKinds {
		props = append(props, atlas.LabelProperty(k))
	}
	return props
}()...)

// candidateProps are candidateProjection's stored properties, which the search
// statements return.
var candidateProps = storedProps(candidateProjection)

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

// searchAnalysis returns the analysis of the namespace (searchCache), and whether it
// was read at the revision tx sees, waiting for a rebuild when the cached one is not of
// that revision: brought forward from the cached one by what the writes in between
// touched, or read from a snapshot (analyseNamespace). The rebuild reads in its own
// transaction, so a write landing in between shows in it: the analysis is then of a
// newer revision, and the search finds its candidates with Neo4j's indexes, reading
// whole any the analysis does not know (Search); the next search at the newer revision
// uses the analysis.
func (s *Store) searchAnalysis(ctx context.Context, tx runner) (analysis, bool, error) {
	rev, err := searchRevision(ctx, tx, s.ns)
	if err != nil {
		return analysis{}, false, err
	}
	an, ok := s.search.get(rev)
	if ok {
		return an, true, nil
	}
	// Not the request's context: its deadline, and its read scope, end with it.
	bctx := context.Background()
	if ctx.Value(warmingKey{}) != nil {
		bctx = context.WithValue(bctx, warmingKey{}, true)
	}
	b := s.search.rebuild(rev, func() (analysis, error) { return s.analyseNamespace(bctx, an) })
	select {
	case <-b.done:
		if b.err != nil {
			return analysis{}, false, b.err
		}
		return b.analysis, b.index.revision == rev, nil
	case <-ctx.Done():
		return analysis{}, false, ctx.Err()
	}
}

// searchRevision reads the namespace's revision in tx: 0 before the first import.
func searchRevision(ctx context.Context, tx runner, ns string) (int64, error) {
	recs, err := tx.run(ctx, stmtRevision, map[string]any{"ns": ns})
	if err != nil || len(recs) != 1 {
		return 0, err
	}
	rev, ok := recs[0]["revision"].(int64)
	if !ok {
		return 0, fmt.Errorf("revision is a %T, want int64", recs[0]["revision"])
	}
	return rev, nil
}
