package analytics

import (
	"context"
	"slices"

	"lsgatlas/atlas"
)

// Conflicts returns the disagreements between sources (atlas.Conflicts) about the nodes
// ids (all when empty), as node or from end.
//
// Errors: EINVALID for an id that is not a source in sources or a malformed id in ids;
// ENOTFOUND for an unknown id.
func (p *Projection) Conflicts(ctx context.Context, sources, ids []string) ([]atlas.Conflict, error) {
	if err := atlas.CheckSourceIDs("sources", sources); err != nil {
		return nil, err
	}
	if len(slices.Compact(slices.Sorted(slices.Values(sources)))) == 1 {
		// One source never disagrees with itself: the answer was always empty.
		return nil, atlas.Errorf(atlas.EINVALID, "sources: name two or more sources to compare, or none to compare any two")
	}
	if err := p.checkSources(sources); err != nil {
		return nil, err // as every analysis filtering by source answers an unknown one
	}
	nodes, keep, err := p.about(ids)
	if err != nil {
		return nil, err
	}
	var rels []*atlas.Relation
	for _, r := range p.rels {
		if keep(r.From) {
			rels = append(rels, r)
		}
	}
	return atlas.Conflicts(nodes, rels, sources), ctx.Err()
}

// Fragile is a property claim or a stored relation resting on little (atlas.Rests).
type Fragile struct {
	Node     atlas.Node
	Claim    *atlas.PropertyClaim
	Relation *atlas.Relation
}

// FragileFacts returns the claims (when claims is set) and the relations of types (all
// when empty) about ids (all when empty) that rest as f says, by node, claims first, at
// most limit of them.
func (p *Projection) FragileFacts(ctx context.Context, f atlas.Fragility, ids []string, types []atlas.RelType, claims bool, limit int) ([]Fragile, error) {
	if !atlas.Valid(f, atlas.Fragilities) {
		return nil, atlas.Errorf(atlas.EINVALID, "restsOn: unknown value %q", f)
	}
	if err := atlas.CheckRange("first", limit, 1, MaxNetworkNodes); err != nil {
		return nil, err
	}
	nodes, _, err := p.about(ids)
	if err != nil {
		return nil, err
	}
	var out []Fragile
	for _, n := range nodes {
		if claims {
			for _, c := range atlas.ClaimsOf(n) {
				if atlas.Rests(c.Sources, f, p.Source) {
					c := c.Clone()
					out = append(out, Fragile{Node: atlas.CloneNode(n), Claim: &c})
				}
			}
		}
		for _, ri := range p.incident[p.index[n.NodeID()]] {
			r := p.rels[ri]
			if r.From == n.NodeID() && (len(types) == 0 || slices.Contains(types, r.Type)) && atlas.Rests(r.Sources, f, p.Source) {
				rc := r.Clone()
				out = append(out, Fragile{Node: atlas.CloneNode(n), Relation: &rc})
			}
		}
		if len(out) >= limit {
			return out[:limit], ctx.Err()
		}
	}
	return out, ctx.Err()
}

// about returns the actors ids names (every actor, in id order, when empty) and a test
// of membership.
func (p *Projection) about(ids []string) ([]atlas.Node, func(string) bool, error) {
	if len(ids) == 0 {
		out := make([]atlas.Node, len(p.ids))
		for i, id := range p.ids {
			out[i] = p.nodes[id]
		}
		return out, func(string) bool { return true }, nil
	}
	var out []atlas.Node
	set := map[string]bool{}
	for _, id := range ids {
		if _, err := p.actor("ids", id); err != nil {
			return nil, nil, err
		}
		if !set[id] {
			set[id] = true
			out = append(out, p.nodes[id])
		}
	}
	return out, func(id string) bool { return set[id] }, nil
}
