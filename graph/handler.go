package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/changefeed"
	"lsgatlas/graph/loader"
	"lsgatlas/internal/logval"
)

// Options configure the GraphQL handler; the zero value serves with DefaultLimits.
type Options struct {
	Limits Limits
	// QueryCacheEntries and QueryCacheBytes bound the parsed-query cache (defaults 1000
	// documents and 64 MiB by estimate, see queryCache).
	QueryCacheEntries, QueryCacheBytes int
	// PersistedQueries, when not nil, is the allow-list mode: only these documents
	// (sha256 hex of the text → text) run, sent by hash or in full.
	PersistedQueries map[string]string
	Metrics          Metrics
	// ResponseCacheBytes bounds the cache of complete answers (responsecache.go); 0
	// turns it off.
	ResponseCacheBytes int
	// CursorKey signs cursors (see Resolver.CursorKey); several replicas serving one
	// client need the same key. Empty: a key made once per process.
	CursorKey []byte
	// Curator takes the mutations' changes; nil answers them UNAVAILABLE.
	Curator *atlas.Curator
	// DatasetVersion is the version of the bundled dataset, which every response's
	// extensions carry beside the store revision it was read at.
	DatasetVersion string
	// WritesPerMinute bounds each token's mutations (0 means DefaultWritesPerMinute).
	WritesPerMinute int
	// Revision reads the revision the extensions name (store.Revision when nil); the
	// service passes the uncounted store's, since it is not a read of the request's data.
	Revision func(context.Context) (int64, error)
	// Memory is the budget of memory in flight the requests share (nil: a budget of
	// DefaultMemoryBudget for this handler alone).
	Memory *MemoryBudget
	// Feed serves the `changes` query and subscription; nil answers them UNAVAILABLE.
	Feed *changefeed.Feed
	// Authenticate verifies a bearer token a WebSocket sends in its connection_init
	// payload; nil ignores such tokens. CORSOrigins are the other origins whose browsers
	// may open WebSockets.
	Authenticate func(token string) (atlas.Principal, error)
	CORSOrigins  []string
}

// DefaultWritesPerMinute is how many mutations one token may send a minute by default.
const DefaultWritesPerMinute = 60

// NewServer returns the GraphQL handler with default options.
func NewServer(store atlas.Store, projection *analytics.Cache, log zerolog.Logger) *handler.Server {
	return NewServerWithOptions(store, projection, log, Options{})
}

// NewServerWithOptions returns the GraphQL HTTP handler: GET and POST per GraphQL over
// HTTP (overHTTP), introspection on (the schema is the documentation), persisted
// queries, request limits checked before validation (queryLimits), a bounded cache of
// validated documents, the execution guard that stops work on timeout, disconnect or
// budget, and the error presenter and panic handler that turn every failure into a
// coded GraphQL error. Requests must carry loaders (loader.Middleware); projection is
// the analytics cache the network queries share with the exports.
func NewServerWithOptions(store atlas.Store, projection *analytics.Cache, log zerolog.Logger, opts Options) *handler.Server {
	srv, _ := newServer(store, projection, log, opts)
	return srv
}

// newServer is NewServerWithOptions that also returns the query cache, for tests.
func newServer(store atlas.Store, projection *analytics.Cache, log zerolog.Logger, opts Options) (*handler.Server, *queryCache) {
	limits := opts.Limits.withDefaults()
	metrics := opts.Metrics
	if metrics == nil {
		metrics = noMetrics{}
	}
	es := NewExecutableSchema(Config{Resolvers: &Resolver{Store: store, Analytics: projection, Log: log, CursorKey: opts.CursorKey, Curator: opts.Curator, Feed: opts.Feed}})
	srv := handler.New(es)
	for _, t := range streamTransports(opts) {
		srv.AddTransport(t)
	}
	responses := newResponseCache(opts.ResponseCacheBytes, store.Revision)
	if opts.Feed != nil {
		opts.Feed.Watch(responses.purge)
	}
	memory := opts.Memory
	if memory == nil {
		memory = NewMemoryBudget(0)
	}
	srv.AddTransport(overHTTP{limits: limits, metrics: metrics, responses: responses, memory: memory})
	cache := newQueryCache(cmp.Or(opts.QueryCacheEntries, 1000), cmp.Or(opts.QueryCacheBytes, 64<<20))
	cache.onLookup = metrics.QueryCacheLookup
	srv.SetQueryCache(cache)
	srv.Use(extension.Introspection{})
	if opts.PersistedQueries != nil {
		srv.Use(persistedOnly{queries: opts.PersistedQueries})
	} else {
		apq := newBoundedLRU(100, 100*limits.MaxQueryBytes, func(k, q string) int { return len(k) + len(q) })
		srv.Use(extension.AutomaticPersistedQuery{Cache: apq})
	}
	var sizes func() analytics.Sizes
	if projection != nil {
		sizes = projection.Sizes
	}
	srv.Use(newQueryLimits(limits, es.Schema(), cache, sizes))
	srv.Use(executionGuard{metrics: metrics})
	// knownBy reads source dates from the projection both stores share, only when asked.
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if l := loader.From(ctx); l != nil {
			l.SetCursorKey(opts.CursorKey)
			l.SetNeeds(nodeNeeds)
			l.SetSources(func(ctx context.Context) (func(string) *atlas.Source, error) {
				p, err := projection.Get(ctx)
				if err != nil {
					return nil, err
				}
				return p.Source, nil
			})
		}
		return next(ctx)
	})
	srv.AroundOperations(streamOnly)
	srv.AroundOperations(newWriteLimiter(cmp.Or(opts.WritesPerMinute, DefaultWritesPerMinute)).around)
	revision := opts.Revision
	if revision == nil {
		revision = store.Revision
	}
	srv.AroundOperations(readAt(revision))
	srv.AroundOperations(withHistoryMemo)
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		return presentError(ctx, err, log)
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.Error().Str("panic", logval.Clip(fmt.Sprint(p))).Bytes("stack", debug.Stack()).Msg("graphql: resolver panicked")
		return atlas.Errorf(atlas.EINTERNAL, "Internal error.")
	})
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		// Every field has resolved: the request reads nothing more.
		loader.From(ctx).EndReads()
		if resp == nil || !graphql.HasOperationContext(ctx) {
			return resp
		}
		opCtx := graphql.GetOperationContext(ctx)
		if stats := statsFrom(ctx); stats != nil {
			stats.add(opCtx.OperationName, len(resp.Errors))
		}
		for _, e := range resp.Errors {
			code, _ := e.Extensions["code"].(string)
			metrics.FieldError(code)
		}
		if rev, ok := revisionFrom(ctx, opCtx, revision); ok {
			if resp.Extensions == nil {
				resp.Extensions = map[string]any{}
			}
			resp.Extensions["dataset"] = map[string]any{"version": opts.DatasetVersion, "revision": rev}
		}
		if c := costFrom(ctx); c != nil {
			metrics.Cost(c.Cost)
			if wantsCost(opCtx) {
				if resp.Extensions == nil {
					resp.Extensions = map[string]any{}
				}
				resp.Extensions["cost"] = costReport(ctx, opCtx, c)
			}
		}
		return resp
	})
	return srv, cache
}

// presentError is the one place where errors become GraphQL errors. Domain errors keep
// their message and code; errors gqlgen already coded (parse, validation) keep theirs;
// anything else is logged in full and shown as "Internal error.".
func presentError(ctx context.Context, err error, log zerolog.Logger) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	var domain *atlas.Error
	switch code := atlas.ErrorCode(err); {
	case errors.Is(err, context.Canceled):
		gqlErr.Message = "The client went away before the answer was ready."
		setCode(gqlErr, atlas.ELIMIT)
	case isEntityMistake(err, gqlErr.Message):
		gqlErr.Message = "Invalid entity representation: " + gqlErr.Message
		setCode(gqlErr, atlas.EINVALID)
	case errors.As(err, &domain) && code != atlas.EINTERNAL, code == atlas.ELIMIT:
		gqlErr.Message = atlas.ErrorMessage(err)
		setCode(gqlErr, code)
	case domain == nil && gqlErr.Extensions["code"] != nil:
		// Parse and validation errors, coded by gqlgen.
	default:
		log.Error().Str("error", logval.Clip(err.Error())).Str("path", logval.Clip(gqlErr.Path.String())).Msg("graphql: internal error")
		gqlErr.Message = "Internal error."
		setCode(gqlErr, atlas.EINTERNAL)
	}
	return gqlErr
}

// isEntityMistake tells the errors the generated federation code returns for a bad
// _entities representation (unknown type, missing or malformed key): the caller's
// mistake, not ours. The generated code has no error types for all of them, hence the
// message tests.
func isEntityMistake(err error, msg string) bool {
	return errors.Is(err, ErrUnknownType) || errors.Is(err, ErrTypeNotFound) ||
		strings.HasPrefix(msg, "__typename must be") || strings.Contains(err.Error(), "unmarshalling param")
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
