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
	// The matches are sorted as pointers and copied once, into one array for all ids,
	// with their dates, citations and tiers in a few arrays more (atlas.CloneRelations):
	// appending copies (384 bytes each) and sorting them by value was most of what a
	// read of a page's relationships allocated.
	out := make([][]atlas.Relation, len(q.IDs))
	var matched []*atlas.Relation
	ends := make([]int, len(q.IDs))
	for i, id := range q.IDs {
		start := len(matched)
		for _, r := range s.byNode[id] {
			if q.MatchesRelation(id, r) {
				matched = append(matched, r)
			}
		}
		slices.SortFunc(matched[start:], atlas.CompareRelations)
		ends[i] = len(matched)
	}
	copies := atlas.CloneRelations(matched)
	start := 0
	for i, end := range ends {
		if end > start {
			out[i] = copies[start:end:end] // capped: a caller's append must not reach the next id's
		}
		start = end
	}
	return out, nil
}
