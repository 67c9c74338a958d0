package loader

import (
	"context"
	"slices"

	"lsgatlas/atlas"
)

// Node returns one node, from the cache or with one store call; a missing node is
// (nil, nil). A partial node in the cache serves only a reader whose needs (SetNeeds) its
// projection covers; any other reader gets the whole node, read with one store call.
func (l *Loaders) Node(ctx context.Context, id string) (atlas.Node, error) {
	l.mu.RLock()
	n, whole := l.nodes[id]
	pn, partial := l.partial[id]
	needs := l.needs
	l.mu.RUnlock()
	switch {
	case whole:
		return n, nil
	case partial && needs != nil && pn.p.Covers(needs(ctx, id)):
		return pn.n, nil
	}
	nodes, err := l.load(ctx, []string{id}, true)
	if err != nil {
		return nil, err
	}
	return nodes[0], nil
}

// Nodes returns nodes in the order given, nil for missing ones, reading what the cache
// lacks with one store call (a miss).
func (l *Loaders) Nodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
	return l.load(ctx, ids, true)
}

// NodesNow reads nodes for a root field: one store call for what the cache lacks, not a
// miss, since nothing could have planned it.
func (l *Loaders) NodesNow(ctx context.Context, ids []string) ([]atlas.Node, error) {
	return l.load(ctx, ids, false)
}

// PrefetchNodes reads into the cache, with one store call, the nodes it lacks.
func (l *Loaders) PrefetchNodes(ctx context.Context, ids []string) error {
	_, err := l.load(ctx, ids, false)
	return err
}

// Prime puts nodes the request already has (from a list, say) into the cache. A node
// the cache holds partially is left out: what the request has of it may be that partial
// node (PrimeProjected), which must not pass for the whole.
func (l *Loaders) Prime(nodes ...atlas.Node) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, n := range nodes {
		if _, partial := l.partial[n.NodeID()]; partial {
			continue
		}
		if _, ok := l.nodes[n.NodeID()]; !ok {
			l.nodes[n.NodeID()] = n
		}
	}
}

// Cached returns the cached node id, and whether the cache knows it.
func (l *Loaders) Cached(id string) (atlas.Node, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	n, ok := l.nodes[id]
	return n, ok
}

func (l *Loaders) load(ctx context.Context, ids []string, miss bool) ([]atlas.Node, error) {
	l.takeNodes(l.uncached(ids), nil)
	return readThrough(l, l.nodes, func(id string) string { return id }, ids, miss, func(lacking []string) ([]atlas.Node, error) {
		nodes, err := l.store.Nodes(ctx, lacking)
		if err == nil {
			l.keepNodes(lacking, nil, nodes)
		}
		return nodes, err
	})
}

// readThrough returns the cached value of each of ids, reading those the cache lacks
// (each once) with one call to fetch, counted as a store call and, when miss is set, as
// a miss. Nodes, relations and supports all go through it.
func readThrough[K comparable, V any](l *Loaders, cache map[K]V, key func(string) K, ids []string, miss bool, fetch func(lacking []string) ([]V, error)) ([]V, error) {
	out := make([]V, len(ids))
	var lacking []string
	var seen map[string]struct{}
	l.mu.RLock()
	for i, id := range ids {
		if v, ok := cache[key(id)]; ok {
			out[i] = v
			continue
		}
		if seen == nil {
			// Sized for the rest of ids: a level's read usually lacks all of them, and
			// growing the set step by step was most of what this function allocated.
			seen = make(map[string]struct{}, len(ids)-i)
			lacking = make([]string, 0, len(ids)-i)
		}
		if _, dup := seen[id]; !dup {
			seen[id] = struct{}{}
			lacking = append(lacking, id)
		}
	}
	l.mu.RUnlock()
	if len(lacking) == 0 {
		return out, nil
	}
	l.count(miss)
	got, err := fetch(lacking)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	for i, id := range lacking {
		cache[key(id)] = got[i]
	}
	for i, id := range ids {
		out[i] = cache[key(id)]
	}
	l.mu.Unlock()
	return out, nil
}

// NodeOf loads the node id as a T, returning nil when it is missing or of another kind.
func NodeOf[T atlas.Node](ctx context.Context, l *Loaders, id string) (T, error) {
	var zero T
	n, err := l.Node(ctx, id)
	if err != nil || n == nil {
		return zero, err
	}
	t, ok := n.(T)
	if !ok {
		return zero, nil
	}
	return t, nil
}

// PrefetchRelations reads into the cache, with one store call, the relationships
// matching spec of those of ids it lacks.
func (l *Loaders) PrefetchRelations(ctx context.Context, spec Spec, ids []string) error {
	_, err := l.relations(ctx, spec, ids, false)
	return err
}

// Edges returns the relationships of node id that match spec, as edges seen from id,
// each with its holding at spec.AsOf as the facts of tiers give it (atlas.EdgesFrom):
// from the cache, or with one store call (a miss). The store is asked the same
// whatever the tiers.
func (l *Loaders) Edges(ctx context.Context, id string, spec Spec, tiers ...atlas.SourceTier) ([]atlas.Edge, error) {
	key := edgeKey{relKey{id, l.specID(spec)}, join(tiers), spec.knownKey()}
	l.mu.RLock()
	edges, ok := l.edges[key]
	l.mu.RUnlock()
	if ok {
		return edges, nil
	}
	rels, err := l.relations(ctx, spec, []string{id}, true)
	if err != nil {
		return nil, err
	}
	// With sources, each relation shows the dates those sources give (Relation.CitedBy).
	edges = atlas.EdgesWhen(id, atlas.CitedByAll(rels[0], spec.Sources, spec.IncludeRelayed), spec.When(), tiers...)
	l.mu.Lock()
	l.edges[key] = edges
	l.mu.Unlock()
	return edges, nil
}

func (l *Loaders) relations(ctx context.Context, spec Spec, ids []string, miss bool) ([][]atlas.Relation, error) {
	sk := l.specID(spec)
	return readThrough(l, l.rels, func(id string) relKey { return relKey{id, sk} }, ids, miss, func(lacking []string) ([][]atlas.Relation, error) {
		return l.store.Relations(ctx, spec.query(lacking))
	})
}

// cachedRelations returns the cached relationships of id matching spec, if any.
func (l *Loaders) cachedRelations(id string, spec Spec) ([]atlas.Relation, bool) {
	sk := l.specID(spec)
	l.mu.RLock()
	defer l.mu.RUnlock()
	rels, ok := l.rels[relKey{id, sk}]
	return rels, ok
}

// PrefetchAll reads into the cache what it lacks of asks, one store call per distinct
// spec (one for all of them from a store that batches, atlas.RelationBatcher).
func (l *Loaders) PrefetchAll(ctx context.Context, asks []Ask) error {
	return l.PrefetchAllWithEnds(ctx, asks, nil)
}

// PrefetchAllWithEnds is PrefetchAll that, from a store that batches, also brings the
// nodes at the far ends of the relationships read, with the properties of ends, into the
// cache as partial nodes (projected.go), so the next level need not read them.
func (l *Loaders) PrefetchAllWithEnds(ctx context.Context, asks []Ask, ends *atlas.Projection) error {
	type batchKey struct {
		spec specKey
		then thenKey
	}
	var order []batchKey
	batches := map[batchKey]*batch{}
	followUps := false
	for _, a := range asks {
		followUps = followUps || a.Then != nil
		k := batchKey{a.Spec.key(), a.Then.key()}
		b := batches[k]
		if b == nil {
			b = &batch{spec: a.Spec, then: a.Then}
			batches[k] = b
			order = append(order, k)
		}
		b.ids = append(b.ids, a.ID)
	}
	if _, ok := l.store.(atlas.RelationBatcher); ok && (len(order) > 1 || (ends != nil || followUps) && len(order) > 0) {
		bs := make([]*batch, len(order))
		for i, k := range order {
			bs[i] = batches[k]
		}
		return l.prefetchBatched(ctx, bs, ends)
	}
	// A store that does not batch costs nothing per call: follow-ups are left to the
	// next round.
	for _, k := range order {
		if _, err := l.relations(ctx, batches[k].spec, batches[k].ids, false); err != nil {
			return err
		}
	}
	return nil
}

// batch is the ids asked with one spec and follow-up.
type batch struct {
	spec Spec
	then *Then
	ids  []string
}

// thenKey identifies a follow-up among a level's asks; the zero key is none. A struct
// rather than a formatted string: the planner keys every ask of a level, and formatting
// cost 2% of an executed two-level query.
type thenKey struct {
	set   bool
	kinds string // comma-joined NodeKinds
	spec  specKey
}

func (t *Then) key() thenKey {
	if t == nil {
		return thenKey{}
	}
	return thenKey{true, join(t.Kinds), t.Spec.key()}
}

// prefetchBatched reads into the cache what it lacks of each batch's ids, and what their
// follow-ups find, with one call to a store that batches relation queries
// (atlas.RelationBatcher: each call a round trip).
func (l *Loaders) prefetchBatched(ctx context.Context, bs []*batch, ends *atlas.Projection) error {
	var asks atlas.RelationAsks
	var keys []specKey
	var thens []*Then
	l.mu.RLock()
	for _, b := range bs {
		k := b.spec.key()
		sk := l.specIDOf(k)
		var lacking []string
		seen := map[string]bool{}
		for _, id := range b.ids {
			if _, ok := l.rels[relKey{id, sk}]; !ok && !seen[id] {
				seen[id] = true
				lacking = append(lacking, id)
			}
		}
		if len(lacking) > 0 {
			asks.Queries = append(asks.Queries, b.spec.query(lacking))
			keys = append(keys, k)
			thens = append(thens, b.then)
		}
	}
	l.mu.RUnlock()
	if len(asks.Queries) == 0 {
		return nil
	}
	asks.Then, asks.Ends = followUps(thens), ends
	if asks, keys, thens = l.takeRelations(asks, keys, thens); len(asks.Queries) == 0 {
		return nil
	}
	l.count(false)
	got, err := atlas.RelationsOf(ctx, l.store, asks)
	if err != nil {
		return err
	}
	l.keepAnswers(asks, keys, thens, got)
	l.keepRelations(asks, keys, thens, got)
	return nil
}

// followUps are the store's follow-ups of a call's queries, one per query (nil where it
// has none), or nil when no query has one.
func followUps(thens []*Then) []*atlas.FollowUp {
	var out []*atlas.FollowUp
	for i, t := range thens {
		if t == nil {
			continue
		}
		if out == nil {
			out = make([]*atlas.FollowUp, len(thens))
		}
		out[i] = &atlas.FollowUp{Kinds: t.Kinds, Query: t.Spec.query(nil)}
	}
	return out
}

// keepAnswers keeps got, the answers to asks (keys and thens: each query's spec and
// follow-up), in the cache.
func (l *Loaders) keepAnswers(asks atlas.RelationAsks, keys []specKey, thens []*Then, got atlas.RelationAnswers) {
	ids, thenIDs := make([]specID, len(asks.Queries)), make([]specID, len(asks.Queries))
	for i := range asks.Queries {
		ids[i] = l.specIDOf(keys[i])
		if thens[i] != nil {
			thenIDs[i] = l.specID(thens[i].Spec)
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for id, n := range got.Ends {
		// What the cache has of a node stays: a far end never narrows it.
		if _, whole := l.nodes[id]; !whole {
			if _, partial := l.partial[id]; !partial {
				l.partial[id] = partialNode{n, asks.Ends}
			}
		}
	}
	for i, q := range asks.Queries {
		for j, id := range q.IDs {
			l.rels[relKey{id, ids[i]}] = got.Relations[i][j]
		}
		if got.Then == nil || got.Then[i] == nil {
			continue
		}
		tk := thenIDs[i]
		for id, rels := range got.Then[i] {
			if _, ok := l.rels[relKey{id, tk}]; !ok {
				l.rels[relKey{id, tk}] = rels
			}
		}
	}
}

// List lists q's page. From a store that batches (atlas.RelationBatcher), asks, the
// relationships every node of the page will be asked for (their IDs are ignored), and
// next, those of the far ends they lead to, come in the same call, with the far ends'
// nodes holding ends' properties, and are kept in the cache, so the two levels below
// the list read nothing more. Any other store lists only:
// its calls cost nothing, and the planner asks for the rest as it does for any level.
func (l *Loaders) List(ctx context.Context, q atlas.ListQuery, asks []Ask, next *Next, ends *atlas.Projection) (atlas.Page, error) {
	if !l.Batches() || len(asks) == 0 {
		return l.store.List(ctx, q)
	}
	b := batchLevels(asks, next, ends)
	page, got, err := l.readList(ctx, q, b)
	if err != nil {
		return atlas.Page{}, err
	}
	// The answers name the page's nodes as the queries' ids.
	l.keepLevels(b, page.IDs(), got)
	return page, nil
}

// Next is a second level of asks for List and NodesWithRelations: those of every node of
// Kinds at the far end of the first level's relationships.
type Next struct {
	Kinds []atlas.NodeKind
	Asks  []Ask
}

// NodesWithRelations reads the nodes of ids for a root field: from a store that batches
// (atlas.RelationBatcher), with projection p (nil: whole) and, in the same call, asks,
// the relationships each of them will be asked for (their IDs are ignored), and next,
// those of the far ends they lead to, with the far ends' nodes holding ends' properties,
// all kept in the cache. Any other store, or no asks, reads the nodes alone with one call,
// with p where the store projects.
func (l *Loaders) NodesWithRelations(ctx context.Context, ids []string, p *atlas.Projection, asks []Ask, next *Next, ends *atlas.Projection) ([]atlas.Node, error) {
	if !l.Batches() || len(asks) == 0 {
		return l.nodesProjected(ctx, ids, p)
	}
	b := batchLevels(asks, next, ends)
	if !l.Projects() {
		p = nil
	}
	nodes, got, err := l.readLevels(ctx, ids, p, b)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
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
	l.mu.Unlock()
	l.keepLevels(b, ids, got)
	return nodes, nil
}

// nodesProjected returns the nodes of ids as a reader needing p may see them, reading
// those the cache lacks with p (whole when p is nil or the store cannot project).
func (l *Loaders) nodesProjected(ctx context.Context, ids []string, p *atlas.Projection) ([]atlas.Node, error) {
	if p == nil || !l.Projects() {
		return l.NodesNow(ctx, ids)
	}
	if err := l.PrefetchProjected(ctx, ids, p); err != nil {
		return nil, err
	}
	out := make([]atlas.Node, len(ids))
	l.mu.RLock()
	defer l.mu.RUnlock()
	for i, id := range ids {
		out[i], _ = l.cachedFor(id, p)
	}
	return out, nil
}

// levels are the asks of a read of nodes with the two levels below them, as the store's
// queries (batchAsks): level 1's, with its next level's when there is one.
type levels struct {
	rel    atlas.RelationAsks
	keys   []specKey
	thens  []*Then
	rel2   atlas.RelationAsks // level 2's queries, their IDs left empty
	keys2  []specKey
	thens2 []*Then
}

func batchLevels(asks []Ask, next *Next, ends *atlas.Projection) levels {
	var b levels
	b.rel, b.keys, b.thens = batchAsks(asks)
	b.rel.Ends = ends
	if next != nil && len(next.Asks) > 0 {
		b.rel2, b.keys2, b.thens2 = batchAsks(next.Asks)
		b.rel.Next = &atlas.NextAsks{Kinds: next.Kinds, Queries: b.rel2.Queries, Then: b.rel2.Then}
	}
	return b
}

// keepLevels keeps got, the answers to b asked of ids, in the cache.
func (l *Loaders) keepLevels(b levels, ids []string, got atlas.RelationAnswers) {
	rel := b.rel
	rel.Queries = slices.Clone(rel.Queries)
	for i := range rel.Queries {
		rel.Queries[i].IDs = ids
	}
	l.keepAnswers(rel, b.keys, b.thens, got)
	if rel.Next == nil || got.Next == nil {
		return
	}
	rel2 := b.rel2
	rel2.Queries = slices.Clone(rel2.Queries)
	for i := range rel2.Queries {
		rel2.Queries[i].IDs = got.Next.IDs
	}
	l.keepAnswers(rel2, b.keys2, b.thens2, atlas.RelationAnswers{Relations: got.Next.Relations, Then: got.Next.Then})
}

// batchAsks are asks as the store's queries, each distinct spec and follow-up once, their
// IDs left empty, with each query's spec key and follow-up.
func batchAsks(asks []Ask) (rel atlas.RelationAsks, keys []specKey, thens []*Then) {
	type askKey struct {
		spec specKey
		then thenKey
	}
	seen := map[askKey]bool{}
	for _, a := range asks {
		k := a.Spec.key()
		if id := (askKey{k, a.Then.key()}); !seen[id] {
			seen[id] = true
			rel.Queries = append(rel.Queries, a.Spec.query(nil))
			keys = append(keys, k)
			thens = append(thens, a.Then)
		}
	}
	rel.Then = followUps(thens)
	return rel, keys, thens
}
