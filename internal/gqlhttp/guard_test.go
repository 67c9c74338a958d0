package gqlhttp_test

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/graph"
	"lsgatlas/internal/gqlhttp"
)

// slowStore takes 30 ms of the bubble's fake clock per Relations call (less if the context
// ends first), tells started when its first call begins, and counts the calls that start
// after stopped is set.
type slowStore struct {
	atlas.Store
	started   chan struct{}
	startOnce sync.Once
	stopped   atomic.Bool
	lateCalls atomic.Int32
}

func (s *slowStore) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	if s.stopped.Load() {
		s.lateCalls.Add(1)
	}
	s.startOnce.Do(func() { close(s.started) })
	select {
	case <-time.After(30 * time.Millisecond):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.Store.Relations(ctx, q)
}

// TestWorkStopsWithTheRequest: when the client hangs up or the deadline passes, the
// handler returns at once and starts no store call after that. It runs in a synctest
// bubble, so the store's 30 ms and the 50 ms deadline are fake time: the test waits on
// events (the first store call began, the handler returned, every goroutine is idle),
// never on the wall clock. The client hangs up only once its request is being worked on,
// so the handler is always there to be stopped.
func TestWorkStopsWithTheRequest(t *testing.T) {
	seeded := seedStore(t)
	for _, mode := range []string{"client hangs up", "deadline"} {
		t.Run(mode, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				store := &slowStore{Store: seeded, started: make(chan struct{})}
				gql := gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{})
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				if mode == "deadline" {
					ctx, cancel = context.WithTimeout(ctx, 50*time.Millisecond)
					defer cancel()
				}
				body := `{"query": ` + quote(`{ node(id: "person/xi-jinping") { `+fanOut(2)+` } }`) + `}`
				req := httptest.NewRequestWithContext(ctx, "POST", "/", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				start := time.Now()
				returned := make(chan time.Time, 1)
				go func() {
					gql.ServeHTTP(rec, req)
					store.stopped.Store(true)
					returned <- time.Now()
				}()
				<-store.started
				stop := start.Add(50 * time.Millisecond)
				if mode == "client hangs up" {
					time.Sleep(50 * time.Millisecond) // fake time: a few store calls' worth
					cancel()
				}
				end := <-returned
				// In the bubble the clock moves only when every goroutine waits, so these are
				// exact statements about the handler, not about the machine's speed.
				if end.Before(stop) {
					t.Fatalf("the request ended after %v, before it was stopped: %s", end.Sub(start), rec.Body)
				}
				if late := end.Sub(stop); late >= 30*time.Millisecond {
					t.Errorf("handler returned %v after the request ended, at least one more store call", late)
				}
				time.Sleep(time.Second) // fake time: any store call still to come would start now
				synctest.Wait()
				if n := store.lateCalls.Load(); n != 0 {
					t.Errorf("%d store calls after the handler returned", n)
				}
				if mode == "deadline" && !strings.Contains(rec.Body.String(), `"LIMIT_EXCEEDED"`) {
					t.Errorf("deadline answer %s", rec.Body)
				}
			})
		})
	}
}

// fanOut follows every relationship of groups and people n levels deep.
func fanOut(n int) string {
	if n == 0 {
		return "id"
	}
	next := fanOut(n - 1)
	return `... on Group { relationships { node { id ` + next + ` } } } ... on Person { relationships { node { id ` + next + ` } } }`
}

func TestExecutionLimits(t *testing.T) {
	store := fixtureStore(t)
	newSrv := func(l gqlhttp.Limits) *httptest.Server {
		h := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{Limits: l}))
		t.Cleanup(h.Close)
		return h
	}
	for _, tc := range []struct {
		name   string
		limits gqlhttp.Limits
		query  string
		want   string
	}{
		{"resolved fields", gqlhttp.Limits{MaxResolvedFields: 5}, `{ groups(first: 50) { nodes { id name } } }`,
			`{"errors":[{"message":"The query exceeds the resolved fields limit: it comes to 6, at most 5 is allowed.","extensions":{"code":"LIMIT_EXCEEDED","limit":"resolved fields","max":5,"value":6}}],"data":null`},
		{"response size", gqlhttp.Limits{MaxResponseBytes: 100}, `{ groups(first: 50) { nodes { id name } } }`,
			`{"errors":[{"message":"The query exceeds the response size (bytes) limit: it comes to `},
		{"errors", gqlhttp.Limits{MaxErrors: 2}, `{ a: node(id: "x") { id } b: node(id: "y") { id } c: node(id: "z") { id } }`,
			`{"message":"1 more errors were left out.","extensions":{"code":"LIMIT_EXCEEDED"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", newSrv(tc.limits).URL, jsonType, "", `{"query": `+quote(tc.query)+`}`)
			if r.status != 200 || !strings.Contains(r.body, tc.want) {
				t.Errorf("got %d %s\nwant it to contain %s", r.status, r.body, tc.want)
			}
		})
	}
}

// TestResolvedFieldsCountedPerObject: the budget counts every field an answer resolves,
// __typename aside, though it is asked once per object: the cost report's count is the
// number of fields in the answer's objects.
func TestResolvedFieldsCountedPerObject(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, tc := range []struct {
		query string
		want  float64
	}{
		{`{ __typename }`, 0},
		{`{ groups(first: 2) { __typename nodes { __typename id name } } }`, 1 + 1 + 2*2},
		{`{ group(id: "group/foreign-affairs-lsg") { id chairs { node { id } } } }`, 1 + 2 + 3*(1+1)},
		{`{ groups(first: 5) { nodes { id members { role node { label } } } } }`, -1}, // counted from the answer
	} {
		r := do(t, "POST", srv.URL, jsonType, "", `{"query": `+quote(tc.query)+`}`, "Atlas-Cost", "1")
		m := r.decode(t)
		cost, _ := m["extensions"].(map[string]any)["cost"].(map[string]any)
		want := tc.want
		if want < 0 {
			want = float64(countFields(m["data"]))
		}
		if m["errors"] != nil || cost["resolvedFields"] != want {
			t.Errorf("%s: resolvedFields %v, want %v: %s", tc.query, cost["resolvedFields"], want, r.body)
		}
	}
}

// countFields counts the fields of v's objects, __typename aside.
func countFields(v any) int {
	n := 0
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if k != "__typename" {
				n++
			}
			n += countFields(x)
		}
	case []any:
		for _, x := range v {
			n += countFields(x)
		}
	}
	return n
}

// TestLimitStopsADeferredPart: a budget spent while a deferred fragment resolves makes
// that part a null with the reason, never a part with objects left empty.
func TestLimitStopsADeferredPart(t *testing.T) {
	srv := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: fixtureStore(t), Log: zerolog.Nop()}, gqlhttp.Options{Limits: gqlhttp.Limits{MaxResolvedFields: 6}}))
	t.Cleanup(srv.Close)
	// The first part resolves group, id, name and chairs (4); the three chairs' node and
	// id would make 10.
	query := `{"query":"{ group(id: \"group/foreign-affairs-lsg\") { id ... @defer(label: \"more\") { name chairs { node { id } } } } }"}`
	r := do(t, "POST", srv.URL+"/graphql", jsonType, "multipart/mixed, application/json", query)
	_, params, err := mime.ParseMediaType(r.header.Get("Content-Type"))
	if err != nil || r.status != http.StatusOK {
		t.Fatalf("status %d, Content-Type %q: %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	parts := multipartParts(t, r.body, params["boundary"])
	want := []string{
		`{"data":{"group":{"id":"group/foreign-affairs-lsg","name":"Foreign Affairs Leading Small Group","chairs":null}},"hasNext":true,"extensions":{"dataset":{"revision":1,"version":""}}}`,
		`{"incremental":[{"errors":[{"message":"The query exceeds the resolved fields limit: it comes to 7, at most 6 is allowed.","extensions":{"code":"LIMIT_EXCEEDED","limit":"resolved fields","max":6,"value":7}}],"data":null,"label":"more","path":["group"],"extensions":{"dataset":{"revision":1,"version":""}}}],"hasNext":false}`,
	}
	if strings.Join(parts, "\n") != strings.Join(want, "\n") {
		t.Errorf("parts:\n%s\nwant:\n%s", strings.Join(parts, "\n"), strings.Join(want, "\n"))
	}
}
