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
	n := 0
	if first != nil {
		n = *first
		if n == 0 {
			return emptySupports(ctx, source, kinds)
		}
	}
	p, err := loader.For(ctx).Supports(ctx, source, kinds, n, str(after))
	if err != nil {
		return nil, err
	}
	return supportConnection(p), nil
}

// emptySupports answers first: 0 with the total only, as the other connections do.
func emptySupports(ctx context.Context, source string, kinds []atlas.SupportKind) (*model.SupportConnection, error) {
	p, err := loader.For(ctx).Supports(ctx, source, kinds, 1, "")
	if err != nil {
		return nil, err
	}
	return &model.SupportConnection{Edges: []model.SupportEdge{}, Nodes: []atlas.Support{},
		PageInfo: model.PageInfo{HasNextPage: p.TotalCount > 0}, TotalCount: p.TotalCount}, nil
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
