package searchkey

import (
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// The order of search hits, and the page and counts a search returns: with the scoring
// of score.go, all of what a hit's place depends on is in this package.

// compareHits orders search hits: a whole name (atlas.ScoreExactName), then the start
// of a name (atlas.ScoreNamePrefix), then higher relevance, then sort name (keyA, keyB),
// then id.
func compareHits(a, b atlas.SearchHit, keyA, keyB string) int {
	if ta, tb := hitTier(a), hitTier(b); ta != tb {
		return tb - ta
	}
	if a.Relevance != b.Relevance {
		if a.Relevance > b.Relevance {
			return -1
		}
		return 1
	}
	if c := strings.Compare(keyA, keyB); c != 0 {
		return c
	}
	return strings.Compare(a.Node.NodeID(), b.Node.NodeID())
}

// sortHits sorts hits by compareHits, working out each node's sort key once.
func sortHits(hits []atlas.SearchHit) {
	type keyed struct {
		hit atlas.SearchHit
		key string
	}
	ks := make([]keyed, len(hits))
	for i, h := range hits {
		ks[i] = keyed{h, atlas.SortKey(h.Node, atlas.OrderByName)}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return compareHits(a.hit, b.hit, a.key, b.key) })
	for i := range ks {
		hits[i] = ks[i].hit
	}
}

func hitTier(h atlas.SearchHit) int {
	if h.Score >= atlas.ScoreNamePrefix {
		return h.Score
	}
	return 0
}

// searchResult keeps the first limit of hits (sorted by compareHits) and counts all
// of them by kind.
func searchResult(hits []atlas.SearchHit, limit int) atlas.SearchResult {
	by := map[atlas.NodeKind]int{}
	for _, h := range hits {
		by[h.Node.NodeKind()]++
	}
	r := atlas.SearchResult{Hits: hits[:min(len(hits), limit)], Total: len(hits)}
	for _, k := range atlas.NodeKinds {
		if by[k] > 0 {
			r.Counts = append(r.Counts, atlas.KindCount{Kind: k, Count: by[k]})
		}
	}
	return r
}
