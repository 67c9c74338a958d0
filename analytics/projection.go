package analytics

import (
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// Projection is an immutable in-memory copy of the whole graph, indexed for the queries
// of this package. Build one per store revision (Cache does exactly that) and share it:
// every method is safe for concurrent use, and everything a method returns is a copy
// the caller may keep or change.
//
// The network is made of the actors (groups, offices, institutions, positions and
// people) and, when a filter asks for them by kind, of what is said about them
// (statements, topics and documents). Sources and reported counts are provenance, so
// they are never nodes of the network; they are kept only so Node can still answer
// for them.
type Projection struct {
	nodes map[string]atlas.Node // every node of the dataset, by id
	// ids are the actors' ids, sorted; the gonum id of ids[i] is i. Sorting makes every
	// algorithm visit nodes in the same order on every run, so results are stable.
	ids   []string
	index map[string]int64
	kinds []atlas.NodeKind // by gonum id
	// rels are the relations whose two ends are actors, sorted by relation id, and
	// ends[i] are the gonum ids of rels[i]'s from and to.
	rels []*atlas.Relation
	ends [][2]int64
	// incident lists, for each gonum id, the indices of the relations touching it in
	// ascending order, which is relation id order.
	incident   [][]int32
	groups     []*atlas.Group // sorted by id
	nodeCounts map[atlas.NodeKind]int
	views      *viewCache
}

// Build returns the projection of ds, typically the result of atlas.Store.Snapshot. It
// works on a prepared deep copy (see atlas.Dataset.Prepared), so ds may come straight
// from a dataset file and stays the caller's. Build does not validate: a relation whose
// ends are not both known actors is left out of the network.
func Build(ds *atlas.Dataset) *Projection {
	if ds == nil {
		ds = &atlas.Dataset{}
	}
	ds = ds.Prepared()
	p := &Projection{
		nodes:      map[string]atlas.Node{},
		index:      map[string]int64{},
		nodeCounts: map[atlas.NodeKind]int{},
		views:      newViewCache(maxCachedViews),
	}
	for _, n := range ds.Nodes() {
		p.nodes[n.NodeID()] = n
	}
	for id, n := range p.nodes {
		p.nodeCounts[n.NodeKind()]++
		if isNetworkKind(n.NodeKind()) {
			p.ids = append(p.ids, id)
		}
	}
	slices.Sort(p.ids)
	p.kinds = make([]atlas.NodeKind, len(p.ids))
	for i, id := range p.ids {
		p.index[id] = int64(i)
		p.kinds[i] = p.nodes[id].NodeKind()
	}
	for _, r := range ds.Relations {
		if _, ok := p.index[r.From]; !ok {
			continue
		}
		if _, ok := p.index[r.To]; !ok {
			continue
		}
		p.rels = append(p.rels, r)
	}
	slices.SortFunc(p.rels, func(a, b *atlas.Relation) int { return strings.Compare(a.ID, b.ID) })
	p.ends = make([][2]int64, len(p.rels))
	p.incident = make([][]int32, len(p.ids))
	for i, r := range p.rels {
		from, to := p.index[r.From], p.index[r.To]
		p.ends[i] = [2]int64{from, to}
		p.incident[from] = append(p.incident[from], int32(i))
		if to != from {
			p.incident[to] = append(p.incident[to], int32(i))
		}
	}
	for _, g := range ds.Groups {
		if p.nodes[g.ID] == g {
			p.groups = append(p.groups, g)
		}
	}
	slices.SortFunc(p.groups, func(a, b *atlas.Group) int { return strings.Compare(a.ID, b.ID) })
	return p
}

// Node returns a copy of the node with the given id (sources and reported counts
// included), or false when the projection has no such node.
func (p *Projection) Node(id string) (atlas.Node, bool) {
	n, ok := p.nodes[id]
	if !ok {
		return nil, false
	}
	return atlas.CloneNode(n), true
}

// Sources returns copies of every source, in id order: the bibliography.
func (p *Projection) Sources() []*atlas.Source {
	var out []*atlas.Source
	for _, n := range p.nodes {
		if s, ok := n.(*atlas.Source); ok {
			c := *s
			c.Authors = slices.Clone(s.Authors)
			out = append(out, &c)
		}
	}
	slices.SortFunc(out, func(a, b *atlas.Source) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Source returns a copy of the source with the given id, or nil: what an export looks
// citations up with.
func (p *Projection) Source(id string) *atlas.Source {
	s, ok := p.nodes[id].(*atlas.Source)
	if !ok {
		return nil
	}
	c := *s
	c.Authors = slices.Clone(s.Authors)
	return &c
}

// NodeCount and RelationCount are the sizes of the whole network: actors, statements,
// topics and documents, and the relations among them.
func (p *Projection) NodeCount() int     { return len(p.ids) }
func (p *Projection) RelationCount() int { return len(p.rels) }

// actorKinds are the node kinds that make up the network unless a filter names kinds,
// in atlas.NodeKinds order; networkKinds adds those a filter may name besides.
var (
	actorKinds   = []atlas.NodeKind{atlas.GroupNode, atlas.OfficeNode, atlas.InstitutionNode, atlas.PositionNode, atlas.PersonNode}
	contentKinds = []atlas.NodeKind{atlas.StatementNode, atlas.TopicNode, atlas.DocumentNode}
	networkKinds = append(slices.Clone(actorKinds), contentKinds...)
)

func isNetworkKind(k atlas.NodeKind) bool { return slices.Contains(networkKinds, k) }

// actor resolves the id given as argument arg to its gonum id: EINVALID when the id is
// malformed or names provenance rather than an actor, ENOTFOUND when it names nothing.
func (p *Projection) actor(arg, id string) (int64, error) {
	kind, err := atlas.KindOfID(id)
	if err != nil {
		return 0, atlas.Errorf(atlas.EINVALID, "%s: %s", arg, atlas.ErrorMessage(err))
	}
	if !isNetworkKind(kind) {
		return 0, atlas.Errorf(atlas.EINVALID, "%s: %q is a %s; only groups, offices, institutions, positions, people, statements, topics and documents are part of the network", arg, id, kind)
	}
	i, ok := p.index[id]
	if !ok {
		return 0, atlas.Errorf(atlas.ENOTFOUND, "%s: %q names no node", arg, id)
	}
	return i, nil
}

// node returns a copy of the actor with gonum id i.
func (p *Projection) node(i int64) atlas.Node { return atlas.CloneNode(p.nodes[p.ids[i]]) }

// relation returns a copy of relation i.
func (p *Projection) relation(i int32) atlas.Relation { return p.rels[i].Clone() }
