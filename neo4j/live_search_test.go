package neo4j_test

import (
	"context"
	"fmt"
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

// TestLiveSearchAfterCommit: after a commit or an import in this process, the first
// search at the new revision takes the analysis from the one before and the change,
// reading no snapshot, and answers as a search after a full rebuild does; a commit with no
// data (a proposal) changes nothing a search reads. A replica on the same namespace, which
// learns of each write only from the revision, brings its analysis forward by the nodes
// the write recorded touching, and answers alike, reading no snapshot either.
func TestLiveSearchAfterCommit(t *testing.T) {
	cfg := neo4jtest.Config(t)
	s, ds := openSeededConfig(t, cfg)
	replica := neo4jtest.OpenConfig(t, cfg)
	ctx := context.Background()
	search := func(store *neo4j.Store, text string) atlas.SearchResult {
		t.Helper()
		res, err := store.Search(ctx, atlas.SearchQuery{Text: text, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	stores := []struct {
		name  string
		store *neo4j.Store
	}{{"the writer", s}, {"the replica", replica}}
	for _, st := range stores {
		search(st.store, "warm") // the analysis at the import's revision
	}
	renamed := *ds.Prepared().Groups[0]
	renamed.Name = "Zanzibar Harbour Coordination Group"
	var noted *atlas.Relation
	for _, r := range ds.Prepared().Relations {
		if r.Note != "" {
			noted = r
			break
		}
	}
	commit := func(data *atlas.DataChange) func() error {
		return func() error {
			rev, err := s.Revision(ctx)
			if err != nil {
				return err
			}
			return s.Commit(ctx, atlas.Commit{Revision: rev, Data: data,
				Entry: atlas.AuditEntry{Revision: rev + 1, Action: atlas.ActionEdited, Actor: "test", At: time.Now()}})
		}
	}
	// The seed again (the group's name back as the seed has it, the relationship there
	// again), with the group and a person described otherwise.
	reimport := func() error {
		again, err := seed.Dataset()
		if err != nil {
			return err
		}
		again.Groups[0].Description = "Coordinated the Zanzibar harbour works, in this test."
		again.People[0].Description = "A harbour pilot, in this test."
		report, err := s.Import(ctx, again)
		if err == nil && !report.Changed() {
			err = fmt.Errorf("the import changed nothing")
		}
		return err
	}
	queries := []string{"zanzibar harbour", renamed.Name, ds.Groups[0].Name, "foreign affairs", noted.Note}
	for _, step := range []struct {
		name  string
		write func() error
	}{
		{"a commit renaming a group", commit(&atlas.DataChange{UpsertNodes: []atlas.Node{&renamed}})},
		{"a commit of no data", commit(nil)},
		{"a commit deleting a relationship", commit(&atlas.DataChange{DeleteRelations: []*atlas.Relation{noted}})},
		{"an import", reimport},
	} {
		if err := step.write(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		for _, st := range stores {
			snapshots := st.store.Statements()["snapshot_nodes"]
			var got []atlas.SearchResult
			for _, text := range queries {
				got = append(got, search(st.store, text))
			}
			if n := st.store.Statements()["snapshot_nodes"] - snapshots; n != 0 {
				t.Errorf("%s, %s: the searches after it read %d snapshots, want 0", step.name, st.name, n)
			}
			if len(got[0].Hits) == 0 || got[0].Hits[0].Node.NodeID() != renamed.ID {
				t.Errorf("%s, %s: %q does not find the renamed group first: %+v", step.name, st.name, queries[0], got[0].Hits)
			}
			st.store.ForgetSearchAnalysis()
			for j, text := range queries {
				if want := search(st.store, text); !reflect.DeepEqual(got[j], want) {
					t.Errorf("%s, %s, %q: after it\n%+v\nafter a rebuild\n%+v", step.name, st.name, text, got[j], want)
				}
			}
			if n := st.store.Statements()["snapshot_nodes"] - snapshots; n != 1 {
				t.Errorf("%s, %s: the rebuild read %d snapshots, want 1", step.name, st.name, n)
			}
		}
	}
	if replica.Statements()["writes_since"] == 0 {
		t.Error("the replica read no write record")
	}
}

// openSeeded opens a store in a namespace of its own holding the seed dataset.
func openSeeded(t *testing.T) (*neo4j.Store, *atlas.Dataset) {
	t.Helper()
	return openSeededConfig(t, neo4jtest.Config(t))
}

// openSeededConfig is openSeeded with a given configuration.
func openSeededConfig(t *testing.T, cfg neo4j.Config) (*neo4j.Store, *atlas.Dataset) {
	t.Helper()
	s := neo4jtest.OpenConfig(t, cfg)
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return s, ds
}
