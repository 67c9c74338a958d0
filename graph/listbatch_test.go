package graph_test

import (
	"context"
	"encoding/json"
	"maps"
	"testing"

	"lsgatlas/atlas"
)

// batchingStore is countingStore claiming to batch (atlas.RelationBatcher), as Neo4j does:
// it answers batched reads with the embedded store's own (atlas.RelationsOf and
// atlas.ListWithRelations over the store it wraps), each counted as one call.
type batchingStore struct{ *countingStore }

func (b batchingStore) RelationsOf(ctx context.Context, asks atlas.RelationAsks) (atlas.RelationAnswers, error) {
	b.count("RelationsOf")
	return atlas.RelationsOf(ctx, b.countingStore.Store, asks)
}

func (b batchingStore) ListWithRelations(ctx context.Context, q atlas.ListQuery, asks atlas.RelationAsks) (atlas.Page, atlas.RelationAnswers, error) {
	b.count("ListWithRelations")
	return atlas.ListWithRelations(ctx, b.countingStore.Store, q, asks)
}

// TestListBringsItsPageRelations: from a store that batches, a list reads its page and
// the relationships the level below asks of every node of it in one call (the planner
// works them out from the query before the page is read, pageAsks), so nothing of that
// level is read again, no resolver misses, and the answer is the one a store that does
// not batch gives.
func TestListBringsItsPageRelations(t *testing.T) {
	plain := syntheticStore(t, 60)
	batching := batchingStore{syntheticStore(t, 60)}
	plainSrv, _ := plannedServer(t, plain)
	srv, stats := plannedServer(t, batching)
	for _, tc := range []struct {
		name  string
		query string
		want  map[string]int
	}{
		// The groups' chairs, with the posts' holders (a follow-up), and members; their
		// far ends are read with Nodes, as this store brings none with the relations.
		{"two levels", `{ groups(first: 50) { nodes { id name
			chairs { holding derived node { id label } } members { role node { id label } } } } }`,
			map[string]int{"ListWithRelations": 1, "Nodes": 1}},
		// Then the members' memberships and chairs: one more round.
		{"three levels", `{ groups(first: 50) { nodes { id name members { role node { id label ... on Person {
			memberships { role node { id label } } chairs { derived node { id label } } } } } } } }`,
			map[string]int{"ListWithRelations": 1, "Nodes": 1, "RelationsOf": 1}},
		{"edges, a date and generic relationships", `{ groups(first: 50, orderBy: {field: NAME, direction: DESC}) { edges { node { id
			relationships(types: [CHAIRS, MEMBER_OF], direction: INCOMING, asOf: "2015") { type node { id } }
			stored: chairs(derived: EXCLUDE) { node { id } } } } } }`,
			map[string]int{"ListWithRelations": 1, "Nodes": 1}},
		{"people's chairs through posts", `{ people(first: 50) { nodes { id
			chairs(asOf: "2015") { holding node { id } via { title } } } } }`,
			map[string]int{"ListWithRelations": 1, "Nodes": 1}},
		// Nothing below the list reads relationships: a plain list.
		{"one level", `{ groups(first: 50) { totalCount nodes { id name kind } } }`,
			map[string]int{"List": 1}},
		{"a count alone", `{ groups(first: 0) { totalCount nodes { chairs { node { id } } } } }`,
			map[string]int{"List": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			batching.reset()
			var got, want json.RawMessage
			data(t, srv, tc.query, nil, &got)
			data(t, plainSrv, tc.query, nil, &want)
			if calls := batching.reset(); !maps.Equal(calls, tc.want) {
				t.Errorf("store calls %v, want %v", calls, tc.want)
			}
			if s := stats(); s.Misses != 0 {
				t.Errorf("%d cache misses, want a fully planned request", s.Misses)
			}
			if string(got) != string(want) {
				t.Errorf("answer from a store that batches:\n%s\nwant, from one that does not:\n%s", got, want)
			}
		})
	}
}
