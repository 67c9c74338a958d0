package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"lsgatlas/atlas"
)

// GEXFVersion names a version of the GEXF format the export can write.
type GEXFVersion string

const (
	// GEXF13 is the current version: Gephi 0.10 writes it, networkx (3.x) and
	// graphology-gexf read it, and CI validates every file against its schema.
	GEXF13 GEXFVersion = "1.3"
	// GEXF12Draft is the previous version, kept for readers that know only it, such as
	// gonum's graph/formats/gexf12 and older networkx releases.
	GEXF12Draft GEXFVersion = "1.2draft"
)

// GEXFVersions lists the versions the export writes, the default first.
var GEXFVersions = []GEXFVersion{GEXF13, GEXF12Draft}

// gexfSpec is what differs between versions: the namespaces and the version attribute.
// The elements written are the same in both. No xsi:schemaLocation is written: the
// RELAX NG schema admits no attribute it does not declare.
type gexfSpec struct {
	namespace, viz, version string
}

var gexfSpecs = map[GEXFVersion]gexfSpec{
	GEXF13:      {"http://gexf.net/1.3", "http://gexf.net/1.3/viz", "1.3"},
	GEXF12Draft: {"http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz", "1.2"},
}

// GEXFNamespace returns the namespace of a version's elements, "" for an unknown one.
func GEXFNamespace(v GEXFVersion) string { return gexfSpecs[v].namespace }

// GEXFVizNamespace returns the namespace of a version's visual attributes (viz:color,
// viz:shape), "" for an unknown one.
func GEXFVizNamespace(v GEXFVersion) string { return gexfSpecs[v].viz }

// gexfDoc's element name carries the version's namespace (set when writing); its
// children, named without one, inherit it.
type gexfDoc struct {
	XMLName xml.Name
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
	TimeRepr        string           `xml:"timerepresentation,attr,omitempty"`
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

// GEXF writes the graph as a GEXF 1.3 document (GEXFOf writes another version): a directed graph
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
// date or period is dashed, a chair only derived dotted (viz:shape). With a period (During)
// the graph is dynamic (mode="dynamic", timeformat="date", start and end the period's
// first and last days), and each relation and group, and each person whose birth or
// death is known, carries the <spells> of days within the period on which it may hold
// or live (atlas.Span.MayHoldDays: the asOf rule, day by day), so Gephi's timeline
// plays it; other nodes exist throughout. Every spell lies within the graph's bounds
// (an end is always a date, never an open one written as 9999-12-31), and a node is
// there whenever one of its relations may be; a group or person that may exist on no
// day of the period (an isolated group founded after it, in a whole-graph export) is
// left out, since GEXF can only say "throughout" for an element without spells.
//
// Errors: as GraphML.
func GEXF(w io.Writer, g Graph) error { return GEXFOf(w, g, GEXF13) }

// GEXFOf writes the graph as GEXF of version v; the same elements in v's namespaces.
//
// Errors: EINVALID for an unknown version; otherwise as GraphML.
func GEXFOf(w io.Writer, g Graph, v GEXFVersion) error {
	spec, known := gexfSpecs[v]
	if !known {
		return atlas.Errorf(atlas.EINVALID, "unknown GEXF version %q; use one of %v", v, GEXFVersions)
	}
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
	doc := gexfDoc{XMLName: xml.Name{Space: spec.namespace, Local: "gexf"}, Viz: spec.viz, Version: spec.version,
		Meta: gexfMeta{Creator: GraphName, Keywords: strings.Join(keywords, ListSeparator), Description: description},
		Graph: gexfGraph{Mode: "static", DefaultEdgeType: "directed",
			Attributes: []gexfAttributes{declare("node", nodeAttributes), declare("edge", edgeAttributes)},
			Nodes:      gexfNodes{Count: len(ns), Nodes: make([]gexfNode, len(ns))},
			Edges:      gexfEdges{Count: len(es), Edges: make([]gexfEdge, len(es))}}}
	var lo, hi int
	if g.During != nil {
		lo, hi = g.During.Days()
		doc.Graph.Mode, doc.Graph.TimeFormat, doc.Graph.Start, doc.Graph.End = "dynamic", "date", dayText(lo), dayText(hi)
		if v == GEXF13 { // 1.3 names the representation; spells are intervals
			doc.Graph.TimeRepr = "interval"
		}
	}
	// Every spell lies within the graph's bounds. A node is there whenever its life
	// or one of its relations may be, so that no edge plays without its ends.
	edgeRuns := make([][]atlas.DayRun, len(es))
	nodeRuns := map[string][]atlas.DayRun{}
	if g.During != nil {
		for i, e := range es {
			edgeRuns[i] = e.span.MayHoldDays(lo, hi)
			nodeRuns[e.Source] = append(nodeRuns[e.Source], edgeRuns[i]...)
			nodeRuns[e.Target] = append(nodeRuns[e.Target], edgeRuns[i]...)
		}
	}
	doc.Graph.Nodes.Nodes = doc.Graph.Nodes.Nodes[:0]
	for _, n := range ns {
		node := gexfNode{ID: n.ID, Label: n.Label, AttValues: attValues(nodeAttributes, n.values()), Colour: colour(NodeColours, n.Type)}
		if g.During != nil && n.life != nil {
			runs := atlas.UnionDayRuns(append(n.life.MayHoldDays(lo, hi), nodeRuns[n.ID]...))
			if len(runs) == 0 {
				// A group or person of no day of the period (an isolated group founded
				// after it, in a whole graph): GEXF has no spell for "never within the
				// bounds", and none would mean "throughout".
				continue
			}
			node.Spells = spells(runs)
		}
		doc.Graph.Nodes.Nodes = append(doc.Graph.Nodes.Nodes, node)
	}
	doc.Graph.Nodes.Count = len(doc.Graph.Nodes.Nodes)
	for i, e := range es {
		edge := gexfEdge{ID: e.ID, Source: e.Source, Target: e.Target, Label: e.Type,
			AttValues: attValues(edgeAttributes, e.values()), Colour: colour(RelationColours, e.Type)}
		switch {
		case e.Derived && !e.Stored:
			edge.Shape = &gexfShape{"dotted"}
		case e.Holding != "" && e.Holding != "KNOWN" && e.Holding != "KNOWN_THROUGHOUT":
			edge.Shape = &gexfShape{"dashed"}
		}
		if g.During != nil {
			edge.Spells = spells(edgeRuns[i])
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
