package searchkey

import (
	"strings"

	"lsgatlas/atlas"
)

// PinyinField names the toneless pinyin of a Chinese name: a name field derived here,
// since atlas (standard library only) cannot romanise.
const PinyinField = "pinyin"

// Field weights: a term found in a name counts three times one found in a description,
// the pinyin of a Chinese name a little less than a name as written, and a
// relationship's note or locator half a node's own text.
const (
	weightName     = 3.0
	weightPinyin   = 2.5
	weightText     = 1.0
	weightRelation = 0.5
)

// Field classes, each with its own average length for BM25's length normalisation:
// names are a few words, descriptions a paragraph.
const (
	className = iota
	classText
	classes
)

// posting is one index term of a field and the tokens it stands for.
type posting struct {
	term       string
	start, end int32 // token indices [start, end) (int32: kept for every record)
}

// field is an analysed SearchField.
type field struct {
	atlas.SearchField
	shown    string // what a hit reports as matched for a name: the name (for pinyin, the Chinese name)
	tokens   []token
	compact  string // the tokens joined: the name with spaces and punctuation ignored
	canon    string // the tokens with synonyms replaced by their terms (canonical)
	postings []posting
	weight   float64
	class    int
}

func newField(f atlas.SearchField, shown string, weight float64) field {
	toks := tokenize(f.Text)
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
	}
	compact := b.String()
	// Every token's text, and every term made of adjacent tokens, is a slice of compact,
	// which holds them all in order: an analysis is kept for every record, and one string
	// per field costs a fraction of one per token and per term.
	offsets := make([]int, len(toks)+1)
	for i := range toks {
		offsets[i+1] = offsets[i] + len(toks[i].text)
		toks[i].text = compact[offsets[i]:offsets[i+1]]
	}
	us := units(toks)
	out := field{SearchField: f, shown: shown, tokens: toks, compact: compact, weight: weight, class: classText}
	if f.Name {
		out.canon, out.class = canonical(us), className
	}
	out.postings = indexPostings(toks, us, compact, offsets)
	return out
}

// indexPostings are the terms a text is indexed under: every word, every pair of
// adjacent CJK characters (as Lucene's CJK analyzer makes them) and each CJK character
// that stands alone, and, for each spelling of a synonym, its term too.
// compact is the tokens' texts joined, token i at compact[offsets[i]:offsets[i+1]].
func indexPostings(toks []token, us []unit, compact string, offsets []int) []posting {
	out := make([]posting, 0, len(toks)+2)
	for i, t := range toks {
		switch {
		case !t.cjk:
			out = append(out, posting{t.text, int32(i), int32(i + 1)})
		case i+1 < len(toks) && adjacent(t, toks[i+1]):
			out = append(out, posting{compact[offsets[i]:offsets[i+2]], int32(i), int32(i + 2)})
		case isolated(toks, i):
			out = append(out, posting{t.text, int32(i), int32(i + 1)})
		}
	}
	for _, u := range us {
		if u.synonym && (u.end-u.start > 1 || u.text != toks[u.start].text) {
			out = append(out, posting{u.text, int32(u.start), int32(u.end)})
		}
	}
	return out
}

// analyse analyses the searchable fields of a node, adding after each Chinese name its
// toneless pinyin, one word per syllable.
func analyse(fs []atlas.SearchField) []field {
	out := make([]field, 0, len(fs)+1)
	for _, f := range fs {
		w := weightText
		switch {
		case f.Name:
			w = weightName
		case strings.HasPrefix(f.Field, "relationship."):
			w = weightRelation
		}
		out = append(out, newField(f, f.Text, w))
		if f.Name && hasHan(f.Text) {
			if py := strings.Join(pinyinOf(f.Text), " "); py != "" {
				out = append(out, newField(atlas.SearchField{Field: PinyinField, Text: py, Name: true}, f.Text, weightPinyin))
			}
		}
	}
	return out
}

// Fields are analysed search fields.
type Fields struct{ fields []field }

// Analyse analyses fs once.
func Analyse(fs []atlas.SearchField) Fields { return Fields{analyse(fs)} }

// Terms returns the index terms of every field, names included, without duplicates: a
// node or relationship is a candidate for a query when it has one of Parsed.Lookup.
func (fs Fields) Terms() []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range fs.fields {
		for _, p := range f.postings {
			if !seen[p.term] {
				seen[p.term] = true
				out = append(out, p.term)
			}
		}
	}
	return out
}

// TermText is Terms written as the Neo4j full-text indexes are given them: separated by
// spaces, for the whitespace analyzer, so that Lucene's terms are exactly these.
func TermText(fs []atlas.SearchField) string { return strings.Join(Analyse(fs).Terms(), " ") }

// NameKeys returns, for every name field (pinyin included), the name with spaces and
// punctuation ignored from each of its words onwards: a name can match a query with
// spaces ignored only if one of these keys starts with Parsed.Key.
func (fs Fields) NameKeys() []string {
	var out []string
	for _, f := range fs.fields {
		if !f.Name {
			continue
		}
		key := ""
		for i := len(f.tokens) - 1; i >= 0; i-- {
			key = f.tokens[i].text + key
			out = append(out, key)
		}
	}
	return out
}

// Parsed is search text analysed once for scoring many fields.
type Parsed struct {
	compact string
	canon   string
	tokens  int      // how many tokens the text has
	terms   []string // distinct, in the order written; stop words left out unless all are
	// namesOnly: the text is only stop words, which match names only.
	namesOnly bool
}

// ParseQuery analyses search text (already checked by atlas.SearchQuery.Normalized).
// A synonym's spelling becomes its term; Chinese is asked for by its pairs of
// characters (a character alone by itself).
func ParseQuery(text string) Parsed {
	toks := tokenize(text)
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
	}
	us := units(toks)
	q := Parsed{compact: b.String(), canon: canonical(us), tokens: len(toks)}
	var all, content []string
	add := func(t string) {
		for _, x := range all {
			if x == t {
				return
			}
		}
		all = append(all, t)
		if !stopWords[t] {
			content = append(content, t)
		}
	}
	for i := 0; i < len(us); i++ {
		u := us[i]
		if u.synonym || !toks[u.start].cjk {
			add(u.text)
			continue
		}
		j := i // a run of CJK characters not spelling a synonym
		for j+1 < len(us) && !us[j+1].synonym && adjacent(toks[us[j].start], toks[us[j+1].start]) {
			j++
		}
		if i == j {
			add(u.text)
		}
		for k := i; k < j; k++ {
			add(us[k].text + us[k+1].text)
		}
		i = j
	}
	q.terms, q.namesOnly = content, len(content) == 0
	if q.namesOnly {
		q.terms = all
	}
	return q
}

// Key is the query with spaces and punctuation ignored, as name keys are written.
func (q Parsed) Key() string { return q.compact }

// NamesOnly reports a query of stop words only: it matches names, and only names
// (by Key), so the stores need not look its words up.
func (q Parsed) NamesOnly() bool { return q.namesOnly }

// Lookup returns the terms a candidate must have one of: the query's terms and, for a
// word of five or more letters, every term of the collection one edit away (st may be
// nil: no variants). None for a query that matches names only.
func (q Parsed) Lookup(st *Stats) []string {
	if q.namesOnly {
		return nil
	}
	out := append([]string(nil), q.terms...)
	for _, t := range q.terms {
		out = append(out, st.variants(t)...)
	}
	return out
}

// Lucene returns Lookup as a query for a Neo4j full-text index with the whitespace
// analyzer: the terms separated by spaces, any of them matching. Terms are folded
// letters and digits only, never Lucene syntax. "" when there is nothing to look up.
func (q Parsed) Lucene(st *Stats) string { return strings.Join(q.Lookup(st), " ") }
