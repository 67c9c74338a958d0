// Package textindex is a small in-memory inverted index: documents (named by string ids)
// are found by the terms they contain and by prefixes of their keys. It knows nothing of
// words or languages; searchkey decides what the terms and keys are.
//
// It is built from a whole collection (the in-process store rebuilds it on every import
// that changes something), or from an earlier index and a change (Update), and then only
// read, so lookups need no lock of their own. Bleve would bring analysis, scoring and persistence that the store does not use:
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
	slices.SortFunc(ix.keys, compareEntries)
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

// Update returns the index of ix's documents with the documents of gone taken out and
// those added to added put in, as Build of the whole collection after the change would
// return it: a document in both is replaced. gone maps each document taken out to the
// terms it had, so that only their posting lists are touched; ix is not changed, and
// shares with the result every posting list the change does not touch. A commit that
// changes one record then costs the lists of its terms and one pass over the keys, not
// the whole collection again.
func (ix *Index) Update(gone map[string][]string, added *Builder) *Index {
	out := &Index{terms: make(map[string][]string, len(ix.terms)), keys: make([]entry, 0, len(ix.keys)+len(added.keys))}
	for t, docs := range ix.terms {
		out.terms[t] = docs
	}
	touched := map[string]bool{}
	for _, terms := range gone {
		for _, t := range terms {
			touched[t] = true
		}
	}
	for t := range added.terms {
		touched[t] = true
	}
	for t := range touched {
		docs := slices.DeleteFunc(slices.Clone(ix.terms[t]), func(d string) bool { _, ok := gone[d]; return ok })
		docs = append(docs, added.terms[t]...)
		slices.Sort(docs)
		if docs = slices.Compact(docs); len(docs) == 0 {
			delete(out.terms, t)
		} else {
			out.terms[t] = docs
		}
	}
	// The kept keys stay in order; the few added are sorted and merged in.
	fresh := slices.Clone(added.keys)
	slices.SortFunc(fresh, compareEntries)
	for _, e := range ix.keys {
		if _, ok := gone[e.doc]; ok {
			continue
		}
		for len(fresh) > 0 && compareEntries(fresh[0], e) < 0 {
			out.keys, fresh = append(out.keys, fresh[0]), fresh[1:]
		}
		out.keys = append(out.keys, e)
	}
	out.keys = append(out.keys, fresh...)
	return out
}

// compareEntries orders key entries by key, then document.
func compareEntries(a, b entry) int {
	if c := strings.Compare(a.key, b.key); c != 0 {
		return c
	}
	return strings.Compare(a.doc, b.doc)
}
