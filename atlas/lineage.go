package atlas

import (
	"cmp"
	"slices"
	"strings"
)

// Lineages: bodies joined by SUCCEEDED_BY (renamed, upgraded, replaced, merged,
// reconstituted) are one institution through time. A lineage is every body reachable
// from one by successions of the kinds asked for, in either direction, each under its
// own node (so under the name it bore while it existed).

// LineageBody is one body of a lineage.
type LineageBody struct {
	Group *Group
	// Steps is how many successions separate the body from the one asked about:
	// negative for predecessors, positive for successors, 0 for itself (the first path
	// found, breadth first).
	Steps int
	// Successions are the body's SUCCEEDED_BY relations to other bodies of the lineage.
	Successions []Relation
}

// Lineage returns the lineage of group id: group looks up a group (nil when it is not
// one), successions returns a group's SUCCEEDED_BY relations (both directions), and
// kinds keeps successions of those kinds (all when empty; a succession without a kind
// counts). Ordered by establishment (unknown last), then id.
func Lineage(id string, group func(string) *Group, successions func(string) []Relation, kinds []SuccessionKind) []LineageBody {
	keep := func(r Relation) bool {
		return r.Type == SucceededBy && (len(kinds) == 0 || r.Succession == nil || slices.Contains(kinds, *r.Succession))
	}
	steps := map[string]int{id: 0}
	queue := []string{id}
	for len(queue) > 0 {
		at := queue[0]
		queue = queue[1:]
		for _, r := range successions(at) {
			if !keep(r) {
				continue
			}
			next, step := r.To, steps[at]+1
			if r.To == at {
				next, step = r.From, steps[at]-1
			}
			if _, seen := steps[next]; !seen && group(next) != nil {
				steps[next] = step
				queue = append(queue, next)
			}
		}
	}
	var out []LineageBody
	for gid, s := range steps {
		g := group(gid)
		if g == nil {
			continue
		}
		b := LineageBody{Group: g, Steps: s}
		for _, r := range successions(gid) {
			if _, in := steps[r.Other(gid)]; in && keep(r) {
				b.Successions = append(b.Successions, r)
			}
		}
		out = append(out, b)
	}
	est := func(g *Group) int {
		if g.Established == nil {
			return MaxOrdinal
		}
		return g.Established.Earliest()
	}
	slices.SortFunc(out, func(a, b LineageBody) int {
		return cmp.Or(cmp.Compare(est(a.Group), est(b.Group)), strings.Compare(a.Group.ID, b.Group.ID))
	})
	return out
}
