package graph_test

import "testing"

// TestEveryShapeIsPlanned runs queries that reach every field which reads the store
// below a root field, on the real dataset, and checks that the planner fetched all of
// it ahead of the resolvers: no resolver had to read for itself.
func TestEveryShapeIsPlanned(t *testing.T) {
	srv, stats := plannedServer(t, seedStore(t))
	const rel = `id node { id ... on Person { label } } from { id } to { id } via { id } sources { locator source { id citedVia { id } } }
		derivedFrom { node { id } } derivations { via { id } holds { node { id } } chairs { node { id } } }`
	for name, query := range map[string]string{
		"group": `{ group(id: "group/foreign-affairs-leading-small-group") { aliases { source { id } } sources { source { id citedVia { id } } }
			chairs { ` + rel + ` } c2015: chairs(asOf: "2015", derived: ONLY) { ` + rel + ` } members(roles: [MEMBER]) { ` + rel + ` }
			offices { ` + rel + ` } supervisors { ` + rel + ` } supervises { ` + rel + ` } reportsTo { ` + rel + ` } predecessors { ` + rel + ` }
			successors { ` + rel + ` } partyGroupOf { ` + rel + ` } positions { ` + rel + ` } relationships(direction: INCOMING) { ` + rel + ` } } }`,
		"person": `{ person(id: "person/xi-jinping") { aliases { source { id } } chairs(asOf: "2016") { ` + rel + ` }
			memberships { node { ... on Group { chairs { node { id } } } } } positions { node { ... on Position { holders { node { id } } chairs { node { id } } } } }
			directs { ` + rel + ` } relationships(types: [HOLDS]) { ` + rel + ` } } }`,
		"other kinds": `{ position(id: "position/general-secretary") { holders { ` + rel + ` } chairs { ` + rel + ` } memberships { ` + rel + ` } directs { ` + rel + ` } belongsTo { ` + rel + ` } }
			institution(id: "institution/ministry-of-foreign-affairs") { seats { ` + rel + ` } supervisors { ` + rel + ` } reportingGroups { ` + rel + ` }
				hostedOffices { ` + rel + ` } partyGroups { ` + rel + ` } positions { ` + rel + ` } }
			offices(first: 5) { nodes { groups { ` + rel + ` } hostedBy { ` + rel + ` } directors { ` + rel + ` } supervisors { ` + rel + ` } } } }`,
		"lists": `{ nodes(ids: ["group/central-foreign-affairs-commission", "person/wang-yi"]) { id ... on Person { chairs { node { id } } } }
			people(first: 100) { edges { node { memberships { node { id } } } } }
			positions(first: 100) { nodes { holders { node { id } } } }
			institutions(first: 100) { nodes { seats { node { id } } } }
			sources(first: 100) { nodes { citedVia { id title } } }
			search(text: "foreign") { node { id ... on Group { members { node { id } } } } }
			reportedCounts { sources { source { id } } } }`,
		"analytics": `{ network(ids: ["person/xi-jinping"], depth: 2, asOf: "2016") { nodes { id ... on Group { chairs { node { id } } } } relationships { from { id } to { id } node { id } } }
			shortestPaths(from: "person/li-keqiang", to: "person/wang-yi") { paths { nodes { id } relationships { node { id } sources { source { id } } } } }
			centrality(metric: CHAIRS, rank: [PERSON], first: 5) { node { id ... on Person { chairs { node { id } } } } }
			coMembers(person: "person/xi-jinping") { person { memberships { node { id } } } groups { group { members { node { id } } } personSeats { node { id } via { id } } coMemberSeats { node { id } } } }
			timeline(id: "group/central-foreign-affairs-commission") { other { id } relationship { node { id } } sources { source { id } } }
			activeGroupsByYear(fromYear: 2010, toYear: 2012) { reportedCounts { sources { source { id } } } } }`,
		"periods and connections": `{ group(id: "group/foreign-affairs-leading-small-group") { d: chairs(during: {from: "2003", to: "2013"}) { ` + rel + ` }
			members(during: {from: "2010", to: "2012"}) { ` + rel + ` } chairsConnection(first: 2) { edges { node { ` + rel + ` } } }
			membersConnection(asOf: "2010", last: 3) { nodes { ` + rel + ` } } relationshipsConnection(types: [SUCCEEDED_BY]) { nodes { node { id } } } }
			person(id: "person/xi-jinping") { chairsConnection(during: {from: "2012", to: "2018"}) { nodes { node { id } } } membershipsConnection { nodes { node { id } } } }
			network(ids: ["person/xi-jinping"], during: {from: "2012", to: "2014"}) { relationships { from { id } holdingDuring } } }`,
		"counts and rankings": `{ ranking(by: SEATS, first: 5) { edges { node { id ... on Person { chairs { node { id } } } } count } nodes { id ... on Person { memberships { node { id } } } } }
			group(id: "group/foreign-affairs-leading-small-group") { counts(during: {from: "2003", to: "2013"}) { members chairs } } }`,
		"a timeline's derived chairs": `{ timeline(id: "person/li-keqiang") { relationship { ` + rel + ` } } }`,
		"federation": `{ _entities(representations: [{__typename: "Group", id: "group/central-foreign-affairs-commission"}, {__typename: "Person", id: "person/xi-jinping"}]) {
			... on Group { chairs { node { id } } } ... on Person { memberships { node { id } } } } }`,
	} {
		t.Run(name, func(t *testing.T) {
			var got map[string]any
			data(t, srv, query, nil, &got)
			if s := stats(); s.Misses != 0 {
				t.Errorf("%d cache misses (%d store calls): some field was not planned", s.Misses, s.StoreCalls)
			}
		})
	}
}

// TestPlanFollowsVariablesDirectivesAndAliases: the planner reads arguments through the
// request's variables, skips what @skip/@include leave out, and plans two aliases of one
// field with different arguments as two asks; a bad nested argument is still the
// resolver's clear error, never a panic.
func TestPlanFollowsVariablesDirectivesAndAliases(t *testing.T) {
	srv, stats := plannedServer(t, seedStore(t))
	query := `query($d: PartialDate, $skip: Boolean!, $mode: DerivedChairs) {
		group(id: "group/state-security-leading-small-group") {
			a: chairs(asOf: $d, derived: $mode) { holding node { id } }
			b: chairs(asOf: "2019") { node { id } }
			members @skip(if: $skip) { node { id } }
			offices @include(if: $skip) { node { id } } } }`
	var got struct {
		Group struct {
			A []struct {
				Holding string
				Node    struct{ ID string }
			}
			B       []struct{ Node struct{ ID string } }
			Members []any
		}
	}
	data(t, srv, query, map[string]any{"d": "2020", "skip": true, "mode": "ONLY"}, &got)
	if s := stats(); s.Misses != 0 {
		t.Errorf("%d misses", s.Misses)
	}
	if len(got.Group.A) != 1 || got.Group.A[0].Node.ID != "person/xi-jinping" || got.Group.A[0].Holding != "POSSIBLE" {
		t.Errorf("a = %+v, want Xi derived as POSSIBLE in 2020", got.Group.A)
	}
	if len(got.Group.B) != 2 || got.Group.B[0].Node.ID != "position/general-secretary" || got.Group.B[1].Node.ID != "person/xi-jinping" {
		t.Errorf("b = %+v, want the position and Xi Jinping, its holder in 2019 (Thomas's table attests the rule from 2018-03 only)", got.Group.B)
	}
	r := post(t, srv, `{ group(id: "group/state-security-leading-small-group") { chairs(asOf: "2015-13") { node { id } } } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" {
		t.Errorf("bad nested date: errors %+v, want one INVALID", r.Errors)
	}
}
