package graph_test

import "testing"

// Research questions 166-171 of seed/questions.md (issue 12): who chaired a group at a
// date through the post that chairs it, with the tenures of the reference tier. The
// answers follow the tenure-bounded rule of domain.md: a holding must itself be
// established at the date, so an undated holding (the corpus's "Premier Li Keqiang")
// makes no one a chair in 2010.

// Derived chairs that are exact already: every holder of the post has a dated tenure.
func TestResearchIssue12DerivedChairsAtADate(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q169 who chaired the State Security LSG in 2005",
			`{ g: group(id: "group/state-security-leading-small-group") { y2005: chairs(asOf: "2005") { node { id } derived via { id } } } }`, `
			g.y2005 ~ [{"node": {"id": "position/general-secretary"}, "derived": false, "via": null}, {"node": {"id": "person/hu-jintao"}, "derived": true, "via": {"id": "position/general-secretary"}}]`},
		{"Q170 who chaired the Taiwan Affairs LSG in 1990",
			`{ g: group(id: "group/taiwan-affairs-leading-small-group") { y1990: chairs(asOf: "1990") { node { id } derived via { id } } } }`, `
			g.y1990 ~ [{"node": {"id": "position/general-secretary"}, "derived": false, "via": null}, {"node": {"id": "person/jiang-zemin"}, "derived": true, "via": {"id": "position/general-secretary"}}]`},
	})
}

// Derived chairs through the Premier: the corpus's undated holdings (Zhou Enlai, Li
// Keqiang) make nobody a chair, since the rule requires the holding to be established at
// the date; the reference tenures name the Premier of the year.
func TestResearchIssue12DerivedChairsThroughThePremier(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q166 who chaired the Foreign Affairs LSG in 2010",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { y2010: chairs(asOf: "2010") { node { id } derived via { id } confidence } } }`, `
			g.y2010[derived=true].node.id ~ ["person/hu-jintao", "person/wen-jiabao"]
			g.y2010[node.id=person/wen-jiabao].confidence = ["DISPUTED"]
			g.y2010[derived=false].node.id ~ ["position/general-secretary", "position/premier"]`},
		{"Q167 who chaired the Finance and Economy LSG in 2005",
			`{ g: group(id: "group/finance-and-economy-leading-small-group") { y2005: chairs(asOf: "2005") { node { id } derived } } }`, `
			g.y2005[derived=true].node.id ~ ["person/hu-jintao", "person/wen-jiabao"]`},
		{"Q168 who chaired the Energy LSG in 2010",
			`{ g: group(id: "group/energy-leading-small-group") { y2010: chairs(asOf: "2010") { node { id } derived } } }`, `
			g.y2010[derived=true].node.id = ["person/wen-jiabao"]`},
		{"Q171 on the corpus alone, who chaired the Foreign Affairs LSG in 2010",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { c2010: chairs(asOf: "2010", tiers: [CORPUS]) { node { id } derived } } }`, `
			g.c2010 ~ [{"node": {"id": "position/general-secretary"}, "derived": false}, {"node": {"id": "position/premier"}, "derived": false}]`},
	})
}

// Research questions 172-174: birth and death years from the reference tier.
func TestResearchIssue12LifeDates(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q172 when was Zhou Enlai born and when did he die, and on whose word",
			`{ p: person(id: "person/zhou-enlai") { born died claims(property: [BORN, DIED]) { property value rank sources { source { tier } } } } }`, `
			p.born = "1898"
			p.died = "1976"
			p.claims.*.rank = ["PREFERRED", "PREFERRED"]
			p.claims.*.sources.*.source.tier = ["REFERENCE", "REFERENCE"]`},
		{"Q173 when was Han Zheng born: the reference pages disagree",
			`{ p: person(id: "person/han-zheng") { born claims(property: [BORN]) { value rank confidence } } }`, `
			p.born = "1954"
			p.claims ~ [{"value": "1954", "rank": "PREFERRED", "confidence": "DISPUTED"}, {"value": "1955", "rank": "NORMAL", "confidence": "DISPUTED"}]`},
		{"Q174 Li Keqiang's birth: the year is agreed, the day is not",
			`{ p: person(id: "person/li-keqiang") { born died claims(property: [BORN]) { value rank confidence } } }`, `
			p.born = "1955"
			p.died = "2023"
			p.claims[rank=NORMAL].value ~ ["1955-07-03", "1955-07-01"]
			p.claims[rank=NORMAL].confidence = ["DISPUTED", "DISPUTED"]`},
	})
}
