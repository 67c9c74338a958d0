package neo4j

import (
	"context"
	"slices"

	"lsgatlas/atlas"
)

// Relations implements atlas.Store in one round trip: for each id, in the order given, the
// relationships that pass q's filters (evaluated in Cypher, see relations_of.cypher),
// ordered by atlas.CompareRelations. A malformed query is EINVALID.
func (s *Store) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	q, err := q.Normalized()
	if err != nil {
		return nil, err
	}
	out := make([][]atlas.Relation, len(q.IDs))
	if len(q.IDs) == 0 {
		if err := s.check(ctx); err != nil {
			return nil, err
		}
		return out, nil
	}
	var keys []string
	byKey := map[string][]atlas.Relation{}
	for _, id := range q.IDs {
		if _, ok := byKey[s.scopedID(id)]; !ok {
			byKey[s.scopedID(id)] = nil
			keys = append(keys, s.scopedID(id))
		}
	}
	params := map[string]any{
		"ns": s.ns, "keys": keys, "types": strs(q.Types), "roles": strs(q.Roles),
		"outgoing": q.Direction != atlas.Incoming, "incoming": q.Direction != atlas.Outgoing,
		"asOfFrom": nil, "asOfTo": nil, "sources": nonNil(q.Sources), "includeRelayed": q.IncludeRelayed,
		"tiers": strs(q.Tiers),
	}
	if lo, hi, ok := q.When().Days(); ok {
		params["asOfFrom"], params["asOfTo"] = int64(lo), int64(hi)
	}
	err = s.read(ctx, "relations", func(tx runner) error {
		clear(byKey)
		recs, err := tx.run(ctx, stmtRelationsOf, params)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			key, _ := rec["key"].(string)
			typ, _ := rec["type"].(string)
			from, _ := rec["from"].(string)
			to, _ := rec["to"].(string)
			r, err := decodeRelation(typ, from, to, asMap(rec["props"]))
			if err != nil {
				return err
			}
			// An undirected pattern may meet a self-loop twice.
			if !slices.ContainsFunc(byKey[key], func(x atlas.Relation) bool { return x.ID == r.ID }) {
				byKey[key] = append(byKey[key], r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, rels := range byKey {
		slices.SortFunc(rels, func(a, b atlas.Relation) int { return atlas.CompareRelations(&a, &b) })
	}
	for i, id := range q.IDs {
		// Each place gets its own copy, so repeated ids share nothing.
		for _, r := range byKey[s.scopedID(id)] {
			out[i] = append(out[i], r.Clone())
		}
	}
	return out, nil
}

// nonNil gives Cypher an empty list for "no filter", never null.
func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}
