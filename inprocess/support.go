package inprocess

import (
	"context"

	"lsgatlas/atlas"
)

// Supports implements atlas.Store over every node and relation held: the graph is
// small and in memory, so a scan is cheaper than an index to keep.
func (s *Store) Supports(ctx context.Context, q atlas.SupportQuery) ([]atlas.SupportPage, error) {
	q, err := q.Normalized()
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	nodes := make([]atlas.Node, 0, len(s.nodes))
	for _, n := range s.nodes {
		nodes = append(nodes, n)
	}
	rels := make([]atlas.Relation, 0, len(s.rels))
	for _, r := range s.rels {
		rels = append(rels, *r)
	}
	return atlas.Supports(q, nodes, rels), nil
}
