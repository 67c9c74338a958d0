package httpapi

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"lsgatlas/internal/gqlhttp"
)

// metrics are the service's Prometheus series, served at /metrics. Labels are only
// route patterns, methods, codes and limit names, never anything a caller chooses, so
// the number of series is fixed.
type metrics struct {
	registry      *prometheus.Registry
	requests      *prometheus.CounterVec   // route, method, status
	latency       *prometheus.HistogramVec // route
	inFlight      prometheus.Gauge
	shed          *prometheus.CounterVec // reason: capacity, fair share, memory
	readingBody   prometheus.Gauge
	slowClients   prometheus.Counter
	requestErrors *prometheus.CounterVec // code, limit: refused or stopped requests
	fieldErrors   *prometheus.CounterVec // code: errors inside executed responses
	storeCalls    *prometheus.CounterVec // method
	cacheLookups  *prometheus.CounterVec // result
	responseCache *prometheus.CounterVec // result
	chairMemo     *prometheus.CounterVec // result
	levelMemo     *prometheus.CounterVec // result
	cost          prometheus.Histogram
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "atlas_http_requests_total", Help: "HTTP requests by route, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "atlas_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "atlas_http_requests_in_flight", Help: "Requests being worked on now (GraphQL and exports).",
		}),
		shed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "atlas_http_requests_shed_total", Help: "Requests refused with 503 and Retry-After, by reason: capacity (every slot taken), fair share (the client holds its share), memory (the estimated memory in flight).",
		}, []string{"reason"}),
		readingBody: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "atlas_http_requests_reading_body", Help: "Requests whose body is being received, before they ask for a work slot.",
		}),
		slowClients: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "atlas_http_slow_clients_total", Help: "Requests cut off (408) because their body did not arrive within the body timeout.",
		}),
		requestErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "atlas_graphql_request_errors_total", Help: "GraphQL requests refused or stopped, by error code and, for limits, the limit.",
		}, []string{"code", "limit"}),
		fieldErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "atlas_graphql_errors_total", Help: "Errors in GraphQL responses, by code.",
		}, []string{"code"}),
		storeCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "atlas_store_calls_total", Help: "Calls to the storage backend, by method.",
		}, []string{"method"}),
		cacheLookups: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "atlas_graphql_query_cache_lookups_total", Help: "Parsed-query cache lookups, by result (hit or miss).",
		}, []string{"result"}),
		responseCache: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "atlas_graphql_response_cache_lookups_total", Help: "Lookups of the cache of complete answers, by result (hit or miss).",
		}, []string{"result"}),
		chairMemo: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "atlas_graphql_chair_memo_lookups_total", Help: "Chairs lists served from the memo of lists joined at the current revision (hit), or joined and kept in it (miss).",
		}, []string{"result"}),
		levelMemo: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "atlas_graphql_level_memo_lookups_total", Help: "Nodes taken from the memo of those read at the current revision, with their levels for a root field or a list, or alone (hit), or read and kept in it (miss).",
		}, []string{"result"}),
		cost: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "atlas_graphql_request_cost", Help: "Computed cost of admitted GraphQL requests.",
			Buckets: prometheus.ExponentialBuckets(1, 4, 11),
		}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.inFlight, m.shed, m.readingBody, m.slowClients, m.requestErrors, m.fieldErrors,
		m.storeCalls, m.cacheLookups, m.responseCache, m.chairMemo, m.levelMemo, m.cost,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

var _ gqlhttp.Metrics = (*metrics)(nil)

func (m *metrics) RequestError(code, limit string) {
	m.requestErrors.WithLabelValues(code, limit).Inc()
}
func (m *metrics) FieldError(code string)    { m.fieldErrors.WithLabelValues(code).Inc() }
func (m *metrics) Cost(cost int)             { m.cost.Observe(float64(cost)) }
func (m *metrics) Shed(reason string)        { m.shed.WithLabelValues(reason).Inc() }
func (m *metrics) QueryCacheLookup(hit bool) { m.cacheLookups.WithLabelValues(hitOrMiss(hit)).Inc() }
func (m *metrics) ChairMemoLookup(hit bool)  { m.chairMemo.WithLabelValues(hitOrMiss(hit)).Inc() }
func (m *metrics) LevelMemoLookup(hit bool)  { m.levelMemo.WithLabelValues(hitOrMiss(hit)).Inc() }
func (m *metrics) ResponseCacheLookup(hit bool) {
	m.responseCache.WithLabelValues(hitOrMiss(hit)).Inc()
}

func hitOrMiss(hit bool) string {
	if hit {
		return "hit"
	}
	return "miss"
}
func (m *metrics) StoreCall(method string) { m.storeCalls.WithLabelValues(method).Inc() }

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// observe records one finished request under its route pattern (never the raw path).
func (m *metrics) observe(r *http.Request, status int, took time.Duration) {
	route := r.Pattern
	if route == "" {
		route = "other"
	}
	method := r.Method
	switch method {
	case http.MethodGet, http.MethodPost, http.MethodHead, http.MethodOptions:
	default:
		method = "other" // a caller chooses the method; the series must stay few
	}
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(took.Seconds())
}
