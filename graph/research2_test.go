package graph_test

// The rest of the research questions of seed/questions.md (see research_test.go for the
// path syntax of the expectations).

import (
	"reflect"
	"strings"
	"testing"
)

func TestResearchMembersOfficesCounts(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q17 which groups are cross-system",
			`{ c: groups(filter: {crossSystem: true}, first: 100) { totalCount nodes { id } } }`, `
			c.totalCount = 6
			c.nodes.*.id ~ ["group/national-security-commission", "group/central-commission-for-comprehensively-deepening-reform", "group/central-cybersecurity-and-informatization-commission", "group/cross-system-national-security-leading-small-group", "group/cross-system-foreign-affairs-leading-small-group", "group/cross-system-political-legal-leading-small-group"]`},
		{"Q18 what the foreign-affairs cross-system group supervises",
			`{ g: group(id: "group/cross-system-foreign-affairs-leading-small-group") { supervises { ` + rel + ` } } }`, `
			g.supervises.*.node.id ~ ["group/foreign-affairs-leading-small-group", "group/taiwan-affairs-leading-small-group", "group/hong-kong-and-macau-leading-small-group", "group/tibet-leading-small-group", "group/xinjiang-leading-small-group"]
			g.supervises.* has {"type": "SUPERVISES", "direction": "OUTGOING", "start": null, "end": null}
			g.supervises[confidence=INFERRED].node.id = ["group/foreign-affairs-leading-small-group"]
			g.supervises[confidence=REPORTED].# = 4
			g.supervises.*.sources.*.source.id = ["source/tsai-zhou-2019", "source/tsai-zhou-2019", "source/tsai-zhou-2019", "source/tsai-zhou-2019", "source/tsai-zhou-2019"]`},
		{"Q19 what the Central Foreign Affairs Commission supervises",
			`{ g: group(id: "group/central-foreign-affairs-commission") { supervises { ` + rel + ` }
			   y2017: supervises(asOf: "2017") { id } y2019: supervises(asOf: "2019") { holding } } }`, `
			g.supervises.*.node.id ~ ["institution/ministry-of-foreign-affairs", "institution/ministry-of-commerce"]
			g.supervises.* has {"start": "2018-03", "confidence": "STATED"}
			g.supervises[node.id=institution/ministry-of-foreign-affairs].sources.*.source.id = ["source/rana-2021", "source/thomas-fp"]
			g.supervises[node.id=institution/ministry-of-commerce].sources.*.source.id = ["source/rana-2021"]
			g.y2017 = []
			g.y2019.*.holding = ["KNOWN", "KNOWN"]`},
		{"Q20 why the deepening-reform commission is a supergroup",
			`{ g: group(id: "group/central-commission-for-comprehensively-deepening-reform") { supervises { ` + rel + `
			   node { ... on Group { level jurisdiction system } } } } }`, `
			g.supervises.*.node = [{"id": "group/provincial-deepening-reform-sub-groups", "label": "Provincial sub-groups of the deepening-reform body", "type": "GROUP", "level": "PROVINCIAL", "jurisdiction": "all provinces", "system": "LOCAL"}]
			g.supervises.0 has {"confidence": "REPORTED"}
			g.supervises.0.sources.*.source.id = ["source/rana-2021"]`},
		{"Q21 who sat on the Foreign Affairs LSG as of 2010",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { members(asOf: "2010") { ` + rel + ` }
			   y2011: members(asOf: "2011") { node { id } holding } } }`, `
			g.members[holding=KNOWN].node.id ~ ["person/dai-bingguo", "person/wang-jiarui", "person/yang-jiechi", "person/chen-deming", "person/liang-guanglie", "person/geng-huichang", "institution/ministry-of-foreign-affairs", "institution/peoples-liberation-army"]
			g.members[holding=KNOWN] has {"role": "MEMBER", "attested": ["2010"], "confidence": "REPORTED", "incompleteList": false, "sources": [{"source": {"id": "source/sipri-2010"}, "locator": "quoted in rana-2021, section 'Foreign Affairs LSG'"}]}
			g.members[holding=POSSIBLE].node.id ~ ["position/vice-premier", "position/state-councilor"]
			g.members[holding=POSSIBLE] has {"role": "MEMBER", "attested": [], "confidence": "STATED", "incompleteList": true}
			g.members.# = 10
			g.y2011 ~ [{"node": {"id": "position/vice-premier"}, "holding": "POSSIBLE"}, {"node": {"id": "position/state-councilor"}, "holding": "POSSIBLE"}]`},
		{"Q22 who was on the Taiwan Affairs LSG as of 2010",
			`{ g: group(id: "group/taiwan-affairs-leading-small-group") { members(asOf: "2010") { ` + rel + ` }
			   y2011: members(asOf: "2011") { node { id } holding } } }`, `
			g.members[holding=KNOWN].node.id ~ ["institution/ministry-of-foreign-affairs", "institution/peoples-liberation-army"]
			g.members[holding=KNOWN] has {"attested": ["2010"], "confidence": "REPORTED"}
			g.members[holding=KNOWN].sources.*.source.id = ["source/sipri-2010", "source/sipri-2010"]
			g.members[holding=POSSIBLE].node.id ~ ["position/psc-member-for-taiwan", "institution/state-council-taiwan-affairs-office", "institution/pla-general-staff-intelligence-department"]
			g.members[holding=POSSIBLE] has {"attested": [], "confidence": "STATED", "sources": [{"source": {"id": "source/thomas-fp"}, "locator": "Table 1, row 'Taiwan'"}]}
			g.y2011.*.holding = ["POSSIBLE", "POSSIBLE", "POSSIBLE"]`},
		{"Q23 who was on the peak carbon LSG as of May 2021",
			`{ g: group(id: "group/peak-carbon-and-carbon-neutrality-leading-small-group") { members(asOf: "2021-05") { ` + rel + ` }
			   chairs(asOf: "2021-05") { node { id } holding } y2021: members(asOf: "2021") { holding }
			   m2022: members(asOf: "2022") { id } c2022: chairs(asOf: "2022") { id } } }`, `
			g.members.*.node.id ~ ["person/liu-he", "person/wang-yong", "person/wang-yi", "person/he-lifeng"]
			g.members.* has {"holding": "KNOWN", "role": "MEMBER", "attested": ["2021-05"], "incompleteList": true, "confidence": "REPORTED", "sources": [{"source": {"id": "source/china-tip-sheet-2021"}, "locator": "relayed in rana-2021, section 'Current LSG practice', bullet on the May 2021 peak carbon LSG (footnote 12)"}]}
			g.chairs = [{"node": {"id": "person/han-zheng"}, "holding": "KNOWN"}]
			g.y2021.*.holding = ["POSSIBLE", "POSSIBLE", "POSSIBLE", "POSSIBLE"]
			g.m2022 = []
			g.c2022 = []`},
		{"Q24 who sits on the Overseas Propaganda LSG",
			`{ g: group(id: "group/overseas-propaganda-leading-small-group") { members { ` + rel + ` } chairs { node { id } } } }`, `
			g.members.*.node.id ~ ["position/head-of-the-propaganda-department", "position/head-of-the-united-front-work-department", "position/leader-of-the-party-central-news-office", "position/leader-of-xinhua", "position/leader-of-peoples-daily", "position/leader-of-the-ministry-of-culture"]
			g.members.* has {"role": "MEMBER", "confidence": "STATED", "node": {"type": "POSITION"}}
			g.members.*.sources.*.source.id = ["source/thomas-fp", "source/thomas-fp", "source/thomas-fp", "source/thomas-fp", "source/thomas-fp", "source/thomas-fp"]
			g.chairs.*.node.id = ["person/wang-huning"]`},
		{"Q25 who sits on the State Security LSG",
			`{ g: group(id: "group/state-security-leading-small-group") { members { ` + rel + ` } } }`, `
			g.members.*.node.id ~ ["position/psc-member-for-state-and-public-security", "position/senior-military-intelligence-officer", "institution/state-council-taiwan-affairs-office", "institution/state-council-hong-kong-and-macao-affairs-office"]
			g.members.* has {"role": "MEMBER", "confidence": "STATED", "sources": [{"source": {"id": "source/thomas-fp"}, "locator": "Table 1, row 'State Security'"}]}`},
		{"Q26 which membership lists are flagged incomplete",
			`{ g: groups(first: 100) { nodes { members { id incompleteList sources { source { id } } } } } }`, `
			g.nodes.*.members[incompleteList=true].id ~ ["member_of/position/vice-premier/group/foreign-affairs-leading-small-group", "member_of/position/state-councilor/group/foreign-affairs-leading-small-group", "member_of/person/yang-jiechi/group/central-foreign-affairs-commission", "member_of/person/wang-yi/group/central-foreign-affairs-commission", "member_of/position/member-of-the-politburo/group/central-foreign-affairs-commission", "member_of/person/liu-he/group/peak-carbon-and-carbon-neutrality-leading-small-group", "member_of/person/wang-yong/group/peak-carbon-and-carbon-neutrality-leading-small-group", "member_of/person/wang-yi/group/peak-carbon-and-carbon-neutrality-leading-small-group", "member_of/person/he-lifeng/group/peak-carbon-and-carbon-neutrality-leading-small-group"]
			g.nodes.*.members[incompleteList=true].sources.*.source.id ~ ["source/thomas-fp", "source/thomas-fp", "source/thomas-fp", "source/thomas-fp", "source/thomas-fp", "source/china-tip-sheet-2021", "source/china-tip-sheet-2021", "source/china-tip-sheet-2021", "source/china-tip-sheet-2021"]`},
		{"Q27 which office backed the Foreign Affairs LSG, and who directed it",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { offices { ` + rel + `
			   node { ... on Office { name kind directors { ` + rel + ` note } } } } } }`, `
			g.offices.*.node.id = ["office/foreign-affairs-leading-small-group-office"]
			g.offices.0 has {"type": "HAS_OFFICE", "attested": ["2010"], "confidence": "REPORTED"}
			g.offices.0.node has {"label": "FALSG office", "type": "OFFICE", "name": "FALSG office", "kind": "OFFICE"}
			g.offices.0.sources.*.source.id = ["source/sipri-2010"]
			g.offices.0.node.directors.*.node.id = ["person/dai-bingguo"]
			g.offices.0.node.directors.0 has {"type": "DIRECTS", "attested": ["2010"], "confidence": "REPORTED"}
			g.offices.0.node.directors.0.note has "presumed"
			g.offices.0.node.directors.0.sources.*.source.id = ["source/sipri-2010"]`},
		{"Q28 what office backs the Central Foreign Affairs Commission, and where it sits",
			`{ g: group(id: "group/central-foreign-affairs-commission") { offices { ` + rel + ` } }
			   o: offices(first: 100) { totalCount nodes { id kind staffing placement directors { id } hostedBy { id } } } }`, `
			g.offices.*.node.id = ["office/central-foreign-affairs-commission-directorate"]
			g.offices.0 has {"start": "2018-03", "confidence": "STATED", "sources": [{"source": {"id": "source/rana-2021"}, "locator": "section 'Foreign Affairs LSG', paragraph on the March 2018 reorganisation"}]}
			o.totalCount = 3
			o.nodes[id=office/central-foreign-affairs-commission-directorate] has {"kind": "DIRECTORATE", "directors": []}
			o.nodes.* has {"staffing": null, "placement": null, "hostedBy": []}`},
		{"Q29 what counts of groups Alice Miller reported",
			`{ r: reportedCounts(toYear: 2009) { id year value qualifier confidence sources { source { id citedVia { id } } } } }`, `
			r.*.id = ["count/miller-1981", "count/miller-1998", "count/miller-2009"]
			r.*.value = [44, 19, 29]
			r.* has {"qualifier": "EXACT", "confidence": "REPORTED"}
			r.* has {"sources": [{"source": {"id": "source/alice-miller-counts", "citedVia": {"id": "source/rana-2021"}}}, {"source": {"id": "source/economist-2017", "citedVia": {"id": "source/rana-2021"}}}]}`},
		{"Q30 what counts are reported for 2017",
			`{ r: reportedCounts(fromYear: 2017, toYear: 2017) { id value system confidence sources { source { id citedVia { id } } } } }`, `
			r.*.id ~ ["count/csis-2017", "count/wikipedia-2017-study-total", "count/wikipedia-2017-study-party", "count/wikipedia-2017-study-state-council"]
			r[id=count/csis-2017] has {"value": 57, "system": null, "confidence": "DISPUTED", "sources": [{"source": {"id": "source/csis-2017", "citedVia": {"id": "source/rana-2021"}}}]}
			r[id=count/wikipedia-2017-study-total] has {"value": 83, "system": null, "confidence": "DISPUTED", "sources": [{"source": {"id": "source/wikipedia-2017-study", "citedVia": {"id": "source/wikipedia-lsg"}}}]}
			r[id=count/wikipedia-2017-study-party] has {"value": 26, "system": "PARTY", "confidence": "REPORTED"}
			r[id=count/wikipedia-2017-study-state-council] has {"value": 57, "system": "STATE_COUNCIL", "confidence": "REPORTED"}`},
		{"Q31 what counts are reported for 2015",
			`{ r: reportedCounts(fromYear: 2015, toYear: 2015) { id value qualifier system confidence sources { source { id } } } }`, `
			r.*.id ~ ["count/wikipedia-2015", "count/thomas-2015-total", "count/thomas-2015-state-council", "count/thomas-2015-party"]
			r[id=count/wikipedia-2015] has {"value": 39, "qualifier": "ABOUT", "confidence": "REPORTED", "sources": [{"source": {"id": "source/wikipedia-lsg"}}]}
			r[id=count/thomas-2015-total] has {"value": 39, "qualifier": "EXACT", "system": null, "confidence": "STATED", "sources": [{"source": {"id": "source/thomas-fp"}}]}
			r[id=count/thomas-2015-state-council] has {"value": 21, "system": "STATE_COUNCIL"}
			r[id=count/thomas-2015-party] has {"value": 18, "system": "PARTY"}`},
		{"Q32 which reported counts fall between 2010 and 2014",
			`{ r: reportedCounts(fromYear: 2010, toYear: 2014) { id year value system confidence sources { source { id } } }
			   all: reportedCounts { id } }`, `
			r.*.id ~ ["count/wikipedia-new-party-lsgs-2012", "count/wikipedia-new-state-council-lsgs-2012"]
			r[id=count/wikipedia-new-party-lsgs-2012] has {"value": 8, "system": "PARTY"}
			r[id=count/wikipedia-new-state-council-lsgs-2012] has {"value": 21, "system": "STATE_COUNCIL"}
			r.* has {"year": 2012, "confidence": "STATED", "sources": [{"source": {"id": "source/wikipedia-lsg"}}]}
			all.# = 13`},
		{"Q33 which relations are disputed, with the competing claims beside them",
			`{ g: groups(first: 100) { nodes { relationships { id confidence } } }
			   p: people(first: 100) { nodes { relationships(types: [HOLDS, DIRECTS], tiers: [CORPUS]) { confidence } } }
			   q: positions(first: 100) { nodes { relationships(types: [POSITION_IN, DIRECTS]) { confidence } } }
			   o: offices(first: 100) { nodes { relationships(types: [HOSTED_BY]) { confidence } } }
			   f: group(id: "group/foreign-affairs-leading-small-group") { chairs(derived: EXCLUDE) { node { id } confidence start } } }`, `
			g.nodes.*.relationships[confidence=DISPUTED].id ~ ["chairs/position/premier/group/foreign-affairs-leading-small-group/thomas-table-1", "chairs/position/premier/group/finance-and-economy-leading-small-group/thomas-table-1"]
			p.nodes.*.relationships[confidence=DISPUTED] = []
			q.nodes.*.relationships[confidence=DISPUTED] = []
			o.nodes.*.relationships[confidence=DISPUTED] = []
			f.chairs ~ [{"node": {"id": "position/premier"}, "confidence": "DISPUTED", "start": "2018-03"}, {"node": {"id": "position/general-secretary"}, "confidence": "STATED", "start": "2018-03"}, {"node": {"id": "person/xi-jinping"}, "confidence": "STATED", "start": "2012"}]`},
		{"Q34 which reported counts are disputed",
			`{ r: reportedCounts { id value confidence } }`, `
			r[confidence=DISPUTED] ~ [{"id": "count/csis-2017", "value": 57, "confidence": "DISPUTED"}, {"id": "count/wikipedia-2017-study-total", "value": 83, "confidence": "DISPUTED"}]`},
		{"Q35 when the Taiwan Affairs LSG was set up",
			`{ g: group(id: "group/taiwan-affairs-leading-small-group") { established description
			   sources { source { id citedVia { id } } } aliases { name source { id } editorial } } }`, `
			g.established = "1954"
			g.description has "1958"
			g.sources[source.id=source/academy-of-chinese-studies-2020].source.citedVia.id = ["source/rana-2021"]
			g.aliases[name=TALSG] = [{"name": "TALSG", "source": {"id": "source/sipri-2010"}, "editorial": false}]
			g.aliases[name=Central Committee Taiwan Work Leading Small Group].source.id = ["source/thomas-fp"]`},
		{"Q36 in which kinds of unit leading Party members' groups are set up",
			`{ g: group(id: "group/leading-party-members-groups") { kind nameZh partyGroupOf { ` + rel + ` } } }`, `
			g.kind = "PARTY_MEMBERS_GROUP"
			g.nameZh = "党组"
			g.partyGroupOf[start=null].node.id ~ ["institution/state-organs", "institution/peoples-organizations", "institution/economic-institutions", "institution/cultural-institutions", "institution/non-party-units"]
			g.partyGroupOf[start=null].sources.*.source.id ~ ["source/ccp-constitution", "source/ccp-constitution", "source/ccp-constitution", "source/ccp-constitution", "source/ccp-constitution", "source/xinhuanet-2015-05-29", "source/xinhuanet-2015-05-29", "source/xinhuanet-2015-05-29", "source/xinhuanet-2015-05-29", "source/party-group-regulation-2015", "source/party-group-regulation-2015", "source/party-group-regulation-2015", "source/party-group-regulation-2015", "source/party-group-regulation-2015"]
			g.partyGroupOf[start=2015-05-29].node.id = ["institution/social-organizations"]
			g.partyGroupOf[start=2015-05-29].sources.*.source.id = ["source/xinhuanet-2015-05-29", "source/zhu-2015"]
			g.partyGroupOf.* has {"type": "PARTY_GROUP_OF", "confidence": "REPORTED"}`},
		{"Q37 who leads a leading Party members' group, and who else sits on it",
			`{ g: group(id: "group/leading-party-members-groups") { chairs { ` + rel + ` sources { source { citedVia { id } } } }
			   members { ` + rel + ` } positions { ` + rel + ` } } }`, `
			g.chairs.*.node.id = ["position/party-members-group-secretary"]
			g.chairs.0.sources.*.source = [{"id": "source/ccp-constitution", "citedVia": {"id": "source/zhu-2015"}}]
			g.members.*.node.id = ["position/party-members-group-deputy-secretary"]
			g.members.*.role = ["DEPUTY_SECRETARY"]
			g.positions.*.node.id ~ ["position/party-members-group-secretary", "position/party-members-group-deputy-secretary"]
			g.positions.*.type = ["POSITION_IN", "POSITION_IN"]
			g.chairs.*.confidence = ["REPORTED"]
			g.members.*.confidence = ["REPORTED"]
			g.positions.*.confidence = ["REPORTED", "REPORTED"]`},
		{"Q38 to whom a leading Party members' group answers",
			`{ g: group(id: "group/leading-party-members-groups") { reportsTo { ` + rel + ` } } }`, `
			g.reportsTo.*.node.id = ["institution/party-organizations"]
			g.reportsTo.*.confidence = ["REPORTED"]
			g.reportsTo.*.sources.*.source.id = ["source/ccp-constitution", "source/peoples-daily-2015-06-03"]`},
		{"Q39 is there a Party group in the CPPCC",
			`{ g: group(id: "group/cppcc-party-group") { kind partyGroupOf { ` + rel + ` sources { source { citedVia { id } } }
			   node { ... on Institution { aliases { name source { id } } } } } }
			   s: search(text: "CPCC", types: [INSTITUTION]) { node { id } matched score } }`, `
			g.kind = "PARTY_MEMBERS_GROUP"
			g.partyGroupOf.*.node.id = ["institution/cppcc"]
			g.partyGroupOf.*.confidence = ["REPORTED"]
			g.partyGroupOf.*.sources.*.source = [{"id": "source/cpc-people-2015-06-26", "citedVia": {"id": "source/zhu-2015"}}]
			g.partyGroupOf.*.node.aliases ~ [{"name": "CPPCC", "source": {"id": "source/zhu-2015"}}, {"name": "CPCC", "source": {"id": "source/zhu-2015"}}]
			s.0 = {"node": {"id": "institution/cppcc"}, "matched": "CPCC", "score": 4}`},
	})
}

func TestResearchPeopleNamesSources(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q40 which posts Xi Jinping has held, and since when",
			`{ x: person(id: "person/xi-jinping") { positions(tiers: [CORPUS]) { ` + rel + ` } } }`, `
			x.positions.# = 3
			x.positions[node.id=position/general-secretary] has {"start": "2012", "end": null, "attested": ["2015-05-29"]}
			x.positions[node.id=position/general-secretary].sources.*.source.id = ["source/thomas-fp", "source/zhu-2015", "source/wikipedia-lsg"]
			x.positions[node.id=position/chairman-of-the-central-military-commission].start = ["2012"]
			x.positions[node.id=position/president].start = ["2013"]
			x.positions.* has {"type": "HOLDS", "confidence": "STATED"}`},
		{"Q41 who was Foreign Minister in 1950, and who followed",
			`{ p: position(id: "position/foreign-minister") { y1950: holders(asOf: "1950", tiers: [CORPUS]) { ` + rel + ` } holders(tiers: [CORPUS]) { id node { id } start end attested } }
			   z: search(text: "Zhou Enlie", types: [PERSON]) { node { id } matched } }`, `
			p.y1950[holding=KNOWN].node.id = ["person/zhou-enlai"]
			p.y1950[holding=KNOWN] has {"start": "1949", "end": "1956", "confidence": "STATED", "sources": [{"source": {"id": "source/rana-2021"}, "locator": "section 'Foreign Affairs LSG', paragraph on the MFA under Party pressure"}]}
			p.y1950.# = 1
			p.holders[node.id=person/chen-yi] = [{"id": "holds/person/chen-yi/position/foreign-minister", "node": {"id": "person/chen-yi"}, "start": "1956", "end": null, "attested": []}]
			p.holders[id=holds/person/wang-yi/position/foreign-minister].attested = ["2021-05"]
			z.0 = {"node": {"id": "person/zhou-enlai"}, "matched": "Zhou Enlie"}`},
		{"Q42 who became the MFA's Party Secretary in 2019",
			`{ q: person(id: "person/qi-yu") { positions(tiers: [CORPUS]) { ` + rel + ` node { ... on Position { belongsTo { node { id } } } } } } }`, `
			q.positions.*.node.id = ["position/mfa-party-secretary"]
			q.positions.0 has {"start": "2019", "confidence": "STATED"}
			q.positions.0.sources.*.source.id = ["source/rana-2021", "source/ref-thediplomat-2019-qi-yu", "source/ref-plenum-2019-zhang-ji"]
			q.positions.0.node.belongsTo.*.node.id = ["institution/ministry-of-foreign-affairs"]`},
		{"Q43 which node the spellings FALG, Foreign Affairs CLGS, FAS, CFAC and TALSG name",
			`{ a: search(text: "FALG") { node { id } matched score } b: search(text: "Foreign Affairs CLGS") { node { id } matched score }
			   c: search(text: "FAS") { node { id } matched score } d: search(text: "CFAC") { node { id } matched score }
			   e: search(text: "TALSG") { node { id } matched score }
			   g: group(id: "group/central-foreign-affairs-commission") { aliases { name source { id } editorial ambiguous } }
			   l: group(id: "group/foreign-affairs-leading-small-group") { aliases { name source { id } } } }`, `
			a = [{"node": {"id": "group/foreign-affairs-leading-small-group"}, "matched": "FALG", "score": 4}]
			b.0 = {"node": {"id": "group/foreign-affairs-leading-small-group"}, "matched": "Foreign Affairs CLGS", "score": 4}
			c = [{"node": {"id": "group/central-foreign-affairs-commission"}, "matched": "FAS", "score": 4}]
			d = [{"node": {"id": "group/central-foreign-affairs-commission"}, "matched": "CFAC", "score": 4}]
			e.0 = {"node": {"id": "group/taiwan-affairs-leading-small-group"}, "matched": "TALSG", "score": 4}
			e[score=4].# = 1
			g.aliases[name=CFAC] = [{"name": "CFAC", "source": null, "editorial": true, "ambiguous": false}]
			g.aliases[name=FAS].source.id = ["source/thomas-fp"]
			l.aliases[name=FALG].source.id = ["source/thomas-fp"]
			l.aliases[name=Foreign Affairs CLGS].source.id = ["source/thomas-fp"]`},
		{"Q44 which provincial groups the dataset holds",
			`{ g: groups(filter: {levels: [PROVINCIAL]}) { totalCount nodes { id system jurisdiction sources { source { id } } } } }`, `
			g.totalCount = 2
			g.nodes[id=group/guangzhou-energy-conservation-leading-small-group] has {"system": "LOCAL", "jurisdiction": "Guangzhou", "sources": [{"source": {"id": "source/rana-2021"}}]}
			g.nodes[id=group/provincial-deepening-reform-sub-groups] has {"system": "LOCAL", "jurisdiction": "all provinces"}`},
		{"Q45 which groups the blog classifies by time horizon",
			`{ p: groups(filter: {horizons: [PERMANENT]}) { nodes { id } }
			   m: groups(filter: {horizons: [MEDIUM_TERM]}) { nodes { id established abolished } }
			   s: groups(filter: {horizons: [SHORT_TERM]}) { nodes { id established abolished } } }`, `
			p.nodes.*.id ~ ["group/central-financial-and-economic-affairs-commission", "group/central-foreign-affairs-commission"]
			m.nodes ~ [{"id": "group/first-economic-census-leading-small-group", "established": "2003", "abolished": "2005"}, {"id": "group/three-gorges-project-construction-commission", "established": "1993", "abolished": "2018"}]
			s.nodes ~ [{"id": "group/beijing-olympic-and-paralympic-leading-small-group", "established": null, "abolished": null}, {"id": "group/central-new-coronavirus-epidemic-leading-small-group", "established": null, "abolished": null}]`},
		{"Q46 which relayed works were read through Rana",
			`{ s: sources(first: 100, filter: {kinds: [ANALYSIS, ARTICLE, BLOG_POST, WORKING_PAPER, BOOK, JOURNAL_ARTICLE, REPORT, OFFICIAL_DOCUMENT, NEWS, OTHER]}) { totalCount nodes { id key tier citedVia { id } } }
			   e: sources(first: 100, filter: {kinds: [ENCYCLOPEDIA]}) { totalCount nodes { id key tier citedVia { id } } } }`, `
			s.totalCount = 55
			e.totalCount = 87
			e.nodes[citedVia.id=source/rana-2021].key = ["britannica-mao-zedong"]
			s.nodes[citedVia.id=source/rana-2021].key ~ ["sipri-2010", "academy-of-chinese-studies-2020", "economist-2017", "alice-miller-counts", "csis-2017", "tsai-zhou-2019", "merics-2019", "china-tip-sheet-2021", "zeng-peiyan-2001", "cabestan-2009", "mdpi-2021-api", "hindustan-times-2015"]
			s.nodes[citedVia=null].key ~ ["rana-2021", "lsg-blog-2021", "thomas-fp", "zhu-2015", "fmprc-the-minister", "gov-cn-2017-02-25-he-lifeng", "idcpc-2006-wang-jiarui", "idcpc-2008-wang-jiarui", "thediplomat-2019-qi-yu", "plenum-2019-zhang-ji", "investorinsights-politburo", "chinadaily-qiushi-2023-han-zheng", "china-embassy-bg-2003-new-cabinet", "scmp-2008-li-keqiang-vice-premier", "trend-az-2008-li-keqiang-vice-premier", "secretchina-2007-12-05-wen-economic-team", "scmp-2017-yang-jiechi-politburo", "bactf-2022-20th-central-committee", "whatsonweibo-2022-20th-central-committee", "ajcass-2025-shengai", "hutong-2024-party-commissions", "tianguajidi-zhongcaiban", "kuaihz-guoanwei"]
			s.nodes[tier=REFERENCE].# = 19
			e.nodes[tier=CORPUS].key ~ ["wikipedia-lsg", "britannica-mao-zedong"]`},
		{"search finds a node by short form, Chinese name and pinyin",
			`{ a: search(text: "FALSG") { node { id type } matched score } b: search(text: "中央外事工作委员会") { node { id } matched score }
			   c: search(text: "zhongyang waishi gongzuo weiyuanhui") { node { id } matched score }
			   d: search(text: "Zhōngyāng Guójiā Ānquán Wěiyuánhuì", types: [GROUP]) { node { id } matched } }`, `
			a.0 = {"node": {"id": "group/foreign-affairs-leading-small-group", "type": "GROUP"}, "matched": "FALSG", "score": 4}
			a.1 = {"node": {"id": "office/foreign-affairs-leading-small-group-office", "type": "OFFICE"}, "matched": "FALSG office", "score": 3}
			a[score=4].# = 1
			b.0 = {"node": {"id": "group/central-foreign-affairs-commission"}, "matched": "中央外事工作委员会", "score": 4}
			b[score=4].# = 1
			c.0 = {"node": {"id": "group/central-foreign-affairs-commission"}, "matched": "中央外事工作委员会", "score": 4}
			d.0 = {"node": {"id": "group/national-security-commission"}, "matched": "中央国家安全委员会"}`},
		{"how many groups the dataset allows, by year, beside the reported counts",
			`{ all: groups(first: 0) { totalCount }
			   y2009: groups(filter: {activeAsOf: "2009"}, first: 0) { totalCount }
			   y2017: groups(filter: {activeAsOf: "2017"}, first: 100) { totalCount nodes { id activity(asOf: "2017") } }
			   y2019: groups(filter: {activeAsOf: "2019"}, first: 100) { totalCount nodes { id } }
			   party2017: groups(filter: {activeAsOf: "2017", systems: [PARTY]}, first: 0) { totalCount }
			   r: reportedCounts(fromYear: 2017, toYear: 2017) { value } }`, `
			all.totalCount = 35
			y2009.totalCount = 25
			y2017.totalCount = 28
			y2017.nodes[id=group/foreign-affairs-leading-small-group].activity = ["KNOWN"]
			y2017.nodes[id=group/national-security-commission].activity = ["KNOWN"]
			y2017.nodes[id=group/cross-system-foreign-affairs-leading-small-group] = []
			y2017.nodes[id=group/central-foreign-affairs-commission] = []
			y2017.nodes[id=group/first-economic-census-leading-small-group] = []
			y2019.totalCount = 30
			y2019.nodes[id=group/foreign-affairs-leading-small-group] = []
			y2019.nodes[id=group/central-foreign-affairs-commission].id = ["group/central-foreign-affairs-commission"]
			party2017.totalCount = 12
			r.*.value ~ [57, 83, 26, 57]`},
	})
}

// TestResearchDerivedChairs reads Xi Jinping's chairs, direct and through posts, in the
// typed form of the other graph tests.
func TestResearchDerivedChairs(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct {
		X struct{ Chairs []edge }
	}
	data(t, srv, `{ x: person(id: "person/xi-jinping") { chairs(asOf: "2020") { `+edgeFields+` } } }`, nil, &got)
	// A stored chair and a chair derived through the General Secretary of the same group
	// are one relationship carrying both (finance, Taiwan affairs); Thomas's table attests
	// the General Secretary's chairs over 2018-03..2023-03 only, and the groups replaced
	// in 2018-03 have no chair in 2020.
	want := []string{
		"group/central-commission-for-comprehensively-deepening-reform POSSIBLE",
		"group/central-cybersecurity-and-informatization-commission POSSIBLE",
		"group/central-foreign-affairs-commission POSSIBLE",
		"group/cross-system-foreign-affairs-leading-small-group POSSIBLE",
		"group/cross-system-national-security-leading-small-group POSSIBLE",
		"group/cross-system-political-legal-leading-small-group POSSIBLE",
		"group/finance-and-economy-leading-small-group (via position/general-secretary) POSSIBLE",
		"group/taiwan-affairs-leading-small-group (via position/general-secretary) POSSIBLE",
		"group/national-security-commission KNOWN",
		"group/state-security-leading-small-group (via position/general-secretary) POSSIBLE",
	}
	if g := nodeIDs(got.X.Chairs); !reflect.DeepEqual(g, want) {
		t.Errorf("Xi's chairs as of 2020 = %q, want %q", g, want)
	}
	for _, e := range got.X.Chairs {
		// A stored chair keeps its own start (Thomas: since 2012); one only derived starts
		// where every premise holds: Xi's holding and the rule Thomas's table attests from 2018-03.
		wantStart := "2012"
		derivedOnly := strings.HasPrefix(e.ID, "derived/")
		if derivedOnly {
			wantStart = "2018-03"
		}
		if e.Derived && (len(e.DerivedFrom) != 2 || e.DerivedFrom[0].Type != "HOLDS" || e.DerivedFrom[1].Type != "CHAIRS" || *e.Start != wantStart || derivedOnly && e.Confidence != "INFERRED") {
			t.Errorf("derived chair %s = %+v", e.ID, e)
		}
	}
}
