package graph

import (
	"context"

	"lsgatlas/atlas"
)

// keepTiers filters the edges a relationship field returns to the tiers asked for
// (atlas.KeepTiers). Sources are looked up in the analytics projection, the one
// snapshot both stores share, so the two backends answer alike; nothing is read when
// every tier is asked for, which is the default.
func (r *Resolver) keepTiers(ctx context.Context, tiers []atlas.SourceTier) func([]atlas.Edge, error) ([]atlas.Edge, error) {
	return func(es []atlas.Edge, err error) ([]atlas.Edge, error) {
		if err != nil || atlas.AllTiers(tiers) {
			return es, err
		}
		p, err := r.Analytics.Get(ctx)
		if err != nil {
			return nil, err
		}
		source := func(id string) *atlas.Source {
			n, _ := p.Node(id)
			s, _ := n.(*atlas.Source)
			return s
		}
		return atlas.KeepTiers(es, tiers, source), nil
	}
}

// claimsInTiers keeps the property claims of cs whose sources lie in tiers
// (atlas.CitedInTiers), looked up like keepTiers.
func (r *Resolver) claimsInTiers(ctx context.Context, tiers []atlas.SourceTier, cs []atlas.PropertyClaim) ([]atlas.PropertyClaim, error) {
	if atlas.AllTiers(tiers) {
		return cs, nil
	}
	p, err := r.Analytics.Get(ctx)
	if err != nil {
		return nil, err
	}
	source := func(id string) *atlas.Source {
		n, _ := p.Node(id)
		s, _ := n.(*atlas.Source)
		return s
	}
	out := cs[:0:0]
	for _, c := range cs {
		if atlas.CitedInTiers(c.Sources, tiers, source) {
			out = append(out, c)
		}
	}
	return out, nil
}
