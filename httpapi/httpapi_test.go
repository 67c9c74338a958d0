package httpapi_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/internal/syncbuf"
)

func fixture(t testing.TB) atlas.Store {
	t.Helper()
	store := inprocess.New()
	if _, err := store.Import(context.Background(), conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	return store
}

func send(t *testing.T, method, url, body string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestNoBodyOrSecretInTheLog sends requests of every kind (good, malformed, invalid,
// refused) with a secret in the body and variables, and greps the debug-level log.
func TestNoBodyOrSecretInTheLog(t *testing.T) {
	const secret = "hunter2-SECRET-7f3a"
	var logs syncbuf.Buffer
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Log: zerolog.New(&logs).Level(zerolog.DebugLevel)}))
	defer srv.Close()
	for _, body := range []string{
		`{"query": "query($p: String) { __typename }", "variables": {"p": "` + secret + `"}}`,
		`{"query": "query($d: PartialDate) { groups(filter: {activeAsOf: $d}) { totalCount } }", "variables": {"d": "` + secret + `"}}`,
		`{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": "` + secret + `"}}`,
		`{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": {"password": "` + secret + `"}}}`,
		`{"query": "{ __typename", "variables": {"p": "` + secret + `"}}`,
		`{"query": "{ __typename }", "variables": "` + secret + `"}`,
		`{"query": 123, "password": "` + secret + `"}`,
		`[{"query": "{ __typename }", "variables": {"p": "` + secret + `"}}]`,
		`{"password": "` + secret,
		`{"query": "{ ` + strings.Repeat("a: __typename ", 200) + ` }", "variables": {"p": "` + secret + `"}}`,
		`{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + secret + `"}}}`,
	} {
		send(t, "POST", srv.URL+"/graphql", body)
	}
	send(t, "GET", srv.URL+"/graphql?query=%7B__typename%7D&variables=%7B%22p%22%3A%22"+secret+"%22%7D", "")
	if got := logs.String(); strings.Contains(got, secret) || !strings.Contains(got, `"path":"/graphql"`) {
		t.Errorf("the log holds the secret (or no request lines):\n%s", got)
	}
}

func TestRequestIDIsChecked(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Log: zerolog.Nop()}))
	defer srv.Close()
	for _, tc := range []struct {
		id   string
		kept bool
	}{
		{"abc-123_DEF.456", true},
		{strings.Repeat("x", 64), true},
		{strings.Repeat("x", 65), false},
		{"has space", false},
		{"tab\tin", false},
		{"naïve", false},
		{`"},"level":"error`, false},
	} {
		resp, _ := send(t, "GET", srv.URL+"/healthz", "", "X-Request-Id", tc.id)
		got := resp.Header.Get("X-Request-Id")
		if (got == tc.id) != tc.kept || got == "" || len(got) > 64 {
			t.Errorf("X-Request-Id %q answered with %q", tc.id, got)
		}
	}
}

// blockingStore holds every Relations call until release is closed.
type blockingStore struct {
	atlas.Store
	entered chan struct{}
	release chan struct{}
}

func (b *blockingStore) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	b.entered <- struct{}{}
	<-b.release
	return b.Store.Relations(ctx, q)
}

func TestLoadIsShedBeyondMaxInFlight(t *testing.T) {
	store := &blockingStore{Store: fixture(t), entered: make(chan struct{}, 10), release: make(chan struct{})}
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{MaxInFlight: 1, Log: zerolog.Nop()}))
	defer srv.Close()
	slow := `{"query": "{ group(id: \"group/foreign-affairs-lsg\") { chairs { id } } }"}`
	first := make(chan int, 1)
	go func() {
		resp, _ := send(t, "POST", srv.URL+"/graphql", slow)
		first <- resp.StatusCode
	}()
	<-store.entered
	// The first request holds the only slot until release is closed, so this one can be
	// answered only by being shed: it would otherwise hang, which go test's -timeout reports.
	resp, body := send(t, "POST", srv.URL+"/graphql", `{"query": "{ __typename }"}`)
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "1" || !strings.Contains(body, `"UNAVAILABLE"`) {
		t.Errorf("over the bound: %d %v %s", resp.StatusCode, resp.Header, body)
	}
	if resp, _ := send(t, "GET", srv.URL+"/healthz", ""); resp.StatusCode != 200 {
		t.Errorf("health is shed too: %d", resp.StatusCode)
	}
	close(store.release)
	if code := <-first; code != 200 {
		t.Errorf("the request in flight got %d", code)
	}
	if resp, _ := send(t, "POST", srv.URL+"/graphql", `{"query": "{ __typename }"}`); resp.StatusCode != 200 {
		t.Errorf("after the load: %d", resp.StatusCode)
	}
}

func TestHTMLPagesHaveSecurityHeaders(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Playground: true, Log: zerolog.Nop()}))
	defer srv.Close()
	for _, path := range []string{"/", "/explore/"} {
		resp, body := send(t, "GET", srv.URL+path, "")
		if got := resp.Header.Get("Content-Security-Policy"); got != httpapi.StrictCSP {
			t.Errorf("%s: CSP %q, want the strict policy", path, got)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", path, resp.Header)
		}
		// The strict policy forbids inline scripts, so a page that had one would not work.
		if regexp.MustCompile(`(?s)<script>\S`).MatchString(body) || strings.Contains(body, "cdn.") {
			t.Errorf("%s: an inline script or a CDN reference in the page", path)
		}
	}
}

func TestCORSIsOffUnlessOriginsAreListed(t *testing.T) {
	off := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Log: zerolog.Nop()}))
	defer off.Close()
	on := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{CORSOrigins: []string{"https://app.example"}, Log: zerolog.Nop()}))
	defer on.Close()
	preflight := []string{"Origin", "https://app.example", "Access-Control-Request-Method", "POST"}
	if resp, _ := send(t, "OPTIONS", off.URL+"/graphql", "", preflight...); resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS on by default: %v", resp.Header)
	}
	resp, _ := send(t, "OPTIONS", on.URL+"/graphql", "", preflight...)
	if resp.StatusCode != 204 || resp.Header.Get("Access-Control-Allow-Origin") != "https://app.example" || !strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Content-Type") {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	resp, _ = send(t, "POST", on.URL+"/graphql", `{"query": "{ __typename }"}`, "Origin", "https://evil.example")
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("unlisted origin allowed: %v", resp.Header)
	}
}

func TestMetrics(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Log: zerolog.Nop()}))
	defer srv.Close()
	send(t, "POST", srv.URL+"/graphql", `{"query": "{ groups(first: 2) { nodes { id } } }"}`)
	send(t, "POST", srv.URL+"/graphql", `{"query": "{ groups(first: 2) { nodes { id } } }"}`)
	send(t, "POST", srv.URL+"/graphql", `{"query": "{ `+strings.Repeat("a: __typename ", 200)+` }"}`)
	send(t, "POST", srv.URL+"/graphql", `{"query": "{ node(id: \"bad\") { id } }"}`)
	send(t, "POST", srv.URL+"/graphql", `[]`)
	_, body := send(t, "GET", srv.URL+"/metrics", "")
	for _, want := range []string{
		`atlas_http_requests_total{method="POST",route="/graphql",status="200"} 4`,
		`atlas_http_requests_total{method="POST",route="/graphql",status="400"} 1`,
		`atlas_http_request_duration_seconds_bucket{route="/graphql",le="+Inf"} 5`,
		`atlas_graphql_request_errors_total{code="LIMIT_EXCEEDED",limit="aliases"} 1`,
		`atlas_graphql_request_errors_total{code="INVALID",limit=""} 1`,
		`atlas_graphql_errors_total{code="INVALID"} 1`,
		`atlas_graphql_query_cache_lookups_total{result="hit"} 1`,
		`atlas_graphql_query_cache_lookups_total{result="miss"} 2`,
		`atlas_store_calls_total{method="List"} 2`,
		`atlas_http_requests_in_flight 0`,
		`atlas_graphql_request_cost_count 3`,
		`go_goroutines`, `process_resident_memory_bytes`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// TestChairMemoMetrics: the chairs lists a request joins are counted as misses of the
// memo, and the same lists served to the next request at the same revision as hits.
func TestChairMemoMetrics(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Log: zerolog.Nop(), ChairMemoEdges: 1000}))
	defer srv.Close()
	for range 2 {
		send(t, "POST", srv.URL+"/graphql", `{"query": "{ groups(first: 2) { nodes { id chairs { id } } } }"}`)
	}
	_, body := send(t, "GET", srv.URL+"/metrics", "")
	for _, want := range []string{
		`atlas_graphql_chair_memo_lookups_total{result="hit"} 2`,
		`atlas_graphql_chair_memo_lookups_total{result="miss"} 2`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestCostExtensionCountsStoreCalls(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Log: zerolog.Nop()}))
	defer srv.Close()
	_, body := send(t, "POST", srv.URL+"/graphql", `{"query": "{ groups(first: 2) { nodes { id chairs { id } } } }"}`, "Atlas-Cost", "1")
	if !strings.Contains(body, `"storeCalls":2`) || !strings.Contains(body, `"cost":`) {
		t.Errorf("cost extension: %s", body)
	}
}
