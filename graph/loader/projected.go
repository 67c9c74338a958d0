package loader

import (
	"context"

	"lsgatlas/atlas"
)

// Partial nodes. A store that can project (atlas.NodeProjector: Neo4j) reads nodes with
// only the properties a query selects, which is most of what a request costs there. Such
// a node is kept apart from the whole nodes, with its projection, and handed only to a
// reader whose needs it covers: a whole node is never answered with a partial one.

type partialNode struct {
	n atlas.Node
	p *atlas.Projection
}

// Projects reports whether the request's store reads partial nodes; when it does not,
// callers need not work out projections at all.
func (l *Loaders) Projects() bool { return atlas.CanProject(l.store) }

// Batches reports whether the request's store answers batched reads in one call each
// (atlas.RelationBatcher); when it does not, reads below a list or root field are asked
// level by level and callers need not work out their asks before.
func (l *Loaders) Batches() bool {
	_, ok := l.store.(atlas.RelationBatcher)
	return ok
}

// PrefetchProjected reads into the cache, with one store call, the nodes among ids that
// it has neither whole nor with a projection covering p; they are read with p (whole
// when p is nil or the store cannot project).
func (l *Loaders) PrefetchProjected(ctx context.Context, ids []string, p *atlas.Projection) error {
	if p == nil || !l.Projects() {
		return l.PrefetchNodes(ctx, ids)
	}
	var lacking []string
	seen := make(map[string]bool, len(ids))
	l.mu.RLock()
	for _, id := range ids {
		if _, ok := l.cachedFor(id, p); !ok && !seen[id] {
			seen[id] = true
			lacking = append(lacking, id)
		}
	}
	l.mu.RUnlock()
	if lacking = l.takeNodes(lacking, p); len(lacking) == 0 {
		return nil
	}
	l.count(false)
	got, err := atlas.ProjectedNodes(ctx, l.store, lacking, p)
	if err != nil {
		return err
	}
	l.keepNodes(lacking, p, got)
	return nil
}

// keepNodes puts nodes, read by id (ids) with projection p (nil: whole), into the
// request's cache, and into the memo of levels for a request that uses it.
func (l *Loaders) keepNodes(ids []string, p *atlas.Projection, nodes []atlas.Node) {
	l.mu.Lock()
	l.cacheNodes(ids, p, nodes)
	l.mu.Unlock()
	memo, rev := l.levelMemo()
	if memo == nil {
		return
	}
	entries := make([]*levelEntry, len(ids))
	for i, n := range nodes {
		entries[i] = &levelEntry{node: n, size: 1}
	}
	memo.put(rev, nodeShape(p), ids, entries)
}

// takeNodes puts into the request's cache the nodes among ids (each once) that the
// memo of levels holds, read by id with projection p at the request's revision, and
// returns the others.
func (l *Loaders) takeNodes(ids []string, p *atlas.Projection) []string {
	memo, rev := l.levelMemo()
	if memo == nil || len(ids) == 0 {
		return ids
	}
	found, lacking := memo.get(rev, nodeShape(p), ids)
	taken := make([]string, 0, len(found))
	nodes := make([]atlas.Node, 0, len(found))
	for id, e := range found {
		taken, nodes = append(taken, id), append(nodes, e.node)
	}
	l.mu.Lock()
	l.cacheNodes(taken, p, nodes)
	l.stats.MemoizedNodes += len(taken)
	l.mu.Unlock()
	return lacking
}

// cacheNodes puts nodes read by id with projection p into the request's cache; l.mu is
// held.
func (l *Loaders) cacheNodes(ids []string, p *atlas.Projection, nodes []atlas.Node) {
	// The request's first batch sizes the map it fills: growing it from empty, step by
	// step, was 3% of a varied request's CPU.
	if len(l.nodes) == 0 && p == nil {
		l.nodes = make(map[string]atlas.Node, len(ids))
	}
	if len(l.partial) == 0 && p != nil {
		l.partial = make(map[string]partialNode, len(ids))
	}
	for i, id := range ids {
		switch {
		case nodes[i] == nil:
			l.nodes[id] = nil // nothing by that id, whatever the projection
		case p == nil:
			l.nodes[id] = nodes[i]
		default:
			l.partial[id] = partialNode{nodes[i], p}
		}
	}
}

// PrimeProjected puts nodes the request read with projection p (a projected list page)
// into the cache as partial nodes.
func (l *Loaders) PrimeProjected(p *atlas.Projection, nodes ...atlas.Node) {
	if p == nil {
		l.Prime(nodes...)
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, n := range nodes {
		l.partial[n.NodeID()] = partialNode{n, p}
	}
}

// CachedFor returns the cached node id as a reader needing p may see it: the whole node,
// or a partial one whose projection covers p.
func (l *Loaders) CachedFor(id string, p *atlas.Projection) (atlas.Node, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cachedFor(id, p)
}

func (l *Loaders) cachedFor(id string, p *atlas.Projection) (atlas.Node, bool) {
	if n, ok := l.nodes[id]; ok {
		return n, true
	}
	if pn, ok := l.partial[id]; ok && pn.p.Covers(p) {
		return pn.n, true
	}
	return nil, false
}

// SetNeeds tells the loaders how to work out what the reader of a node needs of it (the
// graph layer reads the selection of the field being resolved): Node asks it, and only
// when the cache holds that node partially.
func (l *Loaders) SetNeeds(needs func(ctx context.Context, id string) *atlas.Projection) {
	l.mu.Lock()
	l.needs = needs
	l.mu.Unlock()
}

// uncached returns the ids the request's cache has no whole node (or nothing) for,
// repeats kept (takeNodes takes each once), when the memo of levels may hold them; nil
// otherwise, so that a request that does not use it (the embedded store's) pays nothing.
func (l *Loaders) uncached(ids []string) []string {
	if memo, _ := l.levelMemo(); memo == nil {
		return nil
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	var out []string
	for _, id := range ids {
		if _, ok := l.nodes[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}
