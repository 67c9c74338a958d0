package searchkey

import (
	"maps"
	"math"
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// Analysed holds the analysed fields of nodes and relationships, so that a store whose
// data changes only on import analyses each once rather than at every search. A nil
// *Analysed analyses everything when asked.
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

// HasNode reports whether the fields of the node with this id are kept, so Rank can score
// it from its id and kind alone.
func (a *Analysed) HasNode(id string) bool {
	_, ok := a.nodes[id]
	return a != nil && ok
}

// HasRelation reports whether the fields of the relationship with this id are kept, so
// Rank can score it from its id alone.
func (a *Analysed) HasRelation(id string) bool {
	_, ok := a.relations[id]
	return a != nil && ok
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

// Name match tiers, above any score by words.
const (
	tierNone = iota
	tierPrefix
	tierExact        // equal with synonyms folded ("Energy LSG" = "Energy Leading Small Group")
	tierExactLiteral // equal as written, spaces and punctuation aside: preferred as the matched name
)

// resolved is a query ready to score: its terms with their weights in the collection.
type resolved struct {
	Parsed
	idf      []float64
	variants [][]string // per term, the collection's terms one edit away
	st       *Stats
}

func resolve(q Parsed, st *Stats) *resolved {
	r := &resolved{Parsed: q, st: st, idf: make([]float64, len(q.terms)), variants: make([][]string, len(q.terms))}
	for i, t := range q.terms {
		r.idf[i] = st.termIDF(t)
		r.variants[i] = st.variants(t)
	}
	return r
}

// fieldScore is how one field matched: each query term's BM25 score in it, the name
// tier, and the tokens to mark.
type fieldScore struct {
	f          *field
	terms      []float64
	total      float64
	tier       int
	start, end int // tokens to mark [start, end); end 0 when nothing matched
}

// nameRun finds the query, with spaces and punctuation ignored, as a run of whole words
// of a name: from the first word (prefix) or a later one. A single CJK character matches
// only where it stands alone.
func nameRun(f *field, q *resolved) (start, end int, ok bool) {
	toks := f.tokens
	for i := range toks {
		n := 0
		for j := i; j < len(toks) && n < len(q.compact); j++ {
			t := toks[j].text
			if !strings.HasPrefix(q.compact[n:], t) {
				break
			}
			n += len(t)
			if n != len(q.compact) {
				continue
			}
			if j == i && toks[i].cjk && !isolated(toks, i) {
				break
			}
			return i, j + 1, true
		}
	}
	return 0, 0, false
}

func scoreField(f *field, q *resolved) fieldScore {
	s := fieldScore{f: f, terms: make([]float64, len(q.terms))}
	if q.namesOnly && !f.Name {
		return s
	}
	first := make([]int, len(q.terms)) // the posting each term matched first, +1
	// A query of stop words only matches a name that has it with spaces ignored, not a
	// name that has one of its words: those are nearly every name.
	for i, t := range q.terms {
		if q.namesOnly {
			break
		}
		tf, at := 0, -1
		for k, p := range f.postings {
			if p.term == t {
				if tf++; at < 0 {
					at = k
				}
			}
		}
		if tf > 0 {
			s.terms[i] = f.weight * q.idf[i] * q.st.tfNorm(tf, len(f.postings), f.class)
			first[i] = at + 1
			continue
		}
		for _, v := range q.variants[i] {
			vtf, vat := 0, -1
			for k, p := range f.postings {
				if p.term == v {
					if vtf++; vat < 0 {
						vat = k
					}
				}
			}
			if vtf == 0 {
				continue
			}
			if sc := fuzzyWeight * f.weight * q.st.termIDF(v) * q.st.tfNorm(vtf, len(f.postings), f.class); sc > s.terms[i] {
				s.terms[i], first[i] = sc, vat+1
			}
		}
	}
	if f.Name {
		switch {
		case f.compact == q.compact:
			s.tier, s.start, s.end = tierExactLiteral, 0, len(f.tokens)
		case q.canon != "" && f.canon == q.canon:
			s.tier, s.start, s.end = tierExact, 0, len(f.tokens)
		case q.canon != "" && strings.HasPrefix(f.canon, q.canon+" "):
			s.tier = tierPrefix
		}
		if from, to, ok := nameRun(f, q); ok {
			if from == 0 && s.tier < tierPrefix {
				s.tier = tierPrefix
			}
			if s.tier < tierExact {
				s.start, s.end = from, to
			}
			// The whole query is in this name: every term counts as found once.
			for i := range q.terms {
				if sc := f.weight * q.idf[i] * q.st.tfNorm(1, len(f.postings), f.class); sc > s.terms[i] {
					s.terms[i] = sc
				}
			}
		}
	}
	if s.end == 0 {
		s.start, s.end = markedSpan(f, first, len(q.terms))
	}
	// The query's words together, as a phrase: worth twice their words apart.
	if len(q.terms) > 1 && s.end > 0 && s.end-s.start <= q.tokens+2 && !slices.Contains(first, 0) && exactly(f, q, first) {
		for i := range s.terms {
			s.terms[i] *= phraseBoost
		}
	}
	for _, v := range s.terms {
		s.total += v
	}
	if s.tier == tierPrefix && s.end == 0 {
		s.start, s.end = 0, len(f.tokens)
	}
	return s
}

// phraseBoost multiplies the scores of a field that has the query's words together.
const phraseBoost = 2.0

// exactly reports whether each term matched as typed (not through a typo).
func exactly(f *field, q *resolved, first []int) bool {
	for i, k := range first {
		if f.postings[k-1].term != q.terms[i] {
			return false
		}
	}
	return true
}

// markedSpan is the tokens from the first to the last matched term of a field, or the
// first matched term alone when they lie far apart.
func markedSpan(f *field, first []int, terms int) (int, int) {
	start, end, n := -1, 0, 0
	one := [2]int{}
	for _, k := range first {
		if k == 0 {
			continue
		}
		p := f.postings[k-1]
		ps, pe := int(p.start), int(p.end)
		if start < 0 || ps < start {
			start = ps
		}
		if pe > end {
			end = pe
		}
		if n++; n == 1 {
			one = [2]int{ps, pe}
		}
	}
	if start < 0 {
		return 0, 0
	}
	if end-start > 2*terms+2 {
		return one[0], one[1]
	}
	return start, end
}

// hit scores n with its own fields and those of rels, the relationships n is the
// subject of that matched (in id order). Per term, the best field counts; the sum is
// weighed by the share of the query's terms found, so that more words rank higher.
func (a *Analysed) hit(q *resolved, n atlas.Node, rels []*atlas.Relation) (atlas.SearchHit, bool) {
	best := make([]float64, len(q.terms))
	var top fieldScore
	var via *atlas.Relation
	consider := func(fs []field, r *atlas.Relation) {
		for i := range fs {
			s := scoreField(&fs[i], q)
			for k, v := range s.terms {
				best[k] = math.Max(best[k], v)
			}
			if s.end == 0 {
				continue
			}
			if top.f == nil || s.tier > top.tier || (s.tier == top.tier && s.total > top.total) {
				top, via = s, r
			}
		}
	}
	consider(a.node(n), nil)
	if !q.namesOnly {
		for _, r := range rels {
			consider(a.relation(r), r)
		}
	}
	if top.f == nil {
		return atlas.SearchHit{}, false
	}
	sum, found := 0.0, 0
	for _, v := range best {
		if v > 0 {
			sum, found = sum+v, found+1
		}
	}
	relevance := sum * float64(found) / float64(len(q.terms))
	f := top.f
	from, to := int(f.tokens[top.start].start), int(f.tokens[top.end-1].end)
	h := atlas.SearchHit{Node: n, MatchedField: f.Field, Snippet: snippet(f.Text, from, to), Matched: f.Text[from:to],
		Relevance: math.Round(relevance*1000) / 1000}
	switch {
	case top.tier >= tierExact:
		h.Score = atlas.ScoreExactName
	case top.tier == tierPrefix:
		h.Score = atlas.ScoreNamePrefix
	case f.Name:
		h.Score = atlas.ScoreNameWord
	default:
		h.Score = atlas.ScoreOtherField
	}
	if f.Name {
		h.Matched = f.shown
	}
	if via != nil {
		h.Relationship = &atlas.Edge{Relation: via.Clone(), Self: n.NodeID(), Direction: atlas.Outgoing}
	}
	return h, true
}

// Hit scores n alone for q, with rels as in Rank, as if n and rels were the whole
// collection: for tests and one-off matching.
func Hit(q Parsed, n atlas.Node, rels []*atlas.Relation) (atlas.SearchHit, bool) {
	a := NewAnalysed([]atlas.Node{n}, rels)
	return a.hit(resolve(q, NewStats(a)), n, rels)
}

// Rank scores the candidates a store's index found for q and returns q's hits, best
// first (compareHits), at most q.Limit, and how many hits there are of each kind.
// nodes are the candidate nodes, including the subject (From) of every candidate
// relationship in rels; repeats are ignored. Both stores call it, with the statistics
// of the same data, so for the same candidates they give the same hits. q must be
// normalised (atlas.SearchQuery.Normalized) and pq its text parsed. a may hold the
// candidates' analysed fields; nil analyses them here.
func Rank(q atlas.SearchQuery, pq Parsed, st *Stats, a *Analysed, nodes []atlas.Node, rels []*atlas.Relation) atlas.SearchResult {
	rq := resolve(pq, st)
	bySubject := map[string][]*atlas.Relation{}
	for _, r := range rels {
		if !slices.ContainsFunc(bySubject[r.From], func(x *atlas.Relation) bool { return x.ID == r.ID }) {
			bySubject[r.From] = append(bySubject[r.From], r)
		}
	}
	seen := map[string]bool{}
	var hits []atlas.SearchHit
	for _, n := range nodes {
		id := n.NodeID()
		if seen[id] || !slices.Contains(q.Kinds, n.NodeKind()) {
			continue
		}
		seen[id] = true
		rs := bySubject[id]
		slices.SortFunc(rs, func(a, b *atlas.Relation) int { return strings.Compare(a.ID, b.ID) })
		if h, ok := a.hit(rq, n, rs); ok {
			hits = append(hits, h)
		}
	}
	sortHits(hits)
	return searchResult(hits, q.Limit)
}

// Clone returns a copy of a that Add and Delete change without changing a; the analysed
// fields themselves are shared, as nothing changes them once analysed.
func (a *Analysed) Clone() *Analysed {
	return &Analysed{nodes: maps.Clone(a.nodes), relations: maps.Clone(a.relations)}
}

// DeleteNode forgets the node with this id.
func (a *Analysed) DeleteNode(id string) { delete(a.nodes, id) }

// DeleteRelation forgets the relationship with this id.
func (a *Analysed) DeleteRelation(id string) { delete(a.relations, id) }

// TextIndex builds the text index of every record a holds.
func (a *Analysed) TextIndex() *TextIndex {
	var b TextIndexBuilder
	for id, fs := range a.nodes {
		b.AddNode(id, Fields{fs})
	}
	for id, fs := range a.relations {
		b.AddRelation(id, Fields{fs})
	}
	return b.Build()
}
