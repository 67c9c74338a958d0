package seed

import (
	"encoding/json"
	"io"
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// Encode writes ds in the dataset format (FORMAT.md) in a stable order: the sections as
// atlas.json has them, records sorted by id (relations by type, from, to and id), and
// a relation's id left out when it is the default one. Writing the same data twice
// gives the same bytes, so a diff against atlas.json shows exactly what curation changed.
func Encode(w io.Writer, ds *atlas.Dataset) error {
	// Re-adding the nodes sorted by id sorts every section, whatever kinds there are.
	clone := ds.Clone()
	nodes := clone.Nodes()
	slices.SortStableFunc(nodes, func(a, b atlas.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
	out := &atlas.Dataset{Relations: clone.Relations}
	for _, n := range nodes {
		out.Add(n)
	}
	for _, r := range out.Relations {
		if r.ID == atlas.DefaultRelationID(r.Type, r.From, r.To) {
			r.ID = ""
		}
	}
	slices.SortStableFunc(out.Relations, func(a, b *atlas.Relation) int {
		for _, c := range []int{strings.Compare(string(a.Type), string(b.Type)), strings.Compare(a.From, b.From), strings.Compare(a.To, b.To)} {
			if c != 0 {
				return c
			}
		}
		return strings.Compare(a.ID, b.ID)
	})
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
