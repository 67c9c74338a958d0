package graph_test

import "testing"

// The examples of issue 20 ("Answers an analyst can trust"), asked through the API with
// their exact answers now: derived chairs bounded by every premise and INFERRED, lifetimes
// bounding every fact, one fact told by several sources as one relationship, and source
// filters showing only what the source gives.
func TestTrustDerivedChairsStayWithinTheirPremises(t *testing.T) {
	runResearch(t, []researchCase{
		{"the Foreign Affairs LSG (1958 to 2018-03): no chair before Xi's time, none after it, never Zhou Enlai",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { established abolished
			     all: chairs { node { id } derived stored confidence start end }
			     y1960: chairs(asOf: "1960") { node { id } } y1982: chairs(asOf: "1985") { node { id } } y2010: chairs(asOf: "2010") { node { id } }
			     y2019: chairs(asOf: "2019") { node { id } } y2022: chairs(asOf: "2022") { node { id } } } }`, `
			g.established = "1958"
			g.abolished = "2018-03"
			g.all[node.id=person/zhou-enlai] = []
			g.all[node.id=person/hu-jintao] = []
			g.all[node.id=person/wen-jiabao] = []
			g.all[node.id=person/hu-yaobang] = []
			g.all[node.id=person/li-keqiang] = [{"node": {"id": "person/li-keqiang"}, "derived": true, "stored": false, "confidence": "DISPUTED", "start": "2018-03", "end": "2018-03"}]
			g.all[node.id=person/xi-jinping] = [{"node": {"id": "person/xi-jinping"}, "derived": true, "stored": true, "confidence": "STATED", "start": "2012", "end": null}]
			g.y1960 = []
			g.y1982 = []
			g.y2010 = []
			g.y2019 = []
			g.y2022 = []`},
		{"a derived chair cites each premise apart: the holding and the chairing rule",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { chairs(derived: ONLY) { node { id } confidence
			     derivations { via { id } holds { id start end sources { source { id } } } chairs { id start end confidence sources { source { id } locator } } } } } }`, `
			g.chairs[node.id=person/li-keqiang].derivations.*.via.id = ["position/premier"]
			g.chairs[node.id=person/li-keqiang].derivations.*.holds = [{"id": "holds/person/li-keqiang/position/premier", "start": "2013-03-15", "end": "2023-03-11", "sources": [{"source": {"id": "source/thomas-fp"}}, {"source": {"id": "source/ref-simple-wikipedia-li-keqiang"}}]}]
			g.chairs[node.id=person/li-keqiang].derivations.*.chairs = [{"id": "chairs/position/premier/group/foreign-affairs-leading-small-group/thomas-table-1", "start": "2018-03", "end": "2018-03", "confidence": "DISPUTED", "sources": [{"source": {"id": "source/thomas-fp"}, "locator": "Table 1, row 'Foreign Affairs CLGS'"}]}]
			g.chairs.*.confidence ~ ["STATED", "DISPUTED"]`},
		{"the lifetime premises are cited by the group's and the holder's own claims",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { chairs(derived: ONLY) { node { id } end
			     derivations { chairs { to { ... on Group { claims(property: [ABOLISHED]) { value } } } } holds { from { ... on Person { born claims(property: [BORN]) { value } } } } } } } }`, `
			g.chairs[node.id=person/li-keqiang].end = ["2018-03"]
			g.chairs[node.id=person/li-keqiang].derivations.*.chairs.to.claims.*.value = ["2018-03", "2018"]
			g.chairs[node.id=person/li-keqiang].derivations.*.holds.from.born = ["1955"]`},
		{"Hu Jintao and Wen Jiabao share no group with the FALSG's 2010 members, who share it with each other",
			`{ h: coMembers(person: "person/hu-jintao", asOf: "2010") { person { id } } w: coMembers(person: "person/wen-jiabao", asOf: "2010") { person { id } }
			   y: coMembers(person: "person/yang-jiechi", asOf: "2010") { person { id } } }`, `
			h = []
			w = []
			y.*.person.id ~ ["person/chen-deming", "person/dai-bingguo", "person/geng-huichang", "person/liang-guanglie", "person/wang-jiarui"]`},
		{"Thomas's Premier rules make no chair of Li Qiang, Premier from 2023-03-11, whom the article never names",
			`{ e: group(id: "group/energy-leading-small-group") { chairs { node { id } derived confidence start end } } q: person(id: "person/li-qiang") { chairs { id } } }`, `
			e.chairs[node.id=person/li-qiang] = []
			e.chairs[node.id=person/li-keqiang] = [{"node": {"id": "person/li-keqiang"}, "derived": true, "confidence": "INFERRED", "start": "2018-03", "end": "2023-03-10"}]
			q.chairs = []`},
		{"Hu Yaobang chaired no group in 1982-87",
			`{ p: person(id: "person/hu-yaobang") { chairs { id } y1985: chairs(asOf: "1985") { id } } }`, `
			p.chairs = []
			p.y1985 = []`},
		{"the timeline of the Foreign Affairs LSG has no event before its founding",
			`{ t: timeline(id: "group/foreign-affairs-leading-small-group") { kind date other { id } } }`, `
			t[other.id=person/zhou-enlai] = []
			t[kind=ESTABLISHED].date = ["1958"]
			t[date=2023-03] = []
			t[other.id=position/premier].date = ["2018-03", "2018-03"]`},
		{"a timeline event cites the source of the date it shows",
			`{ t: timeline(id: "person/chen-yi") { kind date other { id } sources { source { id } } } }`, `
			t[other.id=position/foreign-minister] = [{"kind": "ROLE_STARTED", "date": "1956", "other": {"id": "position/foreign-minister"}, "sources": [{"source": {"id": "source/rana-2021"}}]}, {"kind": "ROLE_ENDED", "date": "1972-01-06", "other": {"id": "position/foreign-minister"}, "sources": [{"source": {"id": "source/ref-cloudfront-chen-yi"}}]}]`},
	})
}

func TestTrustLifetimesBoundEverything(t *testing.T) {
	runResearch(t, []researchCase{
		{"the cross-system groups date from the March 2018 reforms: nobody chairs them in 1950 or 2017",
			`{ a: group(id: "group/cross-system-national-security-leading-small-group") { established y1950: chairs(asOf: "1950") { node { id } } y2017: chairs(asOf: "2017") { node { id } } y2019: chairs(asOf: "2019") { node { id } holding } }
			   b: group(id: "group/cross-system-foreign-affairs-leading-small-group") { y1950: chairs(asOf: "1950") { node { id } } claims(property: [ESTABLISHED]) { value confidence note } }
			   c: group(id: "group/cross-system-political-legal-leading-small-group") { y1950: chairs(asOf: "1950") { node { id } } } }`, `
			a.established = "2018-03"
			a.y1950 = []
			a.y2017 = []
			a.y2019 = [{"node": {"id": "person/xi-jinping"}, "holding": "POSSIBLE"}]
			b.y1950 = []
			b.claims.*.confidence = ["INFERRED"]
			b.claims.0.note has "March 2018 reforms"
			c.y1950 = []`},
		{"Li Keqiang (born 1955) is no possible Premier in 1950 or 1970",
			`{ p: position(id: "position/premier") { y1950: holders(asOf: "1950") { node { id } holding } y1970: holders(asOf: "1970") { node { id } holding } }
			   l: person(id: "person/li-keqiang") { born y1950: positions(asOf: "1950") { id } y1970: positions(asOf: "1970") { id } } }`, `
			p.y1950 = [{"node": {"id": "person/zhou-enlai"}, "holding": "KNOWN"}]
			p.y1970 = [{"node": {"id": "person/zhou-enlai"}, "holding": "KNOWN"}]
			l.y1950 = []
			l.y1970 = []`},
		{"Xi Jinping (born 1953) chairs nothing in the network of 1940",
			`{ n: network(ids: ["person/xi-jinping"], asOf: "1940") { relationships { id } } x: person(id: "person/xi-jinping") { born y1940: chairs(asOf: "1940") { id } y1950: chairs(asOf: "1950") { id } } }`, `
			n.relationships = []
			x.born = "1953"
			x.y1940 = []
			x.y1950 = []`},
	})
}

func TestTrustOneFactOneRelationship(t *testing.T) {
	runResearch(t, []researchCase{
		{"Zhou Enlai is Premier once at one date, and once in his list of posts",
			`{ p: position(id: "position/premier") { seats y1960: holders(asOf: "1960") { id node { id } holding } }
			   z: person(id: "person/zhou-enlai") { positions { id node { id } } } }`, `
			p.seats = 1
			p.y1960 = [{"id": "holds/person/zhou-enlai/position/premier", "node": {"id": "person/zhou-enlai"}, "holding": "KNOWN"}]
			z.positions[node.id=position/premier].id = ["holds/person/zhou-enlai/position/premier"]
			z.positions[node.id=position/foreign-minister].id = ["holds/person/zhou-enlai/position/foreign-minister"]`},
		{"Chen Yi is Foreign Minister once, with each source's dates kept as ranked claims",
			`{ p: person(id: "person/chen-yi") { positions { id node { id } start end confidence dateConfidence rank
			     dateClaims { part value rank confidence sources { source { id } } } } } }`, `
			p.positions[node.id=position/foreign-minister].id = ["holds/person/chen-yi/position/foreign-minister"]
			p.positions[node.id=position/foreign-minister] has {"start": "1956", "end": "1972-01-06", "confidence": "STATED", "dateConfidence": "DISPUTED", "rank": "NORMAL"}
			p.positions[node.id=position/foreign-minister].dateClaims = [{"part": "START", "value": "1956", "rank": "PREFERRED", "confidence": "STATED", "sources": [{"source": {"id": "source/rana-2021"}}]}, {"part": "START", "value": "1958-02-11", "rank": "NORMAL", "confidence": "DISPUTED", "sources": [{"source": {"id": "source/ref-cloudfront-chen-yi"}}]}, {"part": "END", "value": "1972-01-06", "rank": "PREFERRED", "confidence": "DISPUTED", "sources": [{"source": {"id": "source/ref-cloudfront-chen-yi"}}]}]`},
		{"the undated corpus mention of Li Keqiang as Premier is the same fact as his dated tenure",
			`{ l: person(id: "person/li-keqiang") { positions { id node { id } start end sources { source { id } } } } }`, `
			l.positions[node.id=position/premier] = [{"id": "holds/person/li-keqiang/position/premier", "node": {"id": "position/premier"}, "start": "2013-03-15", "end": "2023-03-11", "sources": [{"source": {"id": "source/thomas-fp"}}, {"source": {"id": "source/ref-simple-wikipedia-li-keqiang"}}]}]`},
		{"the Foreign Minister in 1957 has one KNOWN holder",
			`{ p: position(id: "position/foreign-minister") { seats y1957: holders(asOf: "1957") { node { id } holding } y1956: holders(asOf: "1956") { node { id } holding } } }`, `
			p.seats = 1
			p.y1957 = [{"node": {"id": "person/chen-yi"}, "holding": "KNOWN"}]
			p.y1956 ~ [{"node": {"id": "person/zhou-enlai"}, "holding": "POSSIBLE"}, {"node": {"id": "person/chen-yi"}, "holding": "POSSIBLE"}]`},
		{"a source filter shows the dates that source gives: the reference page's for Zhou Enlai's foreign ministry",
			`{ p: person(id: "person/zhou-enlai") { rana: positions(sources: ["source/rana-2021"]) { node { id } start end }
			     ref: positions(sources: ["source/ref-vi-wikipedia-foreign-minister"]) { node { id } start end sources { source { id } } } } }`, `
			p.rana[node.id=position/foreign-minister] = [{"node": {"id": "position/foreign-minister"}, "start": "1949", "end": "1956"}]
			p.ref = [{"node": {"id": "position/foreign-minister"}, "start": "1949-10", "end": "1958-02", "sources": [{"source": {"id": "source/rana-2021"}}, {"source": {"id": "source/ref-vi-wikipedia-foreign-minister"}}]}]`},
	})
}

func TestTrustSourceFiltersIncludeRelayedWorks(t *testing.T) {
	runResearch(t, []researchCase{
		{"what Rana says about the FALSG's members: what Rana relays from SIPRI, only when asked",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") {
			     own: members(sources: ["source/rana-2021"]) { node { id } }
			     relayed: members(sources: ["source/rana-2021"], includeRelayed: true) { node { id } attested sources { source { id citedVia { id } } } }
			     generic: relationships(types: [MEMBER_OF], sources: ["source/rana-2021"], includeRelayed: true) { node { id } } } }`, `
			g.own = []
			g.relayed.*.node.id ~ ["person/dai-bingguo", "person/wang-jiarui", "person/yang-jiechi", "person/chen-deming", "person/liang-guanglie", "person/geng-huichang", "institution/ministry-of-foreign-affairs", "institution/peoples-liberation-army"]
			g.relayed.*.attested = ["2010", "2010", "2010", "2010", "2010", "2010", "2010", "2010"]
			g.relayed.*.sources.*.source = [{"id": "source/sipri-2010", "citedVia": {"id": "source/rana-2021"}}, {"id": "source/sipri-2010", "citedVia": {"id": "source/rana-2021"}}, {"id": "source/sipri-2010", "citedVia": {"id": "source/rana-2021"}}, {"id": "source/sipri-2010", "citedVia": {"id": "source/rana-2021"}}, {"id": "source/sipri-2010", "citedVia": {"id": "source/rana-2021"}}, {"id": "source/sipri-2010", "citedVia": {"id": "source/rana-2021"}}, {"id": "source/sipri-2010", "citedVia": {"id": "source/rana-2021"}}, {"id": "source/sipri-2010", "citedVia": {"id": "source/rana-2021"}}]
			g.generic.# = 8`},
		{"the network takes relayed works too",
			`{ own: network(ids: ["group/foreign-affairs-leading-small-group"], relationshipTypes: [MEMBER_OF], sources: ["source/rana-2021"]) { relationships { id } }
			   relayed: network(ids: ["group/foreign-affairs-leading-small-group"], relationshipTypes: [MEMBER_OF], sources: ["source/rana-2021"], includeRelayed: true) { relationships { id sources { source { id } } } } }`, `
			own.relationships = []
			relayed.relationships.# = 8
			relayed.relationships.*.sources.*.source.id = ["source/sipri-2010", "source/sipri-2010", "source/sipri-2010", "source/sipri-2010", "source/sipri-2010", "source/sipri-2010", "source/sipri-2010", "source/sipri-2010"]`},
		{"relayed works reach the chairs too: Rana relays Tsai and Zhou on Xi's cross-system groups",
			`{ x: person(id: "person/xi-jinping") { own: chairs(sources: ["source/tsai-zhou-2019"]) { node { id } } viaRana: chairs(sources: ["source/rana-2021"], includeRelayed: true, derived: EXCLUDE) { node { id } } } }`, `
			x.own.# = 3
			x.viaRana[node.id=group/cross-system-foreign-affairs-leading-small-group].# = 1`},
	})
}
