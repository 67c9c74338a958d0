package textindex_test

import (
	"reflect"
	"testing"

	"lsgatlas/internal/textindex"
)

func TestIndex(t *testing.T) {
	var b textindex.Builder
	b.AddTerms("d2", []string{"belt", "road", "belt"})
	b.AddTerms("d1", []string{"belt", "and", "road"})
	b.AddTerms("d3", []string{"road"})
	b.AddKeys("d1", []string{"xijinping", "jinping"})
	b.AddKeys("d2", []string{"xiaozu", "zu"})
	b.AddKeys("d3", []string{"jinping"})
	ix := b.Build()
	for _, tc := range []struct {
		name string
		got  []string
		want []string
	}{
		{"one term, sorted, repeats once", ix.WithAllTerms([]string{"belt"}), []string{"d1", "d2"}},
		{"every term", ix.WithAllTerms([]string{"road", "and", "belt"}), []string{"d1"}},
		{"an unknown term", ix.WithAllTerms([]string{"road", "zzz"}), nil},
		{"no terms", ix.WithAllTerms(nil), nil},
		{"key prefix", ix.WithKeyPrefix("xi"), []string{"d1", "d2"}},
		{"whole key, two documents", ix.WithKeyPrefix("jinping"), []string{"d1", "d3"}},
		{"a document once however many keys match", ix.WithKeyPrefix("j"), []string{"d1", "d3"}},
		{"no key", ix.WithKeyPrefix("zz"), nil},
		{"empty prefix", ix.WithKeyPrefix(""), nil},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	var empty *textindex.Index
	if empty.WithAllTerms([]string{"x"}) != nil || empty.WithKeyPrefix("x") != nil {
		t.Error("a nil index finds something")
	}
}

// TestUpdate: an index updated with a change is the index built from the collection after
// it, and the index it started from is left as it was.
func TestUpdate(t *testing.T) {
	type doc struct {
		id          string
		terms, keys []string
	}
	build := func(docs ...doc) *textindex.Index {
		var b textindex.Builder
		for _, d := range docs {
			b.AddTerms(d.id, d.terms)
			b.AddKeys(d.id, d.keys)
		}
		return b.Build()
	}
	d1 := doc{"d1", []string{"belt", "and", "road"}, []string{"xijinping", "jinping"}}
	d2 := doc{"d2", []string{"belt", "road"}, []string{"xiaozu", "zu"}}
	d3 := doc{"d3", []string{"road", "tibet"}, []string{"jinping"}}
	d1renamed := doc{"d1", []string{"belt", "harbour"}, []string{"zanzibar", "jinping"}}
	d4 := doc{"d4", []string{"harbour", "road"}, []string{"aaa", "zz"}}
	before := build(d1, d2, d3)
	for _, tc := range []struct {
		name  string
		gone  []doc
		added []doc
		after []doc
	}{
		{"one replaced", []doc{d1}, []doc{d1renamed}, []doc{d1renamed, d2, d3}},
		{"one deleted, its only term gone", []doc{d3}, nil, []doc{d1, d2}},
		{"one added, keys first and last", nil, []doc{d4}, []doc{d1, d2, d3, d4}},
		{"all at once", []doc{d1, d3}, []doc{d1renamed, d4}, []doc{d1renamed, d2, d4}},
		{"nothing", nil, nil, []doc{d1, d2, d3}},
	} {
		gone := map[string][]string{}
		for _, d := range tc.gone {
			gone[d.id] = d.terms
		}
		var added textindex.Builder
		for _, d := range tc.added {
			added.AddTerms(d.id, d.terms)
			added.AddKeys(d.id, d.keys)
		}
		if got, want := before.Update(gone, &added), build(tc.after...); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: updated\n%+v\nbuilt\n%+v", tc.name, got, want)
		}
		if !reflect.DeepEqual(before, build(d1, d2, d3)) {
			t.Fatalf("%s: Update changed the index it started from", tc.name)
		}
	}
}
