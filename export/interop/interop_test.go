// Package interop_test loads every export the service serves with the readers
// researchers use — networkx (GraphML, GEXF, Cytoscape JSON, CSV) and Cytoscape.js
// under Node (Cytoscape JSON) — and checks that each reads back exactly the nodes,
// edges and attributes the GraphQL `network` query gives for the same parameters.
//
// It needs python3 with networkx (Debian's python3-networkx, or pip) and `npm ci` in
// this directory (.ci/run does both); without them it skips, and under CI it fails.
package interop_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/internal/livetest"
	"lsgatlas/seed"
)

// loaded is a file as load.py and load.mjs print it: every value as text, lists joined
// with ";", citations as compact JSON, empty and false values left out.
type loaded struct {
	Graph map[string]string            `json:"graph"`
	Nodes map[string]map[string]string `json:"nodes"`
	Edges map[string]map[string]string `json:"edges"`
}

// cases are network parameters, as the export's query string and as GraphQL
// variables: the whole graph, a dated neighbourhood, and a filtered graph the limit
// cuts.
var cases = []struct {
	name, query string
	vars        map[string]any
}{
	{"whole graph", "", map[string]any{}},
	{"neighbourhood as of 2016", "ids=person/xi-jinping&depth=2&asOf=2016",
		map[string]any{"ids": []string{"person/xi-jinping"}, "depth": 2, "asOf": "2016"}},
	{"filtered and cut", "relationshipTypes=CHAIRS,MEMBER_OF&nodeTypes=PERSON,GROUP&limit=12",
		map[string]any{"rt": []string{"CHAIRS", "MEMBER_OF"}, "nt": []string{"PERSON", "GROUP"}, "limit": 12}},
	// Chairs derived through posts, some also stored: each is one edge with its via and
	// the sources of both lines, as the API gives it.
	{"derived chairs", "ids=person/xi-jinping&nodeTypes=PERSON,GROUP&relationshipTypes=CHAIRS&derived=true",
		map[string]any{"ids": []string{"person/xi-jinping"}, "nt": []string{"PERSON", "GROUP"}, "rt": []string{"CHAIRS"}, "derived": true}},
}

// readers are the tools and the export files each reads; networkx's CSV reading also
// takes the zip's graph.json (see unzipGraphJSON).
var readers = []struct{ name, tool, format string }{
	{"networkx GraphML", "networkx", "graphml"},
	{"networkx GEXF", "networkx", "gexf"},
	{"networkx Cytoscape JSON", "networkx", "cytoscape"},
	{"networkx CSV", "networkx", "csv"},
	{"Cytoscape.js", "cytoscape.js", "cytoscape"},
}

var exportFiles = map[string][]string{
	"graphml": {"graph.graphml"}, "gexf": {"graph.gexf"}, "cytoscape": {"cytoscape.json"},
	"csv": {"nodes.csv", "edges.csv", "graph.csv.zip"},
}

func TestExportsLoadInNetworkxAndCytoscapeJS(t *testing.T) {
	srv := newService(t)
	// Download every file and ask the network query first, then run each tool once over
	// all files: starting Python with networkx is what takes time.
	type job struct {
		Format string   `json:"format"`
		Files  []string `json:"files"`
	}
	want := make([]loaded, len(cases))
	var pyJobs []job
	pyJob := map[[2]string]int{} // {case, format} → index in pyJobs
	var cyFiles []string
	for i, c := range cases {
		want[i] = fromNetworkQuery(t, srv.URL, c.vars)
		if c.name == "filtered and cut" && want[i].Graph["truncated"] != "true" {
			t.Fatalf("the cut case is not truncated: %v", want[i].Graph)
		}
		for _, format := range []string{"graphml", "gexf", "cytoscape", "csv"} {
			var paths []string
			for _, f := range exportFiles[format] {
				paths = append(paths, download(t, srv.URL+"/export/"+f+"?"+c.query))
			}
			if format == "csv" {
				paths = []string{paths[0], paths[1], unzipGraphJSON(t, paths[0], paths[1], paths[2])}
			}
			if format == "cytoscape" {
				cyFiles = append(cyFiles, paths[0])
			}
			pyJob[[2]string{c.name, format}] = len(pyJobs)
			pyJobs = append(pyJobs, job{format, paths})
		}
	}
	got := map[string][]loaded{} // by tool: networkx in pyJobs order, cytoscape.js in case order
	missing := map[string]func(t *testing.T){}
	if how := networkxMissing(); how != "" {
		missing["networkx"] = func(t *testing.T) { livetest.Missing(t, "python3 with networkx", how) }
	} else {
		jobs, _ := json.Marshal(pyJobs)
		got["networkx"] = decodeLoaded(t, runTool(t, bytes.NewReader(jobs), "python3", "load.py"))
	}
	if what, how := cytoscapeJSMissing(); what != "" {
		missing["cytoscape.js"] = func(t *testing.T) { livetest.Missing(t, what, how) }
	} else {
		got["cytoscape.js"] = decodeLoaded(t, runTool(t, nil, "node", append([]string{"load.mjs"}, cyFiles...)...))
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, r := range readers {
				t.Run(r.name, func(t *testing.T) {
					if skip := missing[r.tool]; skip != nil {
						skip(t)
					}
					if r.tool == "cytoscape.js" {
						compare(t, got[r.tool][i], want[i])
					} else {
						compare(t, got[r.tool][pyJob[[2]string{c.name, r.format}]], want[i])
					}
				})
			}
		})
	}
}

func decodeLoaded(t *testing.T, out []byte) []loaded {
	t.Helper()
	var ls []loaded
	if err := json.Unmarshal(out, &ls); err != nil {
		t.Fatalf("reader output: %v", err)
	}
	return ls
}

func newService(t *testing.T) *httptest.Server {
	t.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	store := inprocess.New()
	if _, err := store.Import(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{Log: zerolog.Nop()}))
	t.Cleanup(srv.Close)
	return srv
}

// networkxMissing says how to install networkx, or "" when python3 imports it.
func networkxMissing() string {
	if out, err := exec.Command("python3", "-c", "import networkx").CombinedOutput(); err != nil {
		return fmt.Sprintf("install python3-networkx (apt) or networkx (pip); .ci/run does (%v: %s)", err, bytes.TrimSpace(out))
	}
	return ""
}

// cytoscapeJSMissing names what is missing to run Cytoscape.js and how to get it, or
// returns "" when node and the installed package are there.
func cytoscapeJSMissing() (what, how string) {
	if _, err := exec.LookPath("node"); err != nil {
		return "node", "install Node.js; .ci/run does"
	}
	if _, err := os.Stat(filepath.Join("node_modules", "cytoscape", "package.json")); err != nil {
		return "export/interop/node_modules", "run `npm ci` in export/interop; .ci/run does"
	}
	return "", ""
}

func runTool(t *testing.T, stdin io.Reader, name string, args ...string) []byte {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdin = stdin
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

func download(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	name := url[strings.LastIndex(url[:strings.Index(url, "?")], "/")+1 : strings.Index(url, "?")]
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// unzipGraphJSON checks the zip holds the same CSV files the plain endpoints serve
// and returns the path of its graph.json.
func unzipGraphJSON(t *testing.T, nodesCSV, edgesCSV, zipPath string) string {
	t.Helper()
	z, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	files := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	for name, path := range map[string]string{"nodes.csv": nodesCSV, "edges.csv": edgesCSV} {
		if plain, _ := os.ReadFile(path); !bytes.Equal(plain, files[name]) {
			t.Errorf("the zip's %s differs from /export/%s", name, name)
		}
	}
	meta := filepath.Join(t.TempDir(), "graph.json")
	if err := os.WriteFile(meta, files["graph.json"], 0o644); err != nil {
		t.Fatal(err)
	}
	return meta
}

func compare(t *testing.T, got, want loaded) {
	t.Helper()
	if !reflect.DeepEqual(got.Graph, want.Graph) {
		t.Errorf("graph attributes = %v, want %v", got.Graph, want.Graph)
	}
	for what, sets := range map[string][2]map[string]map[string]string{
		"node": {got.Nodes, want.Nodes}, "edge": {got.Edges, want.Edges}} {
		g, w := sets[0], sets[1]
		if len(g) != len(w) {
			t.Errorf("%d %ss, want %d", len(g), what, len(w))
		}
		for _, id := range slices.Sorted(func(yield func(string) bool) {
			for id := range w {
				if !yield(id) {
					return
				}
			}
		}) {
			if !reflect.DeepEqual(g[id], w[id]) {
				t.Errorf("%s %s =\n  %v\nwant\n  %v", what, id, g[id], w[id])
			}
		}
	}
}

// The network query, with every attribute the exports carry.
const networkQuery = `query($ids: [ID!], $depth: Int, $rt: [RelationshipType!], $nt: [NodeType!], $asOf: PartialDate, $limit: Int, $derived: Boolean = false) {
  network(ids: $ids, depth: $depth, relationshipTypes: $rt, nodeTypes: $nt, asOf: $asOf, limit: $limit, derived: $derived) {
    truncated
    nodes {
      id type label
      ... on Group { nameZh groupKind: kind system level categories established abolished sources { ...C } }
      ... on Office { nameZh officeKind: kind sources { ...C } }
      ... on Institution { nameZh institutionKind: kind system sources { ...C } }
      ... on Position { nameZh: titleZh sources { ...C } }
      ... on Person { nameZh established: born abolished: died sources { ...C } }
    }
    relationships {
      id type from { id } to { id } role succession start end attested incompleteList
      confidence dateConfidence note holding derived via { id } sources { ...C }
    }
  }
}
fragment C on Citation { locator quote source { id title tier } }`

type citation struct {
	Locator string
	Quote   *string
	Source  struct{ ID, Title, Tier string }
}

// fromNetworkQuery asks the network query and writes its answer the way the readers
// print a file, so the two compare with DeepEqual.
func fromNetworkQuery(t *testing.T, base string, vars map[string]any) loaded {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": networkQuery, "variables": vars})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data struct {
			Network struct {
				Truncated bool
				Nodes     []map[string]any
				// Relationships keep their JSON shape; each is decoded below.
				Relationships []map[string]any
			}
		}
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || len(r.Errors) > 0 {
		t.Fatalf("network query: %v %v", err, r.Errors)
	}
	net := r.Data.Network
	limit := 2000
	if l, ok := vars["limit"].(int); ok {
		limit = l
	}
	out := loaded{Graph: map[string]string{"name": "LSG Atlas", "version": seed.Version(),
		"truncated": strconv.FormatBool(net.Truncated), "limit": strconv.Itoa(limit)},
		Nodes: map[string]map[string]string{}, Edges: map[string]map[string]string{}}
	if d, ok := vars["asOf"].(string); ok {
		out.Graph["asOf"] = d
	}
	for _, n := range net.Nodes {
		id := n["id"].(string)
		delete(n, "id")
		out.Nodes[id] = flatten(t, n)
	}
	for _, e := range net.Relationships {
		id := e["id"].(string)
		e["source"], e["target"] = e["from"].(map[string]any)["id"], e["to"].(map[string]any)["id"]
		delete(e, "id")
		delete(e, "from")
		delete(e, "to")
		out.Edges[id] = flatten(t, e)
	}
	return out
}

// flatten writes a GraphQL object as the readers print an element: text values, lists
// joined with ";", citations as the exports' JSON array plus their ids and tier, and
// empty or false values left out.
func flatten(t *testing.T, obj map[string]any) map[string]string {
	t.Helper()
	out := map[string]string{}
	for k, v := range obj {
		if strings.HasSuffix(k, "Kind") { // aliases: each type's kind is its own enum
			k = "kind"
		}
		if k == "sources" {
			raw, _ := json.Marshal(v)
			var cs []citation
			if err := json.Unmarshal(raw, &cs); err != nil {
				t.Fatal(err)
			}
			citationsInto(out, cs)
			continue
		}
		switch v := v.(type) {
		case nil:
		case bool:
			if v {
				out[k] = "true"
			}
		case string:
			if v != "" {
				out[k] = v
			}
		case []any:
			var items []string
			for _, item := range v {
				items = append(items, item.(string))
			}
			if len(items) > 0 {
				out[k] = strings.Join(items, ";")
			}
		case map[string]any: // a node named by its id (via)
			out[k] = v["id"].(string)
		default:
			t.Fatalf("unexpected %s value %#v", k, v)
		}
	}
	return out
}

// citationsInto sets sources, citations and tier as the exports define them: the cited
// ids once each in order; every citation with its source's title and tier; CORPUS when
// any cited source is in the corpus, else REFERENCE.
func citationsInto(out map[string]string, cs []citation) {
	if len(cs) == 0 {
		return
	}
	type rec struct {
		Source  string `json:"source"`
		Locator string `json:"locator"`
		Quote   string `json:"quote,omitempty"`
		Title   string `json:"title"`
		Tier    string `json:"tier"`
	}
	var ids []string
	var recs []rec
	tier := "REFERENCE"
	for _, c := range cs {
		if !slices.Contains(ids, c.Source.ID) {
			ids = append(ids, c.Source.ID)
		}
		var quote string
		if c.Quote != nil {
			quote = *c.Quote
		}
		recs = append(recs, rec{c.Source.ID, c.Locator, quote, c.Source.Title, c.Source.Tier})
		if c.Source.Tier == "CORPUS" {
			tier = "CORPUS"
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(recs)
	out["sources"], out["citations"], out["tier"] = strings.Join(ids, ";"), strings.TrimSpace(buf.String()), tier
}

// TestBibTeXLoadsInPybtex parses /export/sources.bib with pybtex in strict mode (a
// syntax error or a duplicate key fails) and checks it holds every source of the
// CSL-JSON bibliography, under the same citation keys, with the same titles.
func TestBibTeXLoadsInPybtex(t *testing.T) {
	srv := newService(t)
	if out, err := exec.Command("python3", "-c", "import pybtex").CombinedOutput(); err != nil {
		livetest.Missing(t, "python3 with pybtex", fmt.Sprintf("install python3-pybtex (apt) or pybtex (pip); .ci/run does (%v: %s)", err, bytes.TrimSpace(out)))
	}
	bib := download(t, srv.URL+"/export/sources.bib?")
	var entries map[string]struct {
		Type   string
		Fields map[string]string
	}
	if err := json.Unmarshal(runTool(t, nil, "python3", "load_bib.py", bib), &entries); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(download(t, srv.URL+"/export/sources.json?"))
	var items []struct {
		ID, Title string
		Key       string `json:"citation-key"`
	}
	if err := json.Unmarshal(raw, &items); err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(items) || len(items) == 0 {
		t.Fatalf("pybtex reads %d entries; the CSL-JSON has %d items", len(entries), len(items))
	}
	for _, it := range items {
		e, ok := entries[it.Key]
		// pybtex keeps the protective braces around a title; the text inside is the title.
		if title := strings.Trim(e.Fields["title"], "{}"); !ok || (title != it.Title && !strings.ContainsAny(it.Title, `&%$#_{}~^\`)) {
			t.Errorf("%s (%s): pybtex reads %+v", it.Key, it.ID, e)
		}
	}
}
