package neo4j

import (
	"context"
	"maps"
	"slices"
	"sync"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

// searchCache holds the analysed fields and collection statistics of the namespace at
// one revision: BM25 needs the statistics of the whole collection, which are the same
// data the in-process store scores with, so both stores rank alike. After a write in this
// process they are derived from the ones before it and its change (advance); when a search
// sees a newer revision another process made, from the ones before it and the nodes its
// writes recorded touching (changeSince); from a snapshot when there is nothing to derive
// from. With them it keeps the text index of those records (searchIndex), from which a
// search at the revision they were read at finds its candidates as the in-process store
// does, without asking Neo4j's full-text indexes for every record holding a term.
//
// A rebuild runs once for every search waiting on it, in a read transaction of its own
// that no request's deadline cuts short: at 100x the data it takes longer than a request
// may, and a rebuild abandoned with each request that started it would never finish, so
// no search would ever answer again. A request that gives up waiting leaves the rebuild
// to finish for the next.
type searchCache struct {
	mu         sync.Mutex
	generation int // bumped by reset, so a rebuild started before it is not kept
	built      bool
	analysis                // the revision's, once built
	pending    *searchBuild // the rebuild in flight, if any
}

// analysis is what a rebuild reads: the analysed records and their statistics, and the
// index of candidates at the revision the snapshot was read at.
type analysis struct {
	analysed *searchkey.Analysed
	stats    *searchkey.Stats
	index    *searchIndex
}

// searchIndex is the namespace's records as a search finds its candidates among them:
// the text index (searchkey.TextIndex, the in-process store's), and each record as Rank
// needs a candidate (a node with its id, kind and label: candidateProjection; a
// relationship with its id, type and ends). It is exact at revision, the one the
// snapshot it was built from was read at, and used only by a search at that revision.
type searchIndex struct {
	revision int64
	text     *searchkey.TextIndex
	nodes    map[string]atlas.Node
	rels     map[string]*atlas.Relation
}

// searchBuild is one rebuild and, once done is closed, its outcome.
type searchBuild struct {
	revision int64
	done     chan struct{}
	analysis
	err error
}

// get returns the kept analysis and whether it is of revision rev; its index is nil
// when none is kept.
func (c *searchCache) get(rev int64) (analysis, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.keptLocked(rev)
}

// keptLocked is get, with c.mu held.
func (c *searchCache) keptLocked(rev int64) (analysis, bool) {
	if !c.built {
		return analysis{}, false
	}
	return c.analysis, c.index.revision == rev
}

func (c *searchCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	c.built, c.analysis, c.pending = false, analysis{}, nil
}

// rebuild returns the rebuild for rev in flight, or starts one running analyse in a
// goroutine of its own; its outcome is kept, labelled with the revision its snapshot was
// read at, unless the cache was reset meanwhile or holds a newer one.
func (c *searchCache) rebuild(rev int64, analyse func() (analysis, error)) *searchBuild {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.startLocked(rev, analyse)
}

// advance starts the build of the analysis at revision to from the one kept at from, with
// change d, when the cache holds the one at from: a write in this process knows what it
// changed (atlas.DataChange), so the next search need not read and analyse the whole
// namespace again. Otherwise the next search rebuilds, as after any write. dv, when not
// nil, is the derivation the write started of its change (derive): its analysis is used
// when it was derived from the one kept at from.
func (c *searchCache) advance(from, to int64, d *atlas.DataChange, dv *derivation) {
	c.mu.Lock()
	defer c.mu.Unlock()
	prev, ok := c.keptLocked(from)
	if !ok {
		return
	}
	c.startLocked(to, func() (analysis, error) {
		if dv != nil && dv.base == prev.index {
			<-dv.done
			return dv.analysis, nil
		}
		return prev.changed(to, d), nil
	})
}

// derivation is the analysis at a revision being derived from base, the analysis kept
// at the revision before, while the write that makes the revision still runs (Import):
// at 100x the first import's change is every record, and deriving from it takes
// seconds that the write's own time can cover. It is kept only once the write has
// committed, and only if base is still the kept analysis then (advance).
type derivation struct {
	base *searchIndex
	done chan struct{}
	analysis
}

// derive starts deriving the analysis at revision to from the one kept at from, with
// change d, in a goroutine of its own; nil when the kept analysis is not at from.
func (c *searchCache) derive(from, to int64, d *atlas.DataChange) *derivation {
	prev, ok := c.get(from)
	if !ok {
		return nil
	}
	dv := &derivation{base: prev.index, done: make(chan struct{})}
	go func() {
		defer close(dv.done)
		dv.analysis = prev.changed(to, d)
	}()
	return dv
}

// startLocked is rebuild, with c.mu held.
func (c *searchCache) startLocked(rev int64, analyse func() (analysis, error)) *searchBuild {
	if c.pending != nil && c.pending.revision == rev {
		return c.pending
	}
	b := &searchBuild{revision: rev, done: make(chan struct{})}
	c.pending = b
	generation := c.generation
	go func() {
		defer close(b.done)
		b.analysis, b.err = analyse()
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.pending == b {
			c.pending = nil
		}
		if b.err == nil && generation == c.generation && (!c.built || b.index.revision >= c.index.revision) {
			c.built, c.analysis = true, b.analysis
		}
	}()
	return b
}

// analyseNamespace returns the analysis at the namespace's revision, read in one read
// transaction with it. From kept, the analysis of an earlier revision (when its index is
// not nil), it is derived by what the writes in between touched, when each of them
// recorded it (changeSince): so a process learns of another's write without reading
// the whole namespace again. Otherwise every node and relationship is analysed anew, the
// collection statistics computed and the index of candidates built.
func (s *Store) analyseNamespace(ctx context.Context, kept analysis) (analysis, error) {
	var rev int64
	var nodes []atlas.Node
	var rels []*atlas.Relation
	var since *atlas.DataChange
	err := s.read(ctx, "search analysis", func(tx runner) error {
		since = nil // the driver may run this again
		var err error
		if rev, err = searchRevision(ctx, tx, s.ns); err != nil {
			return err
		}
		if kept.index != nil && kept.index.revision <= rev {
			var ok bool
			if since, ok, err = s.changeSince(ctx, tx, kept, rev); err != nil || ok {
				return err
			}
		}
		if nodes, err = s.snapshotNodes(ctx, tx); err != nil {
			return err
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
		return analysis{}, err
	}
	if since != nil {
		return kept.changed(rev, since), nil
	}
	empty := analysis{analysed: &searchkey.Analysed{}, index: &searchIndex{}}
	return empty.changed(rev, &atlas.DataChange{UpsertNodes: nodes, UpsertRelations: rels}), nil
}

// changed returns the analysis at revision rev, which change d made from an's: the
// records d writes analysed anew, those it deletes dropped, and the statistics and the
// text index updated for those records only (searchkey's Update; from an empty analysis
// they are computed over everything). an is not changed, so searches still using it are
// not disturbed.
func (an analysis) changed(rev int64, d *atlas.DataChange) analysis {
	if len(d.UpsertNodes)+len(d.DeleteNodes)+len(d.UpsertRelations)+len(d.DeleteRelations) == 0 {
		ix := *an.index // nothing a search reads changed: the same records, relabelled
		ix.revision = rev
		return analysis{analysed: an.analysed, stats: an.stats, index: &ix}
	}
	a := an.analysed.Clone()
	ix := &searchIndex{revision: rev, nodes: maps.Clone(an.index.nodes), rels: maps.Clone(an.index.rels)}
	if ix.nodes == nil {
		ix.nodes, ix.rels = map[string]atlas.Node{}, map[string]*atlas.Relation{}
	}
	nodeIDs, relIDs := map[string]bool{}, map[string]bool{}
	// As the write does: relationships deleted, then nodes, then nodes written, then
	// relationships (a node is deleted only once its relationships are).
	for _, r := range d.DeleteRelations {
		a.DeleteRelation(r.ID)
		delete(ix.rels, r.ID)
		relIDs[r.ID] = true
	}
	for _, id := range d.DeleteNodes {
		a.DeleteNode(id)
		delete(ix.nodes, id)
		nodeIDs[id] = true
	}
	for _, n := range d.UpsertNodes {
		id := n.NodeID()
		a.AddNode(id, searchkey.Analyse(atlas.SearchFields(n)))
		ix.nodes[id] = atlas.ProjectNode(n, candidateProjection)
		nodeIDs[id] = true
	}
	for _, r := range d.UpsertRelations {
		a.AddRelation(r.ID, searchkey.Analyse(atlas.RelationSearchFields(r)))
		ix.rels[r.ID] = &atlas.Relation{ID: r.ID, Type: r.Type, From: r.From, To: r.To}
		relIDs[r.ID] = true
	}
	if an.stats == nil {
		ix.text = a.TextIndex()
		return analysis{analysed: a, stats: searchkey.NewStats(a), index: ix}
	}
	nodes, rels := slices.Collect(maps.Keys(nodeIDs)), slices.Collect(maps.Keys(relIDs))
	ix.text = an.index.text.Update(an.analysed, a, nodes, rels)
	return analysis{analysed: a, stats: an.stats.Update(an.analysed, a, nodes, rels), index: ix}
}
