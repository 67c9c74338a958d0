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
		left = lastRunes(left, snippetBefore)
		if i := strings.IndexByte(left, ' '); i >= 0 && i < len(left)-1 {
			left = left[i+1:]
		}
		prefix = "…"
	}
	if utf8.RuneCountInString(right) > snippetAfter {
		right = firstRunes(right, snippetAfter)
		if i := strings.LastIndexByte(right, ' '); i > 0 {
			right = right[:i]
		}
		suffix = "…"
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
