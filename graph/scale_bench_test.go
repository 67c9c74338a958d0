package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
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

// BenchmarkScaleQueries runs a list, a two-level query (relationship fields: chairs,
// derived through posts, and members) and a search through the GraphQL handler at 1x,
// 10x and 100x of the bundled dataset, each query at the three sizes one after
// another so that they share the machine's load. The list is a page of 20 groups at
// every size; the two-level query asks for the seed's first 20 groups by id, which have
// as many chairs and members at every size (synthetic.Scaled keeps degrees), so the
// answer is the same size and any growth is the cost of the larger store. The search
// matches ten and a hundred times as many records at 10x and 100x and returns the best
// 20. The README's Performance section has the figures.
func BenchmarkScaleQueries(b *testing.B) {
	base, err := seed.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, g := range base.Groups {
		ids = append(ids, g.ID)
	}
	slices.Sort(ids)
	twoLevel, _ := json.Marshal(ids[:20])
	for _, q := range []struct{ name, query string }{
		{"list", `{ groups(first: 20) { nodes { id name nameZh kind established abolished } } }`},
		{"two-level", `{ nodes(ids: ` + string(twoLevel) + `) { id ... on Group { name chairs { holding derived node { id label } } members { role node { id label } } } } }`},
		{"search", `{ search(text: "foreign affairs", first: 20) { matched node { id label } } }`},
	} {
		body, _ := json.Marshal(map[string]string{"query": q.query})
		for _, factor := range []int{1, 10, 100} {
			b.Run(fmt.Sprintf("%s/%dx", q.name, factor), func(b *testing.B) {
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
