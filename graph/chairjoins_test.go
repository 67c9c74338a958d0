package graph_test

import (
	"fmt"
	"maps"
	"testing"
)

// TestChairJoinOncePerField: the planner's last look at a chairs field (loader.ChairNeeds)
// makes the join and keeps it under the key the resolver asks with, dates, knownBy and
// tiers included, so each node's chairs list is joined exactly once per distinct
// arguments, whoever reads it after (the planner's visit below, the resolver, a second
// alias). Store calls and misses stay as they were.
func TestChairJoinOncePerField(t *testing.T) {
	store := syntheticStore(t, 50)
	srv, stats := plannedServer(t, store)
	for _, tc := range []struct {
		name, fields string
		joinsPerItem int
		calls        map[string]int // store calls, the knownBy snapshot aside
	}{
		{"chairs", `chairs { derived node { id } }`, 1, map[string]int{"List": 1, "Relations": 2, "Nodes": 1}},
		{"asOf", `chairs(asOf: "2015") { derived node { id } }`, 1, map[string]int{"List": 1, "Relations": 2, "Nodes": 1}},
		{"during", `chairs(during: {from: "2010", to: "2015"}) { node { id } }`, 1, map[string]int{"List": 1, "Relations": 2, "Nodes": 1}},
		{"knownBy", `chairs(knownBy: "2020") { node { id } }`, 1, map[string]int{"List": 1, "Relations": 2, "Nodes": 1}},
		{"tiers", `chairs(tiers: [CORPUS]) { derived node { id } }`, 1, map[string]int{"List": 1, "Relations": 2, "Nodes": 1}},
		{"stored only", `chairs(derived: EXCLUDE) { node { id } }`, 1, map[string]int{"List": 1, "Relations": 1, "Nodes": 1}},
		{"connection", `chairsConnection(first: 1, tiers: [REFERENCE]) { edges { cursor } nodes { id } }`, 1, map[string]int{"List": 1, "Relations": 2}},
		{"same list twice", `a: chairs { node { id } } b: chairs { derived via { id } }`, 1, map[string]int{"List": 1, "Relations": 2, "Nodes": 1}},
		{"two lists", `a: chairs { node { id } } b: chairs(asOf: "2015", tiers: [CORPUS, REFERENCE]) { node { id } }`, 2, map[string]int{"List": 1, "Relations": 4, "Nodes": 1}},
	} {
		for _, n := range []int{5, 50} {
			store.reset()
			var got struct {
				Groups struct{ Nodes []struct{ ID string } }
			}
			data(t, srv, fmt.Sprintf(`query($n: Int) { groups(first: $n) { nodes { id %s } } }`, tc.fields), map[string]any{"n": n}, &got)
			if len(got.Groups.Nodes) != n {
				t.Fatalf("%s: %d groups, want %d", tc.name, len(got.Groups.Nodes), n)
			}
			s := stats()
			if s.ChairJoins != tc.joinsPerItem*n || s.Misses != 0 {
				t.Errorf("%s, %d groups: %d chair joins, %d misses; want %d and 0", tc.name, n, s.ChairJoins, s.Misses, tc.joinsPerItem*n)
			}
			calls := store.reset()
			delete(calls, "Snapshot") // knownBy reads the sources once, then keeps them
			if !maps.Equal(calls, tc.calls) {
				t.Errorf("%s, %d groups: store calls %v, want %v", tc.name, n, calls, tc.calls)
			}
		}
	}
	// A person's chairs go through the positions held: three rounds of asks, one join.
	store.reset()
	var got struct {
		People struct{ Nodes []struct{ ID string } }
	}
	data(t, srv, `{ people(first: 40) { nodes { id chairs(tiers: [CORPUS]) { derived node { id } } } } }`, nil, &got)
	if s := stats(); s.ChairJoins != len(got.People.Nodes) || s.Misses != 0 || len(got.People.Nodes) == 0 {
		t.Errorf("people: %d chair joins, %d misses for %d people", s.ChairJoins, s.Misses, len(got.People.Nodes))
	}
}
