package searchkey

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lsgatlas/atlas"
)

// token is one word of a text, folded (atlas.FoldRune), with where it was written.
// Chinese, Japanese and Korean characters are one token each: those scripts are written
// without spaces, and a word is a run of adjacent characters.
type token struct {
	text       string
	start, end int // byte offsets in the original text
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
			out = append(out, token{text: cur.String(), start: start, end: end})
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
			out = append(out, token{text: string(r), start: i, end: i + w, cjk: true})
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

// adjacent reports whether b follows a with nothing between, both CJK: the two are in
// one run and form a bigram.
func adjacent(a, b token) bool { return a.cjk && b.cjk && a.end == b.start }

// isolated reports whether the CJK token toks[i] stands alone, with no CJK character
// written next to it.
func isolated(toks []token, i int) bool {
	return (i == 0 || !adjacent(toks[i-1], toks[i])) && (i == len(toks)-1 || !adjacent(toks[i], toks[i+1]))
}

// normalized writes toks as the text the Neo4j full-text index is given and queried with:
// folded words separated by spaces, CJK runs kept together so that its CJK analyzer makes
// the same bigrams. What Lucene then tokenizes are exactly these tokens.
func normalized(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && !adjacent(toks[i-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// terms are the index terms of toks: every word, every CJK bigram, and each CJK
// character that stands alone. A text matches a query only if it has all the query's
// terms, so these are what both the in-process index and Lucene look up.
func terms(toks []token) []string {
	var out []string
	for i, t := range toks {
		switch {
		case !t.cjk:
			out = append(out, t.text)
		case i+1 < len(toks) && adjacent(t, toks[i+1]):
			out = append(out, t.text+toks[i+1].text)
		case isolated(toks, i):
			out = append(out, t.text)
		}
	}
	return out
}

// stopWords are the words Lucene's CJK analyzer (Neo4j's 'cjk') leaves out of its index.
// A query made only of these cannot be found by words in Neo4j, so it is found by words
// in neither store (names still match it).
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be but by for if in into is it no not of on or s
		such t that the their then there these they this to was will with www`) {
		stopWords[w] = true
	}
}
