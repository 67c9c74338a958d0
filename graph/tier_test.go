package graph_test

import (
	"maps"
	"testing"
)

// TestTiersLeaveReferenceFactsOut: `tiers` on relationship fields, over the real
// dataset. Both tiers are the default; CORPUS drops reference tenures and the chairs
// derived through them; REFERENCE keeps only facts every source of which is a reference
// page; an unknown tier is a clear error.
func TestTiersLeaveReferenceFactsOut(t *testing.T) {
	runResearch(t, []researchCase{
		{"default and explicit both tiers agree",
			`{ p: position(id: "position/general-secretary") { a: holders { id } b: holders(tiers: [CORPUS, REFERENCE]) { id } c: holders(tiers: []) { id } } }`, `
			p.a.# = 5
			p.b.# = 5
			p.c.# = 5`},
		{"the corpus knows one General Secretary, the reference pages five, Xi among them",
			`{ p: position(id: "position/general-secretary") { c: holders(tiers: [CORPUS]) { node { id } } r: holders(tiers: [REFERENCE]) { node { id } } } }`, `
			p.c.*.node.id = ["person/xi-jinping"]
			p.r.*.node.id ~ ["person/hu-yaobang", "person/zhao-ziyang", "person/jiang-zemin", "person/hu-jintao", "person/xi-jinping"]`},
		{"a chair derived through a reference tenure is left out of the corpus",
			`{ g: group(id: "group/state-security-leading-small-group") { all: chairs { node { id } derived } c: chairs(tiers: [CORPUS]) { node { id } derived } } }`, `
			g.all[derived=true].node.id ~ ["person/xi-jinping"]
			g.c[derived=true].node.id = ["person/xi-jinping"]
			g.c[derived=false].node.id = ["position/general-secretary"]`},
		{"the generic relationships field takes tiers too",
			`{ p: person(id: "person/chen-yi") { c: relationships(types: [HOLDS], tiers: [CORPUS]) { id } r: relationships(types: [HOLDS], tiers: [REFERENCE]) { id } } }`, `
			p.c.*.id = ["holds/person/chen-yi/position/foreign-minister"]
			p.r.*.id ~ ["holds/person/chen-yi/position/foreign-minister", "holds/person/chen-yi/position/vice-premier/reference-1954"]`},
		{"co-members take tiers: a reference-only Premier shares groups with nobody in the corpus",
			`{ all: coMembers(person: "person/wen-jiabao") { person { id } } c: coMembers(person: "person/wen-jiabao", tiers: [CORPUS]) { person { id } }
			   x: coMembers(person: "person/xi-jinping", tiers: [CORPUS]) { person { id } } }`, `
			all = []
			c = []
			x.*.person.id ~ ["person/li-keqiang", "person/wang-yi", "person/yang-jiechi"]`},
		{"a timeline takes tiers: a reference tenure's events are not the corpus's",
			`{ all: timeline(id: "person/wen-jiabao") { kind } c: timeline(id: "person/wen-jiabao", tiers: [CORPUS]) { kind } r: timeline(id: "person/wen-jiabao", tiers: [REFERENCE]) { kind sources { source { tier } } } }`, `
			c = []
			r.*.sources.*.source.tier = ["REFERENCE", "REFERENCE", "REFERENCE", "REFERENCE", "REFERENCE", "REFERENCE"]
			all.# = 4
			r.# = 4`},
	})
}

// TestTiersInNetworkAnalytics: network, shortest paths and centrality take tiers, so
// that a reference tenure never joins two people on the corpus alone.
func TestTiersInNetworkAnalytics(t *testing.T) {
	runResearch(t, []researchCase{
		{"a path through a State Councilor post rests on reference tenures",
			`{ all: shortestPaths(from: "person/yang-jiechi", to: "person/wang-yi", maxLength: 2) { paths { nodes { id } } }
			   c: shortestPaths(from: "person/yang-jiechi", to: "person/wang-yi", maxLength: 2, tiers: [CORPUS]) { paths { nodes { id } } } }`, `
			all.paths.# = 3
			c.paths.# = 2
			c.paths.*.nodes.*.id ~ ["person/yang-jiechi", "group/central-foreign-affairs-commission", "person/wang-yi", "person/yang-jiechi", "position/foreign-minister", "person/wang-yi"]`},
		{"the reference-only premiers are not in the corpus network",
			`{ n: network(ids: ["position/premier"], depth: 1, tiers: [CORPUS]) { nodes { id } } r: network(ids: ["position/premier"], depth: 1, tiers: [REFERENCE]) { nodes { id } } }`, `
			n.nodes[id=person/wen-jiabao] = []
			r.nodes[id=person/wen-jiabao].# = 1`},
	})
}

// TestTiersOnClaims: a Chinese name taken from a reference page is a reference claim.
func TestTiersOnClaims(t *testing.T) {
	runResearch(t, []researchCase{
		{"Zhou Enlai's Chinese name and dates come from reference pages only",
			`{ p: person(id: "person/zhou-enlai") { all: claims { property } c: claims(tiers: [CORPUS]) { property value } r: claims(tiers: [REFERENCE], property: [NAME_ZH]) { value } } }`, `
			p.all.*.property = ["NAME", "NAME_ZH", "ALIAS", "ALIAS", "ALIAS", "BORN", "DIED"]
			p.c = [{"property": "NAME", "value": "Zhou Enlai"}, {"property": "ALIAS", "value": "Premier Zhou Enlie"}, {"property": "ALIAS", "value": "Zhou Enlie"}]
			p.r = [{"value": "周恩来"}]`},
	})
}

// TestTiersOnLists: list filters keep nodes with at least one fact from the tiers asked
// for, so [CORPUS] hides the reference-only people and the reference-only post.
func TestTiersOnLists(t *testing.T) {
	runResearch(t, []researchCase{
		{"people and posts the corpus knows",
			`{ all: people(first: 100) { totalCount } c: people(first: 100, filter: {tiers: [CORPUS]}) { totalCount nodes { id } }
			   r: people(first: 100, filter: {tiers: [REFERENCE], nameContains: "Wen"}) { nodes { id } }
			   p: positions(first: 100, filter: {tiers: [CORPUS]}) { totalCount } pAll: positions(first: 100) { totalCount }
			   none: people(first: 5, filter: {tiers: [CORPUS], sources: ["source/ref-wikipedia-wen-jiabao"]}) { totalCount } }`, `
			all.totalCount = 42
			c.totalCount = 34
			c.nodes[id=person/wen-jiabao] = []
			r.nodes.*.id = ["person/wen-jiabao"]
			p.totalCount = 34
			pAll.totalCount = 35
			none.totalCount = 0`},
	})
}

// statisticsCounts is what TestTiersInStatistics asks of each statistics field; a
// top-level constant so that difftest can put the queries together.
const statisticsCounts = `groups { known possible } nodesByType { type count } relationshipsByType { key known possible }`

// TestTiersInStatistics: statistics and activeGroupsByYear count only what lies in the
// tiers asked for. Groups are known from the corpus alone (the curation rule), so their
// counts do not move with [CORPUS]; the reference tenures and the people and sources
// known only from reference pages drop out.
func TestTiersInStatistics(t *testing.T) {
	runResearch(t, []researchCase{
		{"statistics in 2015, both tiers, the corpus and the reference pages",
			`{ all: statistics(asOf: "2015") { ` + statisticsCounts + ` } both: statistics(asOf: "2015", tiers: [REFERENCE, CORPUS]) { ` + statisticsCounts + ` }
			   c: statistics(asOf: "2015", tiers: [CORPUS]) { ` + statisticsCounts + ` } r: statistics(asOf: "2015", tiers: [REFERENCE]) { ` + statisticsCounts + ` } }`, `
			all.groups = {"known": 9, "possible": 19}
			both.groups = {"known": 9, "possible": 19}
			c.groups = {"known": 9, "possible": 19}
			r.groups = {"known": 2, "possible": 2}
			all.nodesByType[type=PERSON].count = [42]
			c.nodesByType[type=PERSON].count = [34]
			r.nodesByType[type=PERSON].count = [32]
			all.nodesByType[type=SOURCE].count = [142]
			c.nodesByType[type=SOURCE].count = [38]
			r.nodesByType[type=SOURCE].count = [104]
			c.nodesByType[type=POSITION].count = [34]
			r.nodesByType[type=GROUP].count = [5]
			all.relationshipsByType[key=HOLDS] = [{"key": "HOLDS", "known": 9, "possible": 3}]
			both.relationshipsByType[key=HOLDS] = [{"key": "HOLDS", "known": 9, "possible": 3}]
			c.relationshipsByType[key=HOLDS] = [{"key": "HOLDS", "known": 1, "possible": 10}]
			r.relationshipsByType[key=HOLDS] = [{"key": "HOLDS", "known": 9, "possible": 1}]
			c.relationshipsByType[key=CHAIRS] = [{"key": "CHAIRS", "known": 1, "possible": 9}]
			r.relationshipsByType[key=CHAIRS] = [{"key": "CHAIRS", "known": 0, "possible": 0}]`},
		{"the yearly series and its reported counts take tiers",
			`{ c: activeGroupsByYear(fromYear: 2014, toYear: 2015, tiers: [CORPUS]) { years { year groups { known possible } } reportedCounts { id } }
			   r: activeGroupsByYear(fromYear: 2014, toYear: 2015, tiers: [REFERENCE]) { years { year groups { known possible } } reportedCounts { id } } }`, `
			c.years = [{"year": 2014, "groups": {"known": 9, "possible": 19}}, {"year": 2015, "groups": {"known": 9, "possible": 19}}]
			c.reportedCounts.*.id = ["count/thomas-2015-party", "count/thomas-2015-state-council", "count/thomas-2015-total", "count/wikipedia-2015"]
			r.years.*.groups.known = [2, 2]
			r.reportedCounts = []`},
	})
}

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
