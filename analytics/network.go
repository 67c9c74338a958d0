package analytics

import (
	"context"
	"slices"

	"lsgatlas/atlas"
)

// Bounds and defaults of Network's arguments. DefaultNetworkLimit is the node limit
// of the `network` query and of the exports alike, when the caller gives none.
const (
	MaxDepth            = 4
	MaxNetworkNodes     = 2000
	DefaultNetworkLimit = MaxNetworkNodes
)

// Subgraph is a part of the network: its nodes and the relations among them.
type Subgraph struct {
	// Nodes come in breadth-first order: the seeds, then each layer, ids sorted within
	// a layer.
	Nodes []atlas.Node
	// Relations are the kept relations whose two ends are both in Nodes, ordered by
	// atlas.CompareRelations. Parallel relations (e.g. two disputed claims) all appear.
	Relations []atlas.Relation
	// Derived are the chairs derived through positions (Filter.DerivedChairs) between
	// nodes of the subgraph, each seen from its person, in group then id order. A chair
	// also stored is here, with both lines of evidence, and not in Relations.
	Derived []atlas.Edge
	// Truncated is true when the limit left out nodes within the depth.
	Truncated bool
}

// keepDerived sets sub.Derived to the view's derived chairs whose two ends are included.
// A chair both stored and derived replaces its stored relation, so that every consumer
// sees the one edge with both lines of evidence, as the API's chairs lists do; it is
// left out when the view does not keep the stored relation.
func (v *view) keepDerived(sub *Subgraph, included map[int64]bool) {
	for _, e := range v.derived {
		if !included[v.p.index[e.From]] || !included[v.p.index[e.To]] {
			continue
		}
		if e.Stored {
			i := slices.IndexFunc(sub.Relations, func(r atlas.Relation) bool { return r.ID == e.ID })
			if i < 0 {
				continue
			}
			sub.Relations = slices.Delete(sub.Relations, i, i+1)
		}
		sub.Derived = append(sub.Derived, e)
	}
}

// Network returns the neighbourhood of the seed ids up to depth hops (1..MaxDepth),
// following kept relations in either direction, with at most limit nodes
// (1..MaxNetworkNodes). Seeds are always included, even when f excludes their kind:
// such a seed counts as a kept node, with its relations that pass f to the nodes of the
// kept kinds and to the other seeds (see named); the nodes beyond are of the kept kinds
// only. When there are more seeds than limit, the first limit in id order are kept and
// the result is truncated. Without ids it is Whole:
// the entire network under f (depth is still checked, then has nothing to bound).
//
// Errors: EINVALID for a malformed id, a source or reported-count id, an argument out
// of range or a bad filter; ENOTFOUND for an id that names nothing; ctx.Err() when ctx
// ends.
func (p *Projection) Network(ctx context.Context, ids []string, depth int, f Filter, limit int) (Subgraph, error) {
	if len(ids) == 0 {
		if err := atlas.CheckRange("depth", depth, 1, MaxDepth); err != nil {
			return Subgraph{}, err
		}
		return p.Whole(ctx, f, limit)
	}
	if len(ids) > MaxNetworkNodes {
		return Subgraph{}, atlas.Errorf(atlas.EINVALID, "ids may name at most %d nodes, got %d", MaxNetworkNodes, len(ids))
	}
	if err := atlas.CheckRange("depth", depth, 1, MaxDepth); err != nil {
		return Subgraph{}, err
	}
	if err := atlas.CheckRange("limit", limit, 1, MaxNetworkNodes); err != nil {
		return Subgraph{}, err
	}
	seeds := make([]int64, 0, len(ids))
	for _, id := range ids {
		i, err := p.actor("ids", id)
		if err != nil {
			return Subgraph{}, err
		}
		seeds = append(seeds, i)
	}
	v, err := p.view(ctx, f)
	if err != nil {
		return Subgraph{}, err
	}
	nv := v.withNamed(seeds...)

	// Gonum ids are assigned in id order, so sorting gonum ids sorts by id.
	layer := slices.Compact(slices.Sorted(slices.Values(seeds)))
	included := make(map[int64]bool, limit)
	var order []int64
	truncated := false
	take := func(candidates []int64) []int64 {
		room := limit - len(order)
		if len(candidates) > room {
			candidates, truncated = candidates[:room], true
		}
		for _, n := range candidates {
			included[n] = true
		}
		order = append(order, candidates...)
		return candidates
	}
	layer = take(layer)
	for hop := 0; hop < depth && len(layer) > 0 && !truncated; hop++ {
		var next []int64
		for _, n := range layer {
			if err := ctx.Err(); err != nil {
				return Subgraph{}, err
			}
			for _, m := range nv.neighbours(n) {
				if !included[m] {
					next = append(next, m)
				}
			}
		}
		layer = take(slices.Compact(slices.Sorted(slices.Values(next))))
	}

	sub := Subgraph{Nodes: make([]atlas.Node, len(order)), Truncated: truncated}
	for i, n := range order {
		sub.Nodes[i] = p.node(n)
	}
	var rels []int32
	for _, n := range order {
		if err := ctx.Err(); err != nil {
			return Subgraph{}, err
		}
		for _, ri := range p.incident[n] {
			from, to := p.ends[ri][0], p.ends[ri][1]
			// Each relation is collected at its from end only, so it appears once.
			if nv.relOK(ri) && from == n && included[to] {
				rels = append(rels, ri)
			}
		}
	}
	sub.Relations = make([]atlas.Relation, len(rels))
	for i, ri := range rels {
		sub.Relations[i] = f.view(p.relation(ri)) // the dates the sources asked for give
	}
	slices.SortFunc(sub.Relations, func(a, b atlas.Relation) int { return atlas.CompareRelations(&a, &b) })
	v.keepDerived(&sub, included)
	return sub, nil
}

// Whole returns the entire network as f sees it: every node of a kept kind (isolated ones
// included) and every kept relation between them, with at most limit nodes
// (1..MaxNetworkNodes) in id order and Truncated set when more exist. It is what the
// whole-graph exports serve.
//
// Errors: EINVALID for limit out of range or a bad filter; ctx.Err() when ctx ends.
func (p *Projection) Whole(ctx context.Context, f Filter, limit int) (Subgraph, error) {
	if err := atlas.CheckRange("limit", limit, 1, MaxNetworkNodes); err != nil {
		return Subgraph{}, err
	}
	v, err := p.view(ctx, f)
	if err != nil {
		return Subgraph{}, err
	}
	members := v.members
	sub := Subgraph{Truncated: len(members) > limit}
	members = members[:min(len(members), limit)]
	included := make(map[int64]bool, len(members))
	for _, n := range members {
		included[n] = true
		sub.Nodes = append(sub.Nodes, p.node(n))
	}
	for ri := range p.rels {
		if err := ctx.Err(); err != nil {
			return Subgraph{}, err
		}
		if v.relOK[ri] && included[p.ends[ri][0]] && included[p.ends[ri][1]] {
			sub.Relations = append(sub.Relations, f.view(p.relation(int32(ri))))
		}
	}
	slices.SortFunc(sub.Relations, func(a, b atlas.Relation) int { return atlas.CompareRelations(&a, &b) })
	v.keepDerived(&sub, included)
	return sub, nil
}
