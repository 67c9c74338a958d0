// Package searchkey is what search matches and how it ranks, shared by both stores so
// that their results are equal by construction.
//
// Names (the name fields of atlas.SearchFields and the toneless pinyin of Chinese ones)
// are folded by atlas.NormalizeName and matched with spaces and punctuation ignored, so
// that "xi jinping", "Xí Jìnpíng" and "习近平" find the same person: whole, from the
// start, or from a word inside. Other fields match by words in order; Chinese, Japanese
// and Korean text, written without spaces, matches where the query's characters stand
// together, as Lucene's CJK analyzer sees it (see matchWords). Of and Query give the
// keys List's nameContains filter matches as substrings; Terms, NameKeys and Body what
// each store's index holds; Rank the hits.
package searchkey

import (
	"strings"
	"unicode"

	"lsgatlas/atlas"
)

// Key is one normalised key and the name it came from.
type Key struct {
	Key  string
	Name string
}

// Of returns the search keys of n's names (the name fields of atlas.SearchFields, so a
// new node kind is covered once it lists its fields), without duplicates, in that order.
func Of(n atlas.Node) []Key {
	var out []Key
	seen := map[string]bool{}
	add := func(key, name string) {
		if key != "" && !seen[key] {
			seen[key] = true
			out = append(out, Key{key, name})
		}
	}
	for _, f := range atlas.SearchFields(n) {
		if !f.Name {
			continue
		}
		name := f.Text
		add(atlas.NormalizeName(name), name)
		if hasHan(name) {
			add(atlas.NormalizeName(strings.Join(pinyinOf(name), "")), name)
		}
	}
	return out
}

// Strings returns just the keys.
func Strings(keys []Key) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.Key
	}
	return out
}

// Query normalises search text the way keys are normalised. Han text is matched as it
// is written (keys keep the characters), so it is not turned into pinyin here.
func Query(text string) string { return atlas.NormalizeName(text) }

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
