package graph_test

import "testing"

// Search over the real dataset, through the API: the done-when line of issue 11 (an
// author, a publisher, a phrase of a description, a Chinese word that is not a whole
// name), and where each hit says it matched.
func TestSearchDataset(t *testing.T) {
	const hit = `node { id } matched matchedField snippet score`
	runResearch(t, []researchCase{
		{"an author",
			`{ s: search(text: "Jean-Pierre Cabestan") { ` + hit + ` } k: search(text: "knox") { ` + hit + ` } }`, `
			s = [{"node": {"id": "person/jean-pierre-cabestan"}, "matched": "Jean-Pierre Cabestan", "matchedField": "name", "snippet": "«Jean-Pierre Cabestan»", "score": 4}, {"node": {"id": "source/cabestan-2009"}, "matched": "Jean-Pierre Cabestan", "matchedField": "author", "snippet": "«Jean-Pierre Cabestan»", "score": 1}]
			k[matchedField=author] = [{"node": {"id": "source/sipri-2010"}, "matched": "Knox", "matchedField": "author", "snippet": "«Knox»", "score": 1}]
			k[matchedField=note].node.id = ["source/rana-2021"]`},
		{"a publisher",
			`{ s: search(text: "China Leadership Monitor", types: [SOURCE]) { ` + hit + ` } p: search(text: "China Leadership Monitor", types: [PERSON]) { node { id } matchedField } }`, `
			s.0.node.id = "source/miller-2014"
			s.1.node.id = "source/miller-2008"
			p.0 = {"node": {"id": "person/alice-miller"}, "matchedField": "description"}
			s.0 has {"matched": "China Leadership Monitor", "matchedField": "publisher", "snippet": "«China Leadership Monitor»", "score": 1}
			s.1 has {"matched": "China Leadership Monitor", "matchedField": "publisher", "snippet": "«China Leadership Monitor»", "score": 1}`},
		{"a Chinese word in a publisher's name",
			`{ s: search(text: "社会科学") { ` + hit + ` } }`, `
			s = [{"node": {"id": "source/zhou-wang-2010"}, "matched": "社会科学", "matchedField": "publisher", "snippet": "Yunnan Social Science 云南«社会科学»", "score": 1}]`},
		{"a phrase of a description",
			`{ s: search(text: "where it is labelled simply") { ` + hit + ` } }`, `
			s.0.node.id = "group/tibet-leading-small-group"
			s.1.node.id = "group/xinjiang-leading-small-group"
			s.0.snippet = "…group takes in (Tsai & Zhou via Rana), «where it is labelled simply» 'Tibet'; the full English name is editorial."
			s.0 has {"matchedField": "description", "score": 1}
			s.1 has {"matchedField": "description", "score": 1}`},
		{"a Chinese word inside a name, not the whole name",
			`{ s: search(text: "外事", types: [GROUP]) { ` + hit + ` } }`, `
			s = [{"node": {"id": "group/foreign-affairs-group"}, "matched": "外事組", "matchedField": "nameZh", "snippet": "«外事»組", "score": 3}, {"node": {"id": "group/central-foreign-affairs-commission"}, "matched": "中央外事工作委员会", "matchedField": "nameZh", "snippet": "中央«外事»工作委员会", "score": 2}]`},
		{"a relationship's locator, with the relationship",
			`{ s: search(text: "paragraph on the MFA under Party pressure", types: [POSITION]) { node { id } matchedField relationship { id node { id } } } }`, `
			s[matchedField=relationship.locator] = [{"node": {"id": "position/foreign-minister"}, "matchedField": "relationship.locator", "relationship": {"id": "position_in/position/foreign-minister/institution/ministry-of-foreign-affairs", "node": {"id": "institution/ministry-of-foreign-affairs"}}}]
			s.0.matchedField = "locator"`},
		{"searchResults counts every hit by type, and first: 0 gives only the counts",
			`{ r: searchResults(text: "vested interests", first: 1) { total counts { kind count } hits { node { id } matchedField } }
			   c: searchResults(text: "vested interests", first: 0) { total hits { node { id } } } }`, `
			r.hits = [{"node": {"id": "statement/academy-lsg-cut-through-interests"}, "matchedField": "text"}]
			r.counts.*.kind = ["PERSON", "STATEMENT"]
			r.total = 2
			c = {"total": 2, "hits": []}`},
		{"the examples of issue 21 find their node first",
			`{ a: search(text: "HK and M LSG", first: 1) { node { id } score }
			   b: search(text: "習近平", first: 1) { node { id } matched score }
			   c: search(text: "中财办", first: 1) { node { id } matched matchedField } }`, `
			a = [{"node": {"id": "group/hong-kong-and-macau-leading-small-group"}, "score": 2}]
			b = [{"node": {"id": "person/xi-jinping"}, "matched": "习近平", "score": 4}]
			c = [{"node": {"id": "office/finance-and-economy-leading-small-group-office"}, "matched": "中财办", "matchedField": "alias"}]`},
	})
}
