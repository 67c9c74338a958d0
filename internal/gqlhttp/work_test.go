package gqlhttp_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// costOf is the cost the server reports for query with vars (a JSON object).
func costOf(t *testing.T, url, query, vars string) float64 {
	t.Helper()
	r := do(t, "POST", url, jsonType, "", fmt.Sprintf(`{"query": %q, "variables": %s}`, query, vars), "Atlas-Cost", "1")
	ext, _ := r.decode(t)["extensions"].(map[string]any)
	cost, _ := ext["cost"].(map[string]any)
	c, ok := cost["cost"].(float64)
	if !ok {
		t.Fatalf("no cost for %s: %s", query, r.body)
	}
	return c
}

// A period costs periodWork (8) times the work of a date, priced before the work.
func TestAnalyticsDuringIsPriced(t *testing.T) {
	srv := newServer(t, seedStore(t))
	cost := func(field string) float64 { return costOf(t, srv.URL, "{ "+field+" }", "{}") }
	for _, tc := range []struct {
		atDate, overPeriod string
		date, period       float64
	}{
		{`statistics(asOf: "2017") { asOf }`, `statistics(during: {from: "2017", to: "2019"}) { asOf }`, 552, 4050},
		{`centrality(metric: DEGREE, asOf: "2017", first: 1) { value }`, `centrality(metric: DEGREE, during: {from: "2017", to: "2019"}, first: 1) { value }`, 2 + 805, 2 + 8*805},
		{`shortestPaths(from: "person/zhou-enlai", to: "person/xi-jinping", asOf: "2017", first: 1) { length }`, `shortestPaths(from: "person/zhou-enlai", to: "person/xi-jinping", during: {from: "2017", to: "2019"}, first: 1) { length }`, 2 + 805, 2 + 8*805},
	} {
		date, period := cost(tc.atDate), cost(tc.overPeriod)
		if date != tc.date || period != tc.period {
			t.Errorf("cost of %s = %v and over a period %v, want %v and %v", tc.atDate, date, period, tc.date, tc.period)
		}
	}
}

// A centrality given ids returns a score per id whatever its default first (20), so it
// is priced by the larger of the two.
func TestCentralityOfIDsIsPricedByItsIDs(t *testing.T) {
	srv := newServer(t, seedStore(t))
	ids := func(n int) string {
		return strings.TrimSuffix(strings.Repeat(`"person/xi-jinping",`, n), ",")
	}
	// The first analytics request builds the projection whose sizes price the rest.
	costOf(t, srv.URL, `{ centrality(metric: DEGREE, first: 1) { value } }`, `{}`)
	if got := costOf(t, srv.URL, `{ centrality(metric: DEGREE, asOf: "2017", first: 1) { value } }`, `{}`); got != 1+805+1 {
		t.Fatalf("cost of one score %v, want %v", got, 1+805+1)
	}
	for _, tc := range []struct {
		name, query, vars string
		want              float64
	}{
		{"30 ids", `{ centrality(metric: DEGREE, asOf: "2017", ids: [` + ids(30) + `]) { value } }`, `{}`, 1 + 805 + 30},
		{"3 ids, the default first counted", `{ centrality(metric: DEGREE, asOf: "2017", ids: [` + ids(3) + `]) { value } }`, `{}`, 1 + 805 + 20},
		{"30 ids in a variable", `query($ids: [ID!]) { centrality(metric: DEGREE, asOf: "2017", ids: $ids) { value } }`, `{"ids": [` + ids(30) + `]}`, 1 + 805 + 30},
	} {
		if got := costOf(t, srv.URL, tc.query, tc.vars); got != tc.want {
			t.Errorf("%s: cost %v, want %v", tc.name, got, tc.want)
		}
	}
}

// list is a JSON list of n items.
func list(n int, item string) string {
	return "[" + strings.TrimSuffix(strings.Repeat(item+",", n), ",") + "]"
}

const personRep = `{"__typename": "Person", "id": "person/xi-jinping"}`

// _entities is priced by its representations as nodes is by its ids. It cost a fixed
// ListSize (100) items whatever their number: 15,000 representations cost what 100 did.
func TestEntitiesArePricedByTheirRepresentations(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	const selection = `{ ... on Person { id chairs { id node { id } } } }`
	rep, id := personRep, `"person/xi-jinping"`
	entities := `query($r: [_Any!]!) { _entities(representations: $r) ` + selection + ` }`
	nodes := `query($ids: [ID!]!) { nodes(ids: $ids) ` + selection + ` }`
	// Per item: id 1 + chairs (1 + ListSize 100 × (id 1 + node (1 + id 1))) = 302.
	for _, tc := range []struct {
		name, query, vars string
		want              float64
	}{
		{"one representation", entities, `{"r": ` + list(1, rep) + `}`, 1 + 302},
		{"100 representations", entities, `{"r": ` + list(100, rep) + `}`, 1 + 100*302},
		{"1000 representations", entities, `{"r": ` + list(1000, rep) + `}`, 1 + 1000*302},
		{"1000 ids", nodes, `{"ids": ` + list(1000, id) + `}`, 1 + 1000*302},
		{"3000 representations", entities, `{"r": ` + list(3000, rep) + `}`, 1 + 3000*302},
		{"15000 representations", entities, `{"r": ` + list(15000, rep) + `}`, 1 + 15000*302},
		{"a single representation, not in a list", `{ _entities(representations: {__typename: "Person", id: "person/xi-jinping"}) ` + selection + ` }`, `{}`, 1 + 302},
		{"two literal representations", `{ _entities(representations: [{__typename: "Person", id: "person/xi-jinping"}, {__typename: "Person", id: "person/xi-jinping"}]) ` + selection + ` }`, `{}`, 1 + 2*302},
	} {
		if got := costOf(t, srv.URL, tc.query, tc.vars); got != tc.want {
			t.Errorf("%s: cost %v, want %v", tc.name, got, tc.want)
		}
	}
}

// _entities takes at most as many representations as nodes takes ids (1000); it had no
// bound.
func TestEntitiesTakeAtMost1000Representations(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, tc := range []struct {
		n    int
		want string
	}{
		{1000, ``},
		{1001, `{"message":"_entities takes at most 1000 representations, got 1001","path":["_entities","representations"],"extensions":{"code":"INVALID"}}`},
		{15000, `{"message":"_entities takes at most 1000 representations, got 15000","path":["_entities","representations"],"extensions":{"code":"INVALID"}}`},
	} {
		r := do(t, "POST", srv.URL, jsonType, "", fmt.Sprintf(`{"query": %q, "variables": {"r": %s}}`, `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, list(tc.n, personRep)))
		var resp struct {
			Errors []json.RawMessage `json:"errors"`
		}
		if err := json.Unmarshal([]byte(r.body), &resp); err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(resp.Errors) > 0 {
			got = string(resp.Errors[0])
		}
		if r.status != 200 || len(resp.Errors) > 1 || got != tc.want {
			t.Errorf("%d representations: %d %.300s\nwant the one error %s", tc.n, r.status, r.body, tc.want)
		}
	}
}
