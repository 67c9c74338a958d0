package graph

import (
	"context"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
	"lsgatlas/graph/model"
)

// supports serves Source.supports through the loader, so a list of sources costs one
// store call.
func supports(ctx context.Context, source string, kinds []atlas.SupportKind, first *int, after *string) (*model.SupportConnection, error) {
	args := supportArgs(kinds, first, after)
	p, err := loader.For(ctx).Supports(ctx, source, args)
	if err != nil {
		return nil, err
	}
	if first != nil && *first == 0 {
		return emptySupports(p), nil
	}
	return supportConnection(p), nil
}

// supportArgs are the store arguments of a supports field; the planner asks with the
// same ones, so the resolver finds what it fetched. `first: 0` reads one support, for
// the total.
func supportArgs(kinds []atlas.SupportKind, first *int, after *string) loader.SupportArgs {
	args := loader.SupportArgs{Kinds: kinds, After: str(after)}
	if first != nil {
		args.First = *first
		if args.First == 0 {
			args.First, args.After = 1, ""
		}
	}
	return args
}

// emptySupports answers first: 0 with the total only, as the other connections do.
func emptySupports(p atlas.SupportPage) *model.SupportConnection {
	return &model.SupportConnection{Edges: []model.SupportEdge{}, Nodes: []atlas.Support{},
		PageInfo: model.PageInfo{HasNextPage: p.TotalCount > 0}, TotalCount: p.TotalCount}
}

func supportConnection(p atlas.SupportPage) *model.SupportConnection {
	c := &model.SupportConnection{Edges: make([]model.SupportEdge, len(p.Supports)), Nodes: p.Supports, TotalCount: p.TotalCount,
		PageInfo: model.PageInfo{HasNextPage: p.HasNextPage}}
	if c.Nodes == nil {
		c.Nodes = []atlas.Support{}
	}
	for i, s := range p.Supports {
		c.Edges[i] = model.SupportEdge{Cursor: p.Cursors[i], Node: s}
	}
	if len(p.Cursors) > 0 {
		c.PageInfo.StartCursor, c.PageInfo.EndCursor = &p.Cursors[0], &p.Cursors[len(p.Cursors)-1]
	}
	return c
}

// supportEdge is the relationship a support is of, seen from its start; the planner
// plans below the same edge.
func supportEdge(r *atlas.Relation) atlas.Edge {
	return atlas.Edge{Relation: *r, Self: r.From, Direction: atlas.Outgoing}
}
