package httpapi_test

import (
	"fmt"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/httpapi"
)

// nested is the attack of issue 14: relationships of relationships, n levels deep, 324
// bytes at six levels.
func nested(n int) string {
	return `{ group(id: "group/foreign-affairs-leading-small-group") { ` +
		strings.Repeat(`relationships { to { id ... on Group { `, n) + `id` + strings.Repeat(` } } }`, n) + ` } }`
}

func many(n int, f func(int) string) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i := range n {
		b.WriteString(f(i))
		b.WriteByte(' ')
	}
	b.WriteString("}")
	return b.String()
}

// TestHostileRequestsAreBounded replays the requests that took the service down: each
// is refused by the limits or answered (never a 5xx), the heap stays far below 1 GB
// throughout, and an ordinary query right after is answered. The times are logged as
// measured, not asserted: the request timeout is a minute so a loaded machine cannot turn
// an admitted query into a refusal.
func TestHostileRequestsAreBounded(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(seededStore(t), httpapi.Options{RequestTimeout: time.Minute, Log: zerolog.Nop()}))
	defer srv.Close()

	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()

	large := func(i int) string { // a different 30 KB refused query each time
		return many(2500, func(j int) string { return fmt.Sprintf("f%d_%d: __typename", i, j) })
	}
	type hostile struct {
		name, query string
		refused     bool
	}
	cases := []hostile{
		{"six-deep relationships", nested(6), true},
		{"five-deep relationships", nested(5), true},
		{"three-deep relationships", nested(3), false},
		{"near the cost limit", `{ groups(first: 100) { nodes { relationships { to { id ... on Group { relationships { to { id ... on Person { name } } } } } } } } }`, false},
		{"5000 __schema aliases", many(5000, func(i int) string { return fmt.Sprintf("s%d: __schema { types { name fields { name } } }", i) }), true},
		{"40 __schema aliases", many(40, func(i int) string { return fmt.Sprintf("s%d: __schema { types { name fields { name } } }", i) }), false},
		{"3000 same-named fields with different arguments", many(3000, func(i int) string { return fmt.Sprintf(`group(id: "group/g%d") { id }`, i) }), true},
		{"20,000 duplicate fields", many(20000, func(int) string { return "__typename" }), true},
	}
	for i := range 160 {
		cases = append(cases, hostile{fmt.Sprintf("large refused query %d", i), large(i), true})
	}
	for _, tc := range cases {
		start := time.Now()
		resp, body := send(t, "POST", srv.URL+"/graphql", `{"query": `+quoteJSON(tc.query)+`}`)
		took := time.Since(start)
		if resp.StatusCode >= 500 {
			t.Errorf("%s: %d after %v", tc.name, resp.StatusCode, took)
		}
		if refused := strings.Contains(body, `"LIMIT_EXCEEDED"`); refused != tc.refused {
			t.Errorf("%s: refused = %v: %.300s", tc.name, refused, body)
		}
		if !strings.HasPrefix(tc.name, "large refused query") || strings.HasSuffix(tc.name, " 0") {
			t.Logf("%s (%d bytes): %d in %v", tc.name, len(tc.query), resp.StatusCode, took.Round(time.Millisecond))
		}
	}
	start := time.Now()
	_, body := send(t, "POST", srv.URL+"/graphql", `{"query": "{ group(id: \"group/foreign-affairs-leading-small-group\") { name chairs { node { label } } } }"}`)
	took := time.Since(start)
	close(stop)
	<-sampled
	if !strings.Contains(body, `"name":"Foreign Affairs Leading Small Group"`) {
		t.Errorf("ordinary query after the attack: %v %.200s", took, body)
	}
	t.Logf("measured: ordinary query after: %v; peak heap in use %d MB", took.Round(time.Microsecond), peak.Load()>>20)
	if peak.Load() > 512<<20 {
		t.Errorf("heap peaked at %d MB", peak.Load()>>20)
	}
}

func quoteJSON(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}
