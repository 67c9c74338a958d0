package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/graph"
	"lsgatlas/inprocess"
	"lsgatlas/internal/gqlhttp"
	"lsgatlas/internal/synthetic"
	"lsgatlas/seed"
)

var (
	scaledMu       sync.Mutex
	scaledHandlers = map[int]http.Handler{}
)

// scaledHandler is the GraphQL handler over an embedded store holding the bundled
// dataset at factor (synthetic.Scaled), built once per process.
func scaledHandler(b *testing.B, factor int) http.Handler {
	b.Helper()
	scaledMu.Lock()
	defer scaledMu.Unlock()
	if h, ok := scaledHandlers[factor]; ok {
		return h
	}
	base, err := seed.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	ds, err := synthetic.Scaled(base, factor)
	if err != nil {
		b.Fatal(err)
	}
	store := inprocess.New()
	if _, err := store.Import(context.Background(), ds); err != nil {
		b.Fatal(err)
	}
	h := gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{})
	scaledHandlers[factor] = h
	return h
}

// BenchmarkScaleQueries runs the scale queries (synthetic.ScaleQueries: a list, a
// two-level query and a search) through the GraphQL handler at 1x, 10x and 100x of the
// bundled dataset, each query at the three sizes one after another so that they share the
// machine's load. The README's Performance section has the figures.
func BenchmarkScaleQueries(b *testing.B) {
	base, err := seed.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range synthetic.ScaleQueries(base) {
		body, _ := json.Marshal(map[string]string{"query": q.Query})
		for _, factor := range []int{1, 10, 100} {
			b.Run(fmt.Sprintf("%s/%dx", q.Name, factor), func(b *testing.B) {
				h := scaledHandler(b, factor)
				b.ReportAllocs()
				for b.Loop() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, postRequest(body))
					if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
						b.Fatalf("%d %s", rec.Code, rec.Body)
					}
				}
			})
		}
	}
}
