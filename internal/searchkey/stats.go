package searchkey

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// BM25's parameters, Lucene's defaults.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// fuzzyMinLetters is the shortest word a one-edit typo is forgiven in, and fuzzyWeight
// what a term found through a typo counts, against 1 for the term as typed: enough to be
// found, never enough to pass an exact match.
const (
	fuzzyMinLetters = 5
	fuzzyWeight     = 0.4
)

// Stats are the collection statistics BM25 scores with: how many documents (nodes and
// relationships) have each term, and the average length of names and of other texts.
// They depend only on the data, so both stores, holding the same data, score alike.
type Stats struct {
	docs    int
	df      map[string]int
	lengths [classes]int // total terms per field class
	fields  [classes]int // fields per class
	deletes map[string][]string
	avgLen  [classes]float64
}

// NewStats computes the statistics of everything a has analysed.
func NewStats(a *Analysed) *Stats {
	st := &Stats{df: map[string]int{}, deletes: map[string][]string{}}
	add := func(fs []field) {
		st.docs++
		seen := map[string]bool{}
		for _, f := range fs {
			st.lengths[f.class] += len(f.postings)
			st.fields[f.class]++
			for _, p := range f.postings {
				if !seen[p.term] {
					seen[p.term] = true
					st.df[p.term]++
				}
			}
		}
	}
	if a != nil {
		for _, fs := range a.nodes {
			add(fs)
		}
		for _, fs := range a.relations {
			add(fs)
		}
	}
	st.avgLen = averages(st.lengths, st.fields)
	// A deletion index (every term under itself and each form with one letter removed)
	// finds the terms one edit away from a word without comparing it with every term.
	for t := range st.df {
		if !fuzzable(t, fuzzyMinLetters-1) {
			continue
		}
		for _, d := range deletions(t) {
			st.deletes[d] = append(st.deletes[d], t)
		}
		st.deletes[t] = append(st.deletes[t], t)
	}
	return st
}

// averages returns the average length of a field of each class, 1 for a class with none.
func averages(lengths, fields [classes]int) [classes]float64 {
	var avg [classes]float64
	for c := range avg {
		avg[c] = 1
		if fields[c] > 0 {
			avg[c] = float64(lengths[c]) / float64(fields[c])
		}
	}
	return avg
}

// fuzzable reports a word of at least n letters (no digits, not CJK), which a typo may be
// forgiven in: numbers and identifiers ("2018", "Q42") one digit apart are different.
func fuzzable(t string, n int) bool {
	if utf8.RuneCountInString(t) < n {
		return false
	}
	for _, r := range t {
		if isCJK(r) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// deletions returns t with each one of its characters removed.
func deletions(t string) []string {
	rs := []rune(t)
	out := make([]string, 0, len(rs))
	for i := range rs {
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}

// variants returns the terms of the collection one edit (an insertion, a deletion, a
// substitution or two adjacent letters swapped, as Lucene's fuzzy query counts) away
// from a word of five or more letters, sorted, without the word itself.
func (st *Stats) variants(t string) []string {
	if st == nil || !fuzzable(t, fuzzyMinLetters) {
		return nil
	}
	seen := map[string]bool{t: true}
	var out []string
	try := func(cands []string) {
		for _, c := range cands {
			if !seen[c] {
				seen[c] = true
				if oneEdit(t, c) {
					out = append(out, c)
				}
			}
		}
	}
	try(st.deletes[t])
	for _, d := range deletions(t) {
		try(st.deletes[d])
	}
	slices.Sort(out)
	return out
}

// oneEdit reports whether a and b, which differ, are one edit apart.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) < len(y) {
		x, y = y, x
	}
	switch len(x) - len(y) {
	case 0:
		var diff []int
		for i := range x {
			if x[i] != y[i] {
				diff = append(diff, i)
				if len(diff) > 2 {
					return false
				}
			}
		}
		return len(diff) == 1 ||
			(len(diff) == 2 && diff[1] == diff[0]+1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]])
	case 1:
		i := 0
		for i < len(y) && x[i] == y[i] {
			i++
		}
		return string(x[i+1:]) == string(y[i:])
	}
	return false
}

// idf is BM25's inverse document frequency of a term in df documents.
func (st *Stats) idf(df int) float64 {
	n := 0
	if st != nil {
		n = st.docs
	}
	return math.Log(1 + (float64(n-df)+0.5)/(float64(df)+0.5))
}

func (st *Stats) termIDF(t string) float64 {
	df := 0
	if st != nil {
		df = st.df[t]
	}
	return st.idf(df)
}

// tfNorm is BM25's saturated term frequency for tf occurrences in a field of length n.
func (st *Stats) tfNorm(tf, n, class int) float64 {
	avg := 1.0
	if st != nil {
		avg = st.avgLen[class]
	}
	t := float64(tf)
	return t * (bm25K1 + 1) / (t + bm25K1*(1-bm25B+bm25B*float64(n)/avg))
}
