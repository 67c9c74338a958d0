package neo4j_test

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
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
	s := neo4jtest.Open(t)
	ctx := context.Background()
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
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
