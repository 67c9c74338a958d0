package analytics

import (
	"cmp"
	"context"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph/network"

	"lsgatlas/atlas"
)

// Metric is a way of ranking nodes.
type Metric string

const (
	// DegreeMetric is the number of distinct neighbours over kept relations, either
	// direction: parallel relations (two disputed claims of one seat) count once.
	DegreeMetric Metric = "DEGREE"
	// BetweennessMetric is the share of shortest paths between pairs of other nodes
	// that pass through the node, on the undirected network: the count (each unordered
	// pair once, a pair with k shortest paths contributing 1/k per path) divided by the
	// number of pairs of other nodes, (n-1)(n-2)/2 for the n nodes the filter keeps, so
	// it lies between 0 and 1 whatever the size of the network. Gonum's
	// network.Betweenness counts ordered pairs on an undirected graph; we halve it.
	BetweennessMetric Metric = "BETWEENNESS"
	// PageRankMetric is PageRank on the directed network (relations point as stored:
	// people to groups, groups to the bodies they report to), damping 0.85; scores sum
	// to 1 over the kept nodes.
	PageRankMetric Metric = "PAGERANK"
	// ChairsMetric is the number of distinct groups a node chairs, counting for a
	// person the chairs derived through positions they held (atlas.DeriveChair). A
	// derived chair needs both its HOLDS and its CHAIRS relation to pass the filter.
	ChairsMetric Metric = "CHAIRS"
	// SeatsMetric is the number of distinct groups a node chairs (as ChairsMetric) or
	// is a MEMBER_OF.
	SeatsMetric Metric = "SEATS"
)

// Metrics lists every metric.
var Metrics = []Metric{DegreeMetric, BetweennessMetric, PageRankMetric, ChairsMetric, SeatsMetric}

// MaxFirst bounds Centrality's first argument.
const MaxFirst = 100

// MaxBetweennessWork caps V·E of the filtered network for betweenness. Gonum's Brandes
// algorithm is O(V·E) with map operations at each step, about 0.3µs per unit of V·E on
// a 2-core machine, so the cap is a few seconds of work, once per projection and
// filter. The seed dataset (about 110 actors, 130 relations) is under 0.2% of it.
const MaxBetweennessWork = 10_000_000

// PageRank parameters: the usual damping, and a tolerance far below the 1e-9 the
// scores are rounded to.
const (
	pageRankDamping   = 0.85
	pageRankTolerance = 1e-13
	pageRankMaxRounds = 1000
)

// Score is a node's value under a metric.
type Score struct {
	Node  atlas.Node
	Value float64
}

// Centrality ranks the nodes of the kinds given (empty: every actor kind) that the
// filter keeps, by metric, highest first, ties by id, and returns the first `first`
// (1..MaxFirst). kinds chooses which nodes are ranked, not which make up the network:
// the betweenness of a person still counts paths through groups. Scores are rounded to
// 1e-9 so that floating-point noise never reorders ties.
//
// Betweenness and PageRank are computed once per projection and filter and kept in
// the projection (see the package's Cost notes).
//
// Errors: EINVALID for an unknown metric or kind, first out of range or a bad filter;
// ELIMIT when betweenness would exceed MaxBetweennessWork; ctx.Err() when ctx ends.
func (p *Projection) Centrality(ctx context.Context, metric Metric, f Filter, kinds []atlas.NodeKind, first int) ([]Score, error) {
	if err := checkMetric(metric, kinds); err != nil {
		return nil, err
	}
	if err := checkRanked(f, kinds); err != nil {
		return nil, err
	}
	if err := atlas.CheckRange("first", first, 1, MaxFirst); err != nil {
		return nil, err
	}
	v, scores, err := p.scores(ctx, metric, f)
	if err != nil {
		return nil, err
	}
	ranked := p.ranked(v.members, kinds, scores)
	return p.scored(ranked[:min(first, len(ranked))], scores), nil
}

// CentralityOf scores the nodes ids names (at most MaxNetworkNodes, the most a network
// draws) as Centrality ranks them, on the same network: a frontend sizing what it drew
// needs every drawn node's score, not the top MaxFirst. A node the filter leaves out of
// the network has no score there and is not returned, nor is one of a kind outside
// kinds. Scores are ranked as Centrality's: highest first, ties by id.
//
// Errors: as Centrality's, and EINVALID for too many ids or one that names a source
// or a reported count, ENOTFOUND for one that names nothing.
func (p *Projection) CentralityOf(ctx context.Context, metric Metric, f Filter, kinds []atlas.NodeKind, ids []string) ([]Score, error) {
	if err := checkMetric(metric, kinds); err != nil {
		return nil, err
	}
	if err := checkRanked(f, kinds); err != nil {
		return nil, err
	}
	if len(ids) > MaxNetworkNodes {
		return nil, atlas.Errorf(atlas.EINVALID, "ids may name at most %d nodes, got %d", MaxNetworkNodes, len(ids))
	}
	asked := make(map[int64]bool, len(ids))
	for _, id := range ids {
		i, err := p.actor("ids", id)
		if err != nil {
			return nil, err
		}
		asked[i] = true
	}
	v, scores, err := p.scores(ctx, metric, f)
	if err != nil {
		return nil, err
	}
	var kept []int64
	for _, n := range v.members {
		if asked[n] {
			kept = append(kept, n)
		}
	}
	return p.scored(p.ranked(kept, kinds, scores), scores), nil
}

func checkMetric(metric Metric, kinds []atlas.NodeKind) error {
	if !atlas.Valid(metric, Metrics) {
		return atlas.Errorf(atlas.EINVALID, "metric: unknown metric %q; use one of %v", metric, Metrics)
	}
	for _, k := range kinds {
		if !isNetworkKind(k) {
			return atlas.Errorf(atlas.EINVALID, "kinds: %q is not a network node kind; use one of %v", k, networkKinds)
		}
	}
	return nil
}

// checkRanked refuses to rank a kind the network f builds has no nodes of (statements,
// when nodeTypes leaves them to the default actor kinds): the ranking was an empty
// list, as if none of them scored.
func checkRanked(f Filter, kinds []atlas.NodeKind) error {
	for _, k := range kinds {
		if !f.keepsKind(k) {
			return atlas.Errorf(atlas.EINVALID, "rank: %s is not in the network (nodeTypes keeps %v); add it to nodeTypes to rank it", k, f.keptKinds())
		}
	}
	return nil
}

// scores computes metric for every node of the network f keeps, by gonum id.
func (p *Projection) scores(ctx context.Context, metric Metric, f Filter) (*view, []float64, error) {
	v, err := p.view(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	var scores []float64
	switch metric {
	case DegreeMetric:
		scores = make([]float64, len(p.ids))
		for i, n := range v.nbrs {
			scores[i] = float64(len(n))
		}
	case BetweennessMetric:
		scores, err = v.betweenness.get(ctx, v.computeBetweenness)
	case PageRankMetric:
		scores, err = v.pagerank.get(ctx, v.computePageRank)
	case ChairsMetric:
		scores, err = v.groupCounts(ctx, true)
	case SeatsMetric:
		scores, err = v.groupCounts(ctx, false)
	}
	return v, scores, err
}

// ranked orders the nodes of kinds (every kind when empty) among members, highest score
// first. members are in id order and the sort is stable, so ties stay in id order.
func (p *Projection) ranked(members []int64, kinds []atlas.NodeKind, scores []float64) []int64 {
	var ranked []int64
	for _, n := range members {
		if len(kinds) == 0 || slices.Contains(kinds, p.kinds[n]) {
			ranked = append(ranked, n)
		}
	}
	slices.SortStableFunc(ranked, func(a, b int64) int { return cmp.Compare(scores[b], scores[a]) })
	return ranked
}

func (p *Projection) scored(ranked []int64, scores []float64) []Score {
	out := make([]Score, len(ranked))
	for i, n := range ranked {
		out[i] = Score{Node: p.node(n), Value: scores[n]}
	}
	return out
}

func (v *view) computeBetweenness() ([]float64, error) {
	edges := 0
	for _, n := range v.nbrs {
		edges += len(n)
	}
	edges /= 2
	if work := len(v.members) * edges; work > MaxBetweennessWork {
		return nil, atlas.Errorf(atlas.ELIMIT, "betweenness on %d nodes and %d edges is %d steps of work, over the limit of %d; narrow the filter (relTypes, nodeKinds or asOf)", len(v.members), edges, work, MaxBetweennessWork)
	}
	scores := make([]float64, len(v.p.ids))
	n := float64(len(v.members))
	pairs := (n - 1) * (n - 2) / 2
	if pairs <= 0 { // fewer than three nodes: no node lies between two others
		return scores, nil
	}
	for id, b := range network.Betweenness(undirectedGraph{v}) {
		scores[id] = round9(b / 2 / pairs)
	}
	return scores, nil
}

// computePageRank runs the power iteration of network.PageRank (same damping and
// dangling-node rule) from the uniform vector. Gonum's own function starts from a
// random vector drawn from math/rand's global source, so its low digits, and with them
// the order of tied nodes, would change from run to run; the tests check that both
// agree.
func (v *view) computePageRank() ([]float64, error) {
	rank := make([]float64, len(v.p.ids))
	next := make([]float64, len(v.p.ids))
	if len(v.members) == 0 {
		return rank, nil
	}
	n := float64(len(v.members))
	for _, u := range v.members {
		rank[u] = 1 / n
	}
	for round := 0; round < pageRankMaxRounds; round++ {
		// Mass at nodes without outgoing relations is spread evenly, as is the teleport.
		dangling := 0.0
		for _, u := range v.members {
			if len(v.succ[u]) == 0 {
				dangling += rank[u]
			}
		}
		base := (1-pageRankDamping)/n + pageRankDamping*dangling/n
		for _, u := range v.members {
			next[u] = base
		}
		for _, u := range v.members {
			if out := v.succ[u]; len(out) > 0 {
				share := pageRankDamping * rank[u] / float64(len(out))
				for _, w := range out {
					next[w] += share
				}
			}
		}
		change := 0.0
		for _, u := range v.members {
			change += math.Abs(next[u] - rank[u])
		}
		rank, next = next, rank
		if change < pageRankTolerance {
			break
		}
	}
	for i := range rank {
		rank[i] = round9(rank[i])
	}
	return rank, nil
}

func round9(x float64) float64 { return math.Round(x*1e9) / 1e9 }
