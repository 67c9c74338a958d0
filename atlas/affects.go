package atlas

import "slices"

// A change reaches past the nodes its record is or belongs to. A person's death or a
// group's abolition bounds every relationship of theirs, so the other ends' lists
// change; a holding of a post changes the derived chairs of the groups the post chairs
// and, for a single seat, the other holders' holdings; a post's chairing changes the
// derived chairs of its holders. A cache keyed by node ids (a federated gateway, the
// Explorer) must drop all of them to never keep a stale answer. A source's date or tier
// reaches every node citing it.

// reach indexes the relations of a change's data before and after it by node, and the
// nodes citing each source, so that what a record reaches is found whether the change
// added or took away the relation.
type reach struct {
	rels map[string][]*Relation
	// citers are the nodes whose facts cite a source (the ends of a relationship citing
	// it); relayed the sources read through it (citedVia), whose dates follow its own.
	citers, relayed map[string][]string
}

func newReach(sets ...*Dataset) reach {
	r := reach{rels: map[string][]*Relation{}, citers: map[string][]string{}, relayed: map[string][]string{}}
	cite := func(cs []Citation, ids ...string) {
		for _, c := range cs {
			r.citers[c.Source] = append(r.citers[c.Source], ids...)
		}
	}
	for _, ds := range sets {
		for _, rel := range ds.Relations {
			r.rels[rel.From] = append(r.rels[rel.From], rel)
			if rel.To != rel.From {
				r.rels[rel.To] = append(r.rels[rel.To], rel)
			}
			cite(rel.Sources, rel.From, rel.To)
		}
		for _, n := range ds.Nodes() {
			cite(n.Citations(), n.NodeID())
			for _, c := range n.NodeClaims() {
				cite(c.Sources, n.NodeID())
			}
		}
		for _, src := range ds.Sources {
			if src.CitedVia != "" {
				r.relayed[src.CitedVia] = append(r.relayed[src.CitedVia], src.ID)
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
		for _, rel := range r.rels[post] {
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
			// A source's date and tier decide what knownBy, tiers and source filters
			// show of every fact citing it, or citing a work read through it.
			if isKind(n, SourceNode) {
				for _, src := range append([]string{n}, r.relayed[n]...) {
					for _, id := range r.citers[src] {
						add(id)
					}
				}
			}
			for _, rel := range r.rels[n] {
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
