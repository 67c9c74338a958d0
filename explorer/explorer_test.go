package explorer_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"lsgatlas/explorer"
)

func TestReadmeExamples(t *testing.T) {
	md := "# Title\n\nWho chairs it?\n\n```graphql\n{\n  group(id: \"g\") { name }\n}\n```\n\n" +
		"Find by any spelling.\n\n```graphql\n{ search(text: \"a\") { score } }\n{ search(text: \"b\") { score } }\n```\n\n" +
		"### Heading only\n\n```graphql\n{ x }\n```\n\n```sh\nnot graphql\n```\n"
	got := explorer.ReadmeExamples(md)
	want := []explorer.Example{
		{Title: "Who chairs it?", Query: "{\n  group(id: \"g\") { name }\n}"},
		{Title: "Find by any spelling.", Query: `{ search(text: "a") { score } }`},
		{Title: "Find by any spelling.", Query: `{ search(text: "b") { score } }`},
		{Title: "Heading only", Query: "{ x }"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d examples, want %d: %#v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("example %d = %#v, want %#v", i, got[i], want[i])
		}
	}
}

func TestLongTitlesAreCutOnARune(t *testing.T) {
	md := strings.Repeat("领", 200) + "\n\n```graphql\n{ x }\n```\n"
	title := explorer.ReadmeExamples(md)[0].Title
	if r := []rune(title); len(r) != 158 || r[157] != '…' {
		t.Errorf("title has %d runes, ends %q", len(r), string(r[len(r)-1]))
	}
}

// TestEmbeddedAssets checks that the committed bundle is embedded and served from our
// own origin, with the types browsers need and no reference to another host's scripts.
func TestEmbeddedAssets(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("GET /explore/", explorer.Explorer("/explore/"))
	mux.Handle("GET /playground/", explorer.PlaygroundAssets("/playground/"))
	mux.Handle("GET /{$}", explorer.PlaygroundPage())
	mux.Handle("GET /playground/examples.json", explorer.ExamplesHandler([]explorer.Example{{Title: "t", Query: "{ q }"}}))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, c := range []struct{ path, contentType, contains string }{
		{"/explore/", "text/html", `src="explorer.js"`},
		{"/explore/explorer.js", "text/javascript", "cytoscape"},
		{"/explore/explorer.css", "text/css", "#cy"},
		{"/", "text/html", `src="/playground/playground.js"`},
		{"/playground/playground.js", "text/javascript", "graphiql"},
		{"/playground/playground.css", "text/css", ".graphiql-container"},
		{"/playground/examples.json", "application/json", `[{"title":"t","query":"{ q }"}]`},
	} {
		resp, err := http.Get(srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.contentType) || !strings.Contains(string(body), c.contains) {
			t.Errorf("GET %s = %d %q (%d bytes), want %s containing %q", c.path, resp.StatusCode, resp.Header.Get("Content-Type"), len(body), c.contentType, c.contains)
		}
		if strings.HasSuffix(c.path, "/") && (strings.Contains(string(body), "<script>") || strings.Contains(string(body), "://")) {
			t.Errorf("GET %s has an inline script or an off-origin reference", c.path)
		}
	}
}

func TestBundlesAreServedGzipped(t *testing.T) {
	srv := httptest.NewServer(explorer.Explorer("/explore/"))
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/explore/explorer.js", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req) // no transparent decompression
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	zr, err := gzip.NewReader(resp.Body)
	if err != nil || resp.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("explorer.js: encoding %q, type %q, %v", resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"), err)
	}
	body, _ := io.ReadAll(zr)
	if !strings.Contains(string(body), "cytoscape") {
		t.Errorf("gzipped explorer.js does not hold the bundle (%d bytes)", len(body))
	}
}
