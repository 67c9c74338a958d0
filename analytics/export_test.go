package analytics

import (
	"context"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// DirectedGraphForTest exposes a filter's view as the gonum graph the package runs
// algorithms on, so that tests can compare with gonum's own functions.
func DirectedGraphForTest(p *Projection, f Filter) (graph.Directed, error) {
	v, err := p.view(context.Background(), f)
	if err != nil {
		return nil, err
	}
	return directedGraph{v}, nil
}

// directedGraph is a view as a gonum directed graph: relations point as stored. The
// package itself only needs the undirected form; tests use this one to check our
// PageRank against gonum's.
type directedGraph struct{ v *view }

var _ graph.Directed = directedGraph{}

func (g directedGraph) Node(id int64) graph.Node { return g.v.gonumNode(id) }
func (g directedGraph) Nodes() graph.Nodes       { return orderedNodes(g.v.memberNodes) }
func (g directedGraph) From(id int64) graph.Nodes {
	if !g.v.has(id) {
		return graph.Empty
	}
	return orderedNodes(g.v.succNodes[id])
}
func (g directedGraph) To(id int64) graph.Nodes {
	if !g.v.has(id) {
		return graph.Empty
	}
	var pred []int64
	for _, n := range g.v.nbrs[id] {
		if contains(g.v.succ[n], id) {
			pred = append(pred, n)
		}
	}
	return orderedNodes(toNodes(pred))
}
func (g directedGraph) HasEdgeBetween(x, y int64) bool {
	return g.HasEdgeFromTo(x, y) || g.HasEdgeFromTo(y, x)
}
func (g directedGraph) HasEdgeFromTo(u, v int64) bool {
	return g.v.has(u) && g.v.has(v) && contains(g.v.succ[u], v)
}
func (g directedGraph) Edge(u, v int64) graph.Edge {
	if !g.HasEdgeFromTo(u, v) {
		return nil
	}
	return simple.Edge{F: simple.Node(u), T: simple.Node(v)}
}

// IDForTest returns the gonum id of a node id.
func IDForTest(p *Projection, id string) int64 { return p.index[id] }
