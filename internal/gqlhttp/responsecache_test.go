package gqlhttp_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/graph"
	"lsgatlas/inprocess"
	"lsgatlas/internal/gqlhttp"
)

// TestResponseCache: a repeated query is answered from the cache with the same bytes and
// no store read; new variables, a changed store (an import), an answer with errors and a
// request for the cost report are each computed afresh.
func TestResponseCache(t *testing.T) {
	ctx := context.Background()
	base := inprocess.New()
	if _, err := base.Import(ctx, conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	calls := map[string]int{}
	store := gqlhttp.CountStoreCalls(base, func(method string) {
		mu.Lock()
		defer mu.Unlock()
		calls[method]++
	})
	srv := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{ResponseCacheBytes: 1 << 20}))
	defer srv.Close()
	post := func(body string, header ...string) string {
		t.Helper()
		req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	const query = `{"query": "query($id: ID!) { group(id: $id) { name members { node { id } } } }", "variables": {"id": "group/foreign-affairs-lsg"}}`
	reads := func() int {
		mu.Lock()
		defer mu.Unlock()
		n := calls["Nodes"] + calls["Relations"] + calls["List"]
		clear(calls)
		return n
	}

	first := post(query)
	if reads() == 0 || !strings.Contains(first, `"name"`) {
		t.Fatalf("first answer read nothing: %s", first)
	}
	for _, tc := range []struct {
		name      string
		body      string
		header    []string
		wantReads bool
	}{
		{"the same query again", query, nil, false},
		{"other variables", strings.Replace(query, "group/foreign-affairs-lsg", "group/deepening-reform", 1), nil, true},
		{"the same other variables again", strings.Replace(query, "group/foreign-affairs-lsg", "group/deepening-reform", 1), nil, false},
		{"the cost report asked for", query, []string{gqlhttp.CostHeader, "1"}, true},
		{"an answer with an error", `{"query": "{ group(id: \"group/foreign-affairs-lsg\") { chairs(asOf: \"2015-13\") { id } } }"}`, nil, true},
		{"the same error again", `{"query": "{ group(id: \"group/foreign-affairs-lsg\") { chairs(asOf: \"2015-13\") { id } } }"}`, nil, true},
	} {
		got := post(tc.body, tc.header...)
		if n := reads(); (n > 0) != tc.wantReads {
			t.Errorf("%s: %d store reads, want reads %v: %s", tc.name, n, tc.wantReads, got)
		}
		if tc.name == "the same query again" && got != first {
			t.Errorf("cached answer %s, want %s", got, first)
		}
	}

	// An import changes the revision: the next answer is the new data's.
	ds := conformance.Fixture()
	for _, g := range ds.Groups {
		if g.ID == "group/foreign-affairs-lsg" {
			g.Name = "Renamed Group"
			for i := range g.Claims {
				if g.Claims[i].Property == atlas.PropName && g.Claims[i].Rank == atlas.Preferred {
					g.Claims[i].Value = "Renamed Group"
				}
			}
		}
	}
	if _, err := base.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if got := post(query); !strings.Contains(got, "Renamed Group") || reads() == 0 {
		t.Errorf("after an import: %s, want the new name read from the store", got)
	}
}
