package searchkey

import (
	"sync"

	"github.com/longbridgeapp/opencc"
)

// Traditional characters are folded to simplified ones with OpenCC's tables (t2s), so
// that 周恩來 finds 周恩来 and 三人軍事領導小組 is found by 领导小组. The conversion is
// done a character at a time, which keeps every token at its place in the original text
// (snippets mark the original); OpenCC's phrase tables only matter for the few
// characters whose simplified form depends on the word, which search can afford to
// fold by their most common reading.
var (
	t2sOnce sync.Once
	t2s     *opencc.OpenCC
	// simplified caches the conversion of each character: OpenCC looks characters up in
	// a double-array trie, and names share characters.
	simplified sync.Map // rune → rune
)

// simplify returns the simplified form of a Han character (itself if it has none).
func simplify(r rune) rune {
	if v, ok := simplified.Load(r); ok {
		return v.(rune)
	}
	t2sOnce.Do(func() {
		var err error
		if t2s, err = opencc.New("t2s"); err != nil {
			// The tables are embedded in the binary: failing to read them is a broken build,
			// and folding nothing would silently break search.
			panic("searchkey: OpenCC t2s: " + err.Error())
		}
	})
	out := r
	if s, err := t2s.Convert(string(r)); err == nil {
		if rs := []rune(s); len(rs) == 1 {
			out = rs[0]
		}
	}
	simplified.Store(r, out)
	return out
}
