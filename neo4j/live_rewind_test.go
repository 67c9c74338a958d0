package neo4j_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/httpapi"
	"lsgatlas/neo4j/neo4jtest"
)

// TestLiveRewoundNamespaceStopsTheService: the namespace is loaded again under a running
// service (what restoring a backup does to its revision), so the revisions it has seen
// are counted again for other data. The service then answers nothing, rather than what
// its caches kept for those revisions, and says why; a restarted service serves the data
// as it now is.
func TestLiveRewoundNamespaceStopsTheService(t *testing.T) {
	cfg := neo4jtest.Config(t)
	cfg.RevisionValidity = -1 // read the revision on every request: no wait for it to expire
	ctx := context.Background()
	changed := conformance.Fixture()
	changed.People[0].Description = "changed"
	running := neo4jtest.OpenConfig(t, cfg)
	for _, ds := range []*atlas.Dataset{conformance.Fixture(), changed} { // revisions 1 and 2
		if _, err := running.Import(ctx, ds); err != nil {
			t.Fatal(err)
		}
	}
	const query = `{ node(id: "person/xi-jinping") { ... on Person { description } } }`
	serve := func(s atlas.Store) *httptest.Server {
		srv := httptest.NewServer(httpapi.New(s, httpapi.Options{Log: zerolog.Nop()}))
		t.Cleanup(srv.Close)
		return srv
	}
	get := func(srv *httptest.Server, path string) (int, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	ask := func(srv *httptest.Server) string {
		t.Helper()
		resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query": `+strconv.Quote(query)+`}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	srv := serve(running)
	if got, want := ask(srv), `{"data":{"node":{"description":"changed"}},"extensions":{"dataset":{"revision":2,`; !strings.HasPrefix(got, want) {
		t.Fatalf("before the rewind: %s, want %s…", got, want)
	}
	// Another process drops the namespace and loads the first dataset: revision 1 again.
	other := neo4jtest.OpenConfig(t, cfg)
	if err := other.DropNamespace(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Import(ctx, conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	const why = "The database's revision went back from 2 to 1"
	if got := ask(srv); !strings.Contains(got, `"code":"UNAVAILABLE"`) || !strings.Contains(got, why) || strings.Contains(got, `"description"`) {
		t.Errorf("after the rewind: %s, want UNAVAILABLE saying %q and no data", got, why)
	}
	if code, body := get(srv, "/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, why) {
		t.Errorf("/readyz after the rewind: %d %s", code, body)
	}
	// A restart reads everything anew.
	restarted := serve(neo4jtest.OpenConfig(t, cfg))
	if got, want := ask(restarted), `{"data":{"node":{"description":null}},"extensions":{"dataset":{"revision":1,`; !strings.HasPrefix(got, want) {
		t.Errorf("after a restart: %s, want %s…", got, want)
	}
}
