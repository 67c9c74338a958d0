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
