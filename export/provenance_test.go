package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/export"
)

// provenanceGraph is the tricky graph as of mid-2018, cut off by a limit, with its
// sources known: one in the corpus, one a reference page whose title has the list
// separator in it.
func provenanceGraph(tb testing.TB) export.Graph {
	tb.Helper()
	g := trickyGraph(tb)
	sources := map[string]*atlas.Source{
		"source/a": {ID: "source/a", Title: "Officeholders; a list", Kind: "ENCYCLOPEDIA", Tier: atlas.ReferenceTier},
		"source/b": {ID: "source/b", Title: "中央领导小组研究", Kind: "ANALYSIS"},
	}
	g.nodes[0].(*atlas.Person).Sources = []atlas.Citation{{Source: "source/a", Locator: "row 3"}}
	return export.Graph{Nodes: g.nodes, Relations: g.rels, Source: func(id string) *atlas.Source { return sources[id] },
		AsOf: atlas.DatePtr("2018-06"), Truncated: true, Limit: 2, Version: "9.9.9"}
}

const trickyEdge = "member_of/person/someone/group/tricky"

var trickyCitations = `[{"source":"source/b","locator":"p. 1","title":"中央领导小组研究","tier":"CORPUS"},` +
	`{"source":"source/a","locator":"p. 2","title":"Officeholders; a list","tier":"REFERENCE"},` +
	`{"source":"source/b","locator":"p. 3","title":"中央领导小组研究","tier":"CORPUS"}]`

func TestProvenanceInXMLFormats(t *testing.T) {
	g := provenanceGraph(t)
	var out bytes.Buffer
	if err := export.GraphML(&out, g); err != nil {
		t.Fatal(err)
	}
	gm, gmNodes, gmEdges := parseGraphML(t, out.Bytes())
	out.Reset()
	if err := export.GEXF(&out, g); err != nil {
		t.Fatal(err)
	}
	_, gxNodes, gxEdges := parseGEXF(t, out.Bytes())
	gexfText := out.String()

	for format, got := range map[string][2]map[string]map[string]string{
		"GraphML": {gmNodes, gmEdges}, "GEXF": {gxNodes, gxEdges}} {
		e := got[1][trickyEdge]
		want := map[string]string{"holding": "KNOWN", "tier": "CORPUS", "sources": "source/b;source/a", "citations": trickyCitations}
		for k, v := range want {
			if e[k] != v {
				t.Errorf("%s edge %s = %q, want %q", format, k, e[k], v)
			}
		}
		if _, set := e["derived"]; set {
			t.Errorf("%s: derived=false equals the declared default and should be left out", format)
		}
		n := got[0]["person/someone"]
		if n["tier"] != "REFERENCE" || n["sources"] != "source/a" ||
			n["citations"] != `[{"source":"source/a","locator":"row 3","title":"Officeholders; a list","tier":"REFERENCE"}]` {
			t.Errorf("%s node provenance = %q", format, n)
		}
	}

	graphData := map[string]string{}
	for _, d := range gm.Graph.Data {
		graphData[d.Key] = d.Value
	}
	if want := map[string]string{"g_name": "LSG Atlas", "g_version": "9.9.9", "g_truncated": "true", "g_limit": "2", "g_asOf": "2018-06"}; !reflect.DeepEqual(graphData, want) {
		t.Errorf("GraphML graph data = %v, want %v", graphData, want)
	}
	for _, want := range []string{"<keywords>name=LSG Atlas;version=9.9.9;truncated=true;limit=2;asOf=2018-06</keywords>",
		"Truncated: the node limit of 2 left out nodes"} {
		if !strings.Contains(gexfText, want) {
			t.Errorf("GEXF meta lacks %q", want)
		}
	}
}

func TestProvenanceInCytoscapeJSON(t *testing.T) {
	var out bytes.Buffer
	if err := export.CytoscapeJSON(&out, provenanceGraph(t)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Data       map[string]any `json:"data"`
		Directed   bool           `json:"directed"`
		Multigraph bool           `json:"multigraph"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"name": "LSG Atlas", "version": "9.9.9", "truncated": true, "limit": 2.0, "asOf": "2018-06"}
	if !reflect.DeepEqual(doc.Data, want) || !doc.Directed || !doc.Multigraph {
		t.Errorf("graph data %v directed %v multigraph %v; want %v, true, true", doc.Data, doc.Directed, doc.Multigraph, want)
	}
	nodes, edges := parseCytoscape(t, out.Bytes())
	if n := nodes[trickyID]; n["value"] != trickyID || n["name"] != trickyName {
		t.Errorf("node value %v, name %v: networkx keys nodes by value", n["value"], n["name"])
	}
	var citations []any
	if err := json.Unmarshal([]byte(trickyCitations), &citations); err != nil {
		t.Fatal(err)
	}
	if e := edges[trickyEdge]; e["holding"] != "KNOWN" || e["tier"] != "CORPUS" || !reflect.DeepEqual(e["citations"], citations) {
		t.Errorf("edge = %v", e)
	}
}

func readCSV(tb testing.TB, b []byte) [][]string {
	tb.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		tb.Fatalf("CSV does not parse: %v", err)
	}
	return rows
}

func TestCSV(t *testing.T) {
	g := provenanceGraph(t)
	var nodes, edges bytes.Buffer
	if err := export.NodesCSV(&nodes, g); err != nil {
		t.Fatal(err)
	}
	if err := export.EdgesCSV(&edges, g); err != nil {
		t.Fatal(err)
	}
	wantNodes := [][]string{
		{"id", "type", "label", "nameZh", "kind", "system", "level", "categories", "established", "abolished", "tier", "sources", "citations"},
		{"group/tricky", "GROUP", trickyName, trickyNameZh, "COMMISSION", "PARTY", "CENTRAL", "FOREIGN_AFFAIRS_UNITED_FRONT;POLITICS_LAW", "2018-03-21", "2020", "", "", ""},
		{"person/someone", "PERSON", "Some\x01one", "某人", "", "", "", "", "", "", "REFERENCE", "source/a",
			`[{"source":"source/a","locator":"row 3","title":"Officeholders; a list","tier":"REFERENCE"}]`},
	}
	if got := readCSV(t, nodes.Bytes()); !reflect.DeepEqual(got, wantNodes) {
		t.Errorf("nodes.csv =\n%q\nwant\n%q", got, wantNodes)
	}
	wantEdges := [][]string{
		{"id", "source", "target", "type", "role", "succession", "start", "end", "attested", "confidence", "dateConfidence", "incompleteList",
			"holding", "derived", "via", "tier", "note", "sources", "citations"},
		{trickyEdge, "person/someone", trickyID, "MEMBER_OF", "DEPUTY_LEADER", "", "2018-03", "2019", "2018;2019-06", "REPORTED", "", "true",
			"KNOWN", "false", "", "CORPUS", "", "source/b;source/a", trickyCitations},
	}
	if got := readCSV(t, edges.Bytes()); !reflect.DeepEqual(got, wantEdges) {
		t.Errorf("edges.csv =\n%q\nwant\n%q", got, wantEdges)
	}
	if !bytes.Contains(nodes.Bytes(), []byte("中央“外事”工作领导小组 & 办公室")) || bytes.HasPrefix(nodes.Bytes(), []byte("\xef\xbb\xbf")) {
		t.Error("nodes.csv should hold the Chinese name as UTF-8, without a byte order mark")
	}
}

func TestCSVZip(t *testing.T) {
	g := provenanceGraph(t)
	var out bytes.Buffer
	if err := export.CSVZip(&out, g); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range z.File {
		// A zero time would be written as MS-DOS date 0 (month 0, day 0), which unzip
		// reports as invalid: every entry carries 1980-01-01 00:00 UTC instead.
		if f.ModifiedDate != 0x21 || f.ModifiedTime != 0 || !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: modified %v (MS-DOS date %#x, time %#x), want 1980-01-01 00:00 UTC (0x21, 0)", f.Name, f.Modified, f.ModifiedDate, f.ModifiedTime)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	var nodes, edges bytes.Buffer
	_ = export.NodesCSV(&nodes, g)
	_ = export.EdgesCSV(&edges, g)
	if !bytes.Equal(files["nodes.csv"], nodes.Bytes()) || !bytes.Equal(files["edges.csv"], edges.Bytes()) {
		t.Error("the zip's CSV files differ from nodes.csv and edges.csv")
	}
	var meta map[string]any
	if err := json.Unmarshal(files["graph.json"], &meta); err != nil {
		t.Fatal(err)
	}
	if want := map[string]any{"name": "LSG Atlas", "version": "9.9.9", "truncated": true, "limit": 2.0, "asOf": "2018-06"}; !reflect.DeepEqual(meta, want) {
		t.Errorf("graph.json = %v, want %v", meta, want)
	}
}
