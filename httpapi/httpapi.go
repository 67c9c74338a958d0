// Package httpapi is the HTTP face of LSG Atlas: the routes (/graphql, the playground,
// health and readiness, exports), the access log and request ids. It wires handlers
// together and holds no domain logic.
package httpapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/explorer"
	"lsgatlas/export"
	"lsgatlas/graph"
	"lsgatlas/graph/loader"
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
	Log            zerolog.Logger
}

// New returns the service's HTTP handler over store.
func New(store atlas.Store, opts Options) http.Handler {
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = 30 * time.Second
	}
	bounded := func(h http.Handler) http.Handler { return withTimeout(opts.RequestTimeout, h) }
	mux := http.NewServeMux()
	projection := analytics.NewCache(store)
	mux.Handle("/graphql", limitBody(bounded(loader.Middleware(store, graph.NewServer(store, projection, opts.Log)))))
	mux.Handle("GET /export/graph.graphml", bounded(exportHandler(projection, export.GraphMLFormat)))
	mux.Handle("GET /export/graph.gexf", bounded(exportHandler(projection, export.GEXFFormat)))
	mux.Handle("GET /export/cytoscape.json", bounded(exportHandler(projection, export.CytoscapeFormat)))
	mux.Handle("GET /export/nodes.csv", bounded(exportHandler(projection, export.NodesCSVFormat)))
	mux.Handle("GET /export/edges.csv", bounded(exportHandler(projection, export.EdgesCSVFormat)))
	mux.Handle("GET /export/graph.csv.zip", bounded(exportHandler(projection, export.CSVZipFormat)))
	mux.Handle("GET /export/sources.json", bounded(bibliographyHandler(projection, export.CSLJSONFormat, "lsg-atlas-sources.json")))
	mux.Handle("GET /export/sources.bib", bounded(bibliographyHandler(projection, export.BibTeXFormat, "lsg-atlas-sources.bib")))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := store.Ping(ctx); err != nil {
			writeError(w, r, atlas.Errorf(atlas.EUNAVAILABLE, "%s", atlas.ErrorMessage(err)))
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
	mountFrontends(mux, opts)
	return accessLog(opts.Log, mux)
}

// maxBodyBytes bounds a GraphQL request body: queries are text, and a megabyte is far
// more than any real one needs.
const maxBodyBytes = 1 << 20

// limitBody refuses a request body over maxBodyBytes with 413 and a GraphQL error, before
// gqlgen reads it, so a client cannot make the server buffer an unbounded upload.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil && r.Body != http.NoBody {
			body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
			if err == nil && len(body) > maxBodyBytes {
				err = atlas.Errorf(atlas.ELIMIT, "the request body is larger than %d bytes", maxBodyBytes)
			}
			if err != nil {
				code, status := atlas.ErrorCode(err), http.StatusRequestEntityTooLarge
				if code != atlas.ELIMIT {
					code, status, err = atlas.EINVALID, http.StatusBadRequest, atlas.Errorf(atlas.EINVALID, "the request body could not be read")
				}
				writeJSON(w, status, map[string]any{"errors": []map[string]any{
					{"message": atlas.ErrorMessage(err), "extensions": map[string]string{"code": code}}}})
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
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

// accessLog gives each request an id (the caller's X-Request-Id, or a new one), returns
// it in the response, and logs one line per request with the GraphQL operation names
// and error count.
func accessLog(log zerolog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 128 {
			id = newRequestID()
		}
		w.Header().Set("X-Request-Id", id)
		reqLog := log.With().Str("request_id", id).Logger()
		ctx, stats := graph.WithStats(reqLog.WithContext(r.Context()))
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(ctx))
		ops, errs := stats.Summary()
		ev := reqLog.Info()
		if rec.status >= 500 {
			ev = reqLog.Error()
		}
		ev.Str("method", r.Method).Str("path", r.URL.Path).Int("status", rec.status).
			Int("bytes", rec.bytes).Dur("duration", time.Since(start)).
			Strs("operations", ops).Int("graphql_errors", errs).Msg("request")
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
