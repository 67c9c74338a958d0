package atlas

import "context"

// RelationBatcher is implemented by a store for which every call is a round trip to a
// server (Neo4j): it answers several relation queries with one statement, and can bring
// back with them the nodes at the relations' far ends. A level of a GraphQL request asks
// for relationships of several kinds at once (a group's chairs and members), then for the
// nodes they lead to, and each statement costs the server about a millisecond whatever it
// returns. It is optional, like ReadScoper; callers go through RelationsOf.
type RelationBatcher interface {
	// RelationsOf answers each of qs as Relations would, in one call. With ends not nil
	// it also returns the nodes at the other ends of the relations found, by id, partial
	// as ProjectedNodes returns them with ends (nil when the store cannot read those
	// properties).
	RelationsOf(ctx context.Context, qs []RelationQuery, ends *Projection) ([][][]Relation, map[string]Node, error)
}

// RelationsOf answers each of qs as store.Relations would: with one call when the store
// batches (RelationBatcher), which may also return the far ends' nodes with the
// properties of ends; else with one call per query and no nodes.
func RelationsOf(ctx context.Context, store Store, qs []RelationQuery, ends *Projection) ([][][]Relation, map[string]Node, error) {
	if b, ok := store.(RelationBatcher); ok && (len(qs) > 1 || ends != nil) {
		return b.RelationsOf(ctx, qs, ends)
	}
	out := make([][][]Relation, len(qs))
	for i, q := range qs {
		rels, err := store.Relations(ctx, q)
		if err != nil {
			return nil, nil, err
		}
		out[i] = rels
	}
	return out, nil, nil
}
