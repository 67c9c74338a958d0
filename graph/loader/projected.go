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
	seen := map[string]bool{}
	l.mu.RLock()
	for _, id := range ids {
		if _, ok := l.cachedFor(id, p); !ok && !seen[id] {
			seen[id] = true
			lacking = append(lacking, id)
		}
	}
	l.mu.RUnlock()
	if len(lacking) == 0 {
		return nil
	}
	l.count(false)
	got, err := atlas.ProjectedNodes(ctx, l.store, lacking, p)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, id := range lacking {
		if got[i] == nil {
			l.nodes[id] = nil // nothing by that id, whatever the projection
		} else {
			l.partial[id] = partialNode{got[i], p}
		}
	}
	return nil
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
