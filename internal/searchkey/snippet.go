package searchkey

import (
	"strings"
	"unicode/utf8"
)

// Marks around the match in a snippet, and how much context a snippet keeps (in
// characters) before and after it.
const (
	MarkStart     = "«"
	MarkEnd       = "»"
	snippetBefore = 40
	snippetAfter  = 60
)

// snippet returns text with text[from:to] marked, cut to some context either side at
// a space where there is one, with "…" where it was cut.
func snippet(text string, from, to int) string {
	left, right := text[:from], text[to:]
	prefix, suffix := "", ""
	if utf8.RuneCountInString(left) > snippetBefore {
		cut := lastRunes(left, snippetBefore)
		// Drop the word cut in two, unless the cut fell between words.
		if i := strings.IndexByte(cut, ' '); i >= 0 && i < len(cut)-1 && !strings.HasSuffix(left[:len(left)-len(cut)], " ") {
			cut = cut[i+1:]
		}
		left, prefix = strings.TrimLeft(cut, " "), "…"
	}
	if utf8.RuneCountInString(right) > snippetAfter {
		cut := firstRunes(right, snippetAfter)
		if i := strings.LastIndexByte(cut, ' '); i > 0 && !strings.HasPrefix(right[len(cut):], " ") {
			cut = cut[:i]
		}
		right, suffix = strings.TrimRight(cut, " "), "…"
	}
	return prefix + left + MarkStart + text[from:to] + MarkEnd + right + suffix
}

func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}
