package export

import (
	"encoding/json"
	"fmt"
	"io"

	"lsgatlas/atlas"
)

type cytoscapeDoc struct {
	Elements cytoscapeElements `json:"elements"`
}

type cytoscapeElements struct {
	Nodes []cytoscapeNode `json:"nodes"`
	Edges []cytoscapeEdge `json:"edges"`
}

type cytoscapeNode struct {
	Data nodeRecord `json:"data"`
}

type cytoscapeEdge struct {
	Data edgeRecord `json:"data"`
}

// CytoscapeJSON writes the nodes and relations in the Cytoscape.js elements format,
// {"elements":{"nodes":[{"data":{…}}],"edges":[{"data":{…}}]}}, which cy.add and
// cytoscape({elements}) take as is and Cytoscape desktop imports. Attributes are data
// fields (see the package doc), lists as arrays; absent ones are left out. Style labels
// with `label: data(label)`.
//
// Errors: as GraphML.
func CytoscapeJSON(w io.Writer, nodes []atlas.Node, rels []atlas.Relation) error {
	ns, es, err := records(nodes, rels)
	if err != nil {
		return err
	}
	doc := cytoscapeDoc{Elements: cytoscapeElements{
		Nodes: make([]cytoscapeNode, len(ns)), Edges: make([]cytoscapeEdge, len(es))}}
	for i, n := range ns {
		doc.Elements.Nodes[i] = cytoscapeNode{Data: n}
	}
	for i, e := range es {
		doc.Elements.Edges[i] = cytoscapeEdge{Data: e}
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
