package graph

import (
	"context"
	"slices"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/graph/model"
)

// keepTiers filters the edges a relationship field returns to the tiers asked for. The
// stored relations carry their tiers (the store filters plain fields by them, see
// storeTiers), so atlas.KeepStoredTiers decides without reading anything; only an edge
// whose evidence a knownBy date withheld in part, or a stored and derived chair with no
// derivation in the tiers, has its sources looked up (atlas.KeepTiers) in the analytics
// projection, the one snapshot both stores share.
func (r *Resolver) keepTiers(ctx context.Context, tiers []atlas.SourceTier) func([]atlas.Edge, error) ([]atlas.Edge, error) {
	return func(es []atlas.Edge, err error) ([]atlas.Edge, error) {
		if err != nil || atlas.AllTiers(tiers) {
			return es, err
		}
		if kept, ok := atlas.KeepStoredTiers(es, tiers); ok {
			return kept, nil
		}
		p, err := r.Analytics.Get(ctx)
		if err != nil {
			return nil, err
		}
		return atlas.KeepTiers(es, tiers, p.Source), nil
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
	out := cs[:0:0]
	for _, c := range cs {
		if atlas.CitedInTiers(c.Sources, tiers, p.Source) {
			out = append(out, c)
		}
	}
	return out, nil
}

// listTiers hands a list's tiers to the store (NodeFilter.Tiers: the store narrows the
// filter's sources to those tiers with its own, atlas.NodeFilter.Resolved), so a list
// filtered by tier reads no snapshot.
func (r *Resolver) listTiers(_ context.Context, f atlas.NodeFilter, tiers []atlas.SourceTier) (atlas.NodeFilter, error) {
	f.Tiers = tiers
	return f, nil
}

func tiersOfGroup(f *model.GroupFilter) []atlas.SourceTier {
	if f == nil {
		return nil
	}
	return f.Tiers
}

func tiersOfName(f *model.NameFilter) []atlas.SourceTier {
	if f == nil {
		return nil
	}
	return f.Tiers
}

func tiersOfOffice(f *model.OfficeFilter) []atlas.SourceTier {
	if f == nil {
		return nil
	}
	return f.Tiers
}

func tiersOfInstitution(f *model.InstitutionFilter) []atlas.SourceTier {
	if f == nil {
		return nil
	}
	return f.Tiers
}

// eventsInTiers keeps the timeline events whose sources lie in tiers (atlas.CitedInTiers).
func eventsInTiers(p *analytics.Projection, events []analytics.Event, tiers []atlas.SourceTier) []analytics.Event {
	if atlas.AllTiers(tiers) {
		return events
	}
	return slices.DeleteFunc(slices.Clone(events), func(e analytics.Event) bool { return !atlas.CitedInTiers(e.Sources, tiers, p.Source) })
}

// countsInTiers keeps the reported counts whose sources lie in tiers (atlas.CitedInTiers).
func countsInTiers(p *analytics.Projection, counts []atlas.ReportedCount, tiers []atlas.SourceTier) []atlas.ReportedCount {
	if atlas.AllTiers(tiers) {
		return counts
	}
	return slices.DeleteFunc(slices.Clone(counts), func(c atlas.ReportedCount) bool { return !atlas.CitedInTiers(c.Sources, tiers, p.Source) })
}
