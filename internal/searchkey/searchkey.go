// Package searchkey is what search matches and how it ranks, shared by both stores so
// that their results are equal by construction.
//
// Every text is analysed once, here: folded (case, accents, tone marks, full-width
// letters, traditional characters to simplified with OpenCC's tables), split into words
// (Chinese, Japanese and Korean into pairs of adjacent characters, as Lucene's CJK
// analyzer does), and each spelling of a synonym (Synonyms) also indexed under its term.
// Rank scores nodes with BM25 (Stats) over these terms, names weighing more than other
// texts, a whole name or a name's start equal to the query ranking first, a typo in a
// long word forgiven at a lower weight. Names also match with spaces and punctuation
// ignored ("xijinping"). Of and Query give the keys List's nameContains filter matches
// as substrings; Fields.Terms, TermText and NameKeys what each store's index holds.
package searchkey

import (
	"slices"
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
		add(compact(name), name)
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

// NameContains is List's nameContains filter: whether one of keys (Of) contains q
// (Query) anywhere, inside words too. It is a filter, not a search: it does not score.
func NameContains(keys []Key, q string) bool {
	return slices.ContainsFunc(keys, func(k Key) bool { return strings.Contains(k.Key, q) })
}

// Query normalises search text the way keys are normalised. Han text is matched in its
// characters (simplified), so it is not turned into pinyin here.
func Query(text string) string { return compact(text) }

// compact is text folded as search folds it (atlas.NormalizeName, simplified
// characters, "&" written "and") with spaces and punctuation left out.
func compact(text string) string {
	var b strings.Builder
	for _, t := range tokenize(text) {
		b.WriteString(t.text)
	}
	return b.String()
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
