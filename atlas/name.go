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
	for _, r := range strings.ToLower(s) {
		if base, ok := accentFree[r]; ok {
			r = base
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
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
