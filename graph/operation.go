package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
)

// AroundOperation is the resolvers' own operation middleware: it gives each operation
// the state the resolvers read, namely the loaders' cursor key, what each field reads of
// the nodes it returns (newNodeNeeds, so a store can read only those properties), source dates (knownBy
// reads them from the projection both stores share, only when asked), the memo of the
// audit log, and for a subscription the record of why it ended, which becomes its last
// response when the client did not end it. The GraphQL-over-HTTP runtime installs it
// (internal/gqlhttp.New); requests must carry loaders (loader.Middleware).
func (r *Resolver) AroundOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if l := loader.From(ctx); l != nil {
		l.SetCursorKey(r.CursorKey)
		l.SetNeeds(newNodeNeeds())
		l.SetSources(func(ctx context.Context) (func(string) *atlas.Source, error) {
			p, err := r.Analytics.Get(ctx)
			if err != nil {
				return nil, err
			}
			return p.Source, nil
		})
	}
	ctx = context.WithValue(ctx, historyMemoKey{}, &historyMemo{})
	op := graphql.GetOperationContext(ctx)
	op.Stats.SetExtension(fieldArgsExtension, &fieldArgsMemo{})
	if op.Operation == nil || op.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	end := &streamEnd{}
	responses := next(context.WithValue(ctx, streamEndKey{}, end))
	return func(ctx context.Context) *graphql.Response {
		if resp := responses(ctx); resp != nil {
			return resp
		}
		if err := end.reason(); err != nil {
			return &graphql.Response{Errors: gqlerror.List{err}}
		}
		return nil
	}
}
