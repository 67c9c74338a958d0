package atlas

import "context"

// RelationBatcher is implemented by a store for which every call is a round trip to a
// server (Neo4j): it answers several relation queries with one statement. A level of a
// GraphQL request asks for relationships of several kinds at once (a group's chairs and
// members), and each statement costs the server about a millisecond whatever it returns.
// It is optional, like ReadScoper; callers go through RelationsOf.
type RelationBatcher interface {
	// RelationsOf answers each of qs as Relations would, in one call.
	RelationsOf(ctx context.Context, qs []RelationQuery) ([][][]Relation, error)
}

// RelationsOf answers each of qs as store.Relations would: with one call when the store
// batches (RelationBatcher), else with one call per query.
func RelationsOf(ctx context.Context, store Store, qs []RelationQuery) ([][][]Relation, error) {
	if b, ok := store.(RelationBatcher); ok && len(qs) > 1 {
		return b.RelationsOf(ctx, qs)
	}
	out := make([][][]Relation, len(qs))
	for i, q := range qs {
		rels, err := store.Relations(ctx, q)
		if err != nil {
			return nil, err
		}
		out[i] = rels
	}
	return out, nil
}
