package graph

// Helpers for the analytics resolvers: building filters from arguments and turning the
// relations analytics returns into the Relationship edges the API speaks.

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
)

// filterOf is the analytics filter of the arguments the analytics fields share.
func filterOf(types []atlas.RelType, kinds []atlas.NodeKind, asOf *atlas.PartialDate, during *atlas.Period, knownBy *atlas.PartialDate, sources []string, includeRelayed *bool, tiers []atlas.SourceTier) analytics.Filter {
	return analytics.Filter{AsOf: asOf, During: during, KnownBy: knownBy, RelTypes: types, NodeKinds: kinds,
		Sources: sources, IncludeRelayed: isTrue(includeRelayed), Tiers: tiers}
}

// ancestorWhen is the asOf date, during period and knownBy date of the query field above.
func ancestorWhen(ctx context.Context) atlas.When {
	asOf, _ := ancestorArg(ctx, "asOf").(*atlas.PartialDate)
	var during *atlas.Period
	switch d := ancestorArg(ctx, "during").(type) {
	case *atlas.Period:
		during = d
	case atlas.Period: // a required period (networkFrames)
		during = &d
	}
	knownBy, _ := ancestorArg(ctx, "knownBy").(*atlas.PartialDate)
	w := atlas.When{AsOf: asOf, During: during}
	if l := loader.From(ctx); l != nil {
		w.Known, _ = l.KnownBy(ctx, knownBy) // the root field has read it already
	}
	return w
}

// intOr reads an optional Int argument the schema gives no default, def being the
// domain's (arguments with a schema default are read with intOrSchema).
func intOr(v *int, def int) int {
	if v == nil {
		return def
	}
	return *v
}

// ancestorArg finds the argument name of the nearest enclosing field that has it: how
// a nested field (the relationships of a path) learns the asOf date or the subject id
// its root query was asked with.
func ancestorArg(ctx context.Context, name string) any {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if v, ok := fc.Args[name]; ok {
			return v
		}
	}
	return nil
}

// relationEdges turns relations into edges seen from their from end, with their holding
// at the asOf of the query field above, if any, read in its tiers.
func relationEdges(ctx context.Context, rels []atlas.Relation) []atlas.Edge {
	tiers, _ := ancestorArg(ctx, "tiers").([]atlas.SourceTier)
	return analyticsEdges(rels, ancestorWhen(ctx), tiers)
}

// analyticsEdges is relationEdges with the date and tiers given; the planner calls it too.
func analyticsEdges(rels []atlas.Relation, w atlas.When, tiers []atlas.SourceTier) []atlas.Edge {
	out := make([]atlas.Edge, 0, len(rels))
	for _, r := range rels {
		out = append(out, atlas.EdgesWhen(r.From, []atlas.Relation{r}, w, tiers...)...)
	}
	return out
}
