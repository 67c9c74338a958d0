package searchkey

import (
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// syllables caches the toneless pinyin of each character: go-pinyin converts a character
// at a time (it has no phrase dictionary), but slowly, and names share characters. The
// cache is bounded by the Han characters go-pinyin knows.
var syllables sync.Map // rune → string ("" for a character without pinyin)

// pinyinOf returns the toneless pinyin of the Han characters of s, one syllable each,
// as pinyin.LazyConvert does (the first reading of each character; others are dropped).
func pinyinOf(s string) []string {
	var out []string
	for _, r := range s {
		if !isHan(r) {
			continue
		}
		v, ok := syllables.Load(r)
		if !ok {
			py := ""
			if l := pinyin.LazyConvert(string(r), nil); len(l) > 0 {
				py = l[0]
			}
			v, _ = syllables.LoadOrStore(r, py)
		}
		if py := v.(string); py != "" {
			out = append(out, py)
		}
	}
	return out
}
