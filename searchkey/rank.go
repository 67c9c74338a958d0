package searchkey

import (
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// Rank scores the candidates a store's index found for q and returns q's hits, best
// first (atlas.CompareHits), at most q.Limit. nodes are the candidate nodes, including
// the subject (From) of every candidate relationship in rels; repeats are ignored. Both
// stores call it, so for the same candidates they give the same hits. q must be
// normalised (atlas.SearchQuery.Normalized) and pq its text parsed. a may hold the
// candidates' analysed fields; nil analyses them here.
func Rank(q atlas.SearchQuery, pq Parsed, a *Analysed, nodes []atlas.Node, rels []*atlas.Relation) []atlas.SearchHit {
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
		if h, ok := a.hit(pq, n, rs); ok {
			hits = append(hits, h)
		}
	}
	slices.SortFunc(hits, atlas.CompareHits)
	return hits[:min(len(hits), q.Limit)]
}
