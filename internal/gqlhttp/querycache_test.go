package gqlhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"lsgatlas/graph"
	"lsgatlas/inprocess"
)

// TestQueryCacheHoldsOnlyAdmittedDocuments: documents refused by a limit or by
// validation never enter the cache; valid ones do, and the cache stays within its
// entries and bytes.
func TestQueryCacheHoldsOnlyAdmittedDocuments(t *testing.T) {
	store := inprocess.New()
	srv := New(graph.Resolver{Store: store, Log: zerolog.Nop()}, Options{QueryCacheEntries: 10, QueryCacheBytes: 200_000})
	cache := srv.queries
	h := httptest.NewServer(srv)
	defer h.Close()
	post := func(q string) {
		body, _ := json.Marshal(map[string]string{"query": q})
		resp, err := http.Post(h.URL, "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	for i := range 20 {
		post(fmt.Sprintf(`{ a%d: __typename `, i))                                 // parse error
		post(fmt.Sprintf(`{ noSuchField%d }`, i))                                  // validation error
		post(`{ ` + strings.Repeat(fmt.Sprintf("x%d: __typename ", i), 150) + `}`) // over the alias limit
	}
	if cache.Len() != 0 {
		t.Fatalf("cache holds %d refused documents", cache.Len())
	}
	for i := range 30 {
		post(fmt.Sprintf(`{ v%d: __typename }`, i))
	}
	if cache.Len() != 10 {
		t.Errorf("cache holds %d documents, want its bound of 10", cache.Len())
	}
	big := `{ ` + strings.Repeat(`__typename `, 190) + ` }` // 2 KB, ~44 KB by estimate
	for i := range 10 {
		post(fmt.Sprintf("# %d\n", i) + big)
	}
	if cache.Bytes() > 200_000 || cache.Len() >= 10 {
		t.Errorf("cache holds %d documents of %d bytes, over its byte bound", cache.Len(), cache.Bytes())
	}
}

// TestQueryCacheEstimate checks parsedBytesPerByte against the heap: parsing a document
// takes no more memory than the cache charges for it.
func TestQueryCacheEstimate(t *testing.T) {
	q := `query Q($id: ID!) { node(id: $id) { id ... on Group { name members { node { label } sources { source { id } } } } } }`
	const n = 2000
	docs := make([]*ast.QueryDocument, n)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range docs {
		docs[i], _ = parser.ParseQuery(&ast.Source{Input: q})
	}
	runtime.ReadMemStats(&after)
	perDoc := float64(after.TotalAlloc-before.TotalAlloc) / n
	if charged := float64(len(q) * (parsedBytesPerByte + 1)); perDoc > charged {
		t.Errorf("a parsed document allocates %.0f bytes, the cache charges %.0f", perDoc, charged)
	}
	runtime.KeepAlive(docs)
}

func TestBoundedLRUEvictsByBytes(t *testing.T) {
	c := newBoundedLRU(100, 10, func(k, v string) int { return len(v) })
	ctx := context.Background()
	c.Add(ctx, "a", "1234")
	c.Add(ctx, "b", "1234")
	c.Add(ctx, "c", "1234")           // 12 bytes: a goes
	c.Add(ctx, "huge", "12345678901") // over the whole budget: not kept
	if _, ok := c.Get(ctx, "a"); ok || c.Len() != 2 || c.Bytes() != 8 {
		t.Errorf("len %d bytes %d", c.Len(), c.Bytes())
	}
	c.Add(ctx, "b", "12") // replacing counts the new size only
	if c.Bytes() != 6 {
		t.Errorf("bytes after replace %d", c.Bytes())
	}
}
