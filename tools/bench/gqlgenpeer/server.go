package gqlgenpeer

import (
	"context"
	"fmt"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/tools/bench/gqlgenpeer/generated"
)

// Handler serves the fixture over GraphQL as a minimal gqlgen server: the stock handler
// with the POST transport and the parsed-query cache gqlgen's documentation sets up, no
// extensions, and resolvers only for the three entry points (every other field is a
// plain struct field).
func Handler(f Fixture) (http.Handler, error) {
	g, err := build(f)
	if err != nil {
		return nil, err
	}
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: &resolver{g}}))
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if len(f.Extensions) > 0 {
		// The service names the dataset in every answer; so does the peer, to answer the
		// same bytes.
		srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
			resp := next(ctx)
			if resp != nil {
				resp.Extensions = make(map[string]any, len(f.Extensions))
				for k, v := range f.Extensions {
					resp.Extensions[k] = v
				}
			}
			return resp
		})
	}
	return srv, nil
}

type resolver struct{ g *graph }

func (r *resolver) Query() generated.QueryResolver { return r }

func (r *resolver) Node(_ context.Context, id string) (generated.Node, error) {
	return r.g.byID[id], nil
}

func (r *resolver) Nodes(_ context.Context, ids []string) ([]generated.Node, error) {
	out := make([]generated.Node, len(ids))
	for i, id := range ids {
		out[i] = r.g.byID[id]
	}
	return out, nil
}

// Groups pages like the service: 20 by default, 0 to 100.
func (r *resolver) Groups(_ context.Context, first *int) (*generated.GroupConnection, error) {
	n := 20
	if first != nil {
		n = *first
	}
	if n < 0 || n > 100 {
		return nil, fmt.Errorf("first must be 0 to 100, got %d", n)
	}
	return &generated.GroupConnection{Nodes: r.g.groups[:min(n, len(r.g.groups))]}, nil
}
