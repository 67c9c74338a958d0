// Package textindex is a small in-memory inverted index: documents (named by string ids)
// are found by the terms they contain and by prefixes of their keys. It knows nothing of
// words or languages; searchkey decides what the terms and keys are.
//
// It is built once from a whole collection (the in-process store rebuilds it on every
// import that changes something) and then only read, so lookups need no lock of their
// own. Bleve would bring analysis, scoring and persistence that the store does not use:
// scoring must be searchkey's, shared with the Neo4j store, and the index lives only as
// long as the process.
package textindex

import (
	"slices"
	"sort"
	"strings"
)

// Builder collects documents; the zero value is ready to use.
type Builder struct {
	terms map[string][]string
	keys  []entry
}

type entry struct{ key, doc string }

// AddTerms records that doc contains each of terms.
func (b *Builder) AddTerms(doc string, terms []string) {
	if b.terms == nil {
		b.terms = map[string][]string{}
	}
	for _, t := range terms {
		b.terms[t] = append(b.terms[t], doc)
	}
}

// AddKeys records keys of doc, to be found by any prefix.
func (b *Builder) AddKeys(doc string, keys []string) {
	for _, k := range keys {
		b.keys = append(b.keys, entry{k, doc})
	}
}

// Build returns the index of everything added.
func (b *Builder) Build() *Index {
	ix := &Index{terms: make(map[string][]string, len(b.terms)), keys: slices.Clone(b.keys)}
	for t, docs := range b.terms {
		slices.Sort(docs)
		ix.terms[t] = slices.Compact(slices.Clone(docs))
	}
	slices.SortFunc(ix.keys, func(a, b entry) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.doc, b.doc)
	})
	return ix
}

// Index answers lookups; it is never changed once built.
type Index struct {
	terms map[string][]string // posting lists, sorted, without duplicates
	keys  []entry             // sorted by key, then doc
}

// WithAllTerms returns the documents that contain every one of terms, sorted; none for
// no terms.
func (ix *Index) WithAllTerms(terms []string) []string {
	if ix == nil || len(terms) == 0 {
		return nil
	}
	lists := make([][]string, 0, len(terms))
	for _, t := range terms {
		l, ok := ix.terms[t]
		if !ok {
			return nil
		}
		lists = append(lists, l)
	}
	// Intersect starting from the shortest list.
	slices.SortFunc(lists, func(a, b []string) int { return len(a) - len(b) })
	out := slices.Clone(lists[0])
	for _, l := range lists[1:] {
		out = slices.DeleteFunc(out, func(d string) bool {
			_, found := slices.BinarySearch(l, d)
			return !found
		})
	}
	return out
}

// WithAnyTerm returns the documents that contain at least one of terms, sorted, without
// duplicates.
func (ix *Index) WithAnyTerm(terms []string) []string {
	if ix == nil {
		return nil
	}
	var out []string
	for _, t := range terms {
		out = append(out, ix.terms[t]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// WithKeyPrefix returns the documents with a key that starts with prefix, sorted,
// without duplicates; none for an empty prefix.
func (ix *Index) WithKeyPrefix(prefix string) []string {
	if ix == nil || prefix == "" {
		return nil
	}
	i := sort.Search(len(ix.keys), func(i int) bool { return ix.keys[i].key >= prefix })
	var out []string
	for ; i < len(ix.keys) && strings.HasPrefix(ix.keys[i].key, prefix); i++ {
		out = append(out, ix.keys[i].doc)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
