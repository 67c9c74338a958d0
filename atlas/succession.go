package atlas

import (
	"errors"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// checkSuccessions refuses SUCCEEDED_BY relations that go round in a circle: a body
// succeeded (in the end) by itself. Succession runs forward in time, so a circle is
// always a mistake of the data, and a lineage walked along it would never end. (A
// relation from a body to itself is refused with the other relation rules.)
func (v *validator) checkSuccessions() {
	ids := map[string]int64{}
	names := []string{}
	g := simple.NewDirectedGraph()
	node := func(id string) int64 {
		n, ok := ids[id]
		if !ok {
			n = int64(len(names))
			ids[id], names = n, append(names, id)
			g.AddNode(simple.Node(n))
		}
		return n
	}
	for _, r := range v.ds.Relations {
		if r.Type == SucceededBy && r.From != r.To {
			from, to := node(r.From), node(r.To)
			if !g.HasEdgeFromTo(from, to) {
				g.SetEdge(simple.Edge{F: simple.Node(from), T: simple.Node(to)})
			}
		}
	}
	_, err := topo.Sort(g)
	var cycles topo.Unorderable
	if !errors.As(err, &cycles) {
		return
	}
	for _, component := range cycles {
		members := make([]string, len(component))
		for i, n := range component {
			members[i] = names[n.ID()]
		}
		slices.Sort(members)
		v.add("succession "+members[0], "SUCCEEDED_BY goes round in a circle through %s: a body cannot (in the end) succeed itself", strings.Join(members, ", "))
	}
}
