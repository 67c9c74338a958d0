package graph

import (
	"context"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
	"lsgatlas/graph/model"
)

// What a field's time and filter arguments become for the loaders and the stores.

// whenOf reads the asOf, during and knownBy arguments of a field.
func whenOf(ctx context.Context, asOf *atlas.PartialDate, during *atlas.Period, knownBy *atlas.PartialDate) (atlas.When, error) {
	w, err := atlas.NewWhen(asOf, during)
	if err == nil {
		w.Known, err = loader.For(ctx).KnownBy(ctx, knownBy)
	}
	return w, err
}

// knownSources refuses a source filter naming a source id that no source has: its
// answer would be an empty list, as if that source cited nothing; and includeRelayed
// with no sources to widen. A malformed or non-source id is left to the store, which
// refuses it; the ids are read through the loaders, once a request.
func knownSources(ctx context.Context, sources []string, relayed bool) error {
	if relayed && len(sources) == 0 {
		return atlas.CheckSourceFilter("sources", sources, relayed)
	}
	if len(sources) == 0 || atlas.CheckSourceIDs("sources", sources) != nil {
		return nil
	}
	nodes, err := loader.For(ctx).Nodes(ctx, sources)
	if err != nil {
		return err
	}
	for i, n := range nodes {
		if _, ok := n.(*atlas.Source); !ok {
			return atlas.Errorf(atlas.EINVALID, "sources: no source has the id %q", sources[i])
		}
	}
	return nil
}

// isTrue reads an optional Boolean argument.
func isTrue(b *bool) bool { return b != nil && *b }

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func groupFilter(f *model.GroupFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{
		NameContains: str(f.NameContains), GroupKinds: f.Kinds, Systems: f.Systems, Levels: f.Levels,
		Horizons: f.Horizons, Categories: f.Categories, CrossSystem: f.CrossSystem, ActiveAsOf: f.ActiveAsOf, CitedBy: f.Sources, IncludeRelayed: isTrue(f.IncludeRelayed),
	}
}

func nameFilter(f *model.NameFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{NameContains: str(f.NameContains), CitedBy: f.Sources, IncludeRelayed: isTrue(f.IncludeRelayed)}
}

func officeFilter(f *model.OfficeFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{NameContains: str(f.NameContains), OfficeKinds: f.Kinds, CitedBy: f.Sources, IncludeRelayed: isTrue(f.IncludeRelayed)}
}

func institutionFilter(f *model.InstitutionFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{NameContains: str(f.NameContains), InstitutionKinds: f.Kinds, Systems: f.Systems, CitedBy: f.Sources, IncludeRelayed: isTrue(f.IncludeRelayed)}
}

func sourceFilter(f *model.SourceFilter) atlas.NodeFilter {
	if f == nil {
		return atlas.NodeFilter{}
	}
	return atlas.NodeFilter{NameContains: str(f.NameContains), SourceKinds: f.Kinds, CitedBy: f.Sources, IncludeRelayed: isTrue(f.IncludeRelayed)}
}
