package graph_test

import "testing"

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
		{"the corpus knows one General Secretary, the reference pages four more",
			`{ p: position(id: "position/general-secretary") { c: holders(tiers: [CORPUS]) { node { id } } r: holders(tiers: [REFERENCE]) { node { id } } } }`, `
			p.c.*.node.id = ["person/xi-jinping"]
			p.r.*.node.id ~ ["person/hu-yaobang", "person/zhao-ziyang", "person/jiang-zemin", "person/hu-jintao"]`},
		{"a chair derived through a reference tenure is left out of the corpus",
			`{ g: group(id: "group/state-security-leading-small-group") { all: chairs { node { id } derived } c: chairs(tiers: [CORPUS]) { node { id } derived } } }`, `
			g.all[derived=true].node.id ~ ["person/hu-yaobang", "person/zhao-ziyang", "person/jiang-zemin", "person/hu-jintao", "person/xi-jinping"]
			g.c[derived=true].node.id = ["person/xi-jinping"]
			g.c[derived=false].node.id = ["position/general-secretary"]`},
		{"the generic relationships field takes tiers too",
			`{ p: person(id: "person/chen-yi") { c: relationships(types: [HOLDS], tiers: [CORPUS]) { id } r: relationships(types: [HOLDS], tiers: [REFERENCE]) { id } } }`, `
			p.c.*.id = ["holds/person/chen-yi/position/foreign-minister"]
			p.r.*.id ~ ["holds/person/chen-yi/position/foreign-minister/reference-1958", "holds/person/chen-yi/position/vice-premier/reference-1954"]`},
		{"co-members take tiers: a reference-only Premier shares groups with nobody in the corpus",
			`{ all: coMembers(person: "person/wen-jiabao") { person { id } } c: coMembers(person: "person/wen-jiabao", tiers: [CORPUS]) { person { id } }
			   x: coMembers(person: "person/xi-jinping", tiers: [CORPUS]) { person { id } } }`, `
			all.# = 10
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
			p.all.*.property = ["NAME", "NAME_ZH", "ALIAS", "ALIAS", "BORN", "DIED"]
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
