package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// GEXFNamespace is the namespace of the GEXF version written: 1.2draft, which Gephi
// reads (as it does 1.3) and which gonum's graph/formats/gexf12 decodes, so the same
// file serves the desktop and Go notebooks.
const GEXFNamespace = "http://www.gexf.net/1.2draft"

type gexfDoc struct {
	XMLName xml.Name  `xml:"http://www.gexf.net/1.2draft gexf"`
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
}

type gexfAttValues struct {
	Values []gexfAttValue `xml:"attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// GEXF writes the graph as a GEXF 1.2 (1.2draft namespace) document: a static directed
// graph with <attributes class="node"> and <attributes class="edge"> declaring every
// attribute (see the package doc), node labels, and edges labelled with their
// relationship type. GEXF has no graph attributes, so what the file says about itself
// is in <meta>: <keywords> holds the graph record as "name=…;version=…;truncated=…;
// limit=…;asOf=…" (absent ones left out) and <description> says in words whether the
// node limit cut the graph. Gephi may merge parallel edges (two disputed claims of one
// seat) on import unless told to keep them; each keeps its own id here.
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
	doc := gexfDoc{Version: "1.2",
		Meta: gexfMeta{Creator: GraphName, Keywords: strings.Join(keywords, ListSeparator), Description: description},
		Graph: gexfGraph{Mode: "static", DefaultEdgeType: "directed",
			Attributes: []gexfAttributes{declare("node", nodeAttributes), declare("edge", edgeAttributes)},
			Nodes:      gexfNodes{Count: len(ns), Nodes: make([]gexfNode, len(ns))},
			Edges:      gexfEdges{Count: len(es), Edges: make([]gexfEdge, len(es))}}}
	for i, n := range ns {
		doc.Graph.Nodes.Nodes[i] = gexfNode{ID: n.ID, Label: n.Label, AttValues: attValues(nodeAttributes, n.values())}
	}
	for i, e := range es {
		doc.Graph.Edges.Edges[i] = gexfEdge{ID: e.ID, Source: e.Source, Target: e.Target, Label: e.Type,
			AttValues: attValues(edgeAttributes, e.values())}
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
