package graph_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

// batchingStore is countingStore claiming to batch (atlas.RelationBatcher), as Neo4j does:
// it answers batched reads with the embedded store's own (atlas.RelationsOf,
// atlas.ListWithRelations and atlas.NodesWithRelations over the store it wraps), each
// counted as one call.
type batchingStore struct{ *countingStore }

func (b batchingStore) RelationsOf(ctx context.Context, asks atlas.RelationAsks) (atlas.RelationAnswers, error) {
	b.count("RelationsOf")
	return atlas.RelationsOf(ctx, b.countingStore.Store, asks)
}

func (b batchingStore) ListWithRelations(ctx context.Context, q atlas.ListQuery, asks atlas.RelationAsks) (atlas.Page, atlas.RelationAnswers, error) {
	b.count("ListWithRelations")
	return atlas.ListWithRelations(ctx, b.countingStore.Store, q, asks)
}

func (b batchingStore) NodesWithRelations(ctx context.Context, ids []string, p *atlas.Projection, asks atlas.RelationAsks) ([]atlas.Node, atlas.RelationAnswers, error) {
	b.count("NodesWithRelations")
	return atlas.NodesWithRelations(ctx, b.countingStore.Store, ids, p, asks)
}

// TestListBringsItsPageRelations: from a store that batches, a list reads its page, and a
// root field the nodes it names, with the relationships the level below asks of every
// node of them in one call (the planner works them out from the query before the nodes
// are read, pageAsks and rootAsks), so nothing of that level is read again, no resolver
// misses (but for a field whose ask the store refuses, which reports it itself), and
// the answer is the one a store that does not batch gives.
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
		// Then the members' memberships and chairs: the people among the members are the
		// next level (loader.Next), read with the list too.
		{"three levels", `{ groups(first: 50) { nodes { id name members { role node { id label ... on Person {
			memberships { role node { id label } } chairs { derived node { id label } } } } } } } }`,
			map[string]int{"ListWithRelations": 1, "Nodes": 1}},
		// Nodes of two kinds select below the members: the next level is asked as usual.
		{"three levels, two kinds below", `{ groups(first: 50) { nodes { id members { node { id ... on Person {
			memberships { node { id } } } ... on Institution { seats { node { id } } } } } } } }`,
			map[string]int{"ListWithRelations": 1, "Nodes": 1, "RelationsOf": 1}},
		{"edges, a date and generic relationships", `{ groups(first: 50, orderBy: {field: NAME, direction: DESC}) { edges { node { id
			relationships(types: [CHAIRS, MEMBER_OF], direction: INCOMING, asOf: "2015") { type node { id } }
			stored: chairs(derived: EXCLUDE) { node { id } } } } } }`,
			map[string]int{"ListWithRelations": 1, "Nodes": 1}},
		{"people's chairs through posts", `{ people(first: 50) { nodes { id
			chairs(asOf: "2015") { holding node { id } via { title } } } } }`,
			map[string]int{"ListWithRelations": 1, "Nodes": 1}},
		// A root field naming its nodes reads them with their first level too (rootAsks).
		{"nodes by id", `{ nodes(ids: ["group/g3", "group/g1", "group/nothing", "group/g1"]) { id ... on Group { name
			chairs { holding derived node { id label } } members { role node { id label } } } } }`,
			map[string]int{"NodesWithRelations": 1, "Nodes": 1}},
		// And the level below that when one kind selects it (the people among the
		// members): a three-level query is one call.
		{"a group by id, three levels", `{ group(id: "group/g2") { name members { node { id ... on Person {
			memberships { node { id } } chairs { node { id } } } } } } }`,
			map[string]int{"NodesWithRelations": 1, "Nodes": 1}},
		{"nodes by id, three levels", `{ nodes(ids: ["group/g3", "group/g1"]) { id ... on Group {
			members { node { id label ... on Person { memberships { role node { id } } chairs(asOf: "2015") { holding node { id } via { title } } } } } } } }`,
			map[string]int{"NodesWithRelations": 1, "Nodes": 1}},
		// The holders of the posts that chair a group are reached through a follow-up,
		// not as far ends of the first level: the level below them is asked as usual.
		{"nodes by id, three levels through the posts' holders", `{ nodes(ids: ["group/g3", "group/g1"]) { id ... on Group {
			chairs { holding node { id ... on Person { chairs(asOf: "2015") { holding node { id } via { title } } } } }
			members { node { id label ... on Person { memberships { role node { id } } } } } } } }`,
			map[string]int{"NodesWithRelations": 1, "Nodes": 2, "RelationsOf": 1}},
		{"a group by id, three levels, two kinds below", `{ group(id: "group/g2") { members { node { id ... on Person {
			memberships { node { id } } } ... on Institution { seats { node { id } } } } } } }`,
			map[string]int{"NodesWithRelations": 1, "Nodes": 1, "RelationsOf": 1}},
		// Nodes of several kinds would need asks per kind: read as before.
		{"nodes of two kinds", `{ nodes(ids: ["group/g1", "person/p1-0"]) { id ... on Group { members { node { id } } } } }`,
			map[string]int{"Nodes": 2, "RelationsOf": 1}},
		// An ask the store refuses is left to its field, whose resolver asks the store and
		// reports the refusal (a miss per node: the store refuses before any round trip);
		// the nodes and the other asks are read all the same.
		{"a bad source filter below a list", `{ groups(first: 50) { nodes { id members(sources: ["group/g1"]) { node { id } }
			chairs { node { id } } } } }`,
			map[string]int{"ListWithRelations": 1, "Nodes": 1, "Relations": 50}},
		{"a bad source filter below a root field", `{ group(id: "group/g1") { members(sources: ["group/g1"]) { node { id } } } }`,
			map[string]int{"Nodes": 1, "Relations": 1}},
		// Nothing below the list reads relationships: a plain list.
		{"one level", `{ groups(first: 50) { totalCount nodes { id name kind } } }`,
			map[string]int{"List": 1}},
		{"a count alone", `{ groups(first: 0) { totalCount nodes { chairs { node { id } } } } }`,
			map[string]int{"List": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			batching.reset()
			got := post(t, srv, tc.query, nil)
			want := post(t, plainSrv, tc.query, nil)
			if calls := batching.reset(); !maps.Equal(calls, tc.want) {
				t.Errorf("store calls %v, want %v", calls, tc.want)
			}
			if s := stats(); s.Misses != tc.want["Relations"] {
				t.Errorf("%d cache misses, want %d: only a refused field's", s.Misses, tc.want["Relations"])
			}
			if string(got.Data) != string(want.Data) || fmt.Sprint(got.Errors) != fmt.Sprint(want.Errors) {
				t.Errorf("answer from a store that batches:\n%s %+v\nwant, from one that does not:\n%s %+v", got.Data, got.Errors, want.Data, want.Errors)
			}
			if bad := strings.HasPrefix(tc.name, "a bad"); bad != (len(got.Errors) > 0) {
				t.Errorf("errors %+v", got.Errors)
			}
		})
	}
}
