package graph

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestSelectedCursors: a page seals the cursors its selection writes out, however it
// selects them (aliases, inline and named fragments, @include), and none when it selects
// only nodes. Each query's connection field is the first field of its operation (of the
// group selected, for a relationship connection).
func TestSelectedCursors(t *testing.T) {
	const all, edges, ends, none = "all", "edges", "ends", "none"
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		want        string
	}{
		{"nodes only", `{ groups { nodes { id } } }`, nil, none},
		{"edges without cursor", `{ groups { edges { node { id } } totalCount } }`, nil, none},
		{"pageInfo without cursors", `{ groups { pageInfo { hasNextPage } } }`, nil, none},
		{"edge cursors", `{ groups { edges { cursor } } }`, nil, edges},
		{"end cursor", `{ groups { pageInfo { endCursor } } }`, nil, ends},
		{"start cursor", `{ groups { pageInfo { startCursor } } }`, nil, ends},
		{"both", `{ groups { edges { cursor node { id } } pageInfo { startCursor endCursor } } }`, nil, all},
		{"aliased", `{ groups { e: edges { c: cursor } } }`, nil, edges},
		{"inline fragments", `{ groups { ... on GroupConnection { edges { ... on GroupEdge { cursor } } } } }`, nil, edges},
		{"named fragment", `{ groups { ...Page } } fragment Page on GroupConnection { pageInfo { endCursor } }`, nil, ends},
		{"included", `query($c: Boolean!) { groups { edges { cursor @include(if: $c) } } }`, map[string]any{"c": true}, edges},
		{"not included", `query($c: Boolean!) { groups { edges { cursor @include(if: $c) } } }`, map[string]any{"c": false}, none},
		{"skipped", `{ groups { pageInfo @skip(if: true) { endCursor } } }`, nil, none},
		{"relationship connection", `{ group(id: "group/a") { membersConnection { edges { cursor } } } }`, nil, edges},
		{"relationship nodes", `{ group(id: "group/a") { membersConnection { nodes { id } } } }`, nil, none},
		{"ranking", `{ ranking(by: MEMBERS) { pageInfo { endCursor } nodes { id } } }`, nil, ends},
	} {
		doc, errs := gqlparser.LoadQueryWithRules(schema, tc.query, nil)
		if errs != nil {
			t.Fatalf("%s: %v", tc.name, errs)
		}
		op := doc.Operations[0]
		field := op.SelectionSet[0].(*ast.Field)
		if tc.name == "relationship connection" || tc.name == "relationship nodes" {
			field = field.SelectionSet[0].(*ast.Field)
		}
		ctx := graphql.WithOperationContext(context.Background(), &graphql.OperationContext{Doc: doc, Operation: op, Variables: tc.vars})
		ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Field: graphql.CollectedField{Field: field, Selections: field.SelectionSet}})
		got := selectedCursors(ctx)
		want := map[string]cursorUse{all: {true, true}, edges: {edges: true}, ends: {ends: true}, none: {}}[tc.want]
		if got != want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, want)
		}
	}
	if got := selectedCursors(context.Background()); got != (cursorUse{true, true}) {
		t.Errorf("outside a field: %+v, want every cursor", got)
	}
}
