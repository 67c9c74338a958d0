package export_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/graph/formats/cytoscapejs"

	"lsgatlas/export"
)

// cytoscapeFile is the elements object with data kept generic, as a JavaScript reader
// sees it.
type cytoscapeFile struct {
	Elements struct {
		Nodes []struct {
			Data map[string]any `json:"data"`
		} `json:"nodes"`
		Edges []struct {
			Data map[string]any `json:"data"`
		} `json:"edges"`
	} `json:"elements"`
}

func parseCytoscape(tb testing.TB, b []byte) (map[string]map[string]any, map[string]map[string]any) {
	tb.Helper()
	var f cytoscapeFile
	if err := json.Unmarshal(b, &f); err != nil {
		tb.Fatalf("Cytoscape JSON does not parse: %v", err)
	}
	nodes, edges := map[string]map[string]any{}, map[string]map[string]any{}
	for _, n := range f.Elements.Nodes {
		id, _ := n.Data["id"].(string)
		nodes[id] = n.Data
	}
	for _, e := range f.Elements.Edges {
		id, _ := e.Data["id"].(string)
		edges[id] = e.Data
	}
	return nodes, edges
}

func TestCytoscapeStructure(t *testing.T) {
	for name, g := range map[string]graph{"fixture": fixtureGraph(t), "seed": seedGraph(t)} {
		t.Run(name, func(t *testing.T) {
			out := write(t, export.CytoscapeFormat, g)
			nodes, edges := parseCytoscape(t, out)
			if len(nodes) != len(g.nodes) || len(edges) != len(g.rels) {
				t.Errorf("%d nodes, %d edges; want %d, %d", len(nodes), len(edges), len(g.nodes), len(g.rels))
			}
			for id, e := range edges {
				src, _ := e["source"].(string)
				dst, _ := e["target"].(string)
				if id == "" || nodes[src] == nil || nodes[dst] == nil || e["type"] == nil {
					t.Errorf("edge %q: source %q, target %q, type %v", id, src, dst, e["type"])
				}
			}
			for id, n := range nodes {
				if n["type"] == nil || n["label"] == nil {
					t.Errorf("node %q lacks type or label: %v", id, n)
				}
			}

			// gonum's Cytoscape.js types read the same document.
			var elems cytoscapejs.GraphNodeEdge
			if err := json.Unmarshal(out, &elems); err != nil {
				t.Fatalf("gonum cytoscapejs cannot decode: %v", err)
			}
			if len(elems.Elements.Nodes) != len(g.nodes) || len(elems.Elements.Edges) != len(g.rels) {
				t.Errorf("gonum reads %d nodes, %d edges", len(elems.Elements.Nodes), len(elems.Elements.Edges))
			}
			for _, e := range elems.Elements.Edges {
				if e.Data.ID == "" || e.Data.Source == "" || e.Data.Target == "" {
					t.Errorf("gonum reads an edge without id, source or target: %+v", e.Data)
				}
			}
		})
	}
}

func TestCytoscapeValues(t *testing.T) {
	nodes, edges := parseCytoscape(t, write(t, export.CytoscapeFormat, trickyGraph(t)))
	n := nodes[trickyID]
	if n["label"] != trickyName || n["nameZh"] != trickyNameZh || n["established"] != "2018-03-21" {
		t.Errorf("tricky node = %v", n)
	}
	if got := n["categories"]; !reflect.DeepEqual(got, []any{"FOREIGN_AFFAIRS_UNITED_FRONT", "POLITICS_LAW"}) {
		t.Errorf("categories = %#v, want an array", got)
	}
	e := edges["member_of/person/someone/group/tricky"]
	want := map[string]any{"id": "member_of/person/someone/group/tricky", "source": "person/someone", "target": trickyID,
		"type": "MEMBER_OF", "role": "DEPUTY_LEADER", "start": "2018-03", "end": "2019",
		"attested": []any{"2018", "2019-06"}, "confidence": "REPORTED", "incompleteList": true,
		"sources": []any{"source/b", "source/a"}, "key": "member_of/person/someone/group/tricky",
		"citations": []any{map[string]any{"source": "source/b", "locator": "p. 1"},
			map[string]any{"source": "source/a", "locator": "p. 2"}, map[string]any{"source": "source/b", "locator": "p. 3"}}}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("tricky edge =\n%v\nwant\n%v", e, want)
	}
	seedNodes, _ := parseCytoscape(t, write(t, export.CytoscapeFormat, seedGraph(t)))
	if got := seedNodes["group/central-foreign-affairs-commission"]["nameZh"]; got != "中央外事工作委员会" {
		t.Errorf("Chinese name = %v", got)
	}
}
