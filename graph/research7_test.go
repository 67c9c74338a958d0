package graph_test

import "testing"

// Research questions 166-171 of seed/questions.md (issue 12): who chaired a group at a
// date through the post that chairs it, with the tenures of the reference tier. The
// answers follow the rules of domain.md: a derivation is an inference bounded by every
// premise, and Thomas's Table 1 (undated) attests its chairing rules only for the period
// the curators date it to (
// the article's writing, between the 2018 creation of the Foreign Affairs Commission and
// the end of Li Keqiang's premiership in 2023-03), so the table makes nobody a chair
// before (issue 20: not Hu Jintao or Wen Jiabao in 2010, not Jiang Zemin in 1990).

// Derived chairs that are exact already: every holder of the post has a dated tenure.
func TestResearchDerivedChairsAtADate(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q169 who chaired the State Security LSG in 2005 and in 2015: Thomas's table attests its rule under Xi only",
			`{ g: group(id: "group/state-security-leading-small-group") { y2005: chairs(asOf: "2005") { node { id } derived via { id } }
			   y2015: chairs(asOf: "2015") { node { id } } y2020: chairs(asOf: "2020") { node { id } derived via { id } confidence start end } } }`, `
			g.y2005 = []
			g.y2015 = []
			g.y2020 ~ [{"node": {"id": "position/general-secretary"}, "derived": false, "via": null, "confidence": "STATED", "start": "2018-03", "end": "2023-03-10"}, {"node": {"id": "person/xi-jinping"}, "derived": true, "via": {"id": "position/general-secretary"}, "confidence": "INFERRED", "start": "2018-03", "end": "2023-03-10"}]`},
		{"Q170 who chaired the Taiwan Affairs LSG in 1990: no source says",
			`{ g: group(id: "group/taiwan-affairs-leading-small-group") { y1990: chairs(asOf: "1990") { node { id } derived via { id } } } }`, `
			g.y1990 = []`},
	})
}

// Derived chairs through the Premier: on the corpus alone the Premier's holdings are
// undated and make nobody a chair; with the reference tenures, Li Keqiang chairs where
// his premiership and the rule of Thomas's table both may hold, DISPUTED where the
// table's "General Secretary/Premier" is.
func TestResearchDerivedChairsThroughThePremier(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q166 who chaired the Foreign Affairs LSG in 2010, 2015 and its last month, 2018-03",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { y2010: chairs(asOf: "2010") { node { id } derived via { id } confidence }
			   y2015: chairs(asOf: "2015") { node { id } derived stored } y2018: chairs(asOf: "2018-03") { node { id } derived stored confidence start end holding } } }`, `
			g.y2010 = []
			g.y2015 = [{"node": {"id": "person/xi-jinping"}, "derived": false, "stored": true}]
			g.y2018[derived=true].node.id ~ ["person/xi-jinping", "person/li-keqiang"]
			g.y2018[node.id=person/li-keqiang] = [{"node": {"id": "person/li-keqiang"}, "derived": true, "stored": false, "confidence": "DISPUTED", "start": "2018-03", "end": "2018-03", "holding": "POSSIBLE"}]
			g.y2018[derived=false].node.id ~ ["position/general-secretary", "position/premier"]`},
		{"Q167 who chaired the Finance and Economy LSG in 2005",
			`{ g: group(id: "group/finance-and-economy-leading-small-group") { y2005: chairs(asOf: "2005") { node { id } derived } } }`, `
			g.y2005 = []`},
		{"Q168 who chaired the Energy LSG in 2010, 2015 and 2020",
			`{ g: group(id: "group/energy-leading-small-group") { y2010: chairs(asOf: "2010") { node { id } derived } y2015: chairs(asOf: "2015") { node { id } } y2020: chairs(asOf: "2020") { node { id } derived confidence } } }`, `
			g.y2010 = []
			g.y2015 = []
			g.y2020[derived=true] = [{"node": {"id": "person/li-keqiang"}, "derived": true, "confidence": "INFERRED"}]`},
		{"Q171 on the corpus alone, who chaired the Foreign Affairs LSG in 2018-03",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { c2015: chairs(asOf: "2018-03", tiers: [CORPUS]) { node { id } derived } } }`, `
			g.c2015 ~ [{"node": {"id": "position/general-secretary"}, "derived": false}, {"node": {"id": "position/premier"}, "derived": false}, {"node": {"id": "person/xi-jinping"}, "derived": true}]`},
	})
}

// Research questions 172-174: birth and death years from the reference tier.
func TestResearchLifeDatesFromTheReferenceTier(t *testing.T) {
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
