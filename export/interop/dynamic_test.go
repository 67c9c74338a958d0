package interop_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"lsgatlas/export"
	"lsgatlas/internal/livetest"
)

// dynamicQuery is a neighbourhood over a period, with chairs derived through posts.
const dynamicQuery = "ids=group/foreign-affairs-leading-small-group&nodeTypes=PERSON,GROUP,POSITION&during=2010/2020&derived=true"

// gexfFile is what the test reads of a GEXF itself: the graph's time attributes and each
// element's spells and colour.
type gexfFile struct {
	XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
	Graph   struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		Start      string `xml:"start,attr"`
		End        string `xml:"end,attr"`
		Nodes      []struct {
			ID     string      `xml:"id,attr"`
			Values []attValue  `xml:"attvalues>attvalue"`
			Spells []gexfSpell `xml:"spells>spell"`
			Colour colour      `xml:"http://gexf.net/1.3/viz color"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string      `xml:"id,attr"`
			Label  string      `xml:"label,attr"`
			Values []attValue  `xml:"attvalues>attvalue"`
			Spells []gexfSpell `xml:"spells>spell"`
			Colour colour      `xml:"http://gexf.net/1.3/viz color"`
			Shape  struct {
				Value string `xml:"value,attr"`
			} `xml:"http://gexf.net/1.3/viz shape"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type attValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

type colour struct {
	R int `xml:"r,attr"`
	G int `xml:"g,attr"`
	B int `xml:"b,attr"`
}

func (c colour) hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func value(vs []attValue, id string) string {
	for _, v := range vs {
		if v.For == id {
			return v.Value
		}
	}
	return ""
}

var xsdDate = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`)

// A GEXF over a period is dynamic: every relation carries the spells of days in the
// period on which it may hold (xsd:dates, start before end, inside the period), groups
// carry their lifetime, every element is coloured as the Explorer draws it, and derived
// chairs are there, dotted. networkx reads the same spells and graphology-gexf (Gephi
// Lite's reader) the same elements and colours.
func TestDynamicGEXFLoadsInNetworkxAndGraphology(t *testing.T) {
	srv := newService(t)
	path := download(t, srv.URL+"/export/graph.gexf?"+dynamicQuery)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f gexfFile
	if err := xml.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	g := f.Graph
	if g.Mode != "dynamic" || g.TimeFormat != "date" || g.Start != "2010-01-01" || g.End != "2020-12-31" {
		t.Fatalf("graph: mode %q timeformat %q %s–%s", g.Mode, g.TimeFormat, g.Start, g.End)
	}
	checkSpells := func(what string, spells []gexfSpell, inside bool) {
		for _, s := range spells {
			if !xsdDate.MatchString(s.Start) || !xsdDate.MatchString(s.End) || s.Start > s.End || (inside && (s.Start < g.Start || s.End > g.End)) {
				t.Errorf("%s: bad spell %+v", what, s)
			}
		}
	}
	spells := map[string][][]string{}
	derived := 0
	for _, e := range g.Edges {
		if len(e.Spells) == 0 {
			t.Errorf("edge %s has no spell", e.ID)
		}
		checkSpells(e.ID, e.Spells, true)
		for _, s := range e.Spells {
			spells[e.ID] = append(spells[e.ID], []string{s.Start, s.End})
		}
		if want := export.RelationColours[e.Label]; e.Colour.hex() != want {
			t.Errorf("edge %s: colour %s, want %s", e.ID, e.Colour.hex(), want)
		}
		// A chair only derived is dotted; one also stored keeps its stored id and is drawn
		// as the stored fact.
		if value(e.Values, "e_derived") == "true" && strings.HasPrefix(e.ID, "derived/") {
			derived++
			if e.Shape.Value != "dotted" || e.Label != "CHAIRS" {
				t.Errorf("derived edge %s: %s, shape %q", e.ID, e.Label, e.Shape.Value)
			}
		}
	}
	for _, n := range g.Nodes {
		typ := value(n.Values, "n_type")
		checkSpells(n.ID, n.Spells, false)
		dated := typ == "PERSON" && value(n.Values, "n_established")+value(n.Values, "n_abolished") != ""
		if (typ == "GROUP" || dated) != (len(n.Spells) > 0) {
			t.Errorf("node %s (%s): %d spells; groups and people with a known birth or death, and only they, carry their lifetime", n.ID, typ, len(n.Spells))
		}
		if want := export.NodeColours[typ]; n.Colour.hex() != want {
			t.Errorf("node %s: colour %s, want %s", n.ID, n.Colour.hex(), want)
		}
	}
	if derived == 0 || len(g.Edges) < 10 {
		t.Fatalf("%d edges, %d derived: the case shows too little", len(g.Edges), derived)
	}

	t.Run("networkx", func(t *testing.T) {
		if how := networkxMissing(); how != "" {
			livetest.Missing(t, "python3 with networkx", how)
		}
		var got []struct {
			Graph map[string]string `json:"graph"`
			Edges map[string]struct {
				Spells  [][]string `json:"spells"`
				Derived string     `json:"derived"`
			} `json:"edges"`
			Nodes map[string]struct {
				Colour string `json:"colour"`
			} `json:"nodes"`
		}
		if err := json.Unmarshal(runTool(t, nil, "python3", "load.py", "--dynamic", path), &got); err != nil {
			t.Fatal(err)
		}
		nx := got[0]
		if nx.Graph["mode"] != "dynamic" || len(nx.Edges) != len(g.Edges) || len(nx.Nodes) != len(g.Nodes) {
			t.Fatalf("networkx read %v, %d nodes, %d edges", nx.Graph, len(nx.Nodes), len(nx.Edges))
		}
		for id, e := range nx.Edges {
			if !reflect.DeepEqual(e.Spells, spells[id]) {
				t.Errorf("networkx: edge %s spells %v, the file has %v", id, e.Spells, spells[id])
			}
		}
		for _, n := range g.Nodes {
			if nx.Nodes[n.ID].Colour != n.Colour.hex() {
				t.Errorf("networkx: node %s colour %s", n.ID, nx.Nodes[n.ID].Colour)
			}
		}
	})

	t.Run("graphology", func(t *testing.T) {
		if _, err := os.Stat(filepath.Join("node_modules", "graphology-gexf", "package.json")); err != nil {
			livetest.Missing(t, "export/interop/node_modules", "run `npm ci` in export/interop; .ci/run does")
		}
		var got []struct {
			Nodes map[string]struct{ Type, Color string }          `json:"nodes"`
			Edges map[string]struct{ Type, Derived, Color string } `json:"edges"`
		}
		if err := json.Unmarshal(runTool(t, nil, "node", "load_graphology.mjs", path), &got); err != nil {
			t.Fatal(err)
		}
		gr := got[0]
		if len(gr.Nodes) != len(g.Nodes) || len(gr.Edges) != len(g.Edges) {
			t.Fatalf("graphology read %d nodes and %d edges, the file has %d and %d", len(gr.Nodes), len(gr.Edges), len(g.Nodes), len(g.Edges))
		}
		for _, e := range g.Edges {
			c := e.Colour
			if got := gr.Edges[e.ID]; got.Type != e.Label || got.Color != fmt.Sprintf("rgb(%d,%d,%d)", c.R, c.G, c.B) || got.Derived != value(e.Values, "e_derived") && !(got.Derived == "false" && value(e.Values, "e_derived") == "") {
				t.Errorf("graphology: edge %s read as %+v", e.ID, got)
			}
		}
	})
}
