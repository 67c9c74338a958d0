package graph_test

import "testing"

// Research questions 47-80 of seed/questions.md (issue 12): Chinese names and
// tenures from the reference tier, statements, documents, spellings and what the
// sources leave unsaid.
func TestResearchChineseNamesOfPeopleAndBodies(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q47 Chinese name of person/xi-jinping",
			`{ p: person(id: "person/xi-jinping") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "习近平"
			p.claims[rank=PREFERRED].value = ["习近平"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-moneyit-xi-jinping"]`},
		{"Q48 Chinese name of person/li-keqiang",
			`{ p: person(id: "person/li-keqiang") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "李克强"
			p.claims[rank=PREFERRED].value = ["李克强"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-simple-wikipedia-li-keqiang"]`},
		{"Q49 Chinese name of person/yang-jiechi",
			`{ p: person(id: "person/yang-jiechi") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "杨洁篪"
			p.claims[rank=PREFERRED].value = ["杨洁篪"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-en-m-wikipedia-yang-jiechi"]`},
		{"Q50 Chinese name of person/wang-yi",
			`{ p: person(id: "person/wang-yi") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "王毅"
			p.claims[rank=PREFERRED].value = ["王毅"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-kiwix-2018-wang-yi"]`},
		{"Q51 Chinese name of person/dai-bingguo",
			`{ p: person(id: "person/dai-bingguo") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "戴秉国"
			p.claims[rank=PREFERRED].value = ["戴秉国"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-wikizero-dai-bingguo"]`},
		{"Q52 Chinese name of person/chen-deming",
			`{ p: person(id: "person/chen-deming") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "陈德铭"
			p.claims[rank=PREFERRED].value = ["陈德铭"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-linproxy-en-m-wikipedia-chen-deming"]`},
		{"Q53 Chinese name of person/liang-guanglie",
			`{ p: person(id: "person/liang-guanglie") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "梁光烈"
			p.claims[rank=PREFERRED].value = ["梁光烈"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-sewiki-liang-guanglie"]`},
		{"Q54 Chinese name of person/geng-huichang",
			`{ p: person(id: "person/geng-huichang") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "耿惠昌"
			p.claims[rank=PREFERRED].value = ["耿惠昌"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-knowpia-geng-huichang"]`},
		{"Q55 Chinese name of person/han-zheng",
			`{ p: person(id: "person/han-zheng") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "韩正"
			p.claims[rank=PREFERRED].value = ["韩正"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-cloudfront-han-zheng"]`},
		{"Q56 Chinese name of person/liu-he",
			`{ p: person(id: "person/liu-he") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "刘鹤"
			p.claims[rank=PREFERRED].value = ["刘鹤"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-iiab-2023-liu-he"]`},
		{"Q57 Chinese name of person/wang-yong",
			`{ p: person(id: "person/wang-yong") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "王勇"
			p.claims[rank=PREFERRED].value = ["王勇"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-pinocchiopedia-wang-yong"]`},
		{"Q58 Chinese name of person/he-lifeng",
			`{ p: person(id: "person/he-lifeng") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "何立峰"
			p.claims[rank=PREFERRED].value = ["何立峰"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-movatter-he-lifeng"]`},
		{"Q59 Chinese name of person/wang-huning",
			`{ p: person(id: "person/wang-huning") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "王沪宁"
			p.claims[rank=PREFERRED].value = ["王沪宁"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-earthspot-wang-huning"]`},
		{"Q60 Chinese name of person/liu-yunshan",
			`{ p: person(id: "person/liu-yunshan") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "刘云山"
			p.claims[rank=PREFERRED].value = ["刘云山"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-piglix-liu-yunshan"]`},
		{"Q61 Chinese name of person/zhang-gaoli",
			`{ p: person(id: "person/zhang-gaoli") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "张高丽"
			p.claims[rank=PREFERRED].value = ["张高丽"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-richxsearch-zhang-gaoli"]`},
		{"Q62 Chinese name of person/qi-yu",
			`{ p: person(id: "person/qi-yu") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "齐玉"
			p.claims[rank=PREFERRED].value = ["齐玉"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-plenum-2019-zhang-ji"]`},
		{"Q63 Chinese name of person/zhang-ji",
			`{ p: person(id: "person/zhang-ji") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "张骥"
			p.claims[rank=PREFERRED].value = ["张骥"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-plenum-2019-zhang-ji"]`},
		{"Q64 Chinese name of person/zhou-enlai",
			`{ p: person(id: "person/zhou-enlai") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "周恩来"
			p.claims[rank=PREFERRED].value = ["周恩来"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-wikimili-list-of-premiers"]`},
		{"Q65 Chinese name of person/chen-yi",
			`{ p: person(id: "person/chen-yi") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "陈毅"
			p.claims[rank=PREFERRED].value = ["陈毅"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-en-m-wikipedia-chen-yi"]`},
		{"Q66 Chinese name of person/hu-jintao",
			`{ p: person(id: "person/hu-jintao") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "胡锦涛"
			p.claims[rank=PREFERRED].value = ["胡锦涛"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-conservapedia-hu-jintao", "source/ref-clateway-hu-jintao"]`},
		{"Q67 Chinese name of person/mao-zedong",
			`{ p: person(id: "person/mao-zedong") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "毛泽东"
			p.claims[rank=PREFERRED].value = ["毛泽东"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-pinocchiopedia-state-representatives"]`},
		{"Q68 Chinese name of person/deng-xiaoping",
			`{ p: person(id: "person/deng-xiaoping") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "邓小平"
			p.claims[rank=PREFERRED].value = ["邓小平"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-archive-org-deng-xiaoping", "source/ref-conservapedia-deng-xiaoping"]`},
		{"Q69 Chinese name of person/jiang-zemin",
			`{ p: person(id: "person/jiang-zemin") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "江泽民"
			p.claims[rank=PREFERRED].value = ["江泽民"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-wikipedia-jiang-zemin"]`},
		{"Q70 Chinese name of person/zhou-wang",
			`{ p: person(id: "person/zhou-wang") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "周望"
			p.claims[rank=PREFERRED].value = ["周望"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/lsg-blog-2021"]`},
		{"Q71 Chinese name of person/hua-guofeng",
			`{ p: person(id: "person/hua-guofeng") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "华国锋"
			p.claims[rank=PREFERRED].value = ["华国锋"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-wikimili-list-of-premiers"]`},
		{"Q72 Chinese name of person/zhao-ziyang",
			`{ p: person(id: "person/zhao-ziyang") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "赵紫阳"
			p.claims[rank=PREFERRED].value = ["赵紫阳"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-archontology-prc-heads-of-government"]`},
		{"Q73 Chinese name of person/li-peng",
			`{ p: person(id: "person/li-peng") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "李鹏"
			p.claims[rank=PREFERRED].value = ["李鹏"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-wikizero-li-peng"]`},
		{"Q74 Chinese name of person/zhu-rongji",
			`{ p: person(id: "person/zhu-rongji") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "朱镕基"
			p.claims[rank=PREFERRED].value = ["朱镕基"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-piglix-zhu-rongji"]`},
		{"Q75 Chinese name of person/wen-jiabao",
			`{ p: person(id: "person/wen-jiabao") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "温家宝"
			p.claims[rank=PREFERRED].value = ["温家宝"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-wikipedia-wen-jiabao"]`},
		{"Q76 Chinese name of person/li-qiang",
			`{ p: person(id: "person/li-qiang") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "李强"
			p.claims[rank=PREFERRED].value = ["李强"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-mirror-li-qiang"]`},
		{"Q77 Chinese name of person/hu-yaobang",
			`{ p: person(id: "person/hu-yaobang") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { id tier } } } } }`, `
			p.nameZh = "胡耀邦"
			p.claims[rank=PREFERRED].value = ["胡耀邦"]
			p.claims[rank=PREFERRED].sources.*.source.id = ["source/ref-studentb-hu-yaobang"]`},
		{"Q78 Chinese name of institution/politburo",
			`{ n: institution(id: "institution/politburo") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中国共产党中央政治局"
			n.claims.*.value ~ ["中国共产党中央政治局"]`},
		{"Q79 Chinese name of institution/politburo-standing-committee",
			`{ n: institution(id: "institution/politburo-standing-committee") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中国共产党中央政治局常务委员会"
			n.claims.*.value ~ ["中国共产党中央政治局常务委员会"]`},
		{"Q80 Chinese name of institution/state-council",
			`{ n: institution(id: "institution/state-council") { nameZh claims(property: [NAME_ZH]) { value rank sources { source { tier } } } } }`, `
			n.nameZh = "中华人民共和国国务院"
			n.claims.*.value ~ ["中华人民共和国国务院"]`},
	})
}
