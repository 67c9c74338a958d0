package atlas

import (
	"context"
	"slices"
	"strings"
)

// Projection names the node properties a reader will look at, by their JSON names
// ("name", "title", "nameZh"…), so that a store that pays for every property it returns
// (Neo4j sends each node's claims, citations and aliases as text to be decoded; the
// in-process store copies them) can return only those. A node read with a projection is
// partial: its id and kind are always set, the projected properties are as stored, and
// every other field is zero, so it must never be taken for the whole node (graph/loader
// keeps the two apart). nil means the whole node.
type Projection struct {
	props []string // sorted, without duplicates
}

// NewProjection returns the projection of the named properties.
func NewProjection(props ...string) *Projection {
	p := slices.Clone(props)
	slices.Sort(p)
	return &Projection{props: slices.Compact(p)}
}

// Props returns the projected properties, sorted; nil for the whole node.
func (p *Projection) Props() []string {
	if p == nil {
		return nil
	}
	return slices.Clone(p.props)
}

// Covers reports whether everything q needs is in p: the whole node covers everything,
// and nothing but the whole node covers the whole node.
func (p *Projection) Covers(q *Projection) bool {
	switch {
	case p == nil:
		return true
	case q == nil:
		return false
	}
	for _, name := range q.props {
		if _, ok := slices.BinarySearch(p.props, name); !ok {
			return false
		}
	}
	return true
}

// Union returns a projection that covers both p and q (nil, the whole node, when either is).
func (p *Projection) Union(q *Projection) *Projection {
	switch {
	case p == nil || q == nil:
		return nil
	case p.Covers(q): // a level's nodes mostly ask the same: no copy then
		return p
	case q.Covers(p):
		return q
	}
	return NewProjection(append(slices.Clone(p.props), q.props...)...)
}

// String lists the properties, "*" for the whole node.
func (p *Projection) String() string {
	if p == nil {
		return "*"
	}
	return strings.Join(p.props, ",")
}

// NodeProjector is implemented by a store that can read nodes with only some of their
// properties: Neo4j, which then encodes and decodes less, and the in-process store, which
// then copies less (ProjectNode). It is optional, like ReadScoper; callers go through
// ProjectedNodes.
type NodeProjector interface {
	// ProjectedNodes is Store.Nodes, each node holding at least the properties of p
	// (the whole node when p is nil).
	ProjectedNodes(ctx context.Context, ids []string, p *Projection) ([]Node, error)
}

// ProjectedNodes reads nodes with the properties of p from a store that can project, and
// whole from any other.
func ProjectedNodes(ctx context.Context, store Store, ids []string, p *Projection) ([]Node, error) {
	if np, ok := store.(NodeProjector); ok && p != nil {
		return np.ProjectedNodes(ctx, ids, p)
	}
	return store.Nodes(ctx, ids)
}

// CanProject reports whether store reads projected nodes (ProjectedNodes and
// ListQuery.Projection), so a caller that cannot use them pays nothing to compute them.
func CanProject(store Store) bool {
	_, ok := store.(NodeProjector)
	return ok
}

// LabelProperty is the property a node's Label is made from, by kind.
func LabelProperty(kind NodeKind) string {
	switch kind {
	case PositionNode, SourceNode, DocumentNode:
		return "title"
	case StatementNode:
		return "text"
	case ReportedCountNode:
		return "scope"
	}
	return "name"
}
