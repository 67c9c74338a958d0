package synthetic

import (
	"encoding/json"
	"slices"

	"lsgatlas/atlas"
)

// Query is one GraphQL query of the scale benchmarks.
type Query struct{ Name, Query string }

// ScaleQueries are the queries the scale benchmarks ask of seed scaled 1x, 10x and 100x
// (graph's BenchmarkScaleQueries on the embedded store, storeratio -queries scale on both
// stores), so both measure the same thing: a page of 20 groups; the seed's first 20 groups
// by id with their chairs (derived through posts too) and members, which have as many
// chairs and members at every size (Scaled keeps degrees), so any growth is the cost of
// the larger store; and a search that matches ten and a hundred times as many records at
// 10x and 100x and returns the best 20.
func ScaleQueries(seed *atlas.Dataset) []Query {
	var ids []string
	for _, g := range seed.Groups {
		ids = append(ids, g.ID)
	}
	slices.Sort(ids)
	twoLevel, _ := json.Marshal(ids[:min(20, len(ids))])
	return []Query{
		{"list", `{ groups(first: 20) { nodes { id name nameZh kind established abolished } } }`},
		{"two-level", `{ nodes(ids: ` + string(twoLevel) + `) { id ... on Group { name chairs { holding derived node { id label } } members { role node { id label } } } } }`},
		{"search", `{ search(text: "foreign affairs", first: 20) { matched node { id label } } }`},
	}
}
