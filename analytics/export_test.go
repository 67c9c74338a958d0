package analytics

import (
	"context"

	"gonum.org/v1/gonum/graph"
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

// IDForTest returns the gonum id of a node id.
func IDForTest(p *Projection, id string) int64 { return p.index[id] }
