package graph_test

import "testing"

// claim selects every field of a property claim.
const claim = `property value rank confidence note sources { source { id } locator }`

func TestResearchPropertyClaims(t *testing.T) {
	runResearch(t, []researchCase{
		{"when was the Taiwan Affairs LSG founded, says who, and who disagrees",
			`{ g: group(id: "group/taiwan-affairs-leading-small-group") { established claims(property: [ESTABLISHED]) { ` + claim + ` } } }`, `
			g.established = "1954"
			g.claims.*.value = ["1954", "1958"]
			g.claims.*.rank = ["PREFERRED", "NORMAL"]
			g.claims.*.confidence = ["DISPUTED", "DISPUTED"]
			g.claims.0.sources.*.source.id = ["source/academy-of-chinese-studies-2020"]
			g.claims.1.sources.*.source.id = ["source/thomas-fp"]
			g.claims.1.note has "LSGs in general"`},
		{"the same closing date at two precisions",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { abolished claims(property: [ABOLISHED]) { ` + claim + ` } } }`, `
			g.abolished = "2018-03"
			g.claims.*.value = ["2018-03", "2018"]
			g.claims.0.sources.*.source.id = ["source/rana-2021"]
			g.claims.0.note = null`},
		{"an alias with its own source and locator",
			`{ n: institution(id: "institution/national-development-and-reform-commission") { claims(property: [ALIAS]) { ` + claim + ` } } }`, `
			n.claims.*.value = ["NDRC"]
			n.claims.0.sources.*.source.id = ["source/rana-2021"]
			n.claims.0.sources.0.locator has "May 2021"`},
		{"every claim of a person, in property order",
			`{ p: person(id: "person/xi-jinping") { claims { property } } }`, `
			p.claims.*.property = ["NAME"]`},
		{"an editorial name is the curators' inference",
			`{ g: group(id: "group/tibet-leading-small-group") { claims(property: [NAME]) { ` + claim + ` } } }`, `
			g.claims.0 has {"confidence": "INFERRED", "rank": "PREFERRED"}
			g.claims.0.note has "curators' rendering"`},
	})
}
