package searchkey

import (
	"strings"

	"lsgatlas/atlas"
)

// PinyinField names the toneless pinyin of a Chinese name: a name field derived here,
// since atlas (standard library only) cannot romanise.
const PinyinField = "pinyin"

// field is an analysed SearchField.
type field struct {
	atlas.SearchField
	shown   string // what a hit reports as matched for a name: the name (for pinyin, the Chinese name)
	tokens  []token
	compact string // the tokens joined: atlas.NormalizeName of the text
}

func newField(f atlas.SearchField, shown string) field {
	toks := tokenize(f.Text)
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
	}
	return field{SearchField: f, shown: shown, tokens: toks, compact: b.String()}
}

// analyse analyses the searchable fields of a node or relationship, adding after each
// Chinese name its toneless pinyin, one word per syllable.
func analyse(fs []atlas.SearchField) []field {
	out := make([]field, 0, len(fs))
	for _, f := range fs {
		out = append(out, newField(f, f.Text))
		if f.Name && hasHan(f.Text) {
			if py := strings.Join(pinyinOf(f.Text), " "); py != "" {
				out = append(out, newField(atlas.SearchField{Field: PinyinField, Text: py, Name: true}, f.Text))
			}
		}
	}
	return out
}

// Parsed is search text analysed once for matching many fields.
type Parsed struct {
	compact string
	tokens  []token
	words   bool // has a word that is not a stop word, so it can match other fields
}

// ParseQuery analyses search text (already checked by atlas.SearchQuery.Normalized).
func ParseQuery(text string) Parsed {
	q := Parsed{compact: atlas.NormalizeName(text), tokens: tokenize(text)}
	for _, t := range q.tokens {
		if t.cjk || !stopWords[t.text] {
			q.words = true
		}
	}
	return q
}

// match is where a query matched one field.
type match struct {
	score      int
	field      *field
	start, end int // token indices [start, end)
}

// matchName matches a name with spaces and punctuation ignored: the whole name (exact),
// or the words from its start (prefix) or from a later word (word) spelling the query.
// The words must be whole: "tibet" does not match in "Tibetan". A single CJK character
// matches only where it stands alone, as a word.
func matchName(f *field, q Parsed) (match, bool) {
	toks := f.tokens
	if f.compact == q.compact {
		return match{atlas.ScoreExactName, f, 0, len(toks)}, true
	}
	for i := range toks {
		var acc strings.Builder
		for j := i; j < len(toks) && acc.Len() < len(q.compact); j++ {
			acc.WriteString(toks[j].text)
			if acc.Len() != len(q.compact) || acc.String() != q.compact {
				continue
			}
			if j == i && toks[i].cjk && !isolated(toks, i) {
				break
			}
			score := atlas.ScoreNameWord
			if i == 0 {
				score = atlas.ScoreNamePrefix
			}
			return match{score, f, i, j + 1}, true
		}
	}
	return match{}, false
}

// matchWords matches any other field: the query's words, in order, as whole words. CJK
// text matches where the field has the query's characters adjacent as the query has
// them; a lone CJK character matches only a lone character. These are the conditions
// under which Lucene's CJK analyzer matches the query as a phrase, so the Neo4j
// full-text index never misses a field this accepts.
func matchWords(f *field, q Parsed) (match, bool) {
	if !q.words {
		return match{}, false
	}
	qt, ft := q.tokens, f.tokens
	for i := 0; i+len(qt) <= len(ft); i++ {
		if wordsAt(qt, ft, i) {
			return match{atlas.ScoreOtherField, f, i, i + len(qt)}, true
		}
	}
	return match{}, false
}

func wordsAt(qt, ft []token, i int) bool {
	for k, t := range qt {
		g := ft[i+k]
		if g.text != t.text || g.cjk != t.cjk {
			return false
		}
		if k > 0 && t.cjk && qt[k-1].cjk && adjacent(qt[k-1], t) != adjacent(ft[i+k-1], g) {
			return false
		}
		if t.cjk && isolated(qt, k) && !isolated(ft, i+k) {
			return false
		}
	}
	return true
}

// best returns the best match of q in fs: the highest score, the first field on ties.
func best(fs []field, q Parsed) (match, bool) {
	var top match
	for i := range fs {
		f := &fs[i]
		m, ok := matchWords(f, q)
		if f.Name {
			m, ok = matchName(f, q)
		}
		if ok && m.score > top.score {
			top = m
		}
	}
	return top, top.field != nil
}

// Hit returns the best match of q on n, among n's own fields (atlas.SearchFields) and
// then the fields of rels, the relationships n is the subject of, and whether there is
// one. rels must be in the same order in every store (by id): on a tie the first wins.
func Hit(q Parsed, n atlas.Node, rels []*atlas.Relation) (atlas.SearchHit, bool) {
	return (*Analysed)(nil).hit(q, n, rels)
}

// Analysed holds the analysed fields of nodes and relationships, so that a store whose
// data changes only on import analyses each once rather than at every search. The zero
// value is empty; a nil *Analysed analyses everything when asked.
type Analysed struct {
	nodes, relations map[string][]field
}

// NewAnalysed analyses the fields of nodes and rels.
func NewAnalysed(nodes []atlas.Node, rels []*atlas.Relation) *Analysed {
	a := &Analysed{}
	for _, n := range nodes {
		a.AddNode(n.NodeID(), Analyse(atlas.SearchFields(n)))
	}
	for _, r := range rels {
		a.AddRelation(r.ID, Analyse(atlas.RelationSearchFields(r)))
	}
	return a
}

// AddNode keeps the analysed fields (atlas.SearchFields) of the node with this id.
func (a *Analysed) AddNode(id string, fs Fields) {
	if a.nodes == nil {
		a.nodes = map[string][]field{}
	}
	a.nodes[id] = fs.fields
}

// AddRelation keeps the analysed fields (atlas.RelationSearchFields) of a relationship.
func (a *Analysed) AddRelation(id string, fs Fields) {
	if a.relations == nil {
		a.relations = map[string][]field{}
	}
	a.relations[id] = fs.fields
}

func (a *Analysed) node(n atlas.Node) []field {
	if a != nil {
		if fs, ok := a.nodes[n.NodeID()]; ok {
			return fs
		}
	}
	return analyse(atlas.SearchFields(n))
}

func (a *Analysed) relation(r *atlas.Relation) []field {
	if a != nil {
		if fs, ok := a.relations[r.ID]; ok {
			return fs
		}
	}
	return analyse(atlas.RelationSearchFields(r))
}

func (a *Analysed) hit(q Parsed, n atlas.Node, rels []*atlas.Relation) (atlas.SearchHit, bool) {
	m, ok := best(a.node(n), q)
	var via *atlas.Relation
	// A relationship's fields score ScoreOtherField at best, so they matter only when
	// none of the node's own fields match (an own field wins the tie).
	for i := 0; !ok && i < len(rels); i++ {
		if m, ok = best(a.relation(rels[i]), q); ok {
			via = rels[i]
		}
	}
	if !ok {
		return atlas.SearchHit{}, false
	}
	f := m.field
	from, to := f.tokens[m.start].start, f.tokens[m.end-1].end
	h := atlas.SearchHit{Node: n, MatchedField: f.Field, Score: m.score, Snippet: snippet(f.Text, from, to), Matched: f.Text[from:to]}
	if f.Name {
		h.Matched = f.shown
	}
	if via != nil {
		h.Relationship = &atlas.Edge{Relation: via.Clone(), Self: n.NodeID(), Direction: atlas.Outgoing}
	}
	return h, true
}
