package analytics

import (
	"context"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"lsgatlas/atlas"
)

// Bounds of ShortestPaths' arguments.
const (
	MaxPathLength = 8
	MaxPaths      = 100
)

// Path is a walk through the network, from its first node to its last.
type Path struct {
	Nodes []atlas.Node
	// Relations[i] joins Nodes[i] and Nodes[i+1], in whichever direction it points.
	// When several kept relations join the same two nodes, it is the one with the
	// smallest id.
	Relations []atlas.Relation
}

// PathSet is the answer of ShortestPaths.
type PathSet struct {
	// Paths are all the shortest paths, or the first MaxPaths of them, ordered by
	// their node ids hop by hop. Empty when no path of at most maxLength hops exists.
	Paths []Path
	// Length is the number of hops of every path; 0 when there is none.
	Length int
	// Truncated is true when more shortest paths exist than maxPaths allowed.
	Truncated bool
}

// ShortestPaths returns every shortest path between from and to of at most maxLength
// hops (1..MaxPathLength), following kept relations in either direction with unit
// weight, up to maxPaths paths (1..MaxPaths; the rest are dropped and Truncated set,
// since the shortest paths are useful even when there are too many to list). No path
// within maxLength is an empty PathSet, not an error; from == to is a single path of
// one node. The ends may be of any kind, even one f leaves out: they count as kept
// nodes (see named), and the nodes between are of the kept kinds.
//
// Distances come from gonum's path.DijkstraFrom run from to: on unit weights it is
// breadth-first search, O(E log V), and gonum's is well tested. The paths are then
// enumerated here, forward from from, stepping only to neighbours one hop closer to to:
// gonum's AllTo cannot be stopped, and the number of shortest paths can grow
// exponentially with length (k diamonds in a row give 2^k), so enumeration must stop
// at maxPaths. Stepping in neighbour id order yields the paths in id order. Yen's
// k-shortest-paths would also return longer paths and costs O(k·V·(E+V log V)).
//
// Errors: EINVALID for a malformed or provenance id, an argument out of range or a bad
// filter; ENOTFOUND for an unknown id; ctx.Err() when ctx ends.
func (p *Projection) ShortestPaths(ctx context.Context, from, to string, maxLength int, f Filter, maxPaths int) (PathSet, error) {
	s, err := p.actor("from", from)
	if err != nil {
		return PathSet{}, err
	}
	t, err := p.actor("to", to)
	if err != nil {
		return PathSet{}, err
	}
	if err := atlas.CheckRange("maxLength", maxLength, 1, MaxPathLength); err != nil {
		return PathSet{}, err
	}
	if err := atlas.CheckRange("first", maxPaths, 1, MaxPaths); err != nil { // the argument the API names
		return PathSet{}, err
	}
	v, err := p.view(ctx, f)
	if err != nil {
		return PathSet{}, err
	}
	if s == t {
		return PathSet{Paths: []Path{{Nodes: []atlas.Node{p.node(s)}, Relations: []atlas.Relation{}}}}, nil
	}
	nv := v.withNamed(s, t)
	toT := path.DijkstraFrom(simple.Node(t), namedGraph{nv})
	hops := toT.WeightTo(s)
	if math.IsInf(hops, 1) || hops > float64(maxLength) {
		return PathSet{}, nil
	}
	walks, truncated, err := enumerate(ctx, nv, s, t, toT.WeightTo, maxPaths)
	if err != nil {
		return PathSet{}, err
	}
	set := PathSet{Length: int(hops), Truncated: truncated, Paths: make([]Path, len(walks))}
	for i, w := range walks {
		set.Paths[i] = p.pathOf(nv, w)
	}
	return set, nil
}

// enumerate lists the walks from s to t that step to a neighbour one hop closer to t
// each time, depth first in neighbour order, stopping after max+1 walks to learn
// whether there were more than max.
func enumerate(ctx context.Context, v *named, s, t int64, distToT func(int64) float64, max int) (walks [][]int64, truncated bool, err error) {
	cur := []int64{s}
	var step func(x int64) bool // false stops the search
	step = func(x int64) bool {
		if err = ctx.Err(); err != nil {
			return false
		}
		if x == t {
			walks = append(walks, slices.Clone(cur))
			return len(walks) <= max
		}
		closer := distToT(x) - 1
		for _, y := range v.neighbours(x) {
			if distToT(y) != closer {
				continue
			}
			cur = append(cur, y)
			if !step(y) {
				return false
			}
			cur = cur[:len(cur)-1]
		}
		return true
	}
	step(s)
	if err != nil {
		return nil, false, err
	}
	if len(walks) > max {
		return walks[:max], true, nil
	}
	return walks, false, nil
}

func (p *Projection) pathOf(v *named, walk []int64) Path {
	out := Path{Nodes: make([]atlas.Node, len(walk)), Relations: make([]atlas.Relation, len(walk)-1)}
	for i, n := range walk {
		out.Nodes[i] = p.node(n)
		if i > 0 {
			out.Relations[i-1] = v.v.filter.view(p.relation(v.firstRelation(walk[i-1], n)))
		}
	}
	return out
}
