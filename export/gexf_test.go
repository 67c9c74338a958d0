package export_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"testing"

	"gonum.org/v1/gonum/graph/formats/gexf12"

	"lsgatlas/atlas"
	"lsgatlas/export"
)

// gexfFile is the GEXF document as a reader sees it, every element in the 1.3
// namespace.
type gexfFile struct {
	XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
	Version string   `xml:"version,attr"`
	Graph   struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Attributes      []struct {
			Class      string `xml:"class,attr"`
			Attributes []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"http://gexf.net/1.3 attribute"`
		} `xml:"http://gexf.net/1.3 attributes"`
		Nodes struct {
			Count int `xml:"count,attr"`
			Nodes []struct {
				ID        string         `xml:"id,attr"`
				Label     string         `xml:"label,attr"`
				AttValues []gexfAttValue `xml:"http://gexf.net/1.3 attvalues>attvalue"`
			} `xml:"http://gexf.net/1.3 node"`
		} `xml:"http://gexf.net/1.3 nodes"`
		Edges struct {
			Count int `xml:"count,attr"`
			Edges []struct {
				ID        string         `xml:"id,attr"`
				Source    string         `xml:"source,attr"`
				Target    string         `xml:"target,attr"`
				AttValues []gexfAttValue `xml:"http://gexf.net/1.3 attvalues>attvalue"`
			} `xml:"http://gexf.net/1.3 edge"`
		} `xml:"http://gexf.net/1.3 edges"`
	} `xml:"http://gexf.net/1.3 graph"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// parseGEXF returns the document and the attribute values of nodes and edges by
// element id and attribute title, checking every attvalue names a declared attribute.
func parseGEXF(tb testing.TB, b []byte) (gexfFile, map[string]map[string]string, map[string]map[string]string) {
	tb.Helper()
	var f gexfFile
	if err := xml.NewDecoder(bytes.NewReader(b)).Decode(&f); err != nil {
		tb.Fatalf("GEXF does not parse: %v", err)
	}
	titles := map[string]map[string]string{}
	for _, class := range f.Graph.Attributes {
		titles[class.Class] = map[string]string{}
		for _, a := range class.Attributes {
			titles[class.Class][a.ID] = a.Title
		}
	}
	resolve := func(class string, vals []gexfAttValue) map[string]string {
		out := map[string]string{}
		for _, v := range vals {
			title, ok := titles[class][v.For]
			if !ok {
				tb.Errorf("attvalue for %q is not a declared %s attribute", v.For, class)
			}
			out[title] = v.Value
		}
		return out
	}
	nodes, edges := map[string]map[string]string{}, map[string]map[string]string{}
	for _, n := range f.Graph.Nodes.Nodes {
		nodes[n.ID] = resolve("node", n.AttValues)
		nodes[n.ID]["(label)"] = n.Label
	}
	for _, e := range f.Graph.Edges.Edges {
		edges[e.ID] = resolve("edge", e.AttValues)
	}
	return f, nodes, edges
}

func TestGEXFStructure(t *testing.T) {
	for name, g := range map[string]graph{"fixture": fixtureGraph(t), "seed": seedGraph(t)} {
		t.Run(name, func(t *testing.T) {
			out := write(t, export.GEXFFormat, g)
			f, nodes, _ := parseGEXF(t, out)
			if f.Version != "1.3" || f.Graph.DefaultEdgeType != "directed" {
				t.Errorf("version %q, defaultedgetype %q", f.Version, f.Graph.DefaultEdgeType)
			}
			if f.Graph.Nodes.Count != len(g.nodes) || len(f.Graph.Nodes.Nodes) != len(g.nodes) {
				t.Errorf("nodes count %d, %d elements; want %d", f.Graph.Nodes.Count, len(f.Graph.Nodes.Nodes), len(g.nodes))
			}
			if f.Graph.Edges.Count != len(g.rels) || len(f.Graph.Edges.Edges) != len(g.rels) {
				t.Errorf("edges count %d, %d elements; want %d", f.Graph.Edges.Count, len(f.Graph.Edges.Edges), len(g.rels))
			}
			classes := map[string]int{}
			for _, a := range f.Graph.Attributes {
				classes[a.Class] = len(a.Attributes)
			}
			if classes["node"] < 8 || classes["edge"] < 9 {
				t.Errorf("declared attributes by class = %v", classes)
			}
			for _, e := range f.Graph.Edges.Edges {
				if nodes[e.Source] == nil || nodes[e.Target] == nil {
					t.Errorf("edge %s joins undeclared nodes", e.ID)
				}
			}

			// gonum's GEXF 1.2 types read the same graph written as 1.2draft.
			var old bytes.Buffer
			if err := export.GEXFOf(&old, g.export(), export.GEXF12Draft); err != nil {
				t.Fatal(err)
			}
			var content gexf12.Content
			if err := xml.Unmarshal(old.Bytes(), &content); err != nil {
				t.Fatalf("gonum gexf12 cannot decode: %v", err)
			}
			if len(content.Graph.Nodes.Nodes) != len(g.nodes) || len(content.Graph.Edges.Edges) != len(g.rels) ||
				len(content.Graph.Attributes) != 2 || content.Graph.DefaultEdgeType != "directed" {
				t.Errorf("gonum reads %d nodes, %d edges, %d attribute classes, edge type %q",
					len(content.Graph.Nodes.Nodes), len(content.Graph.Edges.Edges), len(content.Graph.Attributes), content.Graph.DefaultEdgeType)
			}
		})
	}
}

func TestGEXFValues(t *testing.T) {
	_, nodes, edges := parseGEXF(t, write(t, export.GEXFFormat, trickyGraph(t)))
	if got := nodes[trickyID]; got["nameZh"] != trickyNameZh || got["(label)"] != trickyName || got["categories"] != "FOREIGN_AFFAIRS_UNITED_FRONT;POLITICS_LAW" {
		t.Errorf("tricky node = %q", got)
	}
	e := edges["member_of/person/someone/group/tricky"]
	if e["sources"] != "source/b;source/a" || e["attested"] != "2018;2019-06" || e["incompleteList"] != "true" || e["role"] != "DEPUTY_LEADER" {
		t.Errorf("tricky edge = %q", e)
	}
	_, fixtureNodes, fixtureEdges := parseGEXF(t, write(t, export.GEXFFormat, fixtureGraph(t)))
	if got := fixtureNodes["person/xi-jinping"]["nameZh"]; got != "习近平" {
		t.Errorf("Chinese name = %q", got)
	}
	if _, set := fixtureEdges["chairs/person/xi-jinping/group/foreign-affairs-commission"]["incompleteList"]; set {
		t.Error("a false boolean equal to the declared default should be left out")
	}
}

// A dynamic GEXF keeps every spell within the graph's bounds: a group founded after the
// period, isolated in a whole-graph export, is left out rather than given its lifetime
// beyond the bounds (with 9999-12-31 for an open end), and a group open at the end of
// the period ends with it.
func TestGEXFSpellsStayWithinTheBounds(t *testing.T) {
	cite := []atlas.Citation{{Source: "source/s", Locator: "p. 1"}}
	g := export.Graph{
		Nodes: []atlas.Node{
			&atlas.Group{ID: "group/later", Name: "Later", Established: atlas.DatePtr("2018-03"), Sources: cite},
			&atlas.Group{ID: "group/open", Name: "Open", Established: atlas.DatePtr("2000"), Sources: cite},
			&atlas.Group{ID: "group/closed", Name: "Closed", Established: atlas.DatePtr("2005-06"), Abolished: atlas.DatePtr("2008"), Sources: cite},
			&atlas.Person{ID: "person/p", Name: "P", Born: atlas.DatePtr("1950"), Sources: cite},
		},
		Relations: []atlas.Relation{{ID: "m", Type: atlas.MemberOf, From: "person/p", To: "group/open",
			Start: atlas.DatePtr("2004"), Confidence: atlas.Stated, Sources: cite}},
		During: &atlas.Period{From: atlas.MustDate("2003"), To: atlas.MustDate("2013")},
	}
	want := map[string]string{
		"group/open":   "[{2003-01-01 2013-12-31}]",
		"group/closed": "[{2005-06-01 2008-12-31}]",
		"person/p":     "[{2003-01-01 2013-12-31}]",
	}
	if got := nodeSpells(t, g); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("spells %v, want %v", got, want)
	}
	var buf bytes.Buffer
	if err := export.GEXF(&buf, g); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`<nodes count="3">`)) || bytes.Contains(buf.Bytes(), []byte("9999")) {
		t.Errorf("want 3 nodes and no 9999:\n%s", buf.Bytes())
	}
}
