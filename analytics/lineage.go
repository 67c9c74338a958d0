package analytics

import (
	"context"

	"lsgatlas/atlas"
)

// Lineage returns the lineage of group id (atlas.Lineage) over the projection.
//
// Errors: EINVALID for a malformed or non-group id or an unknown kind; ENOTFOUND for an
// unknown group.
func (p *Projection) Lineage(ctx context.Context, id string, kinds []atlas.SuccessionKind) ([]atlas.LineageBody, error) {
	i, err := p.actor("id", id)
	if err != nil {
		return nil, err
	}
	if p.kinds[i] != atlas.GroupNode {
		return nil, atlas.Errorf(atlas.EINVALID, "id: %q is a %s, not a group", id, p.kinds[i])
	}
	for _, k := range kinds {
		if !atlas.Valid(k, atlas.SuccessionKinds) {
			return nil, atlas.Errorf(atlas.EINVALID, "successions: unknown kind %q", k)
		}
	}
	group := func(id string) *atlas.Group {
		g, _ := p.nodes[id].(*atlas.Group)
		return g
	}
	successions := func(id string) []atlas.Relation {
		var out []atlas.Relation
		for _, ri := range p.incident[p.index[id]] {
			if p.rels[ri].Type == atlas.SucceededBy {
				out = append(out, p.rels[ri].Clone())
			}
		}
		return out
	}
	out := atlas.Lineage(id, group, successions, kinds)
	for i := range out {
		out[i].Group = atlas.CloneNode(out[i].Group).(*atlas.Group)
	}
	return out, ctx.Err()
}
