// Package synthetic builds datasets of a given size and a fixed shape, for tests and
// benchmarks that must show a cost staying flat as lists grow.
package synthetic

import (
	"fmt"

	"lsgatlas/atlas"
)

// Dataset returns n groups, each chaired by a person (from 2010) and by a position
// (from 2000) that two people held in turn (2000–2009 and 2010–2019), with three
// members (from 2012), all cited to one source: each group has four chairs, one stored
// and three derived through the post, and three members.
func Dataset(n int) *atlas.Dataset {
	cite := []atlas.Citation{{Source: "source/s", Locator: "x"}}
	ds := &atlas.Dataset{Sources: []*atlas.Source{{ID: "source/s", Title: "S", Kind: "REPORT", Date: atlas.DatePtr("2020")}}}
	rel := func(t atlas.RelType, from, to string, start, end string) *atlas.Relation {
		return &atlas.Relation{ID: fmt.Sprintf("%s/%s/%s", t, from, to), Type: t, From: from, To: to,
			Start: atlas.DatePtr(start), End: atlas.DatePtr(end), Confidence: atlas.Stated, Sources: cite}
	}
	for i := range n {
		g, pos := fmt.Sprintf("group/g%d", i), fmt.Sprintf("position/p%d", i)
		ds.Groups = append(ds.Groups, &atlas.Group{ID: g, Name: fmt.Sprintf("Group %03d", i), Kind: atlas.LeadingSmallGroup, Sources: cite})
		ds.Positions = append(ds.Positions, &atlas.Position{ID: pos, Title: fmt.Sprintf("Post %d", i), Sources: cite})
		ds.Relations = append(ds.Relations, rel(atlas.Chairs, pos, g, "2000", ""))
		for j := range 6 {
			p := fmt.Sprintf("person/p%d-%d", i, j)
			ds.People = append(ds.People, &atlas.Person{ID: p, Name: fmt.Sprintf("Person %d %d", i, j), Sources: cite})
			switch j {
			case 0:
				ds.Relations = append(ds.Relations, rel(atlas.Chairs, p, g, "2010", ""))
			case 1, 2:
				ds.Relations = append(ds.Relations, rel(atlas.Holds, p, pos, fmt.Sprintf("%d", 2000+10*(j-1)), fmt.Sprintf("%d", 2009+10*(j-1))))
			default:
				r := rel(atlas.MemberOf, p, g, "2012", "")
				role := atlas.MemberRole("MEMBER")
				r.Role = &role
				ds.Relations = append(ds.Relations, r)
			}
		}
	}
	return ds
}
