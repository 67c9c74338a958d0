package analytics

import (
	"slices"

	"lsgatlas/atlas"
)

// tierKey validates tiers and returns them sorted and deduplicated; nil when every tier
// is asked for, so that filters selecting the same relations share one cache key.
func tierKey(tiers []atlas.SourceTier) ([]atlas.SourceTier, error) {
	for _, t := range tiers {
		if !atlas.Valid(t, atlas.SourceTiers) {
			return nil, atlas.Errorf(atlas.EINVALID, "filter tiers: unknown tier %q; use one of %v", t, atlas.SourceTiers)
		}
	}
	if atlas.AllTiers(tiers) {
		return nil, nil
	}
	return slices.Compact(slices.Sorted(slices.Values(tiers))), nil
}

// inTiers reports whether relation r belongs to tiers, by the tiers import stored on it
// (atlas.Relation.BelongsToTiers, the rule of atlas.RelationInTiers; the projection's
// relations are prepared, see Build).
func (p *Projection) inTiers(r *atlas.Relation, tiers []atlas.SourceTier) bool {
	return r.BelongsToTiers(tiers)
}

// nodeInTiers reports whether node n belongs to tiers (atlas.NodeInTiers), looking its
// sources up in the projection.
func (p *Projection) nodeInTiers(n atlas.Node, tiers []atlas.SourceTier) bool {
	return atlas.NodeInTiers(n, tiers, p.source)
}

// source returns the projection's source with the given id, or nil; not a copy.
func (p *Projection) source(id string) *atlas.Source {
	s, _ := p.nodes[id].(*atlas.Source)
	return s
}

// tierString is the tiers' part of a filter's cache key.
func tierString(tiers []atlas.SourceTier) string {
	var out string
	for _, t := range tiers {
		out += string(t) + ","
	}
	return out
}
