package graph

// Relay connections over relationship lists: the connection fields read the very list
// their list field reads (same helpers, same plan), then order and page it, with cursors
// sealed to the list (cursors.go).

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
	"lsgatlas/graph/model"
)

// pagingArgs are the arguments that move along a list rather than choose it.
var pagingArgs = map[string]bool{"first": true, "after": true, "last": true, "before": true}

// listOf names the list the field being resolved stands for, on node self: the object and
// field, the node, and every argument but the paging ones (orderBy included), written
// canonically (JSON with sorted keys), so a cursor is bound to all of it.
func listOf(ctx context.Context, self string) string {
	fc := graphql.GetFieldContext(ctx)
	args := map[string]any{}
	for k, v := range fc.Args {
		if !pagingArgs[k] {
			args[k] = v
		}
	}
	b, _ := json.Marshal(args)
	return fc.Object + "." + fc.Field.Name + "|" + self + "|" + string(b)
}

// connectionFields collects the fields the connection field being resolved selects,
// with its fragments, as the executor will; ok is false outside a GraphQL field (no field
// context), where a caller takes every field as selected.
func connectionFields(ctx context.Context) (op *graphql.OperationContext, fields []graphql.CollectedField, ok bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || fc.Field.Definition == nil {
		return nil, nil, false
	}
	op = graphql.GetOperationContext(ctx)
	return op, graphql.CollectFields(op, fc.Field.Selections, []string{fc.Field.Definition.Type.Name()}), true
}

// countSelected reports whether the connection field being resolved selects totalCount
// (true when it cannot tell): counting a filtered list reads every node of its kind on
// Neo4j, for nothing when the query does not show the count.
func countSelected(ctx context.Context) bool {
	_, fields, ok := connectionFields(ctx)
	return !ok || slices.ContainsFunc(fields, func(f graphql.CollectedField) bool { return f.Name == "totalCount" })
}

// edgeConnection pages es, the whole list of the field being resolved on node self.
// It is curried so that the list helpers' (edges, error) results pass straight in.
func (r *Resolver) edgeConnection(ctx context.Context, self string, order *model.RelationshipOrder, first *int, after *string, last *int, before *string) func([]atlas.Edge, error) (*model.RelationshipConnection, error) {
	return func(es []atlas.Edge, err error) (*model.RelationshipConnection, error) {
		if err != nil {
			return nil, err
		}
		return r.pageEdges(ctx, self, es, order, first, after, last, before)
	}
}

func (r *Resolver) pageEdges(ctx context.Context, self string, es []atlas.Edge, order *model.RelationshipOrder, first *int, after *string, last *int, before *string) (*model.RelationshipConnection, error) {
	if order != nil {
		es = append([]atlas.Edge(nil), es...)
		atlas.SortEdges(es, order.Field, order.Direction == model.OrderDirectionDesc)
	}
	cur := r.cursors(ctx, self)
	w, err := atlas.PageWindow(len(es), func(i int) string { return es[i].ID }, cur.open,
		atlas.PageArgs{First: first, Last: last, After: str(after), Before: str(before)})
	if err != nil {
		return nil, err
	}
	page := es[w.Start:w.End]
	conn := &model.RelationshipConnection{TotalCount: len(es), Nodes: page, Edges: make([]model.RelationshipEdge, len(page)),
		PageInfo: model.PageInfo{HasNextPage: w.HasNextPage, HasPreviousPage: w.HasPreviousPage}}
	cursors := cur.seal(len(page), func(i int) string { return page[i].ID })
	for i := range page {
		conn.Edges[i] = model.RelationshipEdge{Cursor: cursors[i], Node: page[i]}
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor, conn.PageInfo.EndCursor = &conn.Edges[0].Cursor, &conn.Edges[n-1].Cursor
	}
	return conn, nil
}

func (r *Resolver) cursorKey() []byte {
	if len(r.CursorKey) > 0 {
		return r.CursorKey
	}
	return loader.ProcessCursorKey()
}

// counts serves the counts field of a node, from the analytics projection.
func (r *Resolver) counts(ctx context.Context, id string, asOf *atlas.PartialDate, during *atlas.Period, knownBy *atlas.PartialDate, roles []atlas.MemberRole, tiers []atlas.SourceTier) (*analytics.Counts, error) {
	p, err := r.Analytics.Get(ctx)
	if err != nil {
		return nil, err
	}
	c, err := p.CountsOf(ctx, id, analytics.Filter{AsOf: asOf, During: during, KnownBy: knownBy, Tiers: tiers}, roles)
	return &c, err
}

// ranking serves the ranking root field: the projection's ranking, paged with cursors
// sealed to it.
func (r *Resolver) ranking(ctx context.Context, by analytics.CountKind, kinds []atlas.NodeKind, asOf *atlas.PartialDate, during *atlas.Period, knownBy *atlas.PartialDate, roles []atlas.MemberRole, tiers []atlas.SourceTier, dir *model.OrderDirection, args atlas.PageArgs) (*model.RankingConnection, error) {
	p, err := r.Analytics.Get(ctx)
	if err != nil {
		return nil, err
	}
	ranked, err := p.Rank(ctx, by, analytics.Filter{AsOf: asOf, During: during, KnownBy: knownBy, Tiers: tiers}, roles, kinds, dir != nil && *dir == model.OrderDirectionAsc)
	if err != nil {
		return nil, err
	}
	cur := r.cursors(ctx, "")
	w, err := atlas.PageWindow(len(ranked), func(i int) string { return ranked[i].Node.NodeID() }, cur.open, args)
	if err != nil {
		return nil, err
	}
	page := ranked[w.Start:w.End]
	conn := &model.RankingConnection{TotalCount: len(ranked), Nodes: make([]atlas.Node, len(page)), Edges: make([]model.RankingEdge, len(page)),
		PageInfo: model.PageInfo{HasNextPage: w.HasNextPage, HasPreviousPage: w.HasPreviousPage}}
	cursors := cur.seal(len(page), func(i int) string { return page[i].Node.NodeID() })
	for i, x := range page {
		conn.Nodes[i] = x.Node
		conn.Edges[i] = model.RankingEdge{Cursor: cursors[i], Node: x.Node, Count: x.Count}
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor, conn.PageInfo.EndCursor = &conn.Edges[0].Cursor, &conn.Edges[n-1].Cursor
	}
	return conn, nil
}
