package searchkey

import "strings"

// Synonym is one term of search and the spellings that mean it. Every spelling is
// analysed like any text (case, accents, tone marks and traditional characters folded),
// and a name or text that contains one is also indexed under Term, while a query that
// contains one asks for Term instead. So "Tibet LSG", "Tibet leading small group" and
// "西藏领导小组" ask for the same two terms, and each finds a name written with any of
// the spellings.
type Synonym struct {
	Term      string
	Spellings []string
}

// Synonyms is the list of synonyms search knows, in one place; README.md ("Search")
// prints it. A longer spelling wins over a shorter one it contains ("领导小组" over
// "小组"), and the leftmost wins over an overlapping one to its right.
var Synonyms = []Synonym{
	{"lsg", []string{
		"LSG", "LSGs", "SLG", "SLGs", "CLG", "CLGs",
		"leading small group", "leading small groups", "small leading group", "small leading groups",
		"leading group", "leading groups",
		"领导小组", "小组",
	}},
	{"commission", []string{"commission", "commissions", "委员会"}},
	{"and", []string{"&", "and"}},
	{"macau", []string{"Macau", "Macao"}},
}

// synonymsOn can be turned off by a test, to show which results depend on the list.
var synonymsOn = true

// phrase is a spelling as tokens, and the term it stands for.
type phrase struct {
	tokens []token
	term   string
}

// phrases are the spellings of Synonyms by their first token, longest first.
var phrases = func() map[string][]phrase {
	m := map[string][]phrase{}
	for _, s := range Synonyms {
		for _, sp := range s.Spellings {
			toks := tokenize(sp)
			if len(toks) == 0 {
				panic("searchkey: synonym spelling " + sp + " has no words")
			}
			m[toks[0].text] = append(m[toks[0].text], phrase{toks, s.Term})
		}
	}
	for k, ps := range m {
		for i := 1; i < len(ps); i++ { // insertion sort, longest first: few entries
			for j := i; j > 0 && len(ps[j].tokens) > len(ps[j-1].tokens); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		m[k] = ps
	}
	return m
}()

// unit is a token, or a run of tokens that spells a synonym (then text is its term).
type unit struct {
	text       string
	start, end int // token indices [start, end)
	synonym    bool
}

// synonymAt returns the length in tokens of the longest spelling of a synonym at toks[i]
// and its term, or 0. The tokens of a Chinese spelling must be written together.
func synonymAt(toks []token, i int) (int, string) {
	if !synonymsOn {
		return 0, ""
	}
	for _, p := range phrases[toks[i].text] {
		n := len(p.tokens)
		if i+n > len(toks) {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			t := toks[i+k]
			ok = t.text == p.tokens[k].text && t.cjk == p.tokens[k].cjk &&
				(k == 0 || !t.cjk || adjacent(toks[i+k-1], t))
		}
		if ok {
			return n, p.term
		}
	}
	return 0, ""
}

// units rewrites toks with each synonym's spelling replaced by its term.
func units(toks []token) []unit {
	out := make([]unit, 0, len(toks))
	for i := 0; i < len(toks); {
		if n, term := synonymAt(toks, i); n > 0 {
			out = append(out, unit{term, i, i + n, true})
			i += n
			continue
		}
		out = append(out, unit{toks[i].text, i, i + 1, false})
		i++
	}
	return out
}

// canonical is units written as one string, to compare a query with a whole name.
func canonical(us []unit) string {
	parts := make([]string, len(us))
	for i, u := range us {
		parts[i] = u.text
	}
	return strings.Join(parts, " ")
}

// Without runs f with the synonyms and/or the folding of traditional characters turned
// off, for a test to show what depends on them; a store must analyse its data inside f
// for it to count. It changes package state: nothing may search concurrently.
func Without(synonyms, scripts bool, f func()) {
	syn, scr := synonymsOn, foldScriptsOn
	defer func() { synonymsOn, foldScriptsOn = syn, scr }()
	synonymsOn, foldScriptsOn = !synonyms && syn, !scripts && scr
	f()
}
