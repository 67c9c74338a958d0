package searchkey

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lsgatlas/atlas"
)

// token is one word of a text, folded (atlas.FoldRune, and traditional Chinese characters
// to simplified ones), with where it was written. Chinese, Japanese and Korean characters
// are one token each: those scripts are written without spaces, and a word is a run of
// adjacent characters. An ampersand is the word "and".
type token struct {
	text       string
	start, end int32 // byte offsets in the original text (int32: an analysis is kept for every record)
	cjk        bool
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isJoiner reports the apostrophes that join a word rather than split it: "Yan'an" is
// one word, "yanan", so "Yan’an", "Yan'an" and "Yanan" find each other.
func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// tokenize splits s into tokens. Letters and digits make words; accents written as
// combining marks are dropped inside a word; an apostrophe between letters joins them;
// anything else separates words.
func tokenize(s string) []token {
	var out []token
	var cur strings.Builder
	start, end, joined := -1, 0, false
	flush := func() {
		if start >= 0 {
			out = append(out, token{text: cur.String(), start: int32(start), end: int32(end)})
			cur.Reset()
			start = -1
		}
		joined = false
	}
	for i, r := range s {
		w := utf8.RuneLen(r)
		switch f, ok := atlas.FoldRune(r); {
		case isCJK(r):
			flush()
			if foldScriptsOn {
				r = simplify(r)
			}
			out = append(out, token{text: string(r), start: int32(i), end: int32(i + w), cjk: true})
		case r == '&':
			flush()
			out = append(out, token{text: "and", start: int32(i), end: int32(i + w)})
		case ok:
			if start < 0 {
				start = i
			}
			cur.WriteRune(f)
			end, joined = i+w, false
		case start >= 0 && !joined && isJoiner(r):
			joined = true // kept only if a letter follows
		case start >= 0 && !joined && unicode.Is(unicode.Mn, r):
			end = i + w
		default:
			flush()
		}
	}
	flush()
	return out
}

// foldScriptsOn can be turned off by a test, to show which results depend on folding
// traditional characters.
var foldScriptsOn = true

// adjacent reports whether b follows a with nothing between, both CJK: the two are in
// one run and form a bigram.
func adjacent(a, b token) bool { return a.cjk && b.cjk && a.end == b.start }

// isolated reports whether the CJK token toks[i] stands alone, with no CJK character
// written next to it.
func isolated(toks []token, i int) bool {
	return (i == 0 || !adjacent(toks[i-1], toks[i])) && (i == len(toks)-1 || !adjacent(toks[i], toks[i+1]))
}

// stopWords are common English words (Lucene's English stop words): a query leaves them
// out when it has other words, since nearly every text has them, and a query made only
// of them matches names only.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be but by for if in into is it no not of on or s
		such t that the their then there these they this to was will with www`) {
		stopWords[w] = true
	}
}
