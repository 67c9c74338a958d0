package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/graph"
	"lsgatlas/inprocess"
	"lsgatlas/internal/gqlhttp"
)

// response is a GraphQL response with data left raw for each test to decode.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func newServer(tb testing.TB, store atlas.Store) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{}))
	tb.Cleanup(srv.Close)
	return srv
}

func fixtureStore(tb testing.TB) atlas.Store {
	tb.Helper()
	s := inprocess.New()
	if _, err := s.Import(context.Background(), conformance.Fixture()); err != nil {
		tb.Fatal(err)
	}
	return s
}

func post(tb testing.TB, srv *httptest.Server, query string, vars map[string]any) response {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(srv.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		tb.Fatalf("status %d", resp.StatusCode)
	}
	var r response
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		tb.Fatal(err)
	}
	return r
}

// data runs a query that must succeed and decodes its data into v.
func data(tb testing.TB, srv *httptest.Server, query string, vars map[string]any, v any) {
	tb.Helper()
	r := post(tb, srv, query, vars)
	if len(r.Errors) > 0 {
		tb.Fatalf("errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		tb.Fatal(err)
	}
}

func TestGET(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	resp, err := http.Get(srv.URL + "?query=" + url.QueryEscape(`{ person(id: "person/xi-jinping") { name nameZh } }`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r response
	_ = json.NewDecoder(resp.Body).Decode(&r)
	if string(r.Data) != `{"person":{"name":"Xi Jinping","nameZh":"习近平"}}` {
		t.Errorf("GET data = %s %+v", r.Data, r.Errors)
	}
}

type edge struct {
	ID         string
	Type       string
	Direction  string
	Node       struct{ ID, Label, Type string }
	Start      *string
	End        *string
	Holding    *string
	Derived    bool
	Via        *struct{ ID string }
	Role       *string
	Attested   []string
	Confidence string
	Sources    []struct {
		Source  struct{ ID string }
		Locator string
	}
	DerivedFrom []struct{ Type string }
}

const edgeFields = `id type direction node { id label type } start end holding derived via { id } role attested confidence sources { source { id } locator } derivedFrom { type }`

func nodeIDs(edges []edge) []string {
	out := []string{}
	for _, e := range edges {
		s := e.Node.ID
		if e.Derived {
			s += " (via " + e.Via.ID + ")"
		}
		if e.Holding != nil {
			s += " " + *e.Holding
		}
		out = append(out, s)
	}
	return out
}
