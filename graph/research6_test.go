package graph_test

import "testing"

// Research questions 146-170 of seed/questions.md (issue 12): who held a post at a
// date according to the reference tier, what the corpus leaves unsaid, spellings.
func TestResearchWhoHeldAPostAtADate(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q146 who was Premier in 1978, 1985, 1990, 2000, 2010 and 2020 (reference tier)",
			`{ p: position(id: "position/premier") {
			   y1978: holders(asOf: "1978", tiers: [REFERENCE]) { node { id } holding } y1985: holders(asOf: "1985", tiers: [REFERENCE]) { node { id } holding }
			   y1990: holders(asOf: "1990", tiers: [REFERENCE]) { node { id } holding } y2000: holders(asOf: "2000", tiers: [REFERENCE]) { node { id } holding }
			   y2010: holders(asOf: "2010", tiers: [REFERENCE]) { node { id } holding sources { source { tier } } } y2020: holders(asOf: "2020", tiers: [REFERENCE]) { node { id } holding } } }`, `
			p.y1978 = [{"node": {"id": "person/hua-guofeng"}, "holding": "KNOWN"}]
			p.y1985 = [{"node": {"id": "person/zhao-ziyang"}, "holding": "KNOWN"}]
			p.y1990 = [{"node": {"id": "person/li-peng"}, "holding": "KNOWN"}]
			p.y2000 = [{"node": {"id": "person/zhu-rongji"}, "holding": "KNOWN"}]
			p.y2010.*.node.id = ["person/wen-jiabao"]
			p.y2010.*.sources.*.source.tier = ["REFERENCE", "REFERENCE"]
			p.y2020 = [{"node": {"id": "person/li-keqiang"}, "holding": "KNOWN"}]`},
		{"Q147 the corpus alone cannot say who was Premier in 2010",
			`{ p: position(id: "position/premier") { c2010: holders(asOf: "2010", tiers: [CORPUS]) { node { id } holding } } }`, `
			p.c2010 ~ [{"node": {"id": "person/li-keqiang"}, "holding": "POSSIBLE"}, {"node": {"id": "person/zhou-enlai"}, "holding": "POSSIBLE"}]
			p.c2010[holding=KNOWN] = []`},
		{"Q148 who was General Secretary in 1984, 1995 and 2005, and in 1970",
			`{ p: position(id: "position/general-secretary") { y1984: holders(asOf: "1984") { node { id } holding } y1995: holders(asOf: "1995") { node { id } holding }
			   y2005: holders(asOf: "2005") { node { id } holding } y1970: holders(asOf: "1970") { node { id } } } }`, `
			p.y1984 = [{"node": {"id": "person/hu-yaobang"}, "holding": "KNOWN"}]
			p.y1995 = [{"node": {"id": "person/jiang-zemin"}, "holding": "KNOWN"}]
			p.y2005 = [{"node": {"id": "person/hu-jintao"}, "holding": "KNOWN"}]
			p.y1970 = []`},
		{"Q149 who chaired the Central Military Commission in 1985, 2000 and 2008",
			`{ p: position(id: "position/chairman-of-the-central-military-commission") { y1985: holders(asOf: "1985") { node { id } holding } y2000: holders(asOf: "2000") { node { id } holding } y2008: holders(asOf: "2008") { node { id } holding } } }`, `
			p.y1985 = [{"node": {"id": "person/deng-xiaoping"}, "holding": "KNOWN"}]
			p.y2000 = [{"node": {"id": "person/jiang-zemin"}, "holding": "KNOWN"}]
			p.y2008 = [{"node": {"id": "person/hu-jintao"}, "holding": "KNOWN"}]`},
		{"Q150 who was State President in 2000",
			`{ p: position(id: "position/president") { y2000: holders(asOf: "2000", tiers: [REFERENCE]) { node { id } holding } } }`, `
			p.y2000 = [{"node": {"id": "person/jiang-zemin"}, "holding": "KNOWN"}]`},
		{"Q151 which State Councilors held office in 2010 and in 2015",
			`{ p: position(id: "position/state-councilor") { y2010: holders(asOf: "2010", tiers: [REFERENCE]) { node { id } holding } y2015: holders(asOf: "2015", tiers: [REFERENCE]) { node { id } holding } } }`, `
			p.y2010.*.node.id ~ ["person/dai-bingguo", "person/liang-guanglie"]
			p.y2015.*.node.id ~ ["person/wang-yong", "person/yang-jiechi"]
			p.y2015.*.holding = ["KNOWN", "KNOWN"]`},
		{"Q152 which Vice Premiers held office in 2020",
			`{ p: position(id: "position/vice-premier") { y2020: holders(asOf: "2020") { node { id } holding } } }`, `
			p.y2020[holding=KNOWN].node.id ~ ["person/han-zheng", "person/liu-he"]
			p.y2020[holding=POSSIBLE] = []`},
		{"Q153 when did Zhou Enlai hand the Foreign Ministry over: the corpus and the reference pages disagree",
			`{ p: person(id: "person/zhou-enlai") { positions(tiers: [CORPUS]) { node { id } start end confidence } ref: positions(tiers: [REFERENCE]) { node { id } start end confidence } } }`, `
			p.positions[node.id=position/foreign-minister] = [{"node": {"id": "position/foreign-minister"}, "start": "1949", "end": "1956", "confidence": "STATED"}]
			p.ref[node.id=position/foreign-minister] = [{"node": {"id": "position/foreign-minister"}, "start": "1949-10", "end": "1958-02", "confidence": "STATED"}]
			p.ref[node.id=position/premier] = [{"node": {"id": "position/premier"}, "start": "1949-10-01", "end": "1976-01-08", "confidence": "STATED"}]`},
		{"Q154 who was Foreign Minister in 1960, and on whose word",
			`{ p: position(id: "position/foreign-minister") { y1960: holders(asOf: "1960", tiers: [REFERENCE]) { id node { id } holding confidence } } }`, `
			p.y1960 = [{"id": "holds/person/chen-yi/position/foreign-minister", "node": {"id": "person/chen-yi"}, "holding": "KNOWN", "confidence": "STATED"}]`},
		{"Q155 who is Wen Jiabao in the dataset, and on what evidence",
			`{ p: person(id: "person/wen-jiabao") { nameZh description sources { source { tier } } positions { node { id } start end } ref: positions(tiers: [CORPUS]) { id } } }`, `
			p.nameZh = "温家宝"
			p.description has "Reference-only"
			p.sources.*.source.tier = ["REFERENCE", "REFERENCE", "REFERENCE"]
			p.positions ~ [{"node": {"id": "position/premier"}, "start": "2003", "end": "2013"}, {"node": {"id": "position/director-of-the-general-office-of-the-ccp-central-committee"}, "start": "1986", "end": "1993"}]
			p.ref = []`},
		{"Q156 which posts did Mao Zedong hold, per the reference tier, and does any source make him a group chair",
			`{ p: person(id: "person/mao-zedong") { nameZh chairs { id } positions { node { id } start end } } }`, `
			p.nameZh = "毛泽东"
			p.chairs = []
			p.positions ~ [{"node": {"id": "position/chairman-of-the-central-military-commission"}, "start": "1943", "end": "1976"}, {"node": {"id": "position/president"}, "start": "1954-09-27", "end": "1959-04-27"}]`},
		{"Q157 Zeng Peiyan's Chinese name and Vice Premier term, from news pages",
			`{ z: person(id: "person/zeng-peiyan") { nameZh born claims(property: [NAME_ZH]) { value sources { source { tier kind } } } positions { node { id } start end dateConfidence sources { source { id } } } } }`, `
			z.nameZh = "曾培炎"
			z.born = null
			z.claims = [{"value": "曾培炎", "sources": [{"source": {"tier": "REFERENCE", "kind": "NEWS"}}]}]
			z.positions[start=null] = []
			z.positions[start=2003-03-17].end = ["2008-03"]
			z.positions[start=2003-03-17].dateConfidence = ["INFERRED"]
			z.positions[start=2003-03-17].sources.*.source.id = ["source/rana-2021", "source/ref-china-embassy-bg-2003-new-cabinet", "source/ref-scmp-2008-li-keqiang-vice-premier", "source/ref-trend-az-2008-li-keqiang-vice-premier"]`},
	})
}

func TestResearchWhatTheCorpusLeavesUnsaid(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q158 who chairs the Tibet and Xinjiang LSGs, and since when do they exist: not stated",
			`{ t: group(id: "group/tibet-leading-small-group") { established abolished chairs { id } members { id } }
			   x: group(id: "group/xinjiang-leading-small-group") { established chairs { id } } }`, `
			t = {"established": null, "abolished": null, "chairs": [], "members": []}
			x = {"established": null, "chairs": []}`},
		{"Q159 who sits on the Hong Kong and Macao LSG: not stated",
			`{ h: group(id: "group/hong-kong-and-macau-leading-small-group") { established chairs { id } members { id } } }`, `
			h = {"established": null, "chairs": [], "members": []}`},
		{"Q160 who led the political-legal LSG set up in 1956: not stated",
			`{ g: group(id: "group/political-science-and-law-leading-small-group") { established chairs { id } } }`, `
			g = {"established": "1956", "chairs": []}`},
		{"Q161 does any source make Deng Xiaoping a group chair",
			`{ d: person(id: "person/deng-xiaoping") { nameZh chairs { id } memberships { id } } }`, `
			d = {"nameZh": "邓小平", "chairs": [], "memberships": []}`},
		{"Q162 how many LSGs does Wikipedia credit Xi with chairing (an undated count, kept as a statement)",
			`{ s: statement(id: "statement/wiki-xi-nine-lsgs") { date sources { source { id } } about { node { id } } } }`, `
			s.date = null
			s.sources.*.source.id = ["source/wikipedia-lsg"]
			s.about.*.node.id ~ ["person/xi-jinping", "topic/concentration-of-power-under-xi"]`},
	})
}

func TestResearchSpellingsFindTheirEntity(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q163 which group does Wikipedia's 'Hong Kong and Macao' name",
			`{ a: search(text: "Hong Kong and Macao", types: [GROUP]) { node { id } matched score } }`, `
			a.0 = {"node": {"id": "group/hong-kong-and-macau-leading-small-group"}, "matched": "Hong Kong and Macao", "score": 4}
			a[score=4].# = 1`},
		{"Q164 which bodies do 'CCP Politburo', 'Secretariat' and 'Central Committee' name",
			`{ a: search(text: "CCP Politburo", types: [INSTITUTION]) { node { id } score } b: search(text: "Secretariat", types: [INSTITUTION]) { node { id } score }
			   c: search(text: "Central Committee", types: [INSTITUTION]) { node { id } score } }`, `
			a.0 = {"node": {"id": "institution/politburo"}, "score": 4}
			b.0 = {"node": {"id": "institution/party-secretariat"}, "score": 4}
			c.0 = {"node": {"id": "institution/ccp-central-committee"}, "score": 4}`},
		{"Q165 who are 'Marshal Chen Yi' and 温家宝",
			`{ a: search(text: "Marshal Chen Yi") { node { id } } b: search(text: "温家宝") { node { id } matched } }`, `
			a.0 = {"node": {"id": "person/chen-yi"}}
			b.0 = {"node": {"id": "person/wen-jiabao"}, "matched": "温家宝"}`},
	})
}
