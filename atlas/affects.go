package atlas

import "slices"

// A change reaches past the nodes its record is or belongs to. A person's death or a
// group's abolition bounds every relationship of theirs, so the other ends' lists
// change; a holding of a post changes the derived chairs of the groups the post chairs
// and, for a single seat, the other holders' holdings; a post's chairing changes the
// derived chairs of its holders. A cache keyed by node ids (a federated gateway, the
// Explorer) must drop all of them to never keep a stale answer.

// reach indexes the relations of a change's data before and after it by node, so that
// what a record reaches is found whether the change added or took away the relation.
type reach map[string][]*Relation

func newReach(sets ...*Dataset) reach {
	r := reach{}
	for _, ds := range sets {
		for _, rel := range ds.Relations {
			r[rel.From] = append(r[rel.From], rel)
			if rel.To != rel.From {
				r[rel.To] = append(r[rel.To], rel)
			}
		}
	}
	return r
}

// affects returns the nodes whose answers a change of record id (of kind, being or
// belonging to nodes; typ, from and to for a relationship) may alter: nodes first, then
// the others in id order.
func (r reach) affects(kind RecordKind, nodes []string, typ RelType, from, to string) []string {
	out := map[string]bool{}
	add := func(id string) { out[id] = true }
	for _, n := range nodes {
		add(n)
	}
	// through follows the derivations a post takes part in: its holders and the groups
	// it chairs (and so each other's chairs).
	through := func(post string) {
		for _, rel := range r[post] {
			if (rel.Type == Holds && rel.To == post) || (rel.Type == Chairs && rel.From == post) {
				add(rel.From)
				add(rel.To)
			}
		}
	}
	switch kind {
	case RecordRelationship:
		switch {
		case typ == Holds:
			through(to)
		case typ == Chairs && isKind(from, PositionNode):
			through(from)
		}
	default:
		// A node or a claim of it: its lifetime and names reach every neighbour, and
		// through a post every derivation it takes part in.
		for _, n := range nodes {
			for _, rel := range r[n] {
				other := rel.To
				if other == n {
					other = rel.From
				}
				add(other)
				if isKind(other, PositionNode) {
					through(other)
				}
			}
			if isKind(n, PositionNode) {
				through(n)
			}
		}
	}
	rest := make([]string, 0, len(out))
	for id := range out {
		if !slices.Contains(nodes, id) {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	return append(slices.Clone(nodes), rest...)
}

func isKind(id string, k NodeKind) bool {
	got, err := KindOfID(id)
	return err == nil && got == k
}
