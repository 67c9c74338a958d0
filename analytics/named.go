package analytics

import (
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// named is a view with the nodes a query names (Network's seeds, ShortestPaths' ends)
// added whatever their kind: a seed of a kind the filter leaves out would otherwise sit
// alone, and a path from it would silently be none. An added node counts as a kept node,
// so it joins the kept nodes (and the other added ones) by the relations that pass the
// filter but for the kinds; the nodes between are still of the kept kinds only.
type named struct {
	v     *view
	added []int64 // the named nodes of a kind v leaves out
	// rels are the relations an added node brings, by relation index; nbrs the
	// neighbours they add, for the added nodes and their neighbours, ascending.
	rels map[int32]bool
	nbrs map[int64][]int64
}

// withNamed returns v with the nodes of ids whose kind v leaves out added.
func (v *view) withNamed(ids ...int64) *named {
	n := &named{v: v, rels: map[int32]bool{}, nbrs: map[int64][]int64{}}
	for _, id := range ids {
		if !v.has(id) && !slices.Contains(n.added, id) {
			n.added = append(n.added, id)
		}
	}
	known := v.p.known(v.filter)
	for _, a := range n.added {
		for _, ri := range v.p.incident[a] {
			from, to := v.p.ends[ri][0], v.p.ends[ri][1]
			other := from
			if other == a {
				other = to
			}
			r := v.p.rels[ri]
			if from == to || !(v.has(other) || slices.Contains(n.added, other)) ||
				!v.filter.passesBesidesKinds(r, known) || !v.p.inTiers(r, v.filter.Tiers) {
				continue
			}
			n.rels[ri] = true
			n.nbrs[a] = append(n.nbrs[a], other)
			n.nbrs[other] = append(n.nbrs[other], a)
		}
	}
	for id, list := range n.nbrs {
		n.nbrs[id] = slices.Compact(slices.Sorted(slices.Values(slices.Concat(v.nbrs[id], list))))
	}
	return n
}

func (n *named) has(id int64) bool { return n.v.has(id) || slices.Contains(n.added, id) }

// neighbours are the distinct neighbours of id, ascending.
func (n *named) neighbours(id int64) []int64 {
	if list, ok := n.nbrs[id]; ok {
		return list
	}
	return n.v.nbrs[id]
}

// relOK reports whether relation ri is kept.
func (n *named) relOK(ri int32) bool { return n.v.relOK[ri] || n.rels[ri] }

// firstRelation returns the kept relation with the smallest id joining x and y in
// either direction: the one a path reports when several join the same two nodes.
func (n *named) firstRelation(x, y int64) int32 {
	for _, ri := range n.v.p.incident[x] {
		if n.relOK(ri) && (n.v.p.ends[ri] == [2]int64{x, y} || n.v.p.ends[ri] == [2]int64{y, x}) {
			return ri
		}
	}
	return -1
}

// namedGraph is a named view as a gonum graph.Undirected, as undirectedGraph is a view.
type namedGraph struct{ n *named }

var _ graph.Undirected = namedGraph{}

func (g namedGraph) Node(id int64) graph.Node {
	if !g.n.has(id) {
		return nil
	}
	return simple.Node(id)
}

func (g namedGraph) Nodes() graph.Nodes {
	nodes := slices.Sorted(slices.Values(slices.Concat(g.n.v.members, g.n.added)))
	return orderedNodes(toNodes(nodes))
}

func (g namedGraph) From(id int64) graph.Nodes {
	if !g.n.has(id) {
		return graph.Empty
	}
	if list, ok := g.n.nbrs[id]; ok {
		return orderedNodes(toNodes(list))
	}
	return orderedNodes(g.n.v.nbrNodes[id])
}

func (g namedGraph) HasEdgeBetween(x, y int64) bool {
	return g.n.has(x) && g.n.has(y) && contains(g.n.neighbours(x), y)
}

func (g namedGraph) Edge(u, v int64) graph.Edge { return g.EdgeBetween(u, v) }

func (g namedGraph) EdgeBetween(x, y int64) graph.Edge {
	if !g.HasEdgeBetween(x, y) {
		return nil
	}
	return simple.Edge{F: simple.Node(x), T: simple.Node(y)}
}
