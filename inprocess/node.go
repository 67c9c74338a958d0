package inprocess

import (
	"context"
	"slices"

	"lsgatlas/atlas"
	"lsgatlas/searchkey"
)

// Nodes implements atlas.Store.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
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
			out[i] = atlas.CloneNode(n)
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
	type row struct {
		key  string
		node atlas.Node
	}
	var rows []row
	nameQuery := searchkey.Query(q.Filter.NameContains)
	filter := q.Filter
	if filter.IncludeRelayed {
		filter = filter.WithRelayed(s.sources())
	}
	for _, n := range s.nodes {
		if n.NodeKind() != q.Kind || !atlas.MatchesFilter(n, filter) {
			continue
		}
		if nameQuery != "" {
			if score, _ := atlas.MatchScore(searchkey.Strings(s.keys[n.NodeID()]), nameQuery); score == 0 {
				continue
			}
		}
		rows = append(rows, row{atlas.SortKey(n, q.Order.Field), n})
	}
	slices.SortFunc(rows, func(a, b row) int {
		return atlas.CompareKeys(a.key, a.node.NodeID(), b.key, b.node.NodeID(), q.Order.Desc)
	})
	page := atlas.Page{TotalCount: len(rows)}
	start := 0
	if q.After != "" {
		after, _ := atlas.DecodeCursor(q.After) // checked by Normalized
		start = len(rows)
		for i, r := range rows {
			if after.After(r.key, r.node.NodeID(), q.Order.Desc) {
				start = i
				break
			}
		}
	}
	end := min(start+q.First, len(rows))
	for _, r := range rows[start:end] {
		page.Nodes = append(page.Nodes, atlas.CloneNode(r.node))
		page.Cursors = append(page.Cursors, q.Cursor(r.key, r.node.NodeID()))
	}
	page.HasNextPage = end < len(rows)
	return page, nil
}

// sources returns every source node, for widening a filter to the works they relay.
func (s *Store) sources() []*atlas.Source {
	var out []*atlas.Source
	for _, n := range s.nodes {
		if src, ok := n.(*atlas.Source); ok {
			out = append(out, src)
		}
	}
	return out
}
