package searchkey

import "lsgatlas/atlas"

// What the stores index, so that each can find candidates without scanning and then
// score them with Hit. A candidate set may be larger than the hits, never smaller.

// Terms returns the index terms of the fields that match by words (not names): a text
// field matches a query only if it has every one of Parsed.Terms.
func Terms(fs []atlas.SearchField) []string { return Analyse(fs).Terms() }

// Terms is Terms of the analysed fields.
func (fs Fields) Terms() []string {
	var out []string
	for _, f := range fs.fields {
		if !f.Name {
			out = append(out, terms(f.tokens)...)
		}
	}
	return out
}

// NameKeys returns, for every name field (pinyin included), the name with spaces and
// punctuation ignored from each of its words onwards: a name matches a query only if
// one of these keys starts with Parsed.Key.
func NameKeys(fs []atlas.SearchField) []string { return Analyse(fs).NameKeys() }

// NameKeys is NameKeys of the analysed fields.
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

// Body returns the text fields (not names) as the Neo4j full-text index is given them:
// folded, one field per line so no CJK bigram spans two fields.
func Body(fs []atlas.SearchField) string {
	out := ""
	for _, f := range fs {
		if f.Name {
			continue
		}
		if out != "" {
			out += "\n"
		}
		out += normalized(tokenize(f.Text))
	}
	return out
}

// Key is the query with spaces and punctuation ignored, as name keys are written.
func (q Parsed) Key() string { return q.compact }

// Terms returns the terms every text field that matches q has; none when q cannot match
// text fields (it is only stop words).
func (q Parsed) Terms() []string {
	if !q.words {
		return nil
	}
	return terms(q.tokens)
}

// Lucene returns q as a phrase for the Neo4j full-text index (Lucene query syntax), or ""
// when q cannot match text fields. The phrase holds only folded letters, digits and
// spaces, so nothing in it is Lucene syntax; Lucene's CJK analyzer then finds every text
// that matchWords accepts (and maybe more, which Hit drops).
func (q Parsed) Lucene() string {
	if !q.words {
		return ""
	}
	return `"` + normalized(q.tokens) + `"`
}

// Fields are analysed search fields, for asking many queries of one text.
type Fields struct{ fields []field }

// Analyse analyses fs once.
func Analyse(fs []atlas.SearchField) Fields { return Fields{analyse(fs)} }

// MatchesWords reports whether a field that is not a name matches q by words: what a
// full-text index given Body of these fields and asked q.Lucene() must find.
func (fs Fields) MatchesWords(q Parsed) bool {
	for i := range fs.fields {
		if f := &fs.fields[i]; !f.Name {
			if _, ok := matchWords(f, q); ok {
				return true
			}
		}
	}
	return false
}
