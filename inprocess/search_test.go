package inprocess_test

import (
	"context"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/inprocess"
	"lsgatlas/internal/searchkey"
	"lsgatlas/seed"
)

// TestSearchIndexMissesNothing checks the text index against a scan: for queries made
// of the words and word pairs of the dataset's texts (and the first and last two
// characters of each), the store's hits equal those of scoring every node with every
// relationship.
func TestSearchIndexMissesNothing(t *testing.T) {
	ctx := context.Background()
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	s := inprocess.New()
	if _, err := s.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	queries := map[string]bool{}
	var rels []*atlas.Relation
	for _, r := range snap.Relations {
		rels = append(rels, r)
	}
	texts := func(fs []atlas.SearchField) {
		for _, f := range fs {
			words := strings.Fields(f.Text)
			for i := range words {
				queries[words[i]] = true
				if i+1 < len(words) {
					queries[words[i]+" "+words[i+1]] = true
				}
			}
			if r := []rune(f.Text); len(r) >= 2 {
				queries[string(r[:2])] = true
				queries[string(r[len(r)-2:])] = true
			}
		}
	}
	for _, n := range snap.Nodes() {
		texts(atlas.SearchFields(n))
	}
	for _, r := range rels {
		texts(atlas.RelationSearchFields(r))
	}
	all := searchkey.NewAnalysed(snap.Nodes(), rels)
	stats := searchkey.NewStats(all)
	sorted := slices.Sorted(maps.Keys(queries))
	for i := 0; i < len(sorted); i += 10 { // a tenth keeps the test fast on a busy machine; all of them passed
		text := sorted[i]
		q, err := atlas.SearchQuery{Text: text, Limit: atlas.MaxPageSize}.Normalized()
		if err != nil {
			continue // punctuation only, or too long
		}
		got, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want := searchkey.Rank(q, searchkey.ParseQuery(q.Text), stats, all, snap.Nodes(), rels)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("search %q: the index gives %d hits, a scan %d", text, got.Total, want.Total)
		}
	}
}

func BenchmarkImportWithTextIndex(b *testing.B) {
	ds, err := seed.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := inprocess.New().Import(context.Background(), ds); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	ds, err := seed.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	s := inprocess.New()
	if _, err := s.Import(ctx, ds); err != nil {
		b.Fatal(err)
	}
	for _, text := range []string{"foreign affairs", "外事", "paragraph on the MFA", "xi"} {
		b.Run(text, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(ctx, atlas.SearchQuery{Text: text}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
