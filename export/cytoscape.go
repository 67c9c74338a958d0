package export

import (
	"encoding/json"
	"fmt"
	"io"
)

// cytoscapeDoc is the Cytoscape.js JSON (cy.json()) shape networkx's cytoscape_data
// writes and cytoscape_graph reads: graph data, the directed and multigraph flags, and
// the elements.
type cytoscapeDoc struct {
	Data       graphRecord       `json:"data"`
	Directed   bool              `json:"directed"`
	Multigraph bool              `json:"multigraph"`
	Elements   cytoscapeElements `json:"elements"`
}

type cytoscapeElements struct {
	Nodes []cytoscapeNode `json:"nodes"`
	Edges []cytoscapeEdge `json:"edges"`
}

type cytoscapeNode struct {
	Data cytoscapeNodeData `json:"data"`
}

// cytoscapeNodeData adds what networkx needs to a node: value (the node's key in the
// networkx graph, here its id) and name (its label).
type cytoscapeNodeData struct {
	nodeRecord
	Value string `json:"value"`
	Name  string `json:"name"`
}

type cytoscapeEdge struct {
	Data cytoscapeEdgeData `json:"data"`
}

// cytoscapeEdgeData adds the key a networkx multigraph tells parallel edges apart by
// (two disputed claims of one seat): the relation id.
type cytoscapeEdgeData struct {
	edgeRecord
	Key string `json:"key"`
}

// CytoscapeJSON writes the graph as Cytoscape.js JSON:
//
//	{"data":{"name":…,"version":…,"truncated":…},"directed":true,"multigraph":true,
//	 "elements":{"nodes":[{"data":{"id":…,"value":…,"name":…}}],"edges":[{"data":{…}}]}}
//
// which cytoscape({elements}) and cy.json() take as is, Cytoscape desktop imports, and
// networkx.cytoscape_graph reads into a MultiDiGraph keyed by atlas id. Attributes are
// data fields (see the package doc), lists and citations as arrays; absent ones are
// left out. Style labels with `label: data(label)`.
//
// Errors: as GraphML.
func CytoscapeJSON(w io.Writer, g Graph) error {
	ns, es, err := records(g)
	if err != nil {
		return err
	}
	doc := cytoscapeDoc{Data: graphOf(g), Directed: true, Multigraph: true, Elements: cytoscapeElements{
		Nodes: make([]cytoscapeNode, len(ns)), Edges: make([]cytoscapeEdge, len(es))}}
	for i, n := range ns {
		doc.Elements.Nodes[i] = cytoscapeNode{Data: cytoscapeNodeData{nodeRecord: n, Value: n.ID, Name: n.Label}}
	}
	for i, e := range es {
		doc.Elements.Edges[i] = cytoscapeEdge{Data: cytoscapeEdgeData{edgeRecord: e, Key: e.ID}}
	}
	enc := json.NewEncoder(w)
	// Ids, names and notes are data, not HTML: keep "&" and "<" readable. The output is
	// served as application/json, never inlined into a page.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export: write Cytoscape JSON: %w", err)
	}
	return nil
}
