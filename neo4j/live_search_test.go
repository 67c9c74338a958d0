package neo4j_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/neo4j"
	"lsgatlas/neo4j/neo4jtest"
	"lsgatlas/seed"
)

// TestLiveSearchIndexesAgree: a search finds its candidates in the index kept with the
// analysis when it runs at the revision that was read at, and with Neo4j's name and
// full-text indexes while a write lands. Both ways give the same hits, scores and counts
// over the seed, for names in either script, pinyin, a typo, a relationship's text, stop
// words and kinds; and the kept index is what a search at a known revision uses (no
// full-text statement is sent).
func TestLiveSearchIndexesAgree(t *testing.T) {
	s, _ := openSeeded(t)
	ctx := context.Background()
	for _, q := range []atlas.SearchQuery{
		{Text: "foreign affairs"},
		{Text: "foriegn affairs", Limit: 50},
		{Text: "Tibet LSG"},
		{Text: "周恩來"},
		{Text: "Chou En-lai"},
		{Text: "深改组"},
		{Text: "zhongyang waishi"},
		{Text: "xijinping"},
		{Text: "China Leadership Monitor"},
		{Text: "vested interests", Limit: 100},
		{Text: "the"},
		{Text: "leading group", Kinds: []atlas.NodeKind{atlas.GroupNode, atlas.OfficeNode}, Limit: 100},
	} {
		kept, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		before := s.Statements()
		indexed, err := s.SearchThroughIndexes(ctx, q)
		if err != nil {
			t.Fatalf("%q through the indexes: %v", q.Text, err)
		}
		if s.Statements()["search"] != before["search"]+1 {
			t.Errorf("%q: the search through the indexes sent no name lookup", q.Text)
		}
		if len(kept.Hits) == 0 && q.Text != "the" {
			t.Errorf("%q: no hit, the comparison is empty", q.Text)
		}
		if !reflect.DeepEqual(kept, indexed) {
			t.Errorf("%q: from the kept index\n%+v\nthrough Neo4j's indexes\n%+v", q.Text, kept, indexed)
		}
	}
	before := s.Statements()
	if _, err := s.Search(ctx, atlas.SearchQuery{Text: "foreign affairs"}); err != nil {
		t.Fatal(err)
	}
	after := s.Statements()
	for _, name := range []string{"search", "search_text_nodes", "search_text_relations", "snapshot_nodes"} {
		if after[name] != before[name] {
			t.Errorf("a search at a known revision sent %s", name)
		}
	}
}

// TestLiveSearchAfterCommit: after a commit in this process, the first search at the new
// revision takes the analysis from the one before and the commit's change, reading no
// snapshot, and answers as a search after a full rebuild does; a commit with no data
// (a proposal) changes nothing a search reads.
func TestLiveSearchAfterCommit(t *testing.T) {
	s, ds := openSeeded(t)
	ctx := context.Background()
	search := func(text string) atlas.SearchResult {
		t.Helper()
		res, err := s.Search(ctx, atlas.SearchQuery{Text: text, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	search("warm") // the analysis at the import's revision
	renamed := *ds.Prepared().Groups[0]
	renamed.Name = "Zanzibar Harbour Coordination Group"
	for i, data := range []*atlas.DataChange{{UpsertNodes: []atlas.Node{&renamed}}, nil} {
		rev, err := s.Revision(ctx)
		if err != nil {
			t.Fatal(err)
		}
		err = s.Commit(ctx, atlas.Commit{Revision: rev, Data: data,
			Entry: atlas.AuditEntry{Revision: rev + 1, Action: atlas.ActionEdited, Actor: "test", At: time.Now()}})
		if err != nil {
			t.Fatal(err)
		}
		snapshots := s.Statements()["snapshot_nodes"]
		var got []atlas.SearchResult
		for _, text := range []string{"zanzibar harbour", renamed.Name, ds.Groups[0].Name, "foreign affairs"} {
			got = append(got, search(text))
		}
		if n := s.Statements()["snapshot_nodes"] - snapshots; n != 0 {
			t.Errorf("commit %d: the searches after it read %d snapshots, want 0", i, n)
		}
		if len(got[0].Hits) == 0 || got[0].Hits[0].Node.NodeID() != renamed.ID {
			t.Errorf("commit %d: %q does not find the renamed group first: %+v", i, "zanzibar harbour", got[0].Hits)
		}
		s.ForgetSearchAnalysis()
		for j, text := range []string{"zanzibar harbour", renamed.Name, ds.Groups[0].Name, "foreign affairs"} {
			if want := search(text); !reflect.DeepEqual(got[j], want) {
				t.Errorf("commit %d, %q: after the commit\n%+v\nafter a rebuild\n%+v", i, text, got[j], want)
			}
		}
		if n := s.Statements()["snapshot_nodes"] - snapshots; n != 1 {
			t.Errorf("commit %d: the rebuild read %d snapshots, want 1", i, n)
		}
	}
}

// openSeeded opens a store in a namespace of its own holding the seed dataset.
func openSeeded(t *testing.T) (*neo4j.Store, *atlas.Dataset) {
	t.Helper()
	s := neo4jtest.Open(t)
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return s, ds
}
