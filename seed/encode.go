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
	out := ds.Clone()
	byID := func(a, b atlas.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) }
	sortNodes(out.Sources, byID)
	sortNodes(out.Groups, byID)
	sortNodes(out.Offices, byID)
	sortNodes(out.Institutions, byID)
	sortNodes(out.Positions, byID)
	sortNodes(out.People, byID)
	sortNodes(out.ReportedCounts, byID)
	sortNodes(out.Statements, byID)
	sortNodes(out.Topics, byID)
	sortNodes(out.Documents, byID)
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

func sortNodes[T atlas.Node](list []T, cmp func(a, b atlas.Node) int) {
	slices.SortStableFunc(list, func(a, b T) int { return cmp(a, b) })
}
