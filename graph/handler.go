package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// MaxComplexity caps the number of fields a query may select (each counts one; list sizes
// are not multiplied in). Nested relationship lists can still grow a response
// geometrically within that, so REQUEST_TIMEOUT is what finally bounds the work.
const MaxComplexity = 5000

// NewServer returns the GraphQL HTTP handler: POST and GET per GraphQL-over-HTTP,
// introspection on (the schema is the documentation), a query cache, a complexity
// limit, and the error presenter and panic handler that turn every failure into a
// coded GraphQL error. Requests must carry loaders (loader.Middleware); projection is
// the analytics cache the network queries share with the exports.
func NewServer(store atlas.Store, projection *analytics.Cache, log zerolog.Logger) *handler.Server {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{Store: store, Analytics: projection, Log: log}}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		return presentError(ctx, err, log)
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.Error().Str("panic", fmt.Sprint(p)).Bytes("stack", debug.Stack()).Msg("graphql: resolver panicked")
		return atlas.Errorf(atlas.EINTERNAL, "Internal error.")
	})
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if stats := statsFrom(ctx); stats != nil && resp != nil {
			stats.add(graphql.GetOperationContext(ctx).OperationName, len(resp.Errors))
		}
		return resp
	})
	return srv
}

// Playground serves the GraphiQL playground for the endpoint at path.
func Playground(path string) http.Handler { return playground.Handler("LSG Atlas", path) }

// presentError is the one place where errors become GraphQL errors. Domain errors keep
// their message and code; errors gqlgen already coded (parse, validation) keep theirs;
// anything else is logged in full and shown as "Internal error.".
func presentError(ctx context.Context, err error, log zerolog.Logger) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	var domain *atlas.Error
	switch code := atlas.ErrorCode(err); {
	case errors.As(err, &domain) && code != atlas.EINTERNAL, code == atlas.ELIMIT:
		gqlErr.Message = atlas.ErrorMessage(err)
		setCode(gqlErr, code)
	case domain == nil && gqlErr.Extensions["code"] != nil:
		// Parse and validation errors, coded by gqlgen.
	default:
		log.Error().Err(err).Str("path", gqlErr.Path.String()).Msg("graphql: internal error")
		gqlErr.Message = "Internal error."
		setCode(gqlErr, atlas.EINTERNAL)
	}
	return gqlErr
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// RequestStats collects what the access log reports about the GraphQL operations of
// one HTTP request.
type RequestStats struct {
	mu         sync.Mutex
	operations []string
	errors     int
}

type statsKey struct{}

// WithStats returns ctx carrying a fresh RequestStats.
func WithStats(ctx context.Context) (context.Context, *RequestStats) {
	s := &RequestStats{}
	return context.WithValue(ctx, statsKey{}, s), s
}

func statsFrom(ctx context.Context) *RequestStats {
	s, _ := ctx.Value(statsKey{}).(*RequestStats)
	return s
}

func (s *RequestStats) add(operation string, errors int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.operations = append(s.operations, operation)
	s.errors += errors
}

// Summary returns the operation names (empty for anonymous ones) and the error count.
func (s *RequestStats) Summary() (operations []string, errors int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.operations...), s.errors
}
