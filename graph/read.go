package graph

// Helpers the resolvers delegate to: turning GraphQL arguments into loader and store
// calls. They hold no domain rules; those live in atlas.

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
	"lsgatlas/graph/model"
)

// edges loads the relationships of id of the given types in one direction.
func edges(ctx context.Context, id string, dir atlas.Direction, asOf *atlas.PartialDate, types ...atlas.RelType) ([]atlas.Edge, error) {
	return loader.For(ctx).Edges(ctx, id, loader.Spec{Types: types, Direction: dir, AsOf: asOf})
}

// seats loads MEMBER_OF relationships of id, optionally by role.
func seats(ctx context.Context, id string, dir atlas.Direction, asOf *atlas.PartialDate, roles []atlas.MemberRole) ([]atlas.Edge, error) {
	return loader.For(ctx).Edges(ctx, id, loader.Spec{Types: []atlas.RelType{atlas.MemberOf}, Direction: dir, Roles: roles, AsOf: asOf})
}

// relationships serves the generic `relationships` field of every entity.
func relationships(ctx context.Context, id string, types []atlas.RelType, dir *atlas.Direction, roles []atlas.MemberRole, asOf *atlas.PartialDate, sources []string) ([]atlas.Edge, error) {
	spec := loader.Spec{Types: types, Roles: roles, AsOf: asOf, Direction: atlas.Both, Sources: sources}
	if dir != nil {
		spec.Direction = *dir
	}
	return loader.For(ctx).Edges(ctx, id, spec)
}

// chairs serves the chairs fields, deriving chairs through positions unless asked not to.
func chairs(ctx context.Context, id string, asOf *atlas.PartialDate, includeDerived *bool) ([]atlas.Edge, error) {
	return loader.For(ctx).Chairs(ctx, id, asOf, includeDerived == nil || *includeDerived)
}

// maxRootIDs bounds the ids one nodes(ids:) call may ask for, so one request cannot
// send the store an unbounded batch.
const maxRootIDs = 1000

// rootNodes loads nodes for a root field (node, nodes, group, person, …) with one
// immediate store call. A root field has no siblings to batch with, so going through
// the loader would only add its wait; the loader is primed with what was read.
func rootNodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
	for _, id := range ids {
		if _, err := atlas.KindOfID(id); err != nil {
			return nil, err
		}
	}
	return loader.For(ctx).NodesNow(ctx, ids)
}

// rootNodeOfKind loads the node for a root field that names its kind, so that
// `group(id: "person/…")` is a clear error rather than a silent null.
func rootNodeOfKind[T atlas.Node](ctx context.Context, id string, kind atlas.NodeKind) (T, error) {
	var zero T
	if err := checkKind(id, kind); err != nil {
		return zero, err
	}
	nodes, err := rootNodes(ctx, []string{id})
	if err != nil {
		return zero, err
	}
	t, _ := nodes[0].(T)
	return t, nil
}

func checkKind(id string, kind atlas.NodeKind) error {
	k, err := atlas.KindOfID(id)
	if err == nil && k != kind {
		err = atlas.Errorf(atlas.EINVALID, "id %q names a %s, not a %s", id, k, kind)
	}
	return err
}

// entity resolves a federation representation: like nodeOfKind, but an id that names
// nothing is a NOT_FOUND error, so the gateway sees why that entity is null.
func entity[T atlas.Node](ctx context.Context, id string, kind atlas.NodeKind) (T, error) {
	var n T
	err := checkKind(id, kind)
	if err == nil {
		n, err = loader.NodeOf[T](ctx, loader.For(ctx), id)
	}
	if err == nil && any(n) == any(*new(T)) {
		err = atlas.Errorf(atlas.ENOTFOUND, "no %s has id %q", strings.ToLower(string(kind)), id)
	}
	if err != nil {
		return n, atRepresentation(ctx, id, err)
	}
	return n, nil
}

// atRepresentation puts an entity error at the path of its representation,
// ["_entities", i]: gqlgen's federation runtime would report it at ["_entities"],
// and a gateway can only attach an error to the entity it concerns by its index.
func atRepresentation(ctx context.Context, id string, err error) error {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return err
	}
	reps, _ := fc.Args["representations"].([]map[string]any)
	for i, rep := range reps {
		if rep["id"] == id {
			return gqlerror.WrapPath(append(fc.Path(), ast.PathIndex(i)), err)
		}
	}
	return err
}

// mustNode loads a node that a stored fact refers to; its absence is a broken invariant.
func mustNode(ctx context.Context, id string) (atlas.Node, error) {
	n, err := loader.For(ctx).Node(ctx, id)
	if err == nil && n == nil {
		err = atlas.Errorf(atlas.EINTERNAL, "dangling reference to %s", id)
	}
	return n, err
}

// source loads the source a citation or alias names; nil for an empty id.
func source(ctx context.Context, id string) (*atlas.Source, error) {
	if id == "" {
		return nil, nil
	}
	return loader.NodeOf[*atlas.Source](ctx, loader.For(ctx), id)
}

// nullable turns the empty string, which the domain uses for "unknown", into null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// listQuery builds a store list query from connection arguments. GraphQL's `first: 0`
// asks for no nodes, only the count, while the store reads 0 as "the default page":
// countOnly says to ask for one node and drop it.
func listQuery(kind atlas.NodeKind, filter atlas.NodeFilter, field *atlas.OrderField, dir *model.OrderDirection, first *int, after *string) (q atlas.ListQuery, countOnly bool) {
	q = atlas.ListQuery{Kind: kind, Filter: filter}
	if field != nil {
		q.Order.Field = *field
	}
	q.Order.Desc = dir != nil && *dir == model.OrderDirectionDesc
	if first != nil {
		q.First = *first
		if q.First == 0 {
			q.First, countOnly = 1, true
		}
	}
	if after != nil {
		q.After = *after
	}
	return q, countOnly
}

// fetchPage lists one page of nodes of type T (a domain struct such as atlas.Group).
func fetchPage[T any, P interface {
	*T
	atlas.Node
}](ctx context.Context, s atlas.Store, q atlas.ListQuery, countOnly bool) (cursors []string, nodes []T, info model.PageInfo, total int, err error) {
	p, err := s.List(ctx, q)
	if err != nil {
		return nil, nil, info, 0, err
	}
	info.HasNextPage = p.HasNextPage
	if countOnly {
		info.HasNextPage = len(p.Nodes) > 0
		return []string{}, []T{}, info, p.TotalCount, nil
	}
	nodes = make([]T, 0, len(p.Nodes))
	for _, n := range p.Nodes {
		t, ok := n.(P)
		if !ok {
			return nil, nil, info, 0, atlas.Errorf(atlas.EINTERNAL, "store listed %s among %s nodes", n.NodeID(), q.Kind)
		}
		nodes = append(nodes, *t)
	}
	if len(p.Cursors) > 0 {
		info.StartCursor, info.EndCursor = &p.Cursors[0], &p.Cursors[len(p.Cursors)-1]
	}
	return p.Cursors, nodes, info, p.TotalCount, nil
}

// connectionEdges pairs cursors with nodes in a connection's edge type.
func connectionEdges[T, E any](cursors []string, nodes []T, edge func(string, T) E) []E {
	out := make([]E, len(nodes))
	for i := range nodes {
		out[i] = edge(cursors[i], nodes[i])
	}
	return out
}

func orderOf(o *model.EntityOrder) (*atlas.OrderField, *model.OrderDirection) {
	if o == nil {
		return nil, nil
	}
	return &o.Field, &o.Direction
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func groupFilter(f *model.GroupFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{
		NameContains: str(f.NameContains), GroupKinds: f.Kinds, Systems: f.Systems, Levels: f.Levels,
		Horizons: f.Horizons, Categories: f.Categories, CrossSystem: f.CrossSystem, ActiveAsOf: f.ActiveAsOf, CitedBy: f.Sources,
	}
}

func nameFilter(f *model.NameFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{NameContains: str(f.NameContains), CitedBy: f.Sources}
}

func officeFilter(f *model.OfficeFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{NameContains: str(f.NameContains), OfficeKinds: f.Kinds, CitedBy: f.Sources}
}

func institutionFilter(f *model.InstitutionFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{NameContains: str(f.NameContains), InstitutionKinds: f.Kinds, Systems: f.Systems, CitedBy: f.Sources}
}

func sourceFilter(f *model.SourceFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{NameContains: str(f.NameContains), SourceKinds: f.Kinds, CitedBy: f.Sources}
}
