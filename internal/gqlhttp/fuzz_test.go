package gqlhttp

import (
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"lsgatlas/graph"
)

// FuzzQueryLimits runs the limit checks and the cost model on any query text and
// variables: never a panic, and measuring takes time linear in the text (a fragment
// bomb must not expand).
func FuzzQueryLimits(f *testing.F) {
	for _, s := range []string{
		`{ __typename }`, `{ groups(first: 5) { nodes { id } } }`, `query($n: Int) { groups(first: $n) { nodes { id } } }`,
		`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
		`{ node(id: "x") { ...F0 } } fragment F0 on Node { ...F1 ...F1 } fragment F1 on Node { ...F2 ...F2 } fragment F2 on Node { id }`,
		`{ __schema { types { fields { args { type { ofType { name } } } } } } }`,
		`{ a: __typename b: __typename }`, `{ nodes(ids: ["a", "b"]) { id } }`, `{`, `query { ... on Query { ... on Group { id } } }`,
	} {
		f.Add(s, int64(3))
	}
	schema := graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}).Schema()
	limits := newQueryLimits(DefaultLimits.withDefaults(), schema, newQueryCache(10, 1<<20), nil)
	f.Fuzz(func(t *testing.T, query string, n int64) {
		doc, lerr := limits.document(query)
		if lerr != nil || doc == nil {
			return
		}
		_, _, _, _ = limits.measure(doc, "", map[string]any{"n": n, "ids": []any{"a"}})
		// No wall-clock bound here: a document that made measure run away would hang the
		// fuzzer, which go test's -timeout reports with the input that did it.
		if _, err := parser.ParseQuery(&ast.Source{Input: query}); err != nil {
			t.Fatalf("document accepted a query the parser refuses: %v", err)
		}
	})
}
