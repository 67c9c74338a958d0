package neo4j

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// candidateRow is a node as the search statements return it: the values of
// candidateProps.
func candidateRow(t *testing.T, n atlas.Node) record {
	return record{"props": candidateValues(t, n)}
}

func candidateValues(t *testing.T, n atlas.Node) []any {
	stored := storedNode(t, n)
	values := make([]any, len(candidateProps))
	for i, p := range candidateProps {
		values[i] = stored[p]
	}
	return values
}

// wholeRead is the nodes_by_key that reads the nodes whole, after ranking (the hits) or
// before it (candidates the kept analysis does not know).
func wholeRead(t *testing.T, ns ...atlas.Node) call {
	keys := make([]string, len(ns))
	recs := make([]record, len(ns))
	for i, n := range ns {
		keys[i], recs[i] = "test:"+n.NodeID(), record{"props": storedNode(t, n)}
	}
	return call{st: stmtNodesByKey, params: map[string]any{"ns": "test", "keys": keys, "props": nil}, recs: recs}
}

// revisionRead is the read of the namespace's revision, at n.
func revisionRead(n int64) call {
	return call{st: stmtRevision, params: map[string]any{"ns": "test"}, recs: []record{{"revision": n}}}
}

// snapshotRead is the read of a snapshot holding these nodes and relationships.
func snapshotRead(t *testing.T, nodes []atlas.Node, rels []*atlas.Relation) []call {
	nodeRecs, relRecs := make([]record, len(nodes)), make([]record, len(rels))
	for i, n := range nodes {
		nodeRecs[i] = record{"props": storedNode(t, n)}
	}
	for i, r := range rels {
		relRecs[i] = storedRel(t, r)
	}
	return []call{{st: stmtSnapshotNodes, params: map[string]any{"ns": "test"}, recs: nodeRecs},
		{st: stmtSnapshotRelations, params: map[string]any{"ns": "test"}, recs: relRecs}}
}

// TestSearchStatements checks the statements of a search and their parameters: the
// revision, a rebuild (the revision and a snapshot, in a transaction of their own) only
// when the cached analysis is of another revision, and one read of the hits kept, whole
// (and of the relationships they were found through). At the revision the analysis was
// read at, the candidates come from its index; when a write landed while it was read,
// from Neo4j's name and term lookups, partial, where rows the indexes over-return are
// scored and dropped in Go and a candidate the analysis does not know is read whole
// before it is scored.
func TestSearchStatements(t *testing.T) {
	xi, hu := fixtureNode("person/xi-jinping"), fixtureNode("person/hu-jintao")
	office, hosted := fixtureNode("office/commission-general-office"), fixtureRel("hosted_by/office/commission-general-office/institution/standing-committee")
	kinds := []string{"PERSON", "OFFICE"}
	hostedRow := record{"subject": candidateValues(t, office), "type": string(hosted.Type), "from": hosted.From, "to": hosted.To, "id": hosted.ID}
	hostedWhole := relRow(t, hosted, "test:"+hosted.From)
	relationsOfHosted := call{st: stmtRelationsOf, params: map[string]any{"ns": "test", "keys": []string{"test:" + hosted.From}, "types": []string{string(hosted.Type)},
		"roles": []string{}, "outgoing": true, "incoming": false, "asOfFrom": nil, "asOfTo": nil, "sources": []string{}, "includeRelayed": false,
		"tiers": []string{}}, recs: []record{hostedWhole}}
	// searched is a search in a transaction at revision 1 whose rebuild reads its snapshot
	// at revision rev, with these nodes and relationships, then makes the calls then.
	searched := func(rev int64, nodes []atlas.Node, rels []*atlas.Relation, then ...call) []call {
		calls := append([]call{revisionRead(1), revisionRead(rev)}, snapshotRead(t, nodes, rels)...)
		return append(calls, then...)
	}
	all, allRels := []atlas.Node{xi, hu, office}, []*atlas.Relation{hosted}
	nameHit := []atlas.SearchHit{{Node: xi, Matched: "Xi Jinping", MatchedField: "name", Snippet: "«Xi Jinping»", Score: atlas.ScoreExactName}}
	noteHit := []atlas.SearchHit{{Node: office, Matched: "Fixture inference", MatchedField: atlas.RelationNoteField, Snippet: "«Fixture inference».",
		Score: atlas.ScoreOtherField, Relationship: &atlas.Edge{Relation: *hosted, Self: office.NodeID(), Direction: atlas.Outgoing}}}
	for _, tc := range []struct {
		name  string
		text  string
		calls []call
		want  []atlas.SearchHit
	}{
		{"a name, from the kept index", "Xí Jìnpíng", searched(1, all, allRels, wholeRead(t, xi)), nameHit},
		{"a relationship's note, through its subject, from the kept index", "Fixture inference",
			searched(1, all, allRels, wholeRead(t, office), relationsOfHosted), noteHit},
		{"stop words only, from the kept index", "The", searched(1, all, allRels), nil},
		{"a name while a write lands; a row the index over-returns is dropped", "Xí Jìnpíng", searched(2, all, allRels,
			call{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "xijinping", "props": candidateProps},
				recs: []record{candidateRow(t, hu), candidateRow(t, xi)}},
			call{st: stmtSearchTextNodes, params: map[string]any{"ns": "test", "kinds": kinds, "query": "xi jinping", "props": candidateProps},
				recs: []record{candidateRow(t, xi), candidateRow(t, hu)}},
			call{st: stmtSearchTextRels, params: map[string]any{"ns": "test", "kinds": kinds, "query": "xi jinping", "props": candidateProps}},
			wholeRead(t, xi),
		), nameHit},
		{"a relationship's note while a write lands", "Fixture inference", searched(2, all, allRels,
			call{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "fixtureinference", "props": candidateProps}},
			call{st: stmtSearchTextNodes, params: map[string]any{"ns": "test", "kinds": kinds, "query": "fixture inference", "props": candidateProps}},
			call{st: stmtSearchTextRels, params: map[string]any{"ns": "test", "kinds": kinds, "query": "fixture inference", "props": candidateProps},
				recs: []record{hostedRow}},
			wholeRead(t, office),
			relationsOfHosted,
		), noteHit},
		// The analysis was read at revision 2, and the search's transaction, at 1, sees a
		// record it does not know (removed at 2): read whole, it is scored all the same.
		{"a candidate the analysis does not know is read whole, then scored", "Hu Jintao", searched(2, []atlas.Node{xi}, nil,
			call{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "hujintao", "props": candidateProps}, recs: []record{candidateRow(t, hu)}},
			call{st: stmtSearchTextNodes, params: map[string]any{"ns": "test", "kinds": kinds, "query": "hu jintao", "props": candidateProps}, recs: []record{candidateRow(t, hu)}},
			call{st: stmtSearchTextRels, params: map[string]any{"ns": "test", "kinds": kinds, "query": "hu jintao", "props": candidateProps}},
			wholeRead(t, hu),
			wholeRead(t, hu),
		), []atlas.SearchHit{{Node: hu, Matched: "Hu Jintao", MatchedField: "name", Snippet: "«Hu Jintao»", Score: atlas.ScoreExactName}}},
		{"a relationship the analysis does not know is read whole, then scored", "Fixture inference", searched(2, []atlas.Node{office}, nil,
			call{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "fixtureinference", "props": candidateProps}},
			call{st: stmtSearchTextNodes, params: map[string]any{"ns": "test", "kinds": kinds, "query": "fixture inference", "props": candidateProps}},
			call{st: stmtSearchTextRels, params: map[string]any{"ns": "test", "kinds": kinds, "query": "fixture inference", "props": candidateProps},
				recs: []record{hostedRow}},
			relationsOfHosted,
			wholeRead(t, office),
			relationsOfHosted,
		), noteHit},
		{"stop words only while a write lands: no full-text statement", "The", searched(2, all, allRels,
			call{st: stmtSearch, params: map[string]any{"ns": "test", "kinds": kinds, "text": "the", "props": candidateProps}},
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
// and one at a newer revision whose write left no record (TestSearchAnalysisSince) does;
// each finds its candidates in the kept index.
func TestSearchStatisticsCached(t *testing.T) {
	xi := fixtureNode("person/xi-jinping")
	search := func(rev int64, snapshot bool) []call {
		calls := []call{revisionRead(rev)}
		if snapshot {
			calls = append(calls, revisionRead(rev))
			if rev > 1 {
				calls = append(calls, call{st: stmtWritesSince, params: map[string]any{"ns": "test", "after": rev - 1, "upTo": rev}})
			}
			calls = append(calls, snapshotRead(t, []atlas.Node{xi}, nil)...)
		}
		return append(calls, wholeRead(t, xi))
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

// gatedScript is a script whose snapshot of the nodes waits for gate, once reached is
// closed: a rebuild of the search analysis that takes as long as a test wants.
type gatedScript struct {
	*script
	reached, gate chan struct{}
}

func (g *gatedScript) read(_ context.Context, work func(runner) error) error { return work(g) }

func (g *gatedScript) run(ctx context.Context, st statement, params map[string]any) ([]record, error) {
	if st.name == stmtSnapshotNodes.name {
		close(g.reached)
		<-g.gate
		// As the driver does: a statement of a transaction whose context has ended fails.
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return g.script.run(ctx, st, params)
}

// TestSearchRebuildOutlivesTheRequest: a search that gives up waiting for the analysis
// of a new revision (its deadline passed) leaves the rebuild running, and the next
// search at that revision uses it instead of starting over. At 100x a rebuild takes
// longer than a request may; one abandoned with its request would never finish.
func TestSearchRebuildOutlivesTheRequest(t *testing.T) {
	xi := fixtureNode("person/xi-jinping")
	db := &gatedScript{reached: make(chan struct{}), gate: make(chan struct{}), script: newScript(t,
		call{st: stmtRevision, params: map[string]any{"ns": "test"}, recs: []record{{"revision": int64(1)}}},
		// The rebuild: the revision and the snapshot, in its own transaction.
		call{st: stmtRevision, params: map[string]any{"ns": "test"}, recs: []record{{"revision": int64(1)}}},
		call{st: stmtSnapshotNodes, params: map[string]any{"ns": "test"}, recs: []record{{"props": storedNode(t, xi)}}},
		call{st: stmtSnapshotRelations, params: map[string]any{"ns": "test"}},
		// The second search: the same revision, no snapshot, the kept index.
		call{st: stmtRevision, params: map[string]any{"ns": "test"}, recs: []record{{"revision": int64(1)}}},
		wholeRead(t, xi))}
	s := openReady(t, db)
	q := atlas.SearchQuery{Text: "xi", Kinds: []atlas.NodeKind{atlas.PersonNode}}

	ctx, cancel := context.WithCancel(bg)
	first := make(chan error, 1)
	go func() {
		_, err := s.Search(ctx, q)
		first <- err
	}()
	<-db.reached
	s.search.mu.Lock()
	rebuild := s.search.pending
	s.search.mu.Unlock()
	cancel()
	if err := <-first; err == nil {
		t.Fatal("the first search answered, want it to give up")
	}
	close(db.gate)
	<-rebuild.done
	res, err := s.Search(bg, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].Node.NodeID() != xi.NodeID() {
		t.Fatalf("got %+v, want Xi Jinping", res.Hits)
	}
}
