package graph

import (
	"context"
	"slices"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// countingAdmission admits every object and records how many fields each asked for.
type countingAdmission struct{ asked []int }

func (c *countingAdmission) AdmitFields(_ context.Context, n int) bool {
	c.asked = append(c.asked, n)
	return true
}

// TestCollectAdmittedKeepsWhatGqlgenCollects: the fields an object collects through the
// operation's memo are those gqlgen collects for its type, asked alternately for two
// types on one selection (a memo keyed by the selection alone would answer the second
// type with the first's), and the count each object is admitted with leaves __typename
// out.
func TestCollectAdmittedKeepsWhatGqlgenCollects(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	doc, errs := gqlparser.LoadQuery(schema, `query($withKind: Boolean!) { nodes(ids: ["group/x"]) {
		__typename id ... on Person { name born } ... on Group { name kind @include(if: $withKind) established } } }`)
	if errs != nil {
		t.Fatal(errs)
	}
	op := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0], Variables: map[string]any{"withKind": false}}
	admission := &countingAdmission{}
	AdmitFieldsBy(op, admission)
	sel := doc.Operations[0].SelectionSet[0].(*ast.Field).SelectionSet
	names := func(fields []graphql.CollectedField) []string {
		var out []string
		for _, f := range fields {
			out = append(out, f.Name)
		}
		return out
	}
	want := map[string][]string{
		"Person": {"__typename", "id", "name", "born"},
		"Group":  {"__typename", "id", "name", "established"},
	}
	for _, satisfies := range [][]string{personImplementors, groupImplementors, personImplementors, groupImplementors} {
		got := names(collectAdmitted(context.Background(), op, sel, satisfies))
		if !slices.Equal(got, want[satisfies[0]]) {
			t.Errorf("%s collects %v, want %v", satisfies[0], got, want[satisfies[0]])
		}
		if gqlgen := names(graphql.CollectFields(op, sel, satisfies)); !slices.Equal(got, gqlgen) {
			t.Errorf("%s collects %v, gqlgen %v", satisfies[0], got, gqlgen)
		}
	}
	if want := []int{3, 3, 3, 3}; !slices.Equal(admission.asked, want) {
		t.Errorf("objects admitted with %v fields, want %v", admission.asked, want)
	}
}
