package graph_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"lsgatlas/internal/gqltest"
)

// The shared fixture (internal/gqltest), under the short names these tests use.
type response = gqltest.Response

var (
	newServer    = gqltest.NewServer
	fixtureStore = gqltest.FixtureStore
	seedStore    = gqltest.SeedStore
	post         = gqltest.Post
)

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
