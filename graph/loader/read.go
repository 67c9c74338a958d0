package loader

import (
	"context"

	"lsgatlas/atlas"
)

// Node loads one node; a missing node is (nil, nil).
func (l *Loaders) Node(ctx context.Context, id string) (atlas.Node, error) {
	return l.nodes.Load(ctx, id)
}

// NodesNow reads nodes with one immediate store call, without the batching wait, and
// primes the loader with them so that later asks in the request are served from it.
func (l *Loaders) NodesNow(ctx context.Context, ids []string) ([]atlas.Node, error) {
	nodes, err := l.store.Nodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, n := range nodes {
		l.nodes.Prime(ids[i], n)
	}
	return nodes, nil
}

// NodeOf loads the node id as a T, returning nil when it is missing or of another kind.
func NodeOf[T atlas.Node](ctx context.Context, l *Loaders, id string) (T, error) {
	var zero T
	n, err := l.Node(ctx, id)
	if err != nil || n == nil {
		return zero, err
	}
	t, ok := n.(T)
	if !ok {
		return zero, nil
	}
	return t, nil
}

// Spec says which relationships of a node to load.
type Spec struct {
	Types     []atlas.RelType
	Direction atlas.Direction
	Roles     []atlas.MemberRole
	AsOf      *atlas.PartialDate
	// Sources keeps relationships citing one of these sources; empty means all.
	Sources []string
}

// Edges loads the relationships of node id that match spec, as edges seen from id, each
// with its holding at spec.AsOf.
func (l *Loaders) Edges(ctx context.Context, id string, spec Spec) ([]atlas.Edge, error) {
	rels, err := l.relations(ctx, id, spec)
	if err != nil {
		return nil, err
	}
	return atlas.EdgesFrom(id, rels, spec.AsOf), nil
}

func (l *Loaders) relations(ctx context.Context, id string, spec Spec) ([]atlas.Relation, error) {
	return l.rels.Load(ctx, newRelKey(id, spec))
}

func newRelKey(id string, spec Spec) relKey {
	if spec.Direction == "" {
		spec.Direction = atlas.Both
	}
	key := relKey{id: id, types: join(spec.Types), dir: spec.Direction, roles: join(spec.Roles), sources: join(spec.Sources)}
	if spec.AsOf != nil {
		key.asOf = spec.AsOf.String()
	}
	return key
}

// relationsOfMany loads the same spec for many nodes; the loader batches them into one
// store call with any other asks of the same spec.
func (l *Loaders) relationsOfMany(ctx context.Context, ids []string, spec Spec) ([][]atlas.Relation, error) {
	keys := make([]relKey, len(ids))
	for i, id := range ids {
		keys[i] = newRelKey(id, spec)
	}
	return l.rels.LoadAll(ctx, keys)
}

// Chairs loads who chairs a group (self is a group) or what a person chairs (self is a
// person), adding, when derived is true, the chairs derived through positions: a person
// holding a position that chairs a group at the same time. That costs one more batched
// store call, whatever the number of positions.
func (l *Loaders) Chairs(ctx context.Context, self string, asOf *atlas.PartialDate, derived bool) ([]atlas.Edge, error) {
	kind, err := atlas.KindOfID(self)
	if err != nil {
		return nil, err
	}
	direct := Spec{Types: []atlas.RelType{atlas.Chairs}, AsOf: asOf}
	switch kind {
	case atlas.GroupNode:
		direct.Direction = atlas.Incoming
	case atlas.PersonNode, atlas.PositionNode:
		direct.Direction = atlas.Outgoing
	default:
		return nil, atlas.Errorf(atlas.EINVALID, "%s cannot chair or be chaired", self)
	}
	edges, err := l.Edges(ctx, self, direct)
	if err != nil || !derived || kind == atlas.PositionNode {
		return edges, err
	}
	if kind == atlas.GroupNode {
		return l.derivedGroupChairs(ctx, self, edges, asOf)
	}
	return l.derivedPersonChairs(ctx, self, edges, asOf)
}

// derivedGroupChairs adds, for each position chairing the group, the people holding it.
func (l *Loaders) derivedGroupChairs(ctx context.Context, group string, edges []atlas.Edge, asOf *atlas.PartialDate) ([]atlas.Edge, error) {
	var positions []string
	var chairs []atlas.Relation
	for _, e := range edges {
		if k, _ := atlas.KindOfID(e.From); k == atlas.PositionNode {
			positions = append(positions, e.From)
			chairs = append(chairs, e.Relation)
		}
	}
	holders, err := l.relationsOfMany(ctx, positions, Spec{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Incoming, AsOf: asOf})
	if err != nil {
		return nil, err
	}
	for i := range positions {
		for _, holds := range holders[i] {
			if e, ok := atlas.DeriveChair(group, holds, chairs[i], asOf); ok {
				edges = append(edges, e)
			}
		}
	}
	return edges, nil
}

// derivedPersonChairs adds, for each position the person holds, the groups it chairs.
func (l *Loaders) derivedPersonChairs(ctx context.Context, person string, edges []atlas.Edge, asOf *atlas.PartialDate) ([]atlas.Edge, error) {
	holds, err := l.relations(ctx, person, Spec{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Outgoing, AsOf: asOf})
	if err != nil {
		return nil, err
	}
	positions := make([]string, len(holds))
	for i, h := range holds {
		positions[i] = h.To
	}
	chaired, err := l.relationsOfMany(ctx, positions, Spec{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing, AsOf: asOf})
	if err != nil {
		return nil, err
	}
	for i := range holds {
		for _, chairs := range chaired[i] {
			if e, ok := atlas.DeriveChair(person, holds[i], chairs, asOf); ok {
				edges = append(edges, e)
			}
		}
	}
	return edges, nil
}

// Nodes loads many nodes in the order given, nil for missing ones.
func (l *Loaders) Nodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
	return l.nodes.LoadAll(ctx, ids)
}
