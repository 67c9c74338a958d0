package graph_test

import "testing"

// Research questions 115-145 of seed/questions.md (issue 12): Chinese names and
// tenures from the reference tier, statements, documents, spellings and what the
// sources leave unsaid.
func TestResearchStatementsAndDocumentsWithTheirSources(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q115 statement statement/thomas-cfac-strengthens-ccp",
			`{ st: statement(id: "statement/thomas-cfac-strengthens-ccp") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/thomas-fp"]
			st.about.*.node.id ~ ["group/central-foreign-affairs-commission", "topic/concentration-of-power-under-xi"]`},
		{"Q116 statement statement/thomas-chapter-ix",
			`{ st: statement(id: "statement/thomas-chapter-ix") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "DISPUTED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/thomas-fp"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "document/ccp-constitution"]`},
		{"Q117 statement statement/thomas-control-fragmentation",
			`{ st: statement(id: "statement/thomas-control-fragmentation") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/thomas-fp"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "topic/horizontal-fragmentation"]`},
		{"Q118 statement statement/zhu-regulation-passed",
			`{ st: statement(id: "statement/zhu-regulation-passed") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = "2015-05-29"
			st.sources.*.source.id = ["source/zhu-2015"]
			st.about.*.node.id ~ ["document/party-group-regulation-2015", "institution/politburo", "person/xi-jinping"]`},
		{"Q119 statement statement/zhu-community-opinion-party-lead",
			`{ st: statement(id: "statement/zhu-community-opinion-party-lead") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/zhu-2015"]
			st.about.*.node.id ~ ["document/community-consultation-opinion-2015", "topic/community-consultation"]`},
		{"Q120 statement statement/zhu-inspection-scope",
			`{ st: statement(id: "statement/zhu-inspection-scope") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/zhu-2015", "source/china-law-translate-party-inspections"]
			st.about.*.node.id ~ ["document/inspection-regulations-2015", "topic/party-inspection"]`},
		{"Q121 statement statement/zhu-programme-separation-tasks",
			`{ st: statement(id: "statement/zhu-programme-separation-tasks") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "STATED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/zhu-2015"]
			st.about.*.node.id ~ ["document/business-association-separation-programme-2015"]`},
		{"Q122 statement statement/tsai-zhou-integrated-fragmentation",
			`{ st: statement(id: "statement/tsai-zhou-integrated-fragmentation") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = "may be regarded"
			st.date = null
			st.sources.*.source.id = ["source/tsai-zhou-2019"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "topic/integrated-fragmentation"]`},
		{"Q123 statement statement/tsai-zhou-commissions-still-lsgs",
			`{ st: statement(id: "statement/tsai-zhou-commissions-still-lsgs") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = "2018-03"
			st.sources.*.source.id = ["source/tsai-zhou-2019"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "topic/march-2018-reorganization", "group/central-commission-for-comprehensively-deepening-reform", "group/central-cybersecurity-and-informatization-commission"]`},
		{"Q124 statement statement/tsai-zhou-xi-three-groups",
			`{ st: statement(id: "statement/tsai-zhou-xi-three-groups") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/tsai-zhou-2019"]
			st.about.*.node.id ~ ["topic/concentration-of-power-under-xi", "person/xi-jinping"]`},
		{"Q125 statement statement/sipri-mfa-one-actor",
			`{ st: statement(id: "statement/sipri-mfa-one-actor") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = "not necessarily"
			st.date = "2010"
			st.sources.*.source.id = ["source/sipri-2010"]
			st.about.*.node.id ~ ["institution/ministry-of-foreign-affairs", "topic/foreign-policy-making"]`},
		{"Q126 statement statement/sipri-dai-most-influential",
			`{ st: statement(id: "statement/sipri-dai-most-influential") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = "2010"
			st.sources.*.source.id = ["source/sipri-2010"]
			st.about.*.node.id ~ ["person/dai-bingguo"]`},
		{"Q127 statement statement/zhou-medium-term-groups",
			`{ st: statement(id: "statement/zhou-medium-term-groups") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/zhou-wang-2010"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "group/first-economic-census-leading-small-group", "group/three-gorges-project-construction-commission"]`},
		{"Q128 statement statement/zhou-permanent-groups",
			`{ st: statement(id: "statement/zhou-permanent-groups") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/zhou-wang-2010"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "group/central-financial-and-economic-affairs-commission", "group/central-foreign-affairs-commission"]`},
		{"Q129 statement statement/zhou-three-horizons",
			`{ st: statement(id: "statement/zhou-three-horizons") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/zhou-wang-2010"]
			st.about.*.node.id ~ ["topic/leading-small-groups"]`},
		{"Q130 statement statement/merics-new-use",
			`{ st: statement(id: "statement/merics-new-use") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = "suggested"
			st.date = "2019-10-19"
			st.sources.*.source.id = ["source/merics-2019"]
			st.about.*.node.id ~ ["topic/leading-small-groups", "person/xi-jinping"]`},
		{"Q131 statement statement/xinhua-organisational-guarantee",
			`{ st: statement(id: "statement/xinhua-organisational-guarantee") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = "2015-05-29"
			st.sources.*.source.id = ["source/xinhuanet-2015-05-29"]
			st.about.*.node.id ~ ["group/leading-party-members-groups", "document/party-group-regulation-2015"]`},
		{"Q132 statement statement/xinhua-advantages-and-history",
			`{ st: statement(id: "statement/xinhua-advantages-and-history") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/xinhuanet-2015-05-29"]
			st.about.*.node.id ~ ["group/leading-party-members-groups"]`},
		{"Q133 statement statement/xinhua-party-committees-implement",
			`{ st: statement(id: "statement/xinhua-party-committees-implement") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/xinhuanet-2015-05-29"]
			st.about.*.node.id ~ ["document/party-group-regulation-2015", "institution/party-committees"]`},
		{"Q134 statement statement/xinhua-regulation-fundamental",
			`{ st: statement(id: "statement/xinhua-regulation-fundamental") { text confidence hedge date sources { source { id } } about { node { id } } } }`, `
			st.confidence = "REPORTED"
			st.hedge = null
			st.date = null
			st.sources.*.source.id = ["source/xinhuanet-2015-05-29"]
			st.about.*.node.id ~ ["document/party-group-regulation-2015", "group/leading-party-members-groups"]`},
		{"Q135 document document/party-group-regulation-2015",
			`{ d: document(id: "document/party-group-regulation-2015") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "REGULATION"
			d.issued = "2015-05-29"
			d.issuedBy.*.node.id ~ ["institution/politburo"]
			d.concerns.*.node.id ~ ["group/leading-party-members-groups", "institution/social-organizations", "topic/party-building-in-social-organizations"]
			d.basedOn.*.node.id ~ []`},
		{"Q136 document document/community-consultation-opinion-2015",
			`{ d: document(id: "document/community-consultation-opinion-2015") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "OPINION"
			d.issued = "2015-07"
			d.issuedBy.*.node.id ~ ["institution/general-office-of-the-ccp-central-committee", "institution/general-office-of-the-state-council"]
			d.concerns.*.node.id ~ ["topic/party-building-in-social-organizations", "topic/community-consultation"]
			d.basedOn.*.node.id ~ []`},
		{"Q137 document document/business-association-separation-programme-2015",
			`{ d: document(id: "document/business-association-separation-programme-2015") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "PROGRAMME"
			d.issued = "2015-07"
			d.issuedBy.*.node.id ~ ["institution/general-office-of-the-ccp-central-committee", "institution/general-office-of-the-state-council"]
			d.concerns.*.node.id ~ ["institution/social-organizations", "topic/trade-association-decoupling"]
			d.basedOn.*.node.id ~ ["document/decision-on-comprehensively-deepening-reform", "document/plan-for-state-council-institutional-restructuring"]`},
		{"Q138 document document/cppcc-deliberative-democracy-opinion-2015",
			`{ d: document(id: "document/cppcc-deliberative-democracy-opinion-2015") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "OPINION"
			d.issued = "2015-06"
			d.issuedBy.*.node.id ~ ["institution/general-office-of-the-ccp-central-committee"]
			d.concerns.*.node.id ~ ["institution/cppcc", "group/cppcc-party-group", "topic/deliberative-democracy"]
			d.basedOn.*.node.id ~ []`},
		{"Q139 document document/public-institution-leading-personnel-provisions-2015",
			`{ d: document(id: "document/public-institution-leading-personnel-provisions-2015") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "PROVISIONS"
			d.issued = "2015-06"
			d.issuedBy.*.node.id ~ ["institution/general-office-of-the-ccp-central-committee"]
			d.concerns.*.node.id ~ ["topic/party-building-in-social-organizations", "topic/public-institution-leadership"]
			d.basedOn.*.node.id ~ ["document/public-institution-registration-regulations"]`},
		{"Q140 document document/public-institution-registration-regulations",
			`{ d: document(id: "document/public-institution-registration-regulations") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "REGULATION"
			d.issued = null
			d.issuedBy.*.node.id ~ []
			d.concerns.*.node.id ~ ["topic/public-institution-leadership"]
			d.basedOn.*.node.id ~ []`},
		{"Q141 document document/inspection-regulations-2015",
			`{ d: document(id: "document/inspection-regulations-2015") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "REGULATION"
			d.issued = "2015-08"
			d.issuedBy.*.node.id ~ ["institution/ccp-central-committee"]
			d.concerns.*.node.id ~ ["topic/party-building-in-social-organizations", "topic/party-inspection", "institution/party-organizations"]
			d.basedOn.*.node.id ~ ["document/ccp-constitution"]`},
		{"Q142 document document/ccp-constitution",
			`{ d: document(id: "document/ccp-constitution") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "OTHER"
			d.issued = null
			d.issuedBy.*.node.id ~ []
			d.concerns.*.node.id ~ ["topic/leading-small-groups", "group/leading-party-members-groups", "institution/party-organizations"]
			d.basedOn.*.node.id ~ []`},
		{"Q143 document document/decision-on-comprehensively-deepening-reform",
			`{ d: document(id: "document/decision-on-comprehensively-deepening-reform") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "DECISION"
			d.issued = null
			d.issuedBy.*.node.id ~ ["institution/ccp-central-committee"]
			d.concerns.*.node.id ~ []
			d.basedOn.*.node.id ~ []`},
		{"Q144 document document/plan-for-state-council-institutional-restructuring",
			`{ d: document(id: "document/plan-for-state-council-institutional-restructuring") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "PLAN"
			d.issued = null
			d.issuedBy.*.node.id ~ []
			d.concerns.*.node.id ~ ["institution/state-council"]
			d.basedOn.*.node.id ~ []`},
		{"Q145 document document/guidance-pilot-rural-community-construction-2015",
			`{ d: document(id: "document/guidance-pilot-rural-community-construction-2015") { kind issued issuedBy { node { id } } concerns { node { id } } basedOn { node { id } } } }`, `
			d.kind = "OPINION"
			d.issued = "2015"
			d.issuedBy.*.node.id ~ ["institution/general-office-of-the-ccp-central-committee", "institution/general-office-of-the-state-council"]
			d.concerns.*.node.id ~ ["topic/rural-community-building"]
			d.basedOn.*.node.id ~ []`},
	})
}
