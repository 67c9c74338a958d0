package gqlhttp_test

import (
	"context"
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
