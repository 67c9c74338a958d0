package atlas

import (
	"strings"
	"unicode"
)

// NormalizeName folds a name for matching: lower case, accents and pinyin tone marks
// removed, and everything but letters and digits dropped, so "Xí Jìnpíng", "xi jinping"
// and "XI-JINPING" all become "xijinping". Chinese characters are kept as they are.
func NormalizeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r, ok := FoldRune(r); ok {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FoldRune folds one character as NormalizeName does: lower case, accents and tone marks
// removed, full-width Latin letters and digits made half-width. It reports false for a
// character that is neither a letter nor a digit.
func FoldRune(r rune) (rune, bool) {
	if r >= '！' && r <= '～' { // full-width ASCII, as Lucene's CJK width filter folds it
		r -= 0xFEE0
	}
	r = unicode.ToLower(r)
	if base, ok := accentFree[r]; ok {
		r = base
	}
	return r, unicode.IsLetter(r) || unicode.IsDigit(r)
}

// accentFree maps the accented Latin letters of pinyin and of European spellings to
// their base letter. (A table rather than Unicode decomposition keeps this package on
// the standard library.)
var accentFree = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "āáǎàâäãåą",
		'e': "ēéěèêëę",
		'i': "īíǐìîï",
		'o': "ōóǒòôöõø",
		'u': "ūúǔùûüǖǘǚǜ",
		'c': "çć",
		'n': "ñńň",
		's': "śšş",
		'z': "źżž",
		'y': "ýÿ",
		'l': "ł",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()
