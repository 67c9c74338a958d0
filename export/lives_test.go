package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/export"
)

// livesGraph is three people, one with both dates (a month and a day), one born in a
// year alone, one with neither.
func livesGraph() export.Graph {
	return export.Graph{Nodes: []atlas.Node{
		&atlas.Person{ID: "person/both", Name: "Both", Born: atlas.DatePtr("1928-07"), Died: atlas.DatePtr("2023-10-27")},
		&atlas.Person{ID: "person/born", Name: "Born", Born: atlas.DatePtr("1953")},
		&atlas.Person{ID: "person/none", Name: "None"},
	}}
}

// People carry their birth and death as established and abolished, the node's own
// dates as a group's foundation and abolition are, in every format, as partial as the
// sources give them.
func TestPeoplesLives(t *testing.T) {
	want := map[string][2]string{"person/both": {"1928-07", "2023-10-27"}, "person/born": {"1953", ""}, "person/none": {"", ""}}
	g := livesGraph()
	var csvOut, gml, cy bytes.Buffer
	if err := export.NodesCSV(&csvOut, g); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&csvOut).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		if got := [2]string{row[8], row[9]}; got != want[row[0]] { // established, abolished
			t.Errorf("nodes.csv %s: %q, want %q", row[0], got, want[row[0]])
		}
	}
	if err := export.GraphML(&gml, g); err != nil {
		t.Fatal(err)
	}
	_, nodes, _ := parseGraphML(t, gml.Bytes())
	for id, w := range want {
		if got := [2]string{nodes[id]["established"], nodes[id]["abolished"]}; got != w {
			t.Errorf("GraphML %s: %q, want %q", id, got, w)
		}
	}
	if err := export.CytoscapeJSON(&cy, g); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Elements struct {
			Nodes []struct {
				Data struct{ ID, Established, Abolished string }
			}
		}
	}
	if err := json.Unmarshal(cy.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, n := range doc.Elements.Nodes {
		if got := [2]string{n.Data.Established, n.Data.Abolished}; got != want[n.Data.ID] {
			t.Errorf("Cytoscape %s: %q, want %q", n.Data.ID, got, want[n.Data.ID])
		}
	}
	var gx bytes.Buffer
	if err := export.GEXF(&gx, g); err != nil {
		t.Fatal(err)
	}
	_, gexfNodes, _ := parseGEXF(t, gx.Bytes())
	for id, w := range want {
		if got := [2]string{gexfNodes[id]["established"], gexfNodes[id]["abolished"]}; got != w {
			t.Errorf("GEXF %s: %q, want %q", id, got, w)
		}
	}
}

// In a dynamic GEXF a person lives from the first day the birth may be to the last day
// the death may be, within the period; one without dates exists throughout.
func TestPeoplesSpells(t *testing.T) {
	g := livesGraph()
	g.During = &atlas.Period{From: atlas.MustDate("1950"), To: atlas.MustDate("2024")}
	got := nodeSpells(t, g)
	want := map[string]string{
		"person/both": "[{1950-01-01 2023-10-27}]",
		"person/born": "[{1953-01-01 2024-12-31}]",
		"person/none": "[]",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("spells %v, want %v", got, want)
	}
}

// nodeSpells writes g as GEXF and returns each node's spells as text.
func nodeSpells(tb testing.TB, g export.Graph) map[string]string {
	tb.Helper()
	var buf bytes.Buffer
	if err := export.GEXF(&buf, g); err != nil {
		tb.Fatal(err)
	}
	var f struct {
		Nodes []struct {
			ID     string `xml:"id,attr"`
			Spells []struct {
				Start string `xml:"start,attr"`
				End   string `xml:"end,attr"`
			} `xml:"spells>spell"`
		} `xml:"graph>nodes>node"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &f); err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, n := range f.Nodes {
		s := "["
		for i, sp := range n.Spells {
			if i > 0 {
				s += " "
			}
			s += "{" + sp.Start + " " + sp.End + "}"
		}
		out[n.ID] = s + "]"
	}
	return out
}

// The dataset's people: every birth and death the API gives is in nodes.csv.
func TestSeedPeoplesLives(t *testing.T) {
	g := seedGraph(t)
	rows, err := csv.NewReader(bytes.NewReader(write(t, export.NodesCSVFormat, g))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	people, born, died := 0, 0, 0
	for _, row := range rows[1:] {
		if row[1] != "PERSON" {
			continue
		}
		people++
		if row[8] != "" {
			born++
		}
		if row[9] != "" {
			died++
		}
	}
	if people != 42 || born != 24 || died != 9 {
		t.Errorf("%d people, %d with a birth, %d with a death; want 42, 24 and 9", people, born, died)
	}
}
