// Package searchkey computes the normalised keys a node is found by: its names, Chinese
// names and aliases folded by atlas.NormalizeName, plus the toneless pinyin of every
// Chinese name, so that "xi jinping", "Xí Jìnpíng" and "习近平" find the same person.
// Both stores index exactly these keys, which is what keeps their search results equal.
package searchkey

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"

	"lsgatlas/atlas"
)

// Key is one normalised key and the name it came from.
type Key struct {
	Key  string
	Name string
}

// Of returns the search keys of n, without duplicates, in the order of atlas.Names.
func Of(n atlas.Node) []Key {
	var out []Key
	seen := map[string]bool{}
	add := func(key, name string) {
		if key != "" && !seen[key] {
			seen[key] = true
			out = append(out, Key{key, name})
		}
	}
	for _, name := range atlas.Names(n) {
		add(atlas.NormalizeName(name), name)
		if hasHan(name) {
			add(atlas.NormalizeName(strings.Join(pinyin.LazyConvert(name, nil), "")), name)
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
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
