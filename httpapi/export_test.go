package httpapi_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/seed"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	store := inprocess.New()
	if _, err := store.Import(context.Background(), conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{Log: zerolog.Nop()}))
	t.Cleanup(srv.Close)
	return srv
}

// seededStore is an embedded store holding the bundled dataset.
func seededStore(t *testing.T) *inprocess.Store {
	t.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	store := inprocess.New()
	if _, err := store.Import(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return store
}

// seededServer serves the bundled dataset with the default options.
func seededServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(httpapi.New(seededStore(t), httpapi.Options{Log: zerolog.Nop()}))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// The exports are parsed with real parsers; the GraphQL network query and the exports
// share one projection, so they agree on what a filter keeps.
func TestExports(t *testing.T) {
	srv := newServer(t)
	type graphml struct {
		Keys []struct {
			ID  string `xml:"id,attr"`
			For string `xml:"for,attr"`
		} `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	type gexf struct {
		Graph struct {
			Nodes []struct {
				ID    string `xml:"id,attr"`
				Label string `xml:"label,attr"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	type cytoscape struct {
		Elements struct {
			Nodes []struct{ Data map[string]any } `json:"nodes"`
			Edges []struct{ Data map[string]any } `json:"edges"`
		} `json:"elements"`
	}
	for _, tc := range []struct {
		name, path, contentType string
		nodes, edges            int
	}{
		// The fixture has 12 actors (4 groups, 1 office, 2 institutions, 1 position, 4
		// people; sources and counts are provenance, not network; statements, topics and
		// documents only when asked for) and 17 relations among them.
		{"whole graph as GraphML", "/export/graph.graphml", "application/graphml+xml", 12, 17},
		{"whole graph as GEXF", "/export/graph.gexf", "application/gexf+xml", 12, 17},
		{"whole graph as Cytoscape", "/export/cytoscape.json", "application/json", 12, 17},
		// The LSG it succeeded in 2018-03 no longer exists in 2019, so neither it nor the
		// succession is in the neighbourhood.
		{"a neighbourhood", "/export/cytoscape.json?ids=group/foreign-affairs-commission&depth=1&asOf=2019", "application/json", 6, 6},
		{"a neighbourhood over a period", "/export/cytoscape.json?ids=group/foreign-affairs-commission&depth=1&during=2019/2020", "application/json", 6, 6},
		{"a neighbourhood in the month of the succession", "/export/cytoscape.json?ids=group/foreign-affairs-commission&depth=1&asOf=2018-03", "application/json", 7, 7},
		{"filtered by type, ids repeated", "/export/graph.graphml?ids=person/xi-jinping&ids=person/li-keqiang&relationshipTypes=CHAIRS,MEMBER_OF", "application/graphml+xml", 4, 4},
		{"people and groups only", "/export/graph.gexf?nodeTypes=PERSON,GROUP", "application/gexf+xml", 8, 7},
		// Two MEMBER_OF attestations cite beta among the actors' relations.
		{"what one source says", "/export/graph.graphml?sources=source/beta", "application/graphml+xml", 12, 2},
		// Statements, topics and documents join when named: 5 ABOUT, ISSUED_BY, CONCERNS,
		// BASED_ON edges and 5 among the groups and institutions.
		{"documents and statements", "/export/cytoscape.json?nodeTypes=GROUP,INSTITUTION,STATEMENT,TOPIC,DOCUMENT", "application/json", 10, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, srv.URL+tc.path)
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.contentType) {
				t.Fatalf("%d %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
			if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="lsg-atlas.`) || strings.Contains(cd, "..") {
				t.Errorf("Content-Disposition %q", cd)
			}
			var nodes, edges int
			switch {
			case strings.Contains(tc.contentType, "graphml"):
				var g graphml
				if err := xml.Unmarshal(body, &g); err != nil {
					t.Fatal(err)
				}
				nodes, edges = len(g.Graph.Nodes), len(g.Graph.Edges)
				if len(g.Keys) == 0 {
					t.Error("GraphML declares no attribute keys")
				}
			case strings.Contains(tc.contentType, "gexf"):
				var g gexf
				if err := xml.Unmarshal(body, &g); err != nil {
					t.Fatal(err)
				}
				nodes, edges = len(g.Graph.Nodes), len(g.Graph.Edges)
			default:
				var c cytoscape
				if err := json.Unmarshal(body, &c); err != nil {
					t.Fatal(err)
				}
				nodes, edges = len(c.Elements.Nodes), len(c.Elements.Edges)
				for _, e := range c.Elements.Edges {
					if e.Data["source"] == nil || e.Data["target"] == nil || e.Data["type"] == nil {
						t.Errorf("cytoscape edge lacks source/target/type: %v", e.Data)
					}
				}
			}
			if nodes != tc.nodes || edges != tc.edges {
				t.Errorf("%d nodes, %d edges, want %d and %d", nodes, edges, tc.nodes, tc.edges)
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct {
		path   string
		status int
		code   string
	}{
		{"/export/graph.graphml?asOf=2018-13", 400, "INVALID"},
		{"/export/graph.gexf?depth=deep&ids=person/xi-jinping", 400, "INVALID"},
		{"/export/cytoscape.json?ids=person/nobody", 404, "NOT_FOUND"},
		{"/export/cytoscape.json?limit=0", 400, "INVALID"},
		{"/export/cytoscape.json?relationshipTypes=LIKES", 400, "INVALID"},
		{"/export/cytoscape.json?sources=group/foreign-affairs-lsg", 400, "INVALID"},
		{"/export/cytoscape.json?colour=red", 400, "INVALID"},
		{"/export/cytoscape.json?during=2018", 400, "INVALID"},
		{"/export/cytoscape.json?during=2019/2018", 400, "INVALID"},
		{"/export/cytoscape.json?during=2018/2019&asOf=2018", 400, "INVALID"},
		{"/export/graph.gexf?gexfVersion=1.4", 400, "INVALID"},
		{"/export/graph.gexf?gexfVersion=1.3&gexfVersion=1.2draft", 400, "INVALID"},
		{"/export/graph.graphml?gexfVersion=1.3", 400, "INVALID"},
		// A query string that cannot be read is refused, not read without the pair.
		{"/export/graph.graphml?asOf=2016%", 400, "INVALID"},
		{"/export/graph.graphml?asOf=2016;x", 400, "INVALID"},
		{"/export/cytoscape.json?ids=person/xi-jinping%zz", 400, "INVALID"},
		{"/export/sources.bib?x=%", 400, "INVALID"},
		{"/export/dataset.json?%", 400, "INVALID"},
		{"/export/graph.dot", 404, "NOT_FOUND"},
		{"/export/", 404, "NOT_FOUND"},
	} {
		resp, body := get(t, srv.URL+tc.path)
		var e struct{ Code, Message string }
		_ = json.Unmarshal(body, &e)
		if resp.StatusCode != tc.status || e.Code != tc.code || e.Message == "" {
			t.Errorf("%s: %d %s", tc.path, resp.StatusCode, body)
		}
	}
}

// TestEmptyExportParameters: a parameter given with no value is refused, booleans
// included: derived= read as false would serve the export without derived chairs to
// someone who may have meant true.
func TestEmptyExportParameters(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct{ query, message string }{
		{"derived=", "derived must be true or false, got an empty value; leave it out for false"},
		{"includeRelayed=", "includeRelayed must be true or false, got an empty value; leave it out for false"},
		{"sources=source/alpha&includeRelayed=", "includeRelayed must be true or false, got an empty value; leave it out for false"},
		{"derived=yes", `derived must be true or false, got "yes"`},
		{"depth=", `depth must be a whole number, got ""`},
	} {
		resp, body := get(t, srv.URL+"/export/edges.csv?"+tc.query)
		var e struct{ Code, Message string }
		_ = json.Unmarshal(body, &e)
		if resp.StatusCode != http.StatusBadRequest || e.Code != "INVALID" || e.Message != tc.message {
			t.Errorf("%s: %d %s, want 400 INVALID %q", tc.query, resp.StatusCode, body, tc.message)
		}
	}
}

// TestGEXFVersions: the GEXF export writes 1.3 unless asked for 1.2draft, the same
// graph in each version's namespace.
func TestGEXFVersions(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct{ query, namespace, version string }{
		{"", "http://gexf.net/1.3", "1.3"},
		{"?gexfVersion=1.3", "http://gexf.net/1.3", "1.3"},
		{"?gexfVersion=1.2draft", "http://www.gexf.net/1.2draft", "1.2"},
	} {
		resp, body := get(t, srv.URL+"/export/graph.gexf"+tc.query)
		var doc struct {
			XMLName xml.Name
			Version string   `xml:"version,attr"`
			Nodes   []string `xml:"graph>nodes>node>id"`
		}
		if err := xml.Unmarshal(body, &doc); err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %d %v", tc.query, resp.StatusCode, err)
		}
		if doc.XMLName.Space != tc.namespace || doc.Version != tc.version {
			t.Errorf("%s: namespace %q version %q, want %q %q", tc.query, doc.XMLName.Space, doc.Version, tc.namespace, tc.version)
		}
	}
}

// TestRequestTimeout: work that outlives the request's deadline ends with a coded
// LIMIT_EXCEEDED error, for GraphQL and exports alike.
func TestRequestTimeout(t *testing.T) {
	store := inprocess.New()
	if _, err := store.Import(context.Background(), conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.New(slowStore{store}, httpapi.Options{RequestTimeout: 20 * time.Millisecond, Log: zerolog.Nop()}))
	defer srv.Close()
	resp, body := get(t, srv.URL+"/export/graph.gexf")
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(body), `"code":"LIMIT_EXCEEDED"`) {
		t.Errorf("export past its deadline: %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, srv.URL+`/graphql?query={network(ids:["person/xi-jinping"]){truncated}}`)
	if !strings.Contains(string(body), `"code":"LIMIT_EXCEEDED"`) || !strings.Contains(string(body), "took longer") {
		t.Errorf("query past its deadline: %d %s", resp.StatusCode, body)
	}
}

// slowStore never finishes a snapshot within the request: it answers only when the
// request's deadline ends it, so the test needs no timer of its own.
type slowStore struct{ atlas.Store }

func (s slowStore) Snapshot(ctx context.Context) (*atlas.Dataset, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestRequestBodyIsBounded: an oversized GraphQL body is refused with a client error,
// not buffered whole.
func TestRequestBodyIsBounded(t *testing.T) {
	srv := newServer(t)
	body := `{"query":"{ groups { totalCount } }","variables":{"pad":"` + strings.Repeat("x", 2<<20) + `"}}`
	resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode < 400 || resp.StatusCode >= 500 {
		t.Errorf("2 MiB body: %d %.200s", resp.StatusCode, b)
	}
}

// TestExportDuring: over a period, each edge's holding is its PeriodHolding and the file
// says the period where it says the date.
func TestExportDuring(t *testing.T) {
	srv := newServer(t)
	resp, body := get(t, srv.URL+"/export/cytoscape.json?ids=group/foreign-affairs-commission&depth=1&during=2019/2020")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var c struct {
		Data     map[string]any `json:"data"`
		Elements struct {
			Edges []struct{ Data map[string]any } `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(body, &c); err != nil {
		t.Fatal(err)
	}
	if c.Data["asOf"] != "2019/2020" {
		t.Errorf("graph data %v, want asOf 2019/2020", c.Data)
	}
	for _, e := range c.Elements.Edges {
		switch e.Data["holding"] {
		case "KNOWN_THROUGHOUT", "KNOWN_IN_PART", "POSSIBLE":
		default:
			t.Errorf("edge %v holding %v", e.Data["id"], e.Data["holding"])
		}
	}
}
