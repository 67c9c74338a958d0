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

// checkNameSpacing refuses names with white space at either end. Search folds it away,
// so nothing shows the difference until two copies of one name fail to compare equal;
// the stores keep names exactly as given, so the writer must remove it, never a
// silent trim. Identifiers are left to their own formats.
func (v *validator) checkNameSpacing(rec string, n Node) {
	for _, f := range n.SearchFields() {
		if f.Name && f.Field != identifierField && padded(f.Text) {
			v.add(rec, "%s %q has leading or trailing spaces", f.Field, f.Text)
		}
	}
}

// nameProperties are the claim properties whose values are names (checkNameSpacing's).
var nameProperties = map[PropertyName]bool{PropName: true, PropNameZh: true, PropTitle: true, PropTitleZh: true, PropAlias: true}

// padded reports whether s has white space (any Unicode space, the ideographic one
// included) or an invisible format character (a zero-width space or joiner, a byte
// order mark: Unicode's Cf) at either end of something else: pasted from a web page,
// they make two copies of one name differ unseen. A name of blanks alone is refused as
// naming nothing.
func padded(s string) bool {
	t := strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) })
	return t != s && t != ""
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
