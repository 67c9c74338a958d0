package graph_test

import "testing"

// Research questions 81-114 of seed/questions.md (issue 12): Chinese names and
// tenures from the reference tier, statements, documents, spellings and what the
// sources leave unsaid.
func TestResearchChineseNamesOfPostsAndStatementsWithTheirSources(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q81 Chinese name of institution/central-military-commission",
			`{ n: institution(id: "institution/central-military-commission") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中央军事委员会"
			n.claims.*.value ~ ["中央军事委员会"]`},
		{"Q82 Chinese name of institution/ministry-of-foreign-affairs",
			`{ n: institution(id: "institution/ministry-of-foreign-affairs") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中华人民共和国外交部"
			n.claims.*.value ~ ["中华人民共和国外交部"]`},
		{"Q83 Chinese name of institution/ministry-of-commerce",
			`{ n: institution(id: "institution/ministry-of-commerce") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中华人民共和国商务部"
			n.claims.*.value ~ ["中华人民共和国商务部"]`},
		{"Q84 Chinese name of institution/international-department",
			`{ n: institution(id: "institution/international-department") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中国共产党中央委员会对外联络部"
			n.claims.*.value ~ ["中国共产党中央委员会对外联络部"]`},
		{"Q85 Chinese name of institution/national-development-and-reform-commission",
			`{ n: institution(id: "institution/national-development-and-reform-commission") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "国家发展和改革委员会"
			n.claims.*.value ~ ["国家发展和改革委员会"]`},
		{"Q86 Chinese name of institution/state-council-taiwan-affairs-office",
			`{ n: institution(id: "institution/state-council-taiwan-affairs-office") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "国务院台湾事务办公室"
			n.claims.*.value ~ ["国务院台湾事务办公室"]`},
		{"Q87 Chinese name of institution/state-council-hong-kong-and-macao-affairs-office",
			`{ n: institution(id: "institution/state-council-hong-kong-and-macao-affairs-office") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "国务院港澳事务办公室"
			n.claims.*.value ~ ["国务院港澳事务办公室"]`},
		{"Q88 Chinese name of institution/propaganda-department",
			`{ n: institution(id: "institution/propaganda-department") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中共中央宣传部"
			n.claims.*.value ~ ["中共中央宣传部"]`},
		{"Q89 Chinese name of institution/united-front-work-department",
			`{ n: institution(id: "institution/united-front-work-department") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中共中央统一战线工作部"
			n.claims.*.value ~ ["中共中央统一战线工作部"]`},
		{"Q90 Chinese name of institution/general-office-of-the-ccp-central-committee",
			`{ n: institution(id: "institution/general-office-of-the-ccp-central-committee") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中共中央办公厅"
			n.claims.*.value ~ ["中共中央办公厅"]`},
		{"Q91 Chinese name of position/general-secretary",
			`{ n: position(id: "position/general-secretary") { titleZh claims(property: [TITLE_ZH]) { value rank sources { source { tier } } } } }`, `
			n.titleZh = "中国共产党中央委员会总书记"
			n.claims.*.value ~ ["中国共产党中央委员会总书记"]`},
		{"Q92 Chinese name of position/chairman-of-the-central-military-commission",
			`{ n: position(id: "position/chairman-of-the-central-military-commission") { titleZh claims(property: [TITLE_ZH]) { value rank sources { source { tier } } } } }`, `
			n.titleZh = "中央军事委员会主席"
			n.claims.*.value ~ ["中央军事委员会主席"]`},
		{"Q93 Chinese name of position/premier",
			`{ n: position(id: "position/premier") { titleZh claims(property: [TITLE_ZH]) { value rank sources { source { tier } } } } }`, `
			n.titleZh = "中华人民共和国国务院总理"
			n.claims.*.value ~ ["中华人民共和国国务院总理"]`},
		{"Q94 Chinese name of position/vice-premier",
			`{ n: position(id: "position/vice-premier") { titleZh claims(property: [TITLE_ZH]) { value rank sources { source { tier } } } } }`, `
			n.titleZh = "中华人民共和国国务院副总理"
			n.claims.*.value ~ ["中华人民共和国国务院副总理"]`},
		{"Q95 Chinese name of position/foreign-minister",
			`{ n: position(id: "position/foreign-minister") { titleZh claims(property: [TITLE_ZH]) { value rank sources { source { tier } } } } }`, `
			n.titleZh = "中华人民共和国外交部部长"
			n.claims.*.value ~ ["中华人民共和国外交部部长"]`},
		{"Q96 statement statement/rana-peak-carbon-signal",
			`{ st: statement(id: "statement/rana-peak-carbon-signal") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "INFERRED"
			st.hedge = "surely"
			st.date = "2021-05"
			st.sources.*.source.id = ["source/rana-2021"]
			st.about.*.node.id ~ ["group/peak-carbon-and-carbon-neutrality-leading-small-group"]`},
		{"Q97 statement statement/rana-qi-yu-first-outsider",
			`{ st: statement(id: "statement/rana-qi-yu-first-outsider") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "INFERRED"
			st.hedge = "probably"
			st.date = "2019"
			st.sources.*.source.id = ["source/rana-2021"]
			st.about.*.node.id ~ ["person/qi-yu", "position/mfa-party-secretary", "institution/organization-department"]`},
		{"Q98 statement statement/rana-commissions-super-lsgs",
			`{ st: statement(id: "statement/rana-commissions-super-lsgs") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = "some have argued"
			st.date = null
			st.sources.*.source.id = ["source/rana-2021"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "topic/march-2018-reorganization"]`},
		{"Q99 statement statement/rana-forefront-autocracy",
			`{ st: statement(id: "statement/rana-forefront-autocracy") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "INFERRED"
			st.hedge = "interim conclusion"
			st.date = null
			st.sources.*.source.id = ["source/rana-2021"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "topic/concentration-of-power-under-xi", "person/xi-jinping"]`},
		{"Q100 statement statement/rana-lsgs-strengthen-xi",
			`{ st: statement(id: "statement/rana-lsgs-strengthen-xi") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "INFERRED"
			st.hedge = "appear to"
			st.date = null
			st.sources.*.source.id = ["source/rana-2021"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "topic/concentration-of-power-under-xi", "person/xi-jinping"]`},
		{"Q101 statement statement/rana-nomenklatura-4000",
			`{ st: statement(id: "statement/rana-nomenklatura-4000") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = "believed"
			st.date = null
			st.sources.*.source.id = ["source/rana-2021"]
			st.about.*.node.id ~ ["topic/nomenklatura"]`},
		{"Q102 statement statement/blog-too-early",
			`{ st: statement(id: "statement/blog-too-early") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "INFERRED"
			st.hedge = "too early to assess"
			st.date = null
			st.sources.*.source.id = ["source/lsg-blog-2021"]
			st.about.*.node.id ~ ["topic/leading-small-groups"]`},
		{"Q103 statement statement/2013-reorganisation-opened-information",
			`{ st: statement(id: "statement/2013-reorganisation-opened-information") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = "2013"
			st.sources.*.source.id = ["source/lsg-blog-2021"]
			st.about.*.node.id ~ ["topic/leading-small-groups"]`},
		{"Q104 statement statement/blog-all-levels",
			`{ st: statement(id: "statement/blog-all-levels") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/lsg-blog-2021"]
			st.about.*.node.id ~ ["topic/leading-small-groups"]`},
		{"Q105 statement statement/blog-commissions-contain-lsgs",
			`{ st: statement(id: "statement/blog-commissions-contain-lsgs") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/lsg-blog-2021"]
			st.about.*.node.id ~ ["group/central-commission-for-comprehensively-deepening-reform", "group/central-cybersecurity-and-informatization-commission", "group/national-security-commission", "person/xi-jinping"]`},
		{"Q106 statement statement/wiki-participants",
			`{ st: statement(id: "statement/wiki-participants") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "INFERRED"
			st.hedge = "may"
			st.date = null
			st.sources.*.source.id = ["source/wikipedia-lsg"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "institution/politburo", "institution/politburo-standing-committee"]`},
		{"Q107 statement statement/wiki-recommendations-influential",
			`{ st: statement(id: "statement/wiki-recommendations-influential") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "INFERRED"
			st.hedge = "likely"
			st.date = null
			st.sources.*.source.id = ["source/wikipedia-lsg"]
			st.about.*.node.id ~ ["topic/leading-small-groups"]`},
		{"Q108 statement statement/first-groups-set-up-in-1958",
			`{ st: statement(id: "statement/first-groups-set-up-in-1958") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = "1958"
			st.sources.*.source.id = ["source/wikipedia-lsg"]
			st.about.*.node.id ~ ["topic/leading-small-groups"]`},
		{"Q109 statement statement/wiki-1987-redefinition",
			`{ st: statement(id: "statement/wiki-1987-redefinition") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = "1987-12"
			st.sources.*.source.id = ["source/wikipedia-lsg"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "institution/ccp-central-committee"]`},
		{"Q110 statement statement/wiki-1997-formalised",
			`{ st: statement(id: "statement/wiki-1997-formalised") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = "1997"
			st.sources.*.source.id = ["source/wikipedia-lsg"]
			st.about.*.node.id ~ ["topic/leading-small-groups"]`},
		{"Q111 statement statement/groups-lapsed-in-cultural-revolution",
			`{ st: statement(id: "statement/groups-lapsed-in-cultural-revolution") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/wikipedia-lsg"]
			st.about.*.node.id ~ ["topic/leading-small-groups"]`},
		{"Q112 statement statement/commission-concentrates-foreign-policy-power",
			`{ st: statement(id: "statement/commission-concentrates-foreign-policy-power") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = "alleged"
			st.date = "2018"
			st.sources.*.source.id = ["source/thomas-fp"]
			st.about.*.node.id ~ ["group/central-foreign-affairs-commission", "person/xi-jinping"]`},
		{"Q113 statement statement/thomas-top-level-design",
			`{ st: statement(id: "statement/thomas-top-level-design") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = "is viewed as"
			st.date = null
			st.sources.*.source.id = ["source/thomas-fp"]
			st.about.*.node.id ~ ["topic/concentration-of-power-under-xi", "person/xi-jinping", "topic/leading-small-groups"]`},
		{"Q114 statement statement/member-lists-published-once",
			`{ st: statement(id: "statement/member-lists-published-once") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = "2003"
			st.sources.*.source.id = ["source/thomas-fp", "source/wen-wei-po-2003"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "group/taiwan-affairs-leading-small-group"]`},
	})
}
