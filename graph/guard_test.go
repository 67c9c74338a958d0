package graph_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/graph"
	"lsgatlas/graph/loader"
	"lsgatlas/inprocess"
	"lsgatlas/seed"
)

// slowStore takes 30 ms per Relations call (less if the context ends first) and counts
// the calls that start after stopAt is set.
type slowStore struct {
	atlas.Store
	stopped   atomic.Bool
	lateCalls atomic.Int32
}

func (s *slowStore) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	if s.stopped.Load() {
		s.lateCalls.Add(1)
	}
	select {
	case <-time.After(30 * time.Millisecond):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.Store.Relations(ctx, q)
}

func seededStore(t *testing.T) atlas.Store {
	t.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	s := inprocess.New()
	if _, err := s.Import(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestWorkStopsWithTheRequest: when the client hangs up or the deadline passes, the
// handler returns within 100 ms and starts no store call after that.
func TestWorkStopsWithTheRequest(t *testing.T) {
	for _, mode := range []string{"client hangs up", "deadline"} {
		t.Run(mode, func(t *testing.T) {
			store := &slowStore{Store: seededStore(t)}
			gql := graph.NewServer(store, analytics.NewCache(store), zerolog.Nop())
			returned := make(chan time.Time, 1)
			h := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				ctx := r.Context()
				if mode == "deadline" {
					var cancel context.CancelFunc
					ctx, cancel = context.WithTimeout(ctx, 50*time.Millisecond)
					defer cancel()
				}
				loader.Middleware(store, gql).ServeHTTP(w, r.WithContext(ctx))
				returned <- time.Now()
			}))
			defer h.Close()
			start := time.Now()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			body := `{"query": ` + quote(`{ node(id: "person/xi-jinping") { `+fanOut(2)+` } }`) + `}`
			req, _ := http.NewRequestWithContext(ctx, "POST", h.URL, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			done := make(chan string, 1)
			go func() {
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					done <- err.Error()
					return
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				done <- string(b)
			}()
			var stop time.Time
			if mode == "client hangs up" {
				time.Sleep(50 * time.Millisecond)
				stop = time.Now()
				cancel()
			} else {
				stop = time.Now().Add(50 * time.Millisecond)
			}
			got := <-done
			end := <-returned
			store.stopped.Store(true)
			if end.Sub(start) < 50*time.Millisecond {
				t.Fatalf("the request ended after %v, before it was stopped: %s", end.Sub(start), got)
			}
			if late := end.Sub(stop); late > 100*time.Millisecond {
				t.Errorf("handler returned %v after the request ended", late)
			}
			time.Sleep(100 * time.Millisecond)
			if n := store.lateCalls.Load(); n != 0 {
				t.Errorf("%d store calls after the handler returned", n)
			}
			if mode == "deadline" && !strings.Contains(got, `"LIMIT_EXCEEDED"`) {
				t.Errorf("deadline answer %s", got)
			}
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
	newSrv := func(l graph.Limits) *httptest.Server {
		h := httptest.NewServer(loader.Middleware(store, graph.NewServerWithOptions(store, analytics.NewCache(store), zerolog.Nop(), graph.Options{Limits: l})))
		t.Cleanup(h.Close)
		return h
	}
	for _, tc := range []struct {
		name   string
		limits graph.Limits
		query  string
		want   string
	}{
		{"resolved fields", graph.Limits{MaxResolvedFields: 5}, `{ groups(first: 50) { nodes { id name } } }`,
			`{"errors":[{"message":"The query exceeds the resolved fields limit: it comes to 6, at most 5 is allowed.","extensions":{"code":"LIMIT_EXCEEDED","limit":"resolved fields","max":5,"value":6}}],"data":null`},
		{"response size", graph.Limits{MaxResponseBytes: 100}, `{ groups(first: 50) { nodes { id name } } }`,
			`{"errors":[{"message":"The query exceeds the response size (bytes) limit: it comes to `},
		{"errors", graph.Limits{MaxErrors: 2}, `{ a: node(id: "x") { id } b: node(id: "y") { id } c: node(id: "z") { id } }`,
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
