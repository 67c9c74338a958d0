package graph_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestInvalidInput checks that bad input gets a GraphQL error with a code and a useful
// message, and never a 500 or a panic.
func TestInvalidInput(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		code, msg   string
	}{
		{"malformed id", `{ node(id: "Xi Jinping") { id } }`, nil, "INVALID", `invalid id "Xi Jinping"`},
		{"id of another kind", `{ group(id: "person/xi-jinping") { id } }`, nil, "INVALID", "names a PERSON, not a GROUP"},
		{"bad date literal", `{ group(id: "group/foreign-affairs-lsg") { chairs(asOf: "2018-13") { id } } }`, nil, "INVALID", `invalid date "2018-13"`},
		{"bad date variable", `query($d: PartialDate) { group(id: "group/foreign-affairs-lsg") { chairs(asOf: $d) { id } } }`, map[string]any{"d": "20xx"}, "INVALID", `invalid date "20xx"`},
		{"empty date", `{ groups(filter: {activeAsOf: ""}) { totalCount } }`, nil, "INVALID", `invalid date ""`},
		{"date of wrong type", `query($d: PartialDate) { groups(filter: {activeAsOf: $d}) { totalCount } }`, map[string]any{"d": 2018}, "INVALID", `must be a string like "2018", "2018-03" or "2018-03-21", got 2018`},
		{"unknown enum", `{ groups(filter: {kinds: [CABAL]}) { totalCount } }`, nil, "GRAPHQL_VALIDATION_FAILED", "CABAL"},
		{"unknown enum variable", `query($k: [GroupKind!]) { groups(filter: {kinds: $k}) { totalCount } }`, map[string]any{"k": []string{"CABAL"}}, "GRAPHQL_VALIDATION_FAILED", "CABAL"},
		{"negative first", `{ groups(first: -1) { totalCount } }`, nil, "INVALID", "first must be between 0 and 100, got -1"},
		{"first too large", `{ people(first: 1000) { totalCount } }`, nil, "INVALID", "first must be between 0 and 100, got 1000"},
		{"bad cursor", `{ groups(after: "nope") { totalCount } }`, nil, "INVALID", "invalid cursor"},
		{"ordering that does not apply", `{ groups(orderBy: {field: ESTABLISHED}) { totalCount } }`, nil, "", ""},
		{"empty search", `{ search(text: " ") { score } }`, nil, "INVALID", "no letters or digits"},
		{"search limit", `{ search(text: "xi", first: -5) { score } }`, nil, "INVALID", "first must be between 0 and 100, got -5"},
		{"search results limit", `{ searchResults(text: "xi", first: -1) { total } }`, nil, "INVALID", "first must be between 0 and 100, got -1"},
		{"year range", `{ reportedCounts(fromYear: 2020, toYear: 2000) { id } }`, nil, "INVALID", "fromYear 2020 is after toYear 2000"},
		{"unknown field", `{ group(id: "group/foreign-affairs-lsg") { secretPolice } }`, nil, "GRAPHQL_VALIDATION_FAILED", "secretPolice"},
		{"syntax", `{ group(id: `, nil, "GRAPHQL_PARSE_FAILED", ""},
		{"malformed id in a list", `{ nodes(ids: ["person/xi-jinping", "bad"]) { id } }`, nil, "INVALID", `invalid id "bad"`},
		{"relationship of no id", `{ relationship(id: "") { id } }`, nil, "INVALID", `"" is not the id of a node, relationship or claim`},
		{"relationship of a malformed id", `{ relationship(id: "bogus") { id } }`, nil, "INVALID", `"bogus" is not the id of a node, relationship or claim`},
		{"centrality ranking a kind the network leaves out", `{ centrality(metric: DEGREE, rank: [STATEMENT]) { value } }`, nil, "INVALID", "rank: STATEMENT is not in the network (nodeTypes keeps [GROUP OFFICE INSTITUTION POSITION PERSON]); add it to nodeTypes to rank it"},
		{"conflicts of one source with itself", `{ conflicts(sources: ["source/alpha", "source/alpha"]) { property } }`, nil, "INVALID", "sources: name two or more sources to compare, or none to compare any two"},
		{"ranking a kind that has no counts", `{ ranking(by: SEATS, types: [SOURCE]) { totalCount } }`, nil, "INVALID", "types: SOURCE is not ranked (it has no relationships of the network)"},
		// includeRelayed widens a sources filter: alone it was ignored in silence.
		{"includeRelayed without sources", `{ group(id: "group/foreign-affairs-lsg") { members(includeRelayed: true) { id } } }`, nil, "INVALID", "includeRelayed widens a sources filter to the works those sources relay: give sources with it"},
		{"includeRelayed without sources in a list filter", `{ groups(filter: {includeRelayed: true}) { totalCount } }`, nil, "INVALID", "includeRelayed widens a sources filter"},
		{"includeRelayed without sources in analytics", `{ network(includeRelayed: true) { nodes { id } } }`, nil, "INVALID", "includeRelayed widens a sources filter"},
		{"too many ids", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": manyIDs(1001)}, "INVALID", "at most 1000 ids"},
		// Input coercion as the specification says (section 3.5): gqlparser alone took "10"
		// for an Int and named 10.5 as "value 0".
		{"string for an Int variable", `query($n: Int) { groups(first: $n) { totalCount } }`, map[string]any{"n": "10"}, "GRAPHQL_VALIDATION_FAILED", `Variable "$n" got invalid value "10"; Int cannot represent a non-integer value: "10"`},
		{"fraction for an Int variable", `query($n: Int) { groups(first: $n) { totalCount } }`, map[string]any{"n": 10.5}, "GRAPHQL_VALIDATION_FAILED", "Int cannot represent a non-integer value: 10.5"},
		{"Int beyond 32 bits", `query($n: Int) { groups(first: $n) { totalCount } }`, map[string]any{"n": 1 << 40}, "GRAPHQL_VALIDATION_FAILED", "non 32-bit signed integer value: 1099511627776"},
		{"string for an Int literal", `{ groups(first: "10") { totalCount } }`, nil, "GRAPHQL_VALIDATION_FAILED", `Int cannot represent non-integer value: "10"`},
		{"number for a String variable", `query($t: String!) { search(text: $t) { score } }`, map[string]any{"t": 42}, "GRAPHQL_VALIDATION_FAILED", "String cannot represent a non-string value: 42"},
		{"lower-case enum in an input object", `query($f: GroupFilter) { groups(filter: $f) { totalCount } }`, map[string]any{"f": map[string]any{"kinds": []any{"lsg"}}}, "GRAPHQL_VALIDATION_FAILED", `"lsg" does not name a value of GroupKind`},
		{"number for an enum variable", `query($m: CentralityMetric!) { centrality(metric: $m) { value } }`, map[string]any{"m": 3}, "GRAPHQL_VALIDATION_FAILED", "3 does not name a value of CentralityMetric"},
		// Errors name the argument the client sent, and a page out of range is INVALID,
		// not a cost over the limit.
		{"shortestPaths first", `{ shortestPaths(from: "person/xi-jinping", to: "person/hu-jintao", first: 1000) { length } }`, nil, "INVALID", "first must be between 1 and 100, got 1000"},
		{"first far out of range under nesting", `{ groups(first: 100000000) { nodes { relationships { to { id ... on Group { relationships { id } } } } } } }`, nil, "INVALID", "first must be between 0 and 100, got 100000000"},
		{"unknown source", `{ network(sources: ["source/no-such-source"]) { truncated } }`, nil, "INVALID", `no source has the id "source/no-such-source"`},
		{"search text too long", `query($t: String!) { search(text: $t) { score } }`, map[string]any{"t": strings.Repeat("x", 201)}, "INVALID", "at most 200 characters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.query, tc.vars)
			if tc.code == "" {
				if len(r.Errors) > 0 {
					t.Fatalf("unexpected errors %+v", r.Errors)
				}
				return
			}
			if len(r.Errors) == 0 {
				t.Fatalf("no error; data %s", r.Data)
			}
			e := r.Errors[0]
			if e.Extensions["code"] != tc.code || !strings.Contains(e.Message, tc.msg) {
				t.Errorf("error = %q code %v, want code %s containing %q", e.Message, e.Extensions["code"], tc.code, tc.msg)
			}
		})
	}
}

func TestNotFoundIsNull(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	r := post(t, srv, `{ group(id: "group/no-such-group") { id } node(id: "person/nobody") { id } nodes(ids: ["person/nobody", "person/hu-jintao"]) { id } }`, nil)
	if len(r.Errors) > 0 || string(r.Data) != `{"group":null,"node":null,"nodes":[null,{"id":"person/hu-jintao"}]}` {
		t.Errorf("got %s %+v", r.Data, r.Errors)
	}
}

func manyIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("person/p%d", i)
	}
	return ids
}

func TestSearchFirstZeroIsEmpty(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	r := post(t, srv, `{ search(text: "xi", first: 0) { score } }`, nil)
	if len(r.Errors) > 0 || string(r.Data) != `{"search":[]}` {
		t.Errorf("got %s %+v", r.Data, r.Errors)
	}
}

// An argument that fails to parse on a field of a list's objects is reported for each
// object, on its own path: the arguments are parsed once per field of the operation,
// but an error is not kept (graph/fieldargs.go).
func TestInvalidArgumentOnEveryObject(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
	}{
		{"literal", `{ groups(first: 2) { nodes { chairs(asOf: "2018-13") { holding } } } }`, nil},
		{"variable", `query($d: PartialDate) { groups(first: 2) { nodes { chairs(asOf: $d) { holding } } } }`, map[string]any{"d": "2018-13"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.query, tc.vars)
			var got []string
			for _, e := range r.Errors {
				got = append(got, fmt.Sprintf("%v %v %s", e.Path, e.Extensions["code"], e.Message))
			}
			want := []string{
				`[groups nodes 0 chairs asOf] INVALID invalid date "2018-13": month must be 01 to 12 (want YYYY, YYYY-MM or YYYY-MM-DD)`,
				`[groups nodes 1 chairs asOf] INVALID invalid date "2018-13": month must be 01 to 12 (want YYYY, YYYY-MM or YYYY-MM-DD)`,
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
