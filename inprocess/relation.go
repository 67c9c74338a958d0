package inprocess

import (
	"context"
	"slices"

	"lsgatlas/atlas"
)

// Relations implements atlas.Store.
func (s *Store) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	q, err := q.Normalized()
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	out := make([][]atlas.Relation, len(q.IDs))
	for i, id := range q.IDs {
		for _, r := range s.byNode[id] {
			if q.MatchesRelation(id, r) {
				out[i] = append(out[i], r.Clone())
			}
		}
		slices.SortFunc(out[i], func(a, b atlas.Relation) int { return atlas.CompareRelations(&a, &b) })
	}
	return out, nil
}
