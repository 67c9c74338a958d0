package loader

import (
	"testing"

	"lsgatlas/atlas"
)

// TestLevelsSplitShortAnswers: an answer holding less than its asks (a store's next
// level without relations, follow-ups for more queries than asked) is cut into entries
// and put together again without indexing past it: what is missing reads as nothing.
func TestLevelsSplitShortAnswers(t *testing.T) {
	member := atlas.Relation{ID: "m", Type: atlas.MemberOf, From: "person/a", To: "group/g"}
	asks := atlas.RelationAsks{
		Queries: []atlas.RelationQuery{{Types: []atlas.RelType{atlas.MemberOf}}},
		Next: &atlas.NextAsks{Kinds: []atlas.NodeKind{atlas.PersonNode},
			Queries: []atlas.RelationQuery{{Types: []atlas.RelType{atlas.MemberOf}}, {Types: []atlas.RelType{atlas.Holds}}}},
	}
	for _, tc := range []struct {
		name string
		got  atlas.RelationAnswers
	}{
		{"next level without relations", atlas.RelationAnswers{
			Relations: [][][]atlas.Relation{{{member}}},
			Next:      &atlas.NextAnswers{IDs: []string{"person/a"}}}},
		{"next level with one query of two", atlas.RelationAnswers{
			Relations: [][][]atlas.Relation{{{member}}},
			Next:      &atlas.NextAnswers{IDs: []string{"person/a"}, Relations: [][][]atlas.Relation{{{member}}}}}},
		{"no relations at all", atlas.RelationAnswers{}},
		{"follow-ups for a query not asked", atlas.RelationAnswers{
			Relations: [][][]atlas.Relation{{{member}}},
			Then:      []map[string][]atlas.Relation{nil, {"person/a": nil}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries := splitLevels([]string{"group/g"}, []atlas.Node{nil}, asks, tc.got)
			_, got := mergeLevels([]string{"group/g", "group/g"}, asks, map[string]*levelEntry{"group/g": entries[0]})
			if len(got.Relations) != 1 || len(got.Relations[0]) != 2 || len(got.Next.Relations) != 2 {
				t.Errorf("merged %+v; want one query's relations for both ids and two next queries", got)
			}
		})
	}
}
