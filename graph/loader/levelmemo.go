package loader

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"sync"

	"lsgatlas/atlas"
)

// LevelMemo keeps, across requests at one revision of one store, what a store that
// batches (atlas.RelationBatcher: Neo4j, where each call is a round trip and about a
// millisecond of the server's CPU) answered for each node a root field read with the
// levels below it (NodesWithRelations): the node, its relationships, their follow-ups,
// the next level's relationships and the far ends' nodes. Frontends ask for the same
// nodes again and again, each time in another company (nodes(ids:) with another choice
// of ids, group(id:) after a list), so the answer cache, keyed by the whole query and its
// variables, rarely has them; this memo does, node by node, and a request whose nodes it
// holds reads nothing from the store at all. A list's page (ListWithRelations) is kept
// too, by its list query, and its nodes' levels as a root field's, so a list asked
// again in another query, or by a token (whose answers are never cached), reads nothing.
// So are the nodes a level reads by id alone (the sources it cites, far ends a read did
// not bring), each with its projection: "says who?" reads a source once a revision; and
// the relation reads of the levels further down (relationmemo.go).
//
// An entry is what the store answered for that node, at that revision, to the same
// asks with the same projections (the shape), so a request served from it gets the
// answer the store would give. It follows ChairMemo's rules: served only at the revision
// it was read at, emptied by a request reading at a newer one, and bounded in
// relationships held. What it shares with requests is only read, as the request's own
// cache shares it between fields.
type LevelMemo struct {
	limit int // relationships held at most; past it the memo starts again empty
	// OnLookup, if set before the memo is used, is told of every node served from the
	// memo (true) and every node read and kept in it (false); pages are not counted.
	OnLookup func(hit bool)

	mu       sync.Mutex
	revision int64
	shapes   map[string]map[string]*levelEntry // shape → node id → entry
	pages    map[string]atlas.Page             // list query and shape → page
	held     int
}

// NewLevelMemo returns an empty memo holding at most limit relationships; limit 0 turns
// it off (nil).
func NewLevelMemo(limit int) *LevelMemo {
	if limit <= 0 {
		return nil
	}
	return &LevelMemo{limit: limit, shapes: map[string]map[string]*levelEntry{}, pages: map[string]atlas.Page{}}
}

// levelEntry is the store's answer for one node: its node (nil when the id names
// nothing) and the relation answers as they were for ids = [that node].
type levelEntry struct {
	node atlas.Node
	got  atlas.RelationAnswers
	size int // relationships held and one for the node, for the bound
}

// levelMemo returns the memo of levels and the revision the request reads at; nil when
// the request keeps none: no memo, its revision not known yet, or a store that does not
// batch (whose reads cost no round trip to save).
func (l *Loaders) levelMemo() (*LevelMemo, int64) {
	if !l.Batches() {
		return nil, 0
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.levels == nil || !l.atRevision {
		return nil, 0
	}
	return l.levels, l.revision
}

// readLevels answers b of ids, with projection p, as atlas.NodesWithRelations does: for
// a request reading at a known revision, the nodes the memo of levels holds are taken
// from it, and only the others are read (then kept in it).
func (l *Loaders) readLevels(ctx context.Context, ids []string, p *atlas.Projection, b levels) ([]atlas.Node, atlas.RelationAnswers, error) {
	memo, rev := l.levelMemo()
	if memo == nil {
		l.count(false)
		return atlas.NodesWithRelations(ctx, l.store, ids, p, b.rel)
	}
	shape := b.shape(p)
	entries, lacking := memo.get(rev, shape, ids)
	if len(lacking) > 0 {
		l.count(false)
		nodes, got, err := atlas.NodesWithRelations(ctx, l.store, lacking, p, b.rel)
		if err != nil {
			return nil, atlas.RelationAnswers{}, err
		}
		read := splitLevels(lacking, nodes, b.rel, got)
		memo.put(rev, shape, lacking, read)
		for i, id := range lacking {
			entries[id] = read[i]
		}
	}
	l.mu.Lock()
	l.stats.MemoizedLevels += len(entries) - len(lacking)
	l.mu.Unlock()
	nodes, got := mergeLevels(ids, b.rel, entries)
	return nodes, got, nil
}

// readList answers q and b as atlas.ListWithRelations does: for a request reading at a
// known revision, a page the memo of levels holds for the same list query is taken from
// it, with its nodes' levels (those it lacks read in one call); any other page is read
// with its levels in one call, then kept.
func (l *Loaders) readList(ctx context.Context, q atlas.ListQuery, b levels) (atlas.Page, atlas.RelationAnswers, error) {
	memo, rev := l.levelMemo()
	if memo == nil {
		l.count(false)
		return atlas.ListWithRelations(ctx, l.store, q, b.rel)
	}
	shape := b.shape(q.Projection)
	key, err := listKey(q)
	if err != nil {
		return atlas.Page{}, atlas.RelationAnswers{}, err
	}
	key += "\x00" + shape
	page, ok := memo.page(rev, key)
	if !ok {
		l.count(false)
		var got atlas.RelationAnswers
		if page, got, err = atlas.ListWithRelations(ctx, l.store, q, b.rel); err != nil {
			return atlas.Page{}, atlas.RelationAnswers{}, err
		}
		ids := page.IDs()
		memo.put(rev, shape, ids, splitLevels(ids, page.Nodes, b.rel, got))
		memo.putPage(rev, key, page)
		return page, got, nil
	}
	_, got, err := l.readLevels(ctx, page.IDs(), q.Projection, b)
	return page, got, err
}

// listKey says everything q asks of a store, its projection included.
func listKey(q atlas.ListQuery) (string, error) {
	b, err := json.Marshal(q)
	if err != nil {
		return "", atlas.Errorf(atlas.EINTERNAL, "keying a list query: %v", err)
	}
	return string(b) + q.Projection.String(), nil
}

// get returns the entries of ids the memo holds at revision rev for shape, by id, and the
// ids it lacks, once each.
func (m *LevelMemo) get(rev int64, shape string, ids []string) (map[string]*levelEntry, []string) {
	found := make(map[string]*levelEntry, len(ids))
	var lacking []string
	m.mu.Lock()
	held := m.shapes[shape]
	if rev != m.revision {
		held = nil
	}
	for _, id := range ids {
		if _, done := found[id]; done {
			continue
		}
		if e, ok := held[id]; ok {
			found[id] = e
			if m.OnLookup != nil {
				m.OnLookup(true)
			}
			continue
		}
		found[id] = nil
		lacking = append(lacking, id)
	}
	m.mu.Unlock()
	for _, id := range lacking {
		delete(found, id)
	}
	return found, lacking
}

// put keeps the entries read at revision rev for shape. A newer revision empties the
// memo first; an older one is not kept, nor are entries that alone pass the bound.
func (m *LevelMemo) put(rev int64, shape string, ids []string, entries []*levelEntry) {
	size := 0
	for _, e := range entries {
		size += e.size
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.makeRoom(rev, size) {
		return
	}
	held := m.shapes[shape]
	if held == nil {
		held = map[string]*levelEntry{}
		m.shapes[shape] = held
	}
	for i, id := range ids {
		if _, ok := held[id]; !ok {
			held[id] = entries[i]
			m.held += entries[i].size
			if m.OnLookup != nil {
				m.OnLookup(false)
			}
		}
	}
}

// makeRoom readies the memo, locked, to keep size relationships read at revision rev:
// a newer revision, or too little room left, empties it first. It reports false, and
// changes nothing, for an older revision or a size past the bound.
func (m *LevelMemo) makeRoom(rev int64, size int) bool {
	switch {
	case rev < m.revision || size > m.limit:
		return false
	case rev > m.revision || m.held+size > m.limit:
		m.revision, m.shapes, m.pages, m.held = rev, map[string]map[string]*levelEntry{}, map[string]atlas.Page{}, 0
	}
	return true
}

// page returns the list page kept for key at revision rev.
func (m *LevelMemo) page(rev int64, key string) (atlas.Page, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if rev != m.revision {
		return atlas.Page{}, false
	}
	page, ok := m.pages[key]
	return page, ok
}

// putPage keeps page, listed at revision rev, for key, each of its nodes counted as a
// relationship towards the bound.
func (m *LevelMemo) putPage(rev int64, key string, page atlas.Page) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.pages[key]; ok && rev == m.revision || !m.makeRoom(rev, len(page.Nodes)+1) {
		return
	}
	m.pages[key] = page
	m.held += len(page.Nodes) + 1
}

// nodeShape is the shape nodes read by id alone are kept under, with projection p.
func nodeShape(p *atlas.Projection) string { return "nodes|" + p.String() }

// shape identifies what b asks of each node, with the nodes' projection p: the key an
// entry is kept under besides its node's id. The specs' keys say everything a store's
// query holds but its ids (Spec.key).
func (b levels) shape(p *atlas.Projection) string {
	var sb strings.Builder
	sb.WriteString(p.String())
	sb.WriteByte('|')
	sb.WriteString(b.rel.Ends.String())
	fmt.Fprintf(&sb, "|%#v|%#v", b.keys, thenKeys(b.thens))
	if b.rel.Next != nil {
		fmt.Fprintf(&sb, "|%#v|%#v|%#v", b.rel.Next.Kinds, b.keys2, thenKeys(b.thens2))
	}
	return sb.String()
}

func thenKeys(thens []*Then) []thenKey {
	out := make([]thenKey, len(thens))
	for i, t := range thens {
		out[i] = t.key()
	}
	return out
}

// splitLevels cuts got, the answer to asks of ids (each once) with nodes, into one
// entry per id: what the store answers when asked of that id alone.
func splitLevels(ids []string, nodes []atlas.Node, asks atlas.RelationAsks, got atlas.RelationAnswers) []*levelEntry {
	var nextIndex map[string]int
	if asks.Next != nil && got.Next != nil {
		nextIndex = make(map[string]int, len(got.Next.IDs))
		for k, id := range got.Next.IDs {
			nextIndex[id] = k
		}
	}
	out := make([]*levelEntry, len(ids))
	for j, id := range ids {
		// The node counts too, so that ids naming nothing, or nodes without
		// relationships, cannot fill the memo past its bound unseen.
		e := &levelEntry{node: nodes[j], size: 1}
		var ends []string
		keep := func(from string, rels []atlas.Relation) {
			e.size += len(rels)
			for i := range rels {
				ends = append(ends, rels[i].Other(from))
			}
		}
		one := &e.got
		one.Relations = make([][][]atlas.Relation, len(asks.Queries))
		level := make([][]atlas.Relation, len(asks.Queries))
		for q := range asks.Queries {
			var rels []atlas.Relation
			if q < len(got.Relations) && j < len(got.Relations[q]) {
				rels = got.Relations[q][j]
			}
			one.Relations[q] = [][]atlas.Relation{rels}
			level[q] = rels
			keep(id, rels)
		}
		if got.Then != nil {
			one.Then = followUpsOf(id, level, asks.Then, got.Then, keep)
		}
		if nextIndex != nil {
			one.Next = nextOf(id, level, asks.Next, got.Next, nextIndex, keep)
		}
		if got.Ends != nil {
			one.Ends = map[string]atlas.Node{}
			for _, far := range ends {
				if n, ok := got.Ends[far]; ok {
					one.Ends[far] = n
				}
			}
		}
		out[j] = e
	}
	return out
}

// followUpsOf picks, for each query's relations of id (rels), what its follow-up found
// of their far ends in then.
func followUpsOf(id string, rels [][]atlas.Relation, follow []*atlas.FollowUp, then []map[string][]atlas.Relation, keep func(string, []atlas.Relation)) []map[string][]atlas.Relation {
	out := make([]map[string][]atlas.Relation, len(then))
	for q, found := range then {
		if found == nil || q >= len(rels) || q >= len(follow) || follow[q] == nil {
			continue
		}
		out[q] = map[string][]atlas.Relation{}
		for _, far := range atlas.FarEnds(atlas.RelationQuery{IDs: []string{id}}, rels[q:q+1], follow[q].Kinds) {
			if r, ok := found[far]; ok {
				out[q][far] = r
				keep(far, r)
			}
		}
	}
	return out
}

// nextOf picks the next level's answers for the far ends of id's relations (level).
func nextOf(id string, level [][]atlas.Relation, asks *atlas.NextAsks, got *atlas.NextAnswers, index map[string]int, keep func(string, []atlas.Relation)) *atlas.NextAnswers {
	// Sized by the asks, whatever the store answered, so that merging entries never
	// indexes past what one holds.
	out := &atlas.NextAnswers{Relations: make([][][]atlas.Relation, len(asks.Queries))}
	if got.Then != nil {
		out.Then = make([]map[string][]atlas.Relation, len(asks.Queries))
	}
	var far []string
	seen := map[string]bool{}
	for _, rels := range level {
		for _, f := range atlas.FarEnds(atlas.RelationQuery{IDs: []string{id}}, [][]atlas.Relation{rels}, asks.Kinds) {
			if !seen[f] {
				seen[f] = true
				far = append(far, f)
			}
		}
	}
	for _, f := range far {
		k, ok := index[f]
		if !ok {
			continue
		}
		out.IDs = append(out.IDs, f)
		for q := range asks.Queries {
			var rels []atlas.Relation
			if q < len(got.Relations) && k < len(got.Relations[q]) {
				rels = got.Relations[q][k]
			}
			out.Relations[q] = append(out.Relations[q], rels)
			keep(f, rels)
			if q >= len(got.Then) || got.Then[q] == nil || q >= len(asks.Then) || asks.Then[q] == nil {
				continue
			}
			if out.Then[q] == nil {
				out.Then[q] = map[string][]atlas.Relation{}
			}
			for _, f2 := range atlas.FarEnds(atlas.RelationQuery{IDs: []string{f}}, [][]atlas.Relation{rels}, asks.Then[q].Kinds) {
				if r, ok := got.Then[q][f2]; ok {
					out.Then[q][f2] = r
					keep(f2, r)
				}
			}
		}
	}
	return out
}

// mergeLevels puts the entries of ids (by id; ids may repeat) together into the answer
// the store gives to asks of ids.
func mergeLevels(ids []string, asks atlas.RelationAsks, entries map[string]*levelEntry) ([]atlas.Node, atlas.RelationAnswers) {
	nodes := make([]atlas.Node, len(ids))
	out := atlas.RelationAnswers{Relations: make([][][]atlas.Relation, len(asks.Queries))}
	for q := range asks.Queries {
		out.Relations[q] = make([][]atlas.Relation, len(ids))
	}
	var seenNext map[string]bool
	if asks.Next != nil {
		out.Next = &atlas.NextAnswers{Relations: make([][][]atlas.Relation, len(asks.Next.Queries))}
		seenNext = map[string]bool{}
	}
	for i, id := range ids {
		e := entries[id]
		nodes[i] = e.node
		for q := range asks.Queries {
			out.Relations[q][i] = e.got.Relations[q][0]
		}
		out.Then = mergeMaps(out.Then, e.got.Then)
		if e.got.Ends != nil {
			if out.Ends == nil {
				out.Ends = map[string]atlas.Node{}
			}
			maps.Copy(out.Ends, e.got.Ends)
		}
		if out.Next == nil || e.got.Next == nil {
			continue
		}
		n := e.got.Next
		for k, far := range n.IDs {
			if seenNext[far] {
				continue
			}
			seenNext[far] = true
			out.Next.IDs = append(out.Next.IDs, far)
			for q := range out.Next.Relations {
				out.Next.Relations[q] = append(out.Next.Relations[q], n.Relations[q][k])
			}
		}
		out.Next.Then = mergeMaps(out.Next.Then, n.Then)
	}
	return nodes, out
}

// mergeMaps adds the follow-ups' answers of from, query by query, to into.
func mergeMaps(into, from []map[string][]atlas.Relation) []map[string][]atlas.Relation {
	if from == nil {
		return into
	}
	if into == nil {
		into = make([]map[string][]atlas.Relation, len(from))
	}
	for q, m := range from {
		if m == nil {
			continue
		}
		if into[q] == nil {
			into[q] = make(map[string][]atlas.Relation, len(m))
		}
		maps.Copy(into[q], m)
	}
	return into
}
