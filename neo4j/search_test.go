package neo4j

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// TestSearchStatements checks the statements of a search and their parameters: the
// revision, a snapshot only when the cached statistics are of another revision, the
// name and term lookups; and that rows the indexes over-return are scored and dropped in
// Go.
func TestSearchStatements(t *testing.T) {
	xi, hu := fixtureNode("person/xi-jinping"), fixtureNode("person/hu-jintao")
	office, hosted := fixtureNode("office/commission-general-office"), fixtureRel("hosted_by/office/commission-general-office/institution/standing-committee")
	kinds := []string{"PERSON", "OFFICE"}
	hostedRow := storedRel(t, hosted)
	hostedRow["subject"] = storedNode(t, office)
	revision := func(n int64) call {
		return call{st: stmtRevision, params: map[string]any{"ns": "test"}, recs: []record{{"revision": n}}}
	}
	snapshot := []call{
		{st: stmtSnapshotNodes, params: map[string]any{"ns": "test"},
			recs: []record{{"props": storedNode(t, xi)}, {"props": storedNode(t, hu)}, {"props": storedNode(t, office)}}},
		{st: stmtSnapshotRelations, params: map[string]any{"ns": "test"}, recs: []record{storedRel(t, hosted)}},
	}
	for _, tc := range []struct {
		name  string
		text  string
		calls []call
		want  []atlas.SearchHit
	}{
		{"a name; a row the index over-returns is dropped", "Xí Jìnpíng", append(append([]call{revision(1)}, snapshot...),
			call{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "xijinping"},
				recs: []record{{"props": storedNode(t, hu)}, {"props": storedNode(t, xi)}}},
			call{st: stmtSearchTextNodes, params: map[string]any{"ns": "test", "kinds": kinds, "query": "xi jinping"},
				recs: []record{{"props": storedNode(t, xi)}, {"props": storedNode(t, hu)}}},
			call{st: stmtSearchTextRels, params: map[string]any{"ns": "test", "kinds": kinds, "query": "xi jinping"}},
		), []atlas.SearchHit{{Node: xi, Matched: "Xi Jinping", MatchedField: "name", Snippet: "«Xi Jinping»", Score: atlas.ScoreExactName}}},
		{"a relationship's note, through its subject", "Fixture inference", append(append([]call{revision(1)}, snapshot...),
			call{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "fixtureinference"}},
			call{st: stmtSearchTextNodes, params: map[string]any{"ns": "test", "kinds": kinds, "query": "fixture inference"}},
			call{st: stmtSearchTextRels, params: map[string]any{"ns": "test", "kinds": kinds, "query": "fixture inference"},
				recs: []record{hostedRow}},
		), []atlas.SearchHit{{Node: office, Matched: "Fixture inference", MatchedField: atlas.RelationNoteField, Snippet: "«Fixture inference».",
			Score: atlas.ScoreOtherField, Relationship: &atlas.Edge{Relation: *hosted, Self: office.NodeID(), Direction: atlas.Outgoing}}}},
		{"stop words only: no full-text statement", "The", append(append([]call{revision(1)}, snapshot...),
			call{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "the"}},
		), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openReady(t, newScript(t, tc.calls...))
			res, err := s.Search(bg, atlas.SearchQuery{Text: tc.text, Kinds: []atlas.NodeKind{atlas.PersonNode, atlas.OfficeNode}})
			if err != nil {
				t.Fatal(err)
			}
			for i := range res.Hits {
				if res.Hits[i].Relevance <= 0 {
					t.Errorf("hit %d: relevance %v, want > 0", i, res.Hits[i].Relevance)
				}
				res.Hits[i].Relevance = 0 // the conformance suite holds both stores to the same values
			}
			if !reflect.DeepEqual(res.Hits, tc.want) {
				t.Errorf("got  %#v\nwant %#v", res.Hits, tc.want)
			}
		})
	}
}

// TestSearchStatisticsCached: a second search at the same revision reads no snapshot,
// and one at a newer revision does.
func TestSearchStatisticsCached(t *testing.T) {
	xi := fixtureNode("person/xi-jinping")
	kinds := []string{"PERSON"}
	search := func(rev int64, snapshot bool) []call {
		calls := []call{{st: stmtRevision, params: map[string]any{"ns": "test"}, recs: []record{{"revision": rev}}}}
		if snapshot {
			calls = append(calls, call{st: stmtSnapshotNodes, params: map[string]any{"ns": "test"}, recs: []record{{"props": storedNode(t, xi)}}},
				call{st: stmtSnapshotRelations, params: map[string]any{"ns": "test"}})
		}
		return append(calls,
			call{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "xi"}, recs: []record{{"props": storedNode(t, xi)}}},
			call{st: stmtSearchTextNodes, params: map[string]any{"ns": "test", "kinds": kinds, "query": "xi"}},
			call{st: stmtSearchTextRels, params: map[string]any{"ns": "test", "kinds": kinds, "query": "xi"}})
	}
	calls := append(append(search(1, true), search(1, false)...), search(2, true)...)
	s := openReady(t, newScript(t, calls...))
	for i := 0; i < 3; i++ {
		res, err := s.Search(bg, atlas.SearchQuery{Text: "xi", Kinds: []atlas.NodeKind{atlas.PersonNode}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 || res.Hits[0].Node.NodeID() != xi.NodeID() {
			t.Fatalf("search %d: got %+v, want Xi Jinping", i, res.Hits)
		}
	}
}
