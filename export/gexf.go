package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"lsgatlas/atlas"
)

// GEXFNamespace is the namespace of the GEXF version written: 1.2draft, which Gephi
// reads (as it does 1.3) and which gonum's graph/formats/gexf12 decodes, so the same
// file serves the desktop and Go notebooks.
const GEXFNamespace = "http://www.gexf.net/1.2draft"

// GEXFVizNamespace is the namespace of the visual attributes (viz:color, viz:shape).
const GEXFVizNamespace = "http://www.gexf.net/1.2draft/viz"

type gexfDoc struct {
	XMLName xml.Name  `xml:"http://www.gexf.net/1.2draft gexf"`
	Viz     string    `xml:"xmlns:viz,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Keywords    string `xml:"keywords"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	Mode            string           `xml:"mode,attr"`
	TimeFormat      string           `xml:"timeformat,attr,omitempty"`
	Start           string           `xml:"start,attr,omitempty"`
	End             string           `xml:"end,attr,omitempty"`
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           gexfNodes        `xml:"nodes"`
	Edges           gexfEdges        `xml:"edges"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID      string  `xml:"id,attr"`
	Title   string  `xml:"title,attr"`
	Type    string  `xml:"type,attr"`
	Default *string `xml:"default,omitempty"`
}

type gexfNodes struct {
	Count int        `xml:"count,attr"`
	Nodes []gexfNode `xml:"node"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues *gexfAttValues `xml:"attvalues,omitempty"`
	Spells    *gexfSpells    `xml:"spells,omitempty"`
	Colour    gexfColour     `xml:"viz:color"`
}

// gexfSpells are the periods an element exists in a dynamic graph; an element without
// spells exists throughout.
type gexfSpells struct {
	Spells []gexfSpell `xml:"spell"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

type gexfColour struct {
	R int `xml:"r,attr"`
	G int `xml:"g,attr"`
	B int `xml:"b,attr"`
}

type gexfShape struct {
	Value string `xml:"value,attr"`
}

type gexfEdges struct {
	Count int        `xml:"count,attr"`
	Edges []gexfEdge `xml:"edge"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Label     string         `xml:"label,attr"`
	AttValues *gexfAttValues `xml:"attvalues,omitempty"`
	Spells    *gexfSpells    `xml:"spells,omitempty"`
	Colour    gexfColour     `xml:"viz:color"`
	Shape     *gexfShape     `xml:"viz:shape,omitempty"`
}

type gexfAttValues struct {
	Values []gexfAttValue `xml:"attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// GEXF writes the graph as a GEXF 1.2 (1.2draft namespace) document: a directed graph
// with <attributes class="node"> and <attributes class="edge"> declaring every
// attribute (see the package doc), node labels, and edges labelled with their
// relationship type. GEXF has no graph attributes, so what the file says about itself
// is in <meta>: <keywords> holds the graph record as "name=…;version=…;truncated=…;
// limit=…;asOf=…" (absent ones left out) and <description> says in words whether the
// node limit cut the graph. Gephi may merge parallel edges (two disputed claims of one
// seat) on import unless told to keep them; each keeps its own id here.
//
// Nodes and edges are coloured as the Explorer draws them (viz:color, NodeColours and
// RelationColours); an edge that is only POSSIBLE (or KNOWN_IN_PART) at the export's
// date or period is dashed, a derived chair dotted (viz:shape). With a period (During)
// the graph is dynamic (mode="dynamic", timeformat="date", start and end the period's
// first and last days), and each relation and group carries the <spells> of days within
// the period on which it may hold (atlas.Span.MayHoldDays: the asOf rule, day by day),
// so Gephi's timeline plays it; nodes other than groups exist throughout.
//
// Errors: as GraphML.
func GEXF(w io.Writer, g Graph) error {
	ns, es, err := records(g)
	if err != nil {
		return err
	}
	gr := graphOf(g)
	var keywords []string
	present(graphAttributes, gr.values(), func(a attribute, v string) { keywords = append(keywords, a.name+"="+v) })
	description := "Leading small groups of China: groups, people, posts and institutions, with dated and sourced relations."
	if gr.Truncated {
		description += fmt.Sprintf(" Truncated: the node limit of %d left out nodes, and the relations to them.", gr.Limit)
	} else {
		description += " Complete: no node was left out by the node limit."
	}
	doc := gexfDoc{Viz: GEXFVizNamespace, Version: "1.2",
		Meta: gexfMeta{Creator: GraphName, Keywords: strings.Join(keywords, ListSeparator), Description: description},
		Graph: gexfGraph{Mode: "static", DefaultEdgeType: "directed",
			Attributes: []gexfAttributes{declare("node", nodeAttributes), declare("edge", edgeAttributes)},
			Nodes:      gexfNodes{Count: len(ns), Nodes: make([]gexfNode, len(ns))},
			Edges:      gexfEdges{Count: len(es), Edges: make([]gexfEdge, len(es))}}}
	var lo, hi int
	if g.During != nil {
		lo, hi = g.During.Days()
		doc.Graph.Mode, doc.Graph.TimeFormat, doc.Graph.Start, doc.Graph.End = "dynamic", "date", dayText(lo), dayText(hi)
	}
	for i, n := range ns {
		node := gexfNode{ID: n.ID, Label: n.Label, AttValues: attValues(nodeAttributes, n.values()), Colour: colour(NodeColours, n.Type)}
		if g.During != nil && n.life != nil {
			runs := n.life.MayHoldDays(lo, hi)
			if len(runs) == 0 { // a group that did not exist in the period: its own lifetime
				runs = n.life.MayHoldDays(10000101, 99991231)
			}
			node.Spells = spells(runs)
		}
		doc.Graph.Nodes.Nodes[i] = node
	}
	for i, e := range es {
		edge := gexfEdge{ID: e.ID, Source: e.Source, Target: e.Target, Label: e.Type,
			AttValues: attValues(edgeAttributes, e.values()), Colour: colour(RelationColours, e.Type)}
		switch {
		case e.Derived:
			edge.Shape = &gexfShape{"dotted"}
		case e.Holding != "" && e.Holding != "KNOWN" && e.Holding != "KNOWN_THROUGHOUT":
			edge.Shape = &gexfShape{"dashed"}
		}
		if g.During != nil {
			edge.Spells = spells(e.span.MayHoldDays(lo, hi))
		}
		doc.Graph.Edges.Edges[i] = edge
	}
	return writeXML(w, "GEXF", doc)
}

func declare(class string, attrs []attribute) gexfAttributes {
	out := gexfAttributes{Class: class}
	for _, a := range attrs {
		d := gexfAttribute{ID: a.id, Title: a.name, Type: a.xmlType}
		if a.defaultValue != "" {
			d.Default = &a.defaultValue
		}
		out.Attributes = append(out.Attributes, d)
	}
	return out
}

func attValues(attrs []attribute, values []string) *gexfAttValues {
	var out gexfAttValues
	present(attrs, values, func(a attribute, v string) { out.Values = append(out.Values, gexfAttValue{For: a.id, Value: v}) })
	if len(out.Values) == 0 {
		return nil
	}
	return &out
}

func colour(palette map[string]string, typ string) gexfColour {
	r, g, b := rgb(colourOf(palette, typ))
	return gexfColour{r, g, b}
}

// spells turns runs of days into GEXF spells; nil when there are none, which would mean
// "throughout" (the caller only exports what may hold in the period, so it has some).
func spells(runs []atlas.DayRun) *gexfSpells {
	if len(runs) == 0 {
		return nil
	}
	out := &gexfSpells{}
	for _, r := range runs {
		out.Spells = append(out.Spells, gexfSpell{Start: dayText(r.First), End: dayText(r.Last)})
	}
	return out
}

// dayText writes a day ordinal (YYYYMMDD) as an xsd:date.
func dayText(ord int) string { return fmt.Sprintf("%04d-%02d-%02d", ord/10000, ord/100%100, ord%100) }
