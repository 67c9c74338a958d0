package inprocess

import (
	"context"
	"reflect"
	"slices"
	"sort"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

var _ atlas.NodeProjector = (*Store)(nil)

// Nodes implements atlas.Store.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
	return s.ProjectedNodes(ctx, ids, nil)
}

// ProjectedNodes implements atlas.NodeProjector: Nodes, copying only the properties of p
// (atlas.ProjectNode). Copying every node whole, with its claims, citations and aliases,
// and collecting those copies, was a tenth of what a request showing names cost.
func (s *Store) ProjectedNodes(ctx context.Context, ids []string, p *atlas.Projection) ([]atlas.Node, error) {
	for _, id := range ids {
		if _, err := atlas.KindOfID(id); err != nil {
			return nil, err
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	out := make([]atlas.Node, len(ids))
	for i, id := range ids {
		if n, ok := s.nodes[id]; ok {
			out[i] = atlas.ProjectNode(n, p)
		}
	}
	return out, nil
}

// List implements atlas.Store.
func (s *Store) List(ctx context.Context, q atlas.ListQuery) (atlas.Page, error) {
	q, err := q.Normalized()
	if err != nil {
		return atlas.Page{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return atlas.Page{}, err
	}
	var rows []listRow
	if reflect.ValueOf(q.Filter).IsZero() {
		rows = s.sortedKind(q.Kind, q.Order)
	} else {
		rows = s.filteredRows(q)
	}
	page := atlas.Page{TotalCount: len(rows)}
	start := 0
	if q.After != "" {
		after, _ := atlas.DecodeCursor(q.After) // checked by Normalized
		// rows are in order, so the rows after the cursor are a suffix.
		start = sort.Search(len(rows), func(i int) bool { return after.After(rows[i].key, rows[i].node.NodeID(), q.Order.Desc) })
	}
	end := min(start+q.First, len(rows))
	for _, r := range rows[start:end] {
		page.Nodes = append(page.Nodes, atlas.ProjectNode(r.node, q.Projection))
		if !q.WithoutCursors {
			page.Cursors = append(page.Cursors, q.Cursor(r.key, r.node.NodeID()))
		}
	}
	page.HasNextPage = end < len(rows)
	if q.WithoutCount {
		page.TotalCount = 0
	}
	return page, nil
}

// listRow is a node with its sort key under a list's order.
type listRow struct {
	key  string
	node atlas.Node
}

// sortedKey names a kept list order: every node of a kind in one order.
type sortedKey struct {
	kind  atlas.NodeKind
	order atlas.Order
}

// sortedKind returns every node of kind in order, computed at the first unfiltered List
// after a load and kept until the next (load forgets them), so that a page costs its
// size and not a sort of the whole kind. Callers hold mu for reading; the rows are
// shared and never changed.
func (s *Store) sortedKind(kind atlas.NodeKind, order atlas.Order) []listRow {
	key := sortedKey{kind, order}
	s.sortedMu.Lock()
	defer s.sortedMu.Unlock()
	if rows, ok := s.sorted[key]; ok {
		return rows
	}
	rows := make([]listRow, 0, len(s.byKind[kind]))
	for _, n := range s.byKind[kind] {
		rows = append(rows, listRow{atlas.SortKey(n, order.Field), n})
	}
	sortRows(rows, order)
	if s.sorted == nil {
		s.sorted = map[sortedKey][]listRow{}
	}
	s.sorted[key] = rows
	return rows
}

// filteredRows returns the nodes of the query's kind that pass its filter, in order.
func (s *Store) filteredRows(q atlas.ListQuery) []listRow {
	var rows []listRow
	nameQuery := searchkey.Query(q.Filter.NameContains)
	filter := q.Filter
	// Tiers alone are answered from the tiers import stored on each node; with sources
	// named they are resolved through the sources, as the combined rule needs.
	var storedTiers []atlas.SourceTier
	switch {
	case filter.StoredTiersDecide():
		storedTiers, filter.Tiers = filter.Tiers, nil
	case filter.IncludeRelayed || len(filter.Tiers) > 0:
		filter = filter.Resolved(s.sources())
	}
	for _, n := range s.byKind[q.Kind] {
		if !atlas.MatchesFilter(n, filter) || !atlas.StoredTiersMatch(n, storedTiers) {
			continue
		}
		if nameQuery != "" {
			if !searchkey.NameContains(s.keys[n.NodeID()], nameQuery) {
				continue
			}
		}
		rows = append(rows, listRow{atlas.SortKey(n, q.Order.Field), n})
	}
	sortRows(rows, q.Order)
	return rows
}

func sortRows(rows []listRow, order atlas.Order) {
	slices.SortFunc(rows, func(a, b listRow) int {
		return atlas.CompareKeys(a.key, a.node.NodeID(), b.key, b.node.NodeID(), order.Desc)
	})
}

// sources returns every source node, for widening a filter to the works they relay.
func (s *Store) sources() []*atlas.Source {
	out := make([]*atlas.Source, 0, len(s.byKind[atlas.SourceNode]))
	for _, n := range s.byKind[atlas.SourceNode] {
		if src, ok := n.(*atlas.Source); ok {
			out = append(out, src)
		}
	}
	return out
}
