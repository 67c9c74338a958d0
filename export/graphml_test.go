package export_test

import (
	"bytes"
	"encoding/xml"
	"testing"

	"lsgatlas/export"
)

// The GraphML document as a reader sees it: every element is matched in the GraphML
// namespace, so a document whose children fell out of it would decode empty.
type graphmlFile struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID       string `xml:"id,attr"`
		For      string `xml:"for,attr"`
		AttrName string `xml:"attr.name,attr"`
		AttrType string `xml:"attr.type,attr"`
		Default  string `xml:"http://graphml.graphdrawing.org/xmlns default"`
	} `xml:"http://graphml.graphdrawing.org/xmlns key"`
	Graph struct {
		EdgeDefault string        `xml:"edgedefault,attr"`
		Data        []graphmlData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphmlData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns node"`
		Edges []struct {
			ID     string        `xml:"id,attr"`
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Data   []graphmlData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns edge"`
	} `xml:"http://graphml.graphdrawing.org/xmlns graph"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func parseGraphML(tb testing.TB, b []byte) (graphmlFile, map[string]map[string]string, map[string]map[string]string) {
	tb.Helper()
	var f graphmlFile
	if err := xml.NewDecoder(bytes.NewReader(b)).Decode(&f); err != nil {
		tb.Fatalf("GraphML does not parse: %v", err)
	}
	// Values by element id, then attribute name, resolved through the key declarations.
	keys := map[string]string{}
	for _, k := range f.Keys {
		keys[k.ID] = k.For + ":" + k.AttrName
	}
	resolve := func(kind string, data []graphmlData) map[string]string {
		out := map[string]string{}
		for _, d := range data {
			name, ok := keys[d.Key]
			if !ok || name[:len(kind)] != kind {
				tb.Errorf("data key %q is not a declared %s key", d.Key, kind)
			}
			out[name[len(kind)+1:]] = d.Value
		}
		return out
	}
	nodes, edges := map[string]map[string]string{}, map[string]map[string]string{}
	for _, n := range f.Graph.Nodes {
		nodes[n.ID] = resolve("node", n.Data)
	}
	for _, e := range f.Graph.Edges {
		edges[e.ID] = resolve("edge", e.Data)
	}
	return f, nodes, edges
}

func TestGraphMLStructure(t *testing.T) {
	for name, g := range map[string]graph{"fixture": fixtureGraph(t), "seed": seedGraph(t)} {
		t.Run(name, func(t *testing.T) {
			f, nodes, _ := parseGraphML(t, write(t, export.GraphMLFormat, g))
			if f.Graph.EdgeDefault != "directed" {
				t.Errorf("edgedefault = %q, want directed", f.Graph.EdgeDefault)
			}
			if len(f.Graph.Nodes) != len(g.nodes) || len(f.Graph.Edges) != len(g.rels) {
				t.Errorf("%d nodes, %d edges; want %d, %d", len(f.Graph.Nodes), len(f.Graph.Edges), len(g.nodes), len(g.rels))
			}
			declared := map[string]string{}
			for _, k := range f.Keys {
				if k.AttrType != "string" && k.AttrType != "boolean" && k.AttrType != "int" {
					t.Errorf("key %s has attr.type %q", k.ID, k.AttrType)
				}
				declared[k.For+":"+k.AttrName] = k.AttrType
			}
			for _, want := range []string{"node:type", "node:label", "node:nameZh", "node:kind", "node:system", "node:level",
				"node:established", "node:abolished", "edge:type", "edge:role", "edge:succession", "edge:start", "edge:end",
				"edge:attested", "edge:confidence", "edge:sources", "edge:incompleteList", "node:tier", "node:sources",
				"node:citations", "edge:holding", "edge:derived", "edge:tier", "edge:note", "edge:citations",
				"graph:name", "graph:version", "graph:truncated", "graph:limit", "graph:asOf"} {
				if _, ok := declared[want]; !ok {
					t.Errorf("no key declared for %s", want)
				}
			}
			for _, e := range f.Graph.Edges {
				if nodes[e.Source] == nil || nodes[e.Target] == nil {
					t.Errorf("edge %s joins undeclared nodes", e.ID)
				}
			}
		})
	}
}

func TestGraphMLValues(t *testing.T) {
	_, nodes, _ := parseGraphML(t, write(t, export.GraphMLFormat, fixtureGraph(t)))
	if got := nodes["group/foreign-affairs-lsg"]["nameZh"]; got != "中央外事工作领导小组" {
		t.Errorf("Chinese name = %q", got)
	}
	_, seedNodes, seedEdges := parseGraphML(t, write(t, export.GraphMLFormat, seedGraph(t)))
	// The seed prints Chinese only where a source does (Rana's traditional characters
	// kept): the commission's name is one.
	if got := seedNodes["group/central-foreign-affairs-commission"]; got["nameZh"] != "中央外事工作委员会" || got["type"] != "GROUP" {
		t.Errorf("the commission = %v", got)
	}
	if got := seedNodes["person/xi-jinping"]; got["type"] != "PERSON" || got["label"] != "Xi Jinping" {
		t.Errorf("Xi Jinping = %v", got)
	}
	succession := seedEdges["succeeded_by/group/foreign-affairs-leading-small-group/group/central-foreign-affairs-commission"]
	if succession["succession"] != "REPLACED" || succession["start"] != "2018-03" {
		t.Errorf("succession edge = %v", succession)
	}

	_, tn, te := parseGraphML(t, write(t, export.GraphMLFormat, trickyGraph(t)))
	wantNode := map[string]string{"type": "GROUP", "label": trickyName, "nameZh": trickyNameZh, "kind": "COMMISSION",
		"system": "PARTY", "level": "CENTRAL", "categories": "FOREIGN_AFFAIRS_UNITED_FRONT;POLITICS_LAW",
		"established": "2018-03-21", "abolished": "2020"}
	for k, want := range wantNode {
		if got := tn[trickyID][k]; got != want {
			t.Errorf("node %s = %q, want %q", k, got, want)
		}
	}
	wantEdge := map[string]string{"type": "MEMBER_OF", "role": "DEPUTY_LEADER", "start": "2018-03", "end": "2019",
		"attested": "2018;2019-06", "confidence": "REPORTED", "incompleteList": "true", "sources": "source/b;source/a"}
	for k, want := range wantEdge {
		if got := te["member_of/person/someone/group/tricky"][k]; got != want {
			t.Errorf("edge %s = %q, want %q", k, got, want)
		}
	}
	if got := tn["person/someone"]["label"]; got != "Some\uFFFDone" {
		t.Errorf("a control character should become U+FFFD, got %q", got)
	}
}
