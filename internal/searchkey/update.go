package searchkey

import (
	"maps"
	"slices"
)

// A commit changes a few records of a collection that may hold a hundred thousand: the
// statistics and the text index of the collection after it are those before it with the
// changed records taken out and put back, not a pass over everything (at 100x the data
// that pass took 3 to 4 s of the first search after each commit).

// Update returns the statistics of after, which holds what before holds except for the
// nodes and relationships with these ids (changed, added or deleted since), given st, the
// statistics of before. st is not changed.
func (st *Stats) Update(before, after *Analysed, nodes, relations []string) *Stats {
	out := &Stats{docs: st.docs, df: maps.Clone(st.df), lengths: st.lengths, fields: st.fields, deletes: st.deletes}
	var gained, lost []string // terms the collection gains, and loses
	count := func(fs []field, sign int) {
		out.docs += sign
		seen := map[string]bool{}
		for _, f := range fs {
			out.lengths[f.class] += sign * len(f.postings)
			out.fields[f.class] += sign
			for _, p := range f.postings {
				if seen[p.term] {
					continue
				}
				seen[p.term] = true
				was := out.df[p.term]
				if out.df[p.term] = was + sign; out.df[p.term] == 0 {
					delete(out.df, p.term)
				}
				switch {
				case was == 0 && sign > 0:
					gained = append(gained, p.term)
				case was == 1 && sign < 0:
					lost = append(lost, p.term)
				}
			}
		}
	}
	each(before, after, nodes, relations, func(old, new []field, hadOld, hasNew bool) {
		if hadOld {
			count(old, -1)
		}
		if hasNew {
			count(new, +1)
		}
	})
	out.avgLen = averages(out.lengths, out.fields)
	// A term lost and gained again (a record replaced by one with the same term) is
	// neither.
	net := map[string]int{}
	for _, t := range gained {
		net[t]++
	}
	for _, t := range lost {
		net[t]--
	}
	if len(net) > 0 {
		out.deletes = maps.Clone(st.deletes)
	}
	for t, n := range net {
		if !fuzzable(t, fuzzyMinLetters-1) || n == 0 {
			continue
		}
		for _, d := range append(deletions(t), t) {
			if n > 0 {
				out.deletes[d] = append(slices.Clip(out.deletes[d]), t)
			} else if rest := slices.DeleteFunc(slices.Clone(out.deletes[d]), func(x string) bool { return x == t }); len(rest) > 0 {
				out.deletes[d] = rest
			} else {
				delete(out.deletes, d)
			}
		}
	}
	return out
}

// Update returns the text index of after, which holds what before holds except for the
// nodes and relationships with these ids (changed, added or deleted since), given ix, the
// index of before. ix is not changed.
func (ix *TextIndex) Update(before, after *Analysed, nodes, relations []string) *TextIndex {
	gone := map[string][]string{}
	var added TextIndexBuilder
	for _, id := range nodes {
		gone[nodeDoc+id] = Fields{before.nodes[id]}.Terms()
		if fs, ok := after.nodes[id]; ok {
			added.AddNode(id, Fields{fs})
		}
	}
	for _, id := range relations {
		gone[relationDoc+id] = Fields{before.relations[id]}.Terms()
		if fs, ok := after.relations[id]; ok {
			added.AddRelation(id, Fields{fs})
		}
	}
	return &TextIndex{ix.ix.Update(gone, &added.b)}
}

// each calls f with the fields before and after of each node and relationship named.
func each(before, after *Analysed, nodes, relations []string, f func(old, new []field, hadOld, hasNew bool)) {
	for _, id := range nodes {
		old, hadOld := before.nodes[id]
		new, hasNew := after.nodes[id]
		f(old, new, hadOld, hasNew)
	}
	for _, id := range relations {
		old, hadOld := before.relations[id]
		new, hasNew := after.relations[id]
		f(old, new, hadOld, hasNew)
	}
}
