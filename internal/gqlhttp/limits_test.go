package gqlhttp_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"lsgatlas/internal/gqlhttp"
	"lsgatlas/seed"
)

// introspectionQuery is the query GraphiQL sends to load the schema (the long form with
// deep ofType chains); the limits must let it through.
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}`

func repeat(n int, f func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(f(i))
		b.WriteByte(' ')
	}
	return b.String()
}

// TestLimitsRefuseBeforeWork: each limit refuses with LIMIT_EXCEEDED naming the limit
// and the computed value, and fast even for documents that validation would take
// quadratic time over.
func TestLimitsRefuseBeforeWork(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	l := gqlhttp.DefaultLimits
	for _, tc := range []struct {
		name, query, limit string
		value              int
	}{
		{"six-deep relationships", `{ ` + deepQuery(6) + ` }`, "depth", 1 + 6*2 + 1},
		{"five-deep relationships", `{ ` + deepQuery(5) + ` }`, "cost", 0},
		{"__schema aliases", `{ ` + repeat(5000, func(i int) string { return fmt.Sprintf("s%d: __schema { types { name } }", i) }) + ` }`, "query size (bytes)", 0},
		{"__schema aliases, short", `{ ` + repeat(60, func(i int) string { return fmt.Sprintf("s%d: __schema { types { fields { name } } }", i) }) + ` }`, "cost", 0},
		{"many aliases", `{ ` + repeat(150, func(i int) string { return fmt.Sprintf("a%d: __typename", i) }) + ` }`, "aliases", 150},
		{"3000 same-named fields, different args", `{ ` + repeat(3000, func(i int) string { return fmt.Sprintf(`group(id: "g%d") { id }`, i) }) + ` }`, "query size (bytes)", 0},
		{"1000 same-named fields, different args", `{ ` + repeat(1000, func(i int) string { return fmt.Sprintf(`node(id:"%d"){id}`, i) }) + ` }`, "tokens", l.MaxTokens + 1},
		{"20000 duplicate fields", `{ ` + strings.Repeat("__typename ", 20000) + ` }`, "query size (bytes)", 0},
		{"2500 duplicate fields", `{ ` + strings.Repeat("__typename ", 2500) + ` }`, "fields per selection set", 2500},
		{"fields spread in from fragments", `{ ...F ...G } fragment F on Query { ` + strings.Repeat("__typename ", 150) + ` } fragment G on Query { ` + strings.Repeat("__typename ", 150) + ` }`, "fields per selection set", 300},
		{"fragment explosion", fragmentBomb(30), "fields per selection set", 256},
		{"first multiplies", `{ people(first: 100) { nodes { ` + strings.Repeat(`relationships { to { ... on Person { `, 3) + `id` + strings.Repeat(` } } }`, 3) + ` } } }`, "cost", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			r := post(t, srv, tc.query, nil)
			took := time.Since(start)
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "LIMIT_EXCEEDED" || r.Errors[0].Extensions["limit"] != tc.limit {
				t.Fatalf("got %+v, want a %s refusal", r.Errors, tc.limit)
			}
			if v := r.Errors[0].Extensions["value"]; tc.value != 0 && v != float64(tc.value) {
				t.Errorf("value = %v, want %d", v, tc.value)
			}
			if !strings.Contains(r.Errors[0].Message, tc.limit) {
				t.Errorf("message %q does not name the limit", r.Errors[0].Message)
			}
			t.Logf("measured: refusal in %v", took.Round(time.Microsecond))
		})
	}
}

// fragmentBomb is a document of n fragments each spreading the next twice: 2^n fields
// when expanded, a few hundred bytes as text.
func fragmentBomb(n int) string {
	q := `{ node(id: "group/x") { ...F0 } }`
	for i := range n {
		q += fmt.Sprintf(" fragment F%d on Node { ...F%d ...F%d }", i, i+1, i+1)
	}
	return q + fmt.Sprintf(" fragment F%d on Node { id }", n)
}

func TestOrdinaryQueriesPassTheLimits(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for name, q := range map[string]string{
		"GraphiQL introspection":           introspectionQuery,
		"two levels of relationships":      `{ node(id: "person/xi-jinping") { ` + strings.Repeat(`... on Person { relationships { to { `, 2) + `id` + strings.Repeat(` } } }`, 2) + ` }`,
		"a page of groups with members":    `{ groups(first: 100) { nodes { id members { node { label } sources { source { id } } } } } }`,
		"fragment cycle is for validation": `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
	} {
		t.Run(name, func(t *testing.T) {
			r := post(t, srv, q, nil)
			for _, e := range r.Errors {
				if e.Extensions["code"] == "LIMIT_EXCEEDED" {
					t.Errorf("refused: %s", e.Message)
				}
			}
		})
	}
}

// TestListSizesCoverTheData keeps ListSize and SmallListSize honest: they are meant
// to be at least the largest fan-out of the bundled dataset.
func TestListSizesCoverTheData(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	degree := map[string]int{}
	small := 0
	for _, r := range ds.Relations {
		degree[r.From]++
		degree[r.To]++
		small = max(small, len(r.Sources), len(r.Attested))
	}
	for _, n := range ds.Nodes() {
		small = max(small, len(n.Citations()))
	}
	most := 0
	for _, d := range degree {
		most = max(most, d)
	}
	if most > gqlhttp.DefaultLimits.ListSize || small > gqlhttp.DefaultLimits.SmallListSize {
		t.Errorf("the data has %d relationships on one node and lists of %d values; ListSize %d, SmallListSize %d undercount",
			most, small, gqlhttp.DefaultLimits.ListSize, gqlhttp.DefaultLimits.SmallListSize)
	}
}
