package graph_test

import "testing"

// TestResearchEachValueCitesOnlyPassagesThatGiveIt asks, through the API, the questions issue 20 found
// answered with citations that do not support their value: each value now cites only
// the passages that give it, carries their quote, or says it is the curators' inference.
func TestResearchEachValueCitesOnlyPassagesThatGiveIt(t *testing.T) {
	runResearch(t, []researchCase{
		{"Chinese name and horizon of the CFAC cite only the blog, which prints them",
			`{ g: group(id: "group/central-foreign-affairs-commission") {
			     zh: claims(property: [NAME_ZH]) { value sources { source { id } quote } }
			     horizon: claims(property: [HORIZON]) { value sources { source { id } } }
			     category: claims(property: [CATEGORY]) { confidence note } } }`, `
			g.zh.*.sources.*.source.id = ["source/lsg-blog-2021"]
			g.zh.*.sources.*.quote = ["Central Foreign Affairs Commission (中央外事工作委员会)"]
			g.horizon.*.sources.*.source.id = ["source/lsg-blog-2021"]
			g.category.*.confidence = ["INFERRED"]`},
		{"the new names of two commissions cite the blog, not Rana",
			`{ a: group(id: "group/central-commission-for-comprehensively-deepening-reform") { claims(property: [NAME, NAME_ZH]) { sources { source { id } } } }
			   b: group(id: "group/central-cybersecurity-and-informatization-commission") { claims(property: [NAME, NAME_ZH]) { sources { source { id } } } } }`, `
			a.claims.*.sources.*.source.id = ["source/lsg-blog-2021", "source/lsg-blog-2021"]
			b.claims.*.sources.*.source.id = ["source/lsg-blog-2021", "source/lsg-blog-2021"]`},
		{"Wikipedia's issue areas name no group, so filtering by Wikipedia does not return them",
			`{ w: groups(filter: {sources: ["source/wikipedia-lsg"]}) { nodes { id } }
			   hk: group(id: "group/hong-kong-and-macau-leading-small-group") { aliases { name source { id } editorial } } }`, `
			w.nodes.*.id = []
			hk.aliases[name=Hong Kong and Macao].source = [null]
			hk.aliases[name=Hong Kong and Macao].editorial = [true]`},
		{"a person's Chinese name cites only a page that prints it",
			`{ p: person(id: "person/xi-jinping") { claims(property: [NAME_ZH]) { sources { source { id tier } } } } }`, `
			p.claims.*.sources.*.source.tier = ["REFERENCE"]`},
		{"a table row matched to a group, and a name no source prints, are inferences with notes",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { claims(property: [ALIAS]) { value confidence note } }
			   t: group(id: "group/taiwan-affairs-leading-small-group") { claims(property: [NAME]) { confidence note } } }`, `
			g.claims[value=Foreign Affairs CLGS].confidence = ["INFERRED"]
			t.claims.*.confidence = ["INFERRED"]
			t.claims.*.note = ["The sources print 'Taiwan Affairs LSG' (Rana, Thomas); the name spells out the abbreviation."]`},
		{"a group whose member list is partial is not complete",
			`{ g: group(id: "group/central-foreign-affairs-commission") { membersIncomplete } }`, `
			g.membersIncomplete = true`},
	})
}
