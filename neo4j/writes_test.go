package neo4j

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// TestTouchedNodes: a write records each node it writes or deletes and the start of each
// relationship it writes or deletes, once each and sorted; past maxListedTouched it
// records none (null), which tells a reader to read everything.
func TestTouchedNodes(t *testing.T) {
	xi, office := fixtureNode("person/xi-jinping"), fixtureNode("office/commission-general-office")
	hosted := fixtureRel("hosted_by/office/commission-general-office/institution/standing-committee")
	defer func(n int) { maxListedTouched = n }(maxListedTouched)
	maxListedTouched = 3
	for _, tc := range []struct {
		name   string
		change *atlas.DataChange
		want   []string
	}{
		{"no data", nil, []string{}},
		{"a node written", &atlas.DataChange{UpsertNodes: []atlas.Node{xi}}, []string{"person/xi-jinping"}},
		{"a relationship written: its start", &atlas.DataChange{UpsertRelations: []*atlas.Relation{hosted}},
			[]string{"office/commission-general-office"}},
		{"deletions, and one node twice", &atlas.DataChange{UpsertNodes: []atlas.Node{office}, DeleteNodes: []string{"person/dropped"},
			DeleteRelations: []*atlas.Relation{hosted}}, []string{"office/commission-general-office", "person/dropped"}},
		{"as many as may be listed", &atlas.DataChange{UpsertNodes: []atlas.Node{xi, office}, DeleteNodes: []string{"person/dropped"}},
			[]string{"office/commission-general-office", "person/dropped", "person/xi-jinping"}},
		{"more than may be listed", &atlas.DataChange{UpsertNodes: []atlas.Node{xi, office}, DeleteNodes: []string{"person/a", "person/b"}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := touchedNodes(tc.change); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

// TestSearchAnalysisSince: a search at a revision another process made brings the kept
// analysis forward by reading only the nodes the writes in between recorded touching,
// with their outgoing relationships (a relationship the read lacks is dropped), when
// every revision in between has a record listing them; otherwise it reads a snapshot.
// Either way the search finds the renamed office, and no longer the deleted
// relationship's note.
func TestSearchAnalysisSince(t *testing.T) {
	xi, office := fixtureNode("person/xi-jinping"), fixtureNode("office/commission-general-office")
	hosted := fixtureRel("hosted_by/office/commission-general-office/institution/standing-committee")
	renamed := *office.(*atlas.Office)
	renamed.Name = "Zanzibar Harbour Office"
	writesSince := func(upTo int64, recs ...record) call {
		return call{st: stmtWritesSince, params: map[string]any{"ns": "test", "after": int64(1), "upTo": upTo}, recs: recs}
	}
	officeKeys := []string{"test:" + office.NodeID()}
	derived := []call{
		{st: stmtNodesByKey, params: map[string]any{"ns": "test", "keys": officeKeys, "props": nil}, recs: []record{{"props": storedNode(t, &renamed)}}},
		{st: stmtRelationsOf, params: map[string]any{"ns": "test", "keys": officeKeys, "types": []string{}, "roles": []string{}, "outgoing": true,
			"incoming": false, "asOfFrom": nil, "asOfTo": nil, "sources": []string{}, "includeRelayed": false, "tiers": []string{}}},
	}
	touched := []any{office.NodeID()}
	for _, tc := range []struct {
		name    string
		rev     int64
		forward []call // the rebuild's reads after its revision
	}{
		{"one write, recorded: the office alone is read", 2, append([]call{writesSince(2, record{"revision": int64(2), "nodes": touched})}, derived...)},
		{"two writes, recorded", 3, append([]call{writesSince(3, record{"revision": int64(2), "nodes": []any{}},
			record{"revision": int64(3), "nodes": touched})}, derived...)},
		{"a revision with no record: a snapshot", 3, append([]call{writesSince(3, record{"revision": int64(3), "nodes": touched})},
			snapshotRead(t, []atlas.Node{xi, &renamed}, nil)...)},
		{"a write that touched too many to list: a snapshot", 2, append([]call{writesSince(2, record{"revision": int64(2), "nodes": nil})},
			snapshotRead(t, []atlas.Node{xi, &renamed}, nil)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The first search, at revision 1: no hit, so nothing is read whole. The second,
			// at tc.rev, brings the analysis forward; the third uses it as it is.
			calls := append([]call{revisionRead(1), revisionRead(1)}, snapshotRead(t, []atlas.Node{xi, office}, []*atlas.Relation{hosted})...)
			calls = append(append(append(calls, revisionRead(tc.rev), revisionRead(tc.rev)), tc.forward...), wholeRead(t, &renamed), revisionRead(tc.rev))
			s := openReady(t, newScript(t, calls...))
			for _, q := range []struct {
				text string
				want []string
			}{
				{"zanzibar harbour", nil},
				{"zanzibar harbour", []string{office.NodeID()}},
				{"fixture inference", nil},
			} {
				res, err := s.Search(bg, atlas.SearchQuery{Text: q.text})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, h := range res.Hits {
					got = append(got, h.Node.NodeID())
				}
				if !reflect.DeepEqual(got, q.want) {
					t.Errorf("%q: got %v, want %v", q.text, got, q.want)
				}
			}
		})
	}
}
