package graph

// Helpers for the analytics resolvers: building filters from arguments and turning the
// relations analytics returns into the Relationship edges the API speaks.

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

func filterOf(types []atlas.RelType, kinds []atlas.NodeKind, asOf *atlas.PartialDate) analytics.Filter {
	return analytics.Filter{AsOf: asOf, RelTypes: types, NodeKinds: kinds}
}

// intOr reads an optional Int argument; the schema gives defaults, but a client may
// still pass null explicitly.
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
	asOf, _ := ancestorArg(ctx, "asOf").(*atlas.PartialDate)
	tiers, _ := ancestorArg(ctx, "tiers").([]atlas.SourceTier)
	return analyticsEdges(rels, asOf, tiers)
}

// analyticsEdges is relationEdges with the date and tiers given; the planner calls it too.
func analyticsEdges(rels []atlas.Relation, asOf *atlas.PartialDate, tiers []atlas.SourceTier) []atlas.Edge {
	out := make([]atlas.Edge, 0, len(rels))
	for _, r := range rels {
		out = append(out, atlas.EdgesFrom(r.From, []atlas.Relation{r}, asOf, tiers...)...)
	}
	return out
}
