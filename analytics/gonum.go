package analytics

import (
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// The gonum algorithms read a view through these adapters rather than a copy in a
// simple.Graph for two reasons: a view is already an adjacency structure, and gonum's
// own graphs iterate nodes in map order, which would make floating-point sums (and so
// betweenness ties) differ from run to run. Here nodes and neighbours always come in
// ascending id order.

// undirectedGraph is a view as a gonum graph.Undirected: relations in either direction
// join their ends, parallel relations count once.
type undirectedGraph struct{ v *view }

var _ graph.Undirected = undirectedGraph{}

func (v *view) has(id int64) bool { return id >= 0 && id < int64(len(v.nodeOK)) && v.nodeOK[id] }

func (v *view) gonumNode(id int64) graph.Node {
	if !v.has(id) {
		return nil
	}
	return simple.Node(id)
}

// gonumNodes converts adjacency lists once per view: Brandes' algorithm asks for every
// node's neighbours once per source node, and converting on each call was a sixth of
// its time.
func gonumNodes(lists [][]int64) [][]graph.Node {
	out := make([][]graph.Node, len(lists))
	for i, ids := range lists {
		out[i] = toNodes(ids)
	}
	return out
}

func toNodes(ids []int64) []graph.Node {
	nodes := make([]graph.Node, len(ids))
	for i, id := range ids {
		nodes[i] = simple.Node(id)
	}
	return nodes
}

func orderedNodes(nodes []graph.Node) graph.Nodes {
	if len(nodes) == 0 {
		return graph.Empty
	}
	return iterator.NewOrderedNodes(nodes)
}

func contains(sorted []int64, id int64) bool {
	_, ok := slices.BinarySearch(sorted, id)
	return ok
}

func (g undirectedGraph) Node(id int64) graph.Node { return g.v.gonumNode(id) }
func (g undirectedGraph) Nodes() graph.Nodes       { return orderedNodes(g.v.memberNodes) }
func (g undirectedGraph) From(id int64) graph.Nodes {
	if !g.v.has(id) {
		return graph.Empty
	}
	return orderedNodes(g.v.nbrNodes[id])
}
func (g undirectedGraph) HasEdgeBetween(x, y int64) bool {
	return g.v.has(x) && g.v.has(y) && contains(g.v.nbrs[x], y)
}
func (g undirectedGraph) Edge(u, v int64) graph.Edge { return g.EdgeBetween(u, v) }
func (g undirectedGraph) EdgeBetween(x, y int64) graph.Edge {
	if !g.HasEdgeBetween(x, y) {
		return nil
	}
	return simple.Edge{F: simple.Node(x), T: simple.Node(y)}
}
