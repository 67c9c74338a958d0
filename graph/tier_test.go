package graph_test

import (
	"maps"
	"testing"
)

// TestTiersOfRelationshipFieldsReadNoSnapshot: a relationship field's tiers are a filter
// of the store (the tiers import stored on each relation), and so are a list's, so
// filtering one node's relationships or a list by tier reads no snapshot of the whole
// graph and costs the same store calls as without tiers, the planner asking the store for
// the tiers as the resolvers do.
// Only knownBy, which leaves part of the evidence out, still looks the sources up.
func TestTiersOfRelationshipFieldsReadNoSnapshot(t *testing.T) {
	store := &countingStore{Store: seedStore(t), calls: map[string]int{}}
	srv, stats := plannedServer(t, store)
	for _, tc := range []struct {
		name, query string
		want        map[string]int
	}{
		{"the README's example",
			`{ position(id: "position/general-secretary") { holders(tiers: [CORPUS]) { node { id } } } }`,
			map[string]int{"Nodes": 2, "Relations": 1}},
		// Three asks of different tiers or types: three store calls, one level deep.
		{"plain fields and the generic field",
			`{ p: position(id: "position/general-secretary") { c: holders(tiers: [CORPUS]) { node { id } } r: holders(tiers: [REFERENCE]) { node { id } }
			   relationships(types: [CHAIRS], tiers: [REFERENCE]) { id } } }`,
			map[string]int{"Nodes": 2, "Relations": 3}},
		{"derived chairs",
			`{ g: group(id: "group/state-security-leading-small-group") { c: chairs(tiers: [CORPUS]) { node { id } derived } } }`,
			map[string]int{"Nodes": 2, "Relations": 2}},
		{"a list", `{ people(filter: {tiers: [CORPUS]}) { totalCount nodes { id } } }`,
			map[string]int{"List": 1}},
		{"knownBy looks the sources up",
			`{ p: position(id: "position/general-secretary") { holders(tiers: [CORPUS], knownBy: "2020") { node { id } } } }`,
			map[string]int{"Nodes": 2, "Relations": 1, "Snapshot": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store.reset()
			var got map[string]any
			data(t, srv, tc.query, nil, &got)
			if calls := store.reset(); !maps.Equal(calls, tc.want) {
				t.Errorf("store calls %v, want %v", calls, tc.want)
			}
			if s := stats(); s.Misses != 0 {
				t.Errorf("%d cache misses, want a fully planned request", s.Misses)
			}
		})
	}
}
