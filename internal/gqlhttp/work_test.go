package gqlhttp_test

import (
	"fmt"
	"testing"
)

// A period costs periodWork (8) times the work of a date, priced before the work.
func TestAnalyticsDuringIsPriced(t *testing.T) {
	srv := newServer(t, seedStore(t))
	costOf := func(field string) float64 {
		r := do(t, "POST", srv.URL, jsonType, "", fmt.Sprintf(`{"query": %q}`, "{ "+field+" }"), "Atlas-Cost", "1")
		ext, _ := r.decode(t)["extensions"].(map[string]any)
		cost, _ := ext["cost"].(map[string]any)
		c, ok := cost["cost"].(float64)
		if !ok {
			t.Fatalf("no cost for %s: %s", field, r.body)
		}
		return c
	}
	for _, tc := range []struct {
		atDate, overPeriod string
		date, period       float64
	}{
		{`statistics(asOf: "2017") { asOf }`, `statistics(during: {from: "2017", to: "2019"}) { asOf }`, 552, 4050},
		{`centrality(metric: DEGREE, asOf: "2017", first: 1) { value }`, `centrality(metric: DEGREE, during: {from: "2017", to: "2019"}, first: 1) { value }`, 2 + 805, 2 + 8*805},
		{`shortestPaths(from: "person/zhou-enlai", to: "person/xi-jinping", asOf: "2017", first: 1) { length }`, `shortestPaths(from: "person/zhou-enlai", to: "person/xi-jinping", during: {from: "2017", to: "2019"}, first: 1) { length }`, 2 + 805, 2 + 8*805},
	} {
		date, period := costOf(tc.atDate), costOf(tc.overPeriod)
		if date != tc.date || period != tc.period {
			t.Errorf("cost of %s = %v and over a period %v, want %v and %v", tc.atDate, date, period, tc.date, tc.period)
		}
	}
}
