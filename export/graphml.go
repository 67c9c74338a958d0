package export

import (
	"encoding/xml"
	"io"
)

// GraphMLNamespace is the namespace of GraphML documents.
const GraphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

type graphmlDoc struct {
	XMLName xml.Name     `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []graphmlKey `xml:"key"`
	Graph   graphmlGraph `xml:"graph"`
}

type graphmlKey struct {
	ID       string  `xml:"id,attr"`
	For      string  `xml:"for,attr"`
	AttrName string  `xml:"attr.name,attr"`
	AttrType string  `xml:"attr.type,attr"`
	Default  *string `xml:"default,omitempty"`
}

type graphmlGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Data        []graphmlData `xml:"data"`
	Nodes       []graphmlNode `xml:"node"`
	Edges       []graphmlEdge `xml:"edge"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphmlData `xml:"data"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// GraphML writes the graph as a GraphML document: one directed graph, a <key> with
// attr.name and attr.type for every attribute (see the package doc), graph-level data
// (name, version, truncated, limit, asOf) that networkx reads into G.graph, and node
// and edge ids that are the atlas ids. yEd, Gephi, NetworkX and igraph read it.
//
// Errors: EINVALID when a node id appears twice, a relation id appears twice, or a
// relation joins a node that is not among nodes; otherwise w's error, wrapped.
func GraphML(w io.Writer, g Graph) error {
	ns, es, err := records(g)
	if err != nil {
		return err
	}
	doc := graphmlDoc{Graph: graphmlGraph{ID: "lsg-atlas", EdgeDefault: "directed",
		Nodes: make([]graphmlNode, len(ns)), Edges: make([]graphmlEdge, len(es))}}
	for _, keys := range []struct {
		of    string
		attrs []attribute
	}{{"graph", graphAttributes}, {"node", nodeAttributes}, {"edge", edgeAttributes}} {
		for _, a := range keys.attrs {
			k := graphmlKey{ID: a.id, For: keys.of, AttrName: a.name, AttrType: a.xmlType}
			if a.defaultValue != "" {
				k.Default = &a.defaultValue
			}
			doc.Keys = append(doc.Keys, k)
		}
	}
	data := func(attrs []attribute, values []string) []graphmlData {
		var out []graphmlData
		present(attrs, values, func(a attribute, v string) { out = append(out, graphmlData{Key: a.id, Value: v}) })
		return out
	}
	doc.Graph.Data = data(graphAttributes, graphOf(g).values())
	for i, n := range ns {
		doc.Graph.Nodes[i] = graphmlNode{ID: n.ID, Data: data(nodeAttributes, n.values())}
	}
	for i, e := range es {
		doc.Graph.Edges[i] = graphmlEdge{ID: e.ID, Source: e.Source, Target: e.Target, Data: data(edgeAttributes, e.values())}
	}
	return writeXML(w, "GraphML", doc)
}
