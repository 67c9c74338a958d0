package graph_test

import "testing"

// Research questions 175-179: a person's death bounds their open tenures, as the
// tiers asked for give the death (every death in the dataset is a reference fact), and
// an open tenure of a single-seat post is not KNOWN once a later holder may hold it
// (the corpus gives Chen Yi no end as Foreign Minister, but SIPRI names Yang Jiechi in 2010);
// 180: Yang Jiechi's Politburo tenure, a reference tenure found in issue 12b.
func TestResearchDeathEndsOpenTenures(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q175 who was Foreign Minister in 2015",
			`{ p: position(id: "position/foreign-minister") { holders(asOf: "2015") { id node { id } holding holdingReason } } }`, `
			p.holders.*.node.id = ["person/wang-yi"]
			p.holders[node.id=person/chen-yi] = []
			p.holders.*.holding = ["KNOWN"]`},
		{"Q176 on the corpus alone, who was Foreign Minister in 2015",
			`{ p: position(id: "position/foreign-minister") { holders(asOf: "2015", tiers: [CORPUS]) { id node { id } holding holdingReason } } }`, `
			p.holders[node.id=person/chen-yi] = [{"id": "holds/person/chen-yi/position/foreign-minister", "node": {"id": "person/chen-yi"}, "holding": "POSSIBLE", "holdingReason": "NEXT_HOLDER_KNOWN"}]
			p.holders[node.id=person/wang-yi] = []`},
		{"Q177 was Chen Yi Foreign Minister in 1972, the year he died",
			`{ p: person(id: "person/chen-yi") { died positions(asOf: "1972") { id holding holdingReason holdingReasonDate } } }`, `
			p.died = "1972"
			p.positions[id=holds/person/chen-yi/position/foreign-minister] = [{"id": "holds/person/chen-yi/position/foreign-minister", "holding": "POSSIBLE", "holdingReason": "ENDS_DURING_DATE", "holdingReasonDate": "1972-01-06"}]
			p.positions.# = 2`},
		{"Q178 does Zhou Enlai hold the premiership in 2015",
			`{ p: person(id: "person/zhou-enlai") { died all: positions(asOf: "2015") { id } c: positions(asOf: "2015", tiers: [CORPUS]) { id holding holdingReason } } }`, `
			p.died = "1976"
			p.all = []
			p.c = [{"id": "holds/person/zhou-enlai/position/premier", "holding": "POSSIBLE", "holdingReason": "START_UNKNOWN"}]`},
		{"Q179 Chen Yi's network and co-members in 2015, and his chairs at any date",
			`{ n: network(ids: ["person/chen-yi"], asOf: "2015") { relationships { id } } nc: network(ids: ["person/chen-yi"], asOf: "2015", tiers: [CORPUS]) { relationships { id holding } }
			   cm: coMembers(person: "person/chen-yi", asOf: "2015") { person { id } } p: person(id: "person/chen-yi") { chairs { id } } }`, `
			n.relationships = []
			nc.relationships = [{"id": "holds/person/chen-yi/position/foreign-minister", "holding": "POSSIBLE"}]
			cm = []
			p.chairs = []`},
		{"Q180 when did Yang Jiechi sit on the Politburo",
			`{ p: person(id: "person/yang-jiechi") { all: positions { id start end dateConfidence }
			   y2020: positions(asOf: "2020") { id holding } y2016: positions(asOf: "2016", tiers: [REFERENCE]) { id } } }`, `
			p.all[id=holds/person/yang-jiechi/position/member-of-the-politburo] = [{"id": "holds/person/yang-jiechi/position/member-of-the-politburo", "start": "2017-10-25", "end": "2022-10", "dateConfidence": "INFERRED"}]
			p.y2020[id=holds/person/yang-jiechi/position/member-of-the-politburo].holding = ["KNOWN"]
			p.y2016[id=holds/person/yang-jiechi/position/member-of-the-politburo] = []`},
	})
}
