package neo4j

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// TestSearchStatements checks the parameters of the three search statements and that
// rows the indexes over-return are scored and dropped in Go.
func TestSearchStatements(t *testing.T) {
	xi, hu := fixtureNode("person/xi-jinping"), fixtureNode("person/hu-jintao")
	office, hosted := fixtureNode("office/commission-general-office"), fixtureRel("hosted_by/office/commission-general-office/institution/standing-committee")
	kinds := []string{"PERSON", "OFFICE"}
	hostedRow := storedRel(t, hosted)
	hostedRow["subject"] = storedNode(t, office)
	for _, tc := range []struct {
		name  string
		text  string
		calls []call
		want  []atlas.SearchHit
	}{
		{"a name; a row the index over-returns is dropped", "Xí Jìnpíng", []call{
			{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "xijinping"},
				recs: []record{{"props": storedNode(t, hu)}, {"props": storedNode(t, xi)}}},
			{st: stmtSearchTextNodes, params: map[string]any{"ns": "test", "kinds": kinds, "query": `"xi jinping"`},
				recs: []record{{"props": storedNode(t, xi)}}},
			{st: stmtSearchTextRels, params: map[string]any{"ns": "test", "kinds": kinds, "query": `"xi jinping"`}},
		}, []atlas.SearchHit{{Node: xi, Matched: "Xi Jinping", MatchedField: "name", Snippet: "«Xi Jinping»", Score: atlas.ScoreExactName}}},
		{"a relationship's note, through its subject", "Fixture inference", []call{
			{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "fixtureinference"}},
			{st: stmtSearchTextNodes, params: map[string]any{"ns": "test", "kinds": kinds, "query": `"fixture inference"`}},
			{st: stmtSearchTextRels, params: map[string]any{"ns": "test", "kinds": kinds, "query": `"fixture inference"`},
				recs: []record{hostedRow}},
		}, []atlas.SearchHit{{Node: office, Matched: "Fixture inference", MatchedField: atlas.RelationNoteField, Snippet: "«Fixture inference».",
			Score: atlas.ScoreOtherField, Relationship: &atlas.Edge{Relation: *hosted, Self: office.NodeID(), Direction: atlas.Outgoing}}}},
		{"stop words only: no full-text statement", "The", []call{
			{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "the"}},
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openReady(t, newScript(t, tc.calls...))
			hits, err := s.Search(bg, atlas.SearchQuery{Text: tc.text, Kinds: []atlas.NodeKind{atlas.PersonNode, atlas.OfficeNode}})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(hits, tc.want) {
				t.Errorf("got  %#v\nwant %#v", hits, tc.want)
			}
		})
	}
}
