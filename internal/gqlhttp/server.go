package gqlhttp

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/graph"
	"lsgatlas/graph/loader"
	"lsgatlas/internal/logval"
)

// Options configure the server; the zero value serves with DefaultLimits.
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
	// DatasetVersion is the version of the bundled dataset, which every response's
	// extensions carry beside the store revision it was read at.
	DatasetVersion string
	// WritesPerMinute bounds each token's mutations (0 means DefaultWritesPerMinute).
	WritesPerMinute int
	// Revision reads the revision the extensions name (the store's when nil); the
	// service passes the uncounted store's, since it is not a read of the request's data.
	Revision func(context.Context) (int64, error)
	// ChairMemoEdges bounds the chairs lists kept across requests at the current revision
	// (loader.ChairMemo), counted in edges (0: off); the service keeps
	// DefaultChairMemoEdges by default (CHAIR_MEMO_EDGES).
	ChairMemoEdges int
	// LevelMemoRelations bounds the nodes a root field or a list read with the levels
	// below them, kept across requests at the current revision for a store that batches
	// (loader.LevelMemo), counted in relationships (0: off); the service keeps
	// DefaultLevelMemoRelations by default (LEVEL_MEMO_RELATIONS).
	LevelMemoRelations int
	// MemoryInFlight bounds the estimated memory of the requests running at once, all
	// together (0 means DefaultMemoryBudget); a request that does not fit gets 503 with
	// Retry-After.
	MemoryInFlight int
	// Authenticate verifies a bearer token a WebSocket sends in its connection_init
	// payload; nil ignores such tokens. CORSOrigins are the other origins whose browsers
	// may open WebSockets.
	Authenticate func(token string) (atlas.Principal, error)
	CORSOrigins  []string
}

// DefaultWritesPerMinute is how many mutations one token may send a minute by default.
const DefaultWritesPerMinute = 60

// Server is the GraphQL endpoint: an http.Handler that serves queries and mutations over
// HTTP and subscriptions over SSE and WebSocket.
type Server struct {
	handler http.Handler
	memory  *memoryBudget
	queries *queryCache
}

// New returns the GraphQL server over the resolvers' dependencies (resolvers.Store is
// required; a nil Analytics is a projection of the store made here). It wires every hook
// the resolvers rely on, so a caller has none to remember: each request gets its read
// scope and loaders (loader.Middleware) and a count of its store calls (the store is
// wrapped in CountStoreCalls unless it is already); each operation the resolvers' own
// state (graph.Resolver.AroundOperation); a subscription its client and Last-Event-ID.
//
// Around them: GET and POST per GraphQL over HTTP (overHTTP), introspection on (the
// schema is the documentation), persisted queries, request limits checked before
// validation (queryLimits), a bounded cache of validated documents, the execution guard
// that stops work on timeout, disconnect or budget, the budget of memory in flight, the
// cache of complete answers, and the error presenter and panic handler that turn every
// failure into a coded GraphQL error.
func New(resolvers graph.Resolver, opts Options) *Server {
	// The cost report counts every store call of a request; a store the caller counts
	// already (CountStoreCalls, for its metrics) is not counted twice.
	if _, counted := resolvers.Store.(interface{ countsStoreCalls() }); !counted {
		resolvers.Store = CountStoreCalls(resolvers.Store, func(string) {})
	}
	if resolvers.Analytics == nil {
		resolvers.Analytics = analytics.NewCache(resolvers.Store)
	}
	store, projection, log := resolvers.Store, resolvers.Analytics, resolvers.Log
	limits := opts.Limits.withDefaults()
	metrics := opts.Metrics
	if metrics == nil {
		metrics = noMetrics{}
	}
	es := graph.NewExecutableSchema(graph.Config{Resolvers: graph.Root(&resolvers)})
	srv := handler.New(es)
	responses := newResponseCache(opts.ResponseCacheBytes, store.Revision)
	if resolvers.Feed != nil {
		resolvers.Feed.Watch(responses.purge)
	}
	memory := newMemoryBudget(int64(opts.MemoryInFlight))
	plain := overHTTP{limits: limits, metrics: metrics, responses: responses, memory: memory}
	for _, t := range streamTransports(opts, plain) {
		srv.AddTransport(t)
	}
	srv.AddTransport(plain)
	cache := newQueryCache(cmp.Or(opts.QueryCacheEntries, 1000), cmp.Or(opts.QueryCacheBytes, 64<<20))
	cache.onLookup = metrics.QueryCacheLookup
	srv.SetQueryCache(cache)
	srv.SetValidationRulesFn(validationRules)
	use(srv, extension.Introspection{})
	if opts.PersistedQueries != nil {
		use(srv, persistedOnly{queries: opts.PersistedQueries})
	} else {
		apq := newBoundedLRU(100, 100*limits.MaxQueryBytes, func(k, q string) int { return len(k) + len(q) })
		use(srv, extension.AutomaticPersistedQuery{Cache: apq})
	}
	use(srv, newQueryLimits(limits, es.Schema(), cache, projection.Sizes))
	srv.AroundOperations(streamOnly)
	srv.AroundOperations(newWriteLimiter(cmp.Or(opts.WritesPerMinute, DefaultWritesPerMinute)).around)
	revision := opts.Revision
	if revision == nil {
		revision = store.Revision
	}
	srv.AroundOperations(readAt(revision))
	srv.AroundOperations(resolvers.AroundOperation)
	srv.AroundRootFields(graph.CheckRepresentations)
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
	memos := loader.Memos{Chairs: loader.NewChairMemo(opts.ChairMemoEdges), Levels: loader.NewLevelMemo(opts.LevelMemoRelations)}
	if memos.Chairs != nil {
		memos.Chairs.OnLookup = metrics.ChairMemoLookup
	}
	if memos.Levels != nil {
		memos.Levels.OnLookup = metrics.LevelMemoLookup
	}
	return &Server{handler: loader.Middleware(store, memos, srv), memory: memory, queries: cache}
}

// DefaultChairMemoEdges bounds the chairs lists kept across requests at the current
// revision (loader.ChairMemo). An edge takes about 0.5 KB and a derived one with its
// derivation about 1.6 KB, so the memo stays under about 32 MB. Every chairs list of the
// bundled dataset's groups, people and posts holds 56 edges (14 derived) at one date, so
// the bound holds the 100x dataset's at a few dates.
const DefaultChairMemoEdges = 20_000

// DefaultLevelMemoRelations bounds the nodes kept with their levels across requests at
// the current revision (loader.LevelMemo), in relationships. The memo took 1.3–1.5 KB of
// heap per relationship it counts, far ends' nodes included, so it stays under about
// 30 MB. Measured by asking for groups one by one with tools/bench's two- and
// three-level selections: the 35 groups of the bundled dataset hold 178 relationships
// (231 KB), the first 100 groups of its 10x scale 270 (417 KB).
const DefaultLevelMemoRelations = 20_000

// ServeHTTP serves one GraphQL request, or one subscription's stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r = r.WithContext(withStoreCallCount(r.Context()))
	if IsStream(r) {
		w, r = forStream(w, r)
	}
	s.handler.ServeHTTP(w, r)
}

// MemoryInUse returns the memory the requests in flight have reserved and the budget
// they share (Options.MemoryInFlight), for a readiness report.
func (s *Server) MemoryInUse() (reserved, budget int64) { return s.memory.InUse() }

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
	case errors.As(err, &domain) && code != atlas.EINTERNAL, code == atlas.ELIMIT:
		gqlErr.Message = atlas.ErrorMessage(err)
		setCode(gqlErr, code)
	case isEntityMistake(err, gqlErr.Message), isRepresentationsArgument(gqlErr.Path):
		gqlErr.Message = "Invalid entity representation: " + gqlErr.Message
		setCode(gqlErr, atlas.EINVALID)
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
	return errors.Is(err, graph.ErrUnknownType) || errors.Is(err, graph.ErrTypeNotFound) ||
		strings.HasPrefix(msg, "__typename must be") || strings.Contains(err.Error(), "unmarshalling param")
}

// isRepresentationsArgument tells an error met reading _entities' representations
// argument (a representation that is not an object: "string is not a map"): every one
// is the caller's, since the argument is the caller's input.
func isRepresentationsArgument(path ast.Path) bool {
	return len(path) >= 2 && path[0] == ast.PathName("_entities") && path[1] == ast.PathName("representations")
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

// use installs an extension on srv. Field middleware is refused: the generated executor
// writes plain struct fields without it (tools/inorder), so it would see only some of a
// request's fields. Limits that apply per field are checked per object instead
// (graph.FieldAdmission).
func use(srv *handler.Server, ext graphql.HandlerExtension) {
	if _, ok := ext.(graphql.FieldInterceptor); ok {
		panic(fmt.Sprintf("gqlhttp: %s is field middleware, which plain fields bypass; check per object with graph.FieldAdmission", ext.ExtensionName()))
	}
	srv.Use(ext)
}
