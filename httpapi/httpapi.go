// Package httpapi is the HTTP face of LSG Atlas: the routes (/graphql, the playground,
// health and readiness, exports), the access log and request ids. It wires handlers
// together and holds no domain logic.
package httpapi

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/explorer"
	"lsgatlas/export"
	"lsgatlas/graph"
	"lsgatlas/internal/auth"
	"lsgatlas/internal/changefeed"
	"lsgatlas/internal/gqlhttp"
	"lsgatlas/internal/logval"
)

// Options configure the handler.
type Options struct {
	// Playground serves the GraphiQL playground at "/".
	Playground bool
	// Examples are the example queries the playground offers (the README's).
	Examples []explorer.Example
	// RequestTimeout bounds the work of one GraphQL request or export (0 means 30s):
	// past it, the request ends with a LIMIT_EXCEEDED error.
	RequestTimeout time.Duration
	// Limits bound each GraphQL request (zero fields take gqlhttp.DefaultLimits).
	Limits gqlhttp.Limits
	// MaxInFlight bounds the GraphQL requests and exports worked on at once, all routes
	// together (0 means 64); beyond it, or beyond a client's fair share of it when slots
	// run short, requests get 503 with Retry-After.
	MaxInFlight int
	// BodyTimeout bounds the time a request's body may take to arrive (0 means 10s); it
	// is read before the request takes a work slot, and a client slower than this gets
	// 408.
	BodyTimeout time.Duration
	// MemoryInFlight bounds the estimated memory of the GraphQL requests running at once
	// (0 means gqlhttp.DefaultMemoryBudget); a request that does not fit gets 503 with
	// Retry-After.
	MemoryInFlight int
	// CORSOrigins are the browser origins allowed to call the API ("*" for any); none by
	// default.
	CORSOrigins []string
	// PersistedQueries, when not nil, allows only these documents (sha256 hex → text).
	PersistedQueries map[string]string
	// ResponseCacheBytes bounds the cache of complete GraphQL answers (0: off); the
	// service turns it on by default (RESPONSE_CACHE_BYTES).
	ResponseCacheBytes int
	// ChairMemoEdges bounds the chairs lists kept across requests at the current
	// revision, in edges (0: off); the service keeps them by default (CHAIR_MEMO_EDGES).
	ChairMemoEdges int
	// LevelMemoRelations bounds the nodes kept with the levels below them across
	// requests at the current revision, in relationships, for a store that batches
	// (0: off); the service keeps them by default (LEVEL_MEMO_RELATIONS).
	LevelMemoRelations int
	// CursorKey signs connection cursors (graph.Resolver.CursorKey).
	CursorKey []byte
	// Draining, when set and true, marks a server about to shut down: responses carry
	// "Connection: close" and /readyz says 503, so clients and load balancers move on.
	Draining *atomic.Bool
	// Seeding, when set and true, marks a service whose start-up import has not ended:
	// /readyz says 503 until it has, so no balancer sends readers to an empty store.
	Seeding *atomic.Bool
	Log     zerolog.Logger
	// Verifier checks bearer tokens; nil refuses every token (anonymous readers only).
	Verifier *auth.Verifier
	// Clock is the audit log's clock (time.Now when nil).
	Clock func() time.Time
	// DatasetVersion is what every GraphQL response's extensions name beside the revision.
	DatasetVersion string
	// WritesPerMinute bounds each token's mutations (0: gqlhttp.DefaultWritesPerMinute).
	WritesPerMinute int
	// Feed configures the change feed (poll interval on a shared store, limits on
	// subscribers); Context bounds its tailer (the process's life when nil).
	Feed    changefeed.Options
	Context context.Context
}

// New returns the service's HTTP handler over store.
func New(store atlas.Store, opts Options) http.Handler {
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = 30 * time.Second
	}
	m := newMetrics()
	var curator *atlas.Curator
	var feed *changefeed.Feed
	revision := store.Revision
	counted := gqlhttp.CountStoreCalls(store, m.StoreCall)
	if cs, ok := store.(atlas.CurationStore); ok {
		feed, cs = newFeed(cmp.Or(opts.Context, context.Background()), cs, revision, opts.Feed)
		curator = atlas.NewCurator(counted, cs, opts.Clock)
	}
	store = counted
	admit := newAdmission(cmp.Or(opts.MaxInFlight, 64), time.Second, m)
	bodyTimeout := cmp.Or(opts.BodyTimeout, 10*time.Second)
	// The body is read before admission, so a slow upload never holds a slot; one
	// admission serves every route, so MaxInFlight is the bound of the whole service.
	// The bearer token is verified once, before admission: a bad token is answered 401
	// without taking a slot, and a good one names the client whose fair share the
	// request counts against (admission.guard).
	guarded := func(h http.Handler) http.Handler {
		return cors(opts.CORSOrigins, readBodyFirst(gqlhttp.MaxBodyBytes, bodyTimeout, m,
			authenticate(opts.Verifier, opts.CORSOrigins, admit.guard(withTimeout(opts.RequestTimeout, h)))))
	}
	mux := http.NewServeMux()
	projection := analytics.NewCache(store)
	if feed != nil {
		m.registry.MustRegister(
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "atlas_feed_subscribers", Help: "Live change-feed subscriptions (SSE and WebSocket)."},
				func() float64 { return float64(feed.Subscribers()) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "atlas_feed_subscribers_dropped_total", Help: "Subscribers ended with SLOW_SUBSCRIBER for falling behind."},
				func() float64 { return float64(feed.Dropped()) }),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "atlas_feed_revision", Help: "The audit-log revision this replica's change feed has read up to."},
				func() float64 { rev, _ := feed.Head(); return float64(rev) }))
		feedCtx := cmp.Or(opts.Context, context.Background())
		feed.Watch(func(int64) { projection.Refresh(feedCtx) })
	}
	gql := gqlhttp.New(graph.Resolver{Store: store, Analytics: projection, Log: opts.Log, CursorKey: opts.CursorKey, Curator: curator, Feed: feed},
		gqlhttp.Options{
			Limits: opts.Limits, PersistedQueries: opts.PersistedQueries, Metrics: m, ResponseCacheBytes: opts.ResponseCacheBytes, ChairMemoEdges: opts.ChairMemoEdges,
			LevelMemoRelations: opts.LevelMemoRelations,
			DatasetVersion:     opts.DatasetVersion, WritesPerMinute: opts.WritesPerMinute, Revision: revision,
			CORSOrigins: opts.CORSOrigins, Authenticate: verifyWith(opts.Verifier), MemoryInFlight: opts.MemoryInFlight,
		})
	// Subscriptions live as long as the client stays, so they are outside the request
	// timeout and the in-flight bound (the feed bounds subscribers per client and in all
	// instead); the shutdown ends them.
	queries, subscriptions := guarded(gql), cors(opts.CORSOrigins, authenticate(opts.Verifier, opts.CORSOrigins, gql))
	mux.Handle("/graphql", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if gqlhttp.IsStream(r) {
			subscriptions.ServeHTTP(w, r)
			return
		}
		queries.ServeHTTP(w, r)
	}))
	mux.Handle("GET /export/graph.graphml", guarded(exportHandler(projection, export.GraphMLFormat)))
	mux.Handle("GET /export/graph.gexf", guarded(exportHandler(projection, export.GEXFFormat)))
	mux.Handle("GET /export/cytoscape.json", guarded(exportHandler(projection, export.CytoscapeFormat)))
	mux.Handle("GET /export/nodes.csv", guarded(exportHandler(projection, export.NodesCSVFormat)))
	mux.Handle("GET /export/edges.csv", guarded(exportHandler(projection, export.EdgesCSVFormat)))
	mux.Handle("GET /export/graph.csv.zip", guarded(exportHandler(projection, export.CSVZipFormat)))
	mux.Handle("GET /export/sources.json", guarded(bibliographyHandler(projection, export.CSLJSONFormat, "lsg-atlas-sources.json")))
	mux.Handle("GET /export/sources.bib", guarded(bibliographyHandler(projection, export.BibTeXFormat, "lsg-atlas-sources.bib")))
	mux.Handle("GET /export/dataset.json", guarded(datasetHandler(store)))
	mux.HandleFunc(unknownExport, func(w http.ResponseWriter, r *http.Request) {
		// A mistyped export gets a coded error naming what there is, as a bad parameter does.
		writeError(w, r, atlas.Errorf(atlas.ENOTFOUND, "no export at %s: there are graph.graphml, graph.gexf, cytoscape.json, nodes.csv, edges.csv, graph.csv.zip, sources.json, sources.bib and dataset.json", r.URL.Path))
	})
	mux.Handle("GET /metrics", m.handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if opts.Draining != nil && opts.Draining.Load() {
			writeError(w, r, atlas.Errorf(atlas.EUNAVAILABLE, "The server is shutting down."))
			return
		}
		if err := store.Ping(ctx); err != nil {
			writeError(w, r, atlas.Errorf(atlas.EUNAVAILABLE, "%s", atlas.ErrorMessage(err)))
			return
		}
		if opts.Seeding != nil && opts.Seeding.Load() {
			writeError(w, r, atlas.Errorf(atlas.EUNAVAILABLE, "The dataset is still loading."))
			return
		}
		inUse, capacity, clients := admit.load()
		reserved, budget := gql.MemoryInUse()
		load := map[string]any{"status": "ready", "inFlight": inUse, "capacity": capacity, "clients": clients,
			"memoryReserved": reserved, "memoryInFlight": budget}
		if inUse >= capacity {
			// Every slot is taken: new work would be refused, so a balancer should send it
			// elsewhere until one frees.
			load["status"], load["code"] = "saturated", atlas.EUNAVAILABLE
			load["message"] = "Every work slot is taken; retry shortly."
			w.Header().Set("Retry-After", admit.retry)
			writeJSON(w, http.StatusServiceUnavailable, load)
			return
		}
		writeJSON(w, http.StatusOK, load)
	})
	mountFrontends(mux, opts)
	return accessLog(opts.Log, m, closeWhenDraining(opts.Draining, methodNotAllowedAsJSON(mux)))
}

// unknownExport is the route of every path below /export/ that names no export.
const unknownExport = "GET /export/"

// methodNotAllowedAsJSON answers a method a route does not serve (POST to an export,
// say) with a coded JSON 405 and its Allow header, where the mux would write plain text.
// Every such route serves GET (and so HEAD) only. A path that names no export is its
// coded 404 whatever the method.
func methodNotAllowedAsJSON(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if _, pattern := mux.Handler(r); pattern == "" {
				probe := r.Clone(r.Context())
				probe.Method = http.MethodGet
				if h, p := mux.Handler(probe); p == unknownExport {
					h.ServeHTTP(w, r)
					return
				} else if p != "" {
					w.Header().Set("Allow", "GET, HEAD")
					writeJSON(w, http.StatusMethodNotAllowed, map[string]string{
						"code": atlas.EINVALID, "message": "This resource answers GET (and HEAD) only; " + logval.Clip(r.Method) + " is not allowed.",
					})
					return
				}
			}
		}
		mux.ServeHTTP(w, r)
	})
}

func closeWhenDraining(draining *atomic.Bool, next http.Handler) http.Handler {
	if draining == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if draining.Load() {
			w.Header().Set("Connection", "close")
		}
		next.ServeHTTP(w, r)
	})
}

// withTimeout gives a request's context a deadline; the store, the loaders and the
// analytics all stop when it passes, and the error presenters report LIMIT_EXCEEDED.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// accessLog gives each request an id (the caller's X-Request-Id if validRequestID, or a
// new one), counts it in the metrics, returns
// it in the response, and logs one line per request with the GraphQL operation names
// and error count.
func accessLog(log zerolog.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if !validRequestID(id) {
			id = newRequestID()
		}
		w.Header().Set("X-Request-Id", id)
		reqLog := log.With().Str("request_id", id).Logger()
		ctx, stats := gqlhttp.WithStats(reqLog.WithContext(r.Context()))
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		req := r.WithContext(ctx)
		next.ServeHTTP(rec, req)
		m.observe(req, rec.status, time.Since(start))
		ops, errs := stats.Summary()
		ev := reqLog.Info()
		if rec.status >= 500 {
			ev = reqLog.Error()
		}
		// Every value the client chose is clipped (logval), so no request can write a
		// long line.
		ev.Str("method", logval.Clip(r.Method)).Str("path", logval.Clip(r.URL.Path)).Int("status", rec.status).
			Int("bytes", rec.bytes).Dur("duration", time.Since(start)).
			Strs("operations", logval.ClipAll(ops)).Int("graphql_errors", errs).Msg("request")
	})
}

func newRequestID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

type statusRecorder struct {
	http.ResponseWriter
	status, bytes int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer (flushing, deadlines).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
