package analytics

import "gonum.org/v1/gonum/graph/network"

// BetweennessForBench computes the betweenness of f's network afresh (the projection
// keeps a computed one, and caps the work; a benchmark needs neither), returning the
// network's node and edge counts.
func BetweennessForBench(p *Projection, f Filter) (nodes, edges int, err error) {
	nf, err := f.normalized()
	if err != nil {
		return 0, 0, err
	}
	v := p.newView(nf)
	for _, n := range v.nbrs {
		edges += len(n)
	}
	network.Betweenness(undirectedGraph{v})
	return len(v.members), edges / 2, nil
}
