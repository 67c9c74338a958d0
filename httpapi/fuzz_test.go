package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/httpapi"
)

// FuzzGraphQLBody sends any body to /graphql: the answer is never a 5xx (a panic would
// be one), and a 200 is JSON with data or errors.
func FuzzGraphQLBody(f *testing.F) {
	for _, s := range []string{
		``, `{`, `[]`, `{"query": 123}`, `{"query": "{ __typename }"}`, `{"query": "{ __typename"}`,
		`{"query": "query($d: PartialDate) { groups(filter: {activeAsOf: $d}) { totalCount } }", "variables": {"d": "2018-13"}}`,
		`{"query": "{ groups(first: 2) { nodes { id } pageInfo { endCursor } } }"}`,
		`{"query": "{ ...A } fragment A on Query { ...A }"}`,
		`{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}`,
		`{"query": "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }", "variables": {"r": [{"__typename": "Group", "id": 1}]}}`,
	} {
		f.Add(s)
	}
	h := httpapi.New(fixture(f), httpapi.Options{Log: zerolog.Nop()})
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("body %q: %d %s", body, rec.Code, rec.Body)
		}
		if out := rec.Body.String(); !strings.Contains(out, `"data"`) && !strings.Contains(out, `"errors"`) {
			t.Fatalf("body %q: %d %s", body, rec.Code, out)
		}
	})
}

// FuzzExportParams sends any query string to an export: never a 5xx.
func FuzzExportParams(f *testing.F) {
	for _, s := range []string{"", "ids=person/xi-jinping&depth=2", "depth=-1", "limit=99999999999999999999", "asOf=2018-13", "nodeTypes=GROUP,PERSON", "relationshipTypes=CHAIRS&ids=x", "x=1", "ids=%zz"} {
		f.Add(s)
	}
	h := httpapi.New(fixture(f), httpapi.Options{Log: zerolog.Nop()})
	f.Fuzz(func(t *testing.T, query string) {
		req := httptest.NewRequest(http.MethodGet, "/export/cytoscape.json", nil)
		req.URL.RawQuery = query
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("query %q: %d %s", query, rec.Code, rec.Body)
		}
	})
}
