package gqlhttp_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/graph"
	"lsgatlas/internal/gqlhttp"
)

type rawResponse struct {
	status int
	header http.Header
	body   string
}

func (r rawResponse) decode(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(r.body), &m); err != nil {
		t.Fatalf("body %q is not JSON: %v", r.body, err)
	}
	return m
}

func (r rawResponse) firstCode(t *testing.T) string {
	t.Helper()
	errs, _ := r.decode(t)["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	ext, _ := errs[0].(map[string]any)["extensions"].(map[string]any)
	code, _ := ext["code"].(string)
	return code
}

func do(t *testing.T, method, target, contentType, accept, body string, header ...string) rawResponse {
	t.Helper()
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return rawResponse{resp.StatusCode, resp.Header, string(b)}
}

const (
	jsonType  = "application/json"
	gqlType   = "application/graphql-response+json"
	secretVar = "s3cr3t-value-do-not-log"
)

// TestUnreadableBodies: every body the server cannot read as one GraphQL request is a
// coded 4xx without data and without the body echoed back.
func TestUnreadableBodies(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, tc := range []struct {
		name, method, contentType, body string
		status                          int
		code                            string
	}{
		{"empty body", "POST", jsonType, "", 400, "INVALID"},
		{"malformed JSON", "POST", jsonType, `{"query": "{ __typename }", "x": ` + secretVar, 400, "INVALID"},
		{"batched array", "POST", jsonType, `[{"query": "{ __typename }"}]`, 400, "INVALID"},
		{"query is a number", "POST", jsonType, `{"query": 123}`, 400, "INVALID"},
		{"query is an object", "POST", jsonType, `{"query": {"a": 1}}`, 400, "INVALID"},
		{"no query", "POST", jsonType, `{"variables": {}}`, 400, "INVALID"},
		{"variables not an object", "POST", jsonType, `{"query": "{ __typename }", "variables": "` + secretVar + `"}`, 400, "INVALID"},
		{"extensions not an object", "POST", jsonType, `{"query": "{ __typename }", "extensions": [1]}`, 400, "INVALID"},
		{"operationName not a string", "POST", jsonType, `{"query": "{ __typename }", "operationName": 5}`, 400, "INVALID"},
		{"trailing data", "POST", jsonType, `{"query": "{ __typename }"} {}`, 400, "INVALID"},
		{"a JSON string", "POST", jsonType, `"{ __typename }"`, 400, "INVALID"},
		{"no content type", "POST", "", `{"query": "{ __typename }"}`, 415, "INVALID"},
		{"text/plain", "POST", "text/plain", `{"query": "{ __typename }"}`, 415, "INVALID"},
		{"latin-1 charset", "POST", "application/json; charset=latin1", `{"query": "{ __typename }"}`, 415, "INVALID"},
		{"PUT", "PUT", jsonType, `{"query": "{ __typename }"}`, 405, "INVALID"},
		{"DELETE", "DELETE", "", "", 405, "INVALID"},
		{"too large", "POST", jsonType, `{"query": "` + strings.Repeat("a", 1<<20) + `"}`, 413, "LIMIT_EXCEEDED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, tc.method, srv.URL, tc.contentType, "", tc.body)
			if r.status != tc.status || r.firstCode(t) != tc.code {
				t.Fatalf("got %d %s, want %d %s", r.status, r.body, tc.status, tc.code)
			}
			if _, hasData := r.decode(t)["data"]; hasData {
				t.Errorf("request error carries data: %s", r.body)
			}
			if strings.Contains(r.body, secretVar) {
				t.Errorf("response echoes the body: %s", r.body)
			}
			if tc.status == 405 && r.header.Get("Allow") != "GET, POST" {
				t.Errorf("405 without Allow: %v", r.header)
			}
		})
	}
}

// TestBodyParametersMayBeNull: a body's optional parameters may be null or absent, and
// variables keep the digits of a number too large for a float.
func TestBodyParametersMayBeNull(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, body := range []string{
		`{"query": "{ __typename }", "variables": null, "operationName": null, "extensions": null}`,
		`{"query": "{ __typename }"}`,
	} {
		r := do(t, "POST", srv.URL, jsonType, "", body)
		if want := `{"data":{"__typename":"Query"}`; r.status != 200 || !strings.HasPrefix(r.body, want) {
			t.Errorf("%s: got %d %s, want 200 %s…", body, r.status, r.body, want)
		}
	}
	r := do(t, "POST", srv.URL, jsonType, "", `{"query": "query($n: Int) { groups(first: $n) { totalCount } }", "variables": {"n": 123456789012345678901234567890}}`)
	if r.firstCode(t) != "GRAPHQL_VALIDATION_FAILED" || !strings.Contains(r.body, "123456789012345678901234567890") {
		t.Errorf("a huge integer variable: got %d %s, want GRAPHQL_VALIDATION_FAILED naming its digits", r.status, r.body)
	}
}

// TestStatusByAcceptType follows GraphQL over HTTP: under application/json, request
// errors are 200; under application/graphql-response+json they are 400; neither has
// data; both answer in the media type asked for.
func TestStatusByAcceptType(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, tc := range []struct {
		name, query, vars  string
		jsonStatus, status int
		code               string
	}{
		{"ok", `{ __typename }`, ``, 200, 200, ""},
		{"parse error", `{ __typename`, ``, 200, 400, "GRAPHQL_PARSE_FAILED"},
		{"validation error", `{ noSuchField }`, ``, 200, 400, "GRAPHQL_VALIDATION_FAILED"},
		{"variable coercion", `query($id: ID!) { node(id: $id) { id } }`, `{"id": {"no": 1}}`, 200, 400, "GRAPHQL_VALIDATION_FAILED"},
		{"limit", `{ ` + deepQuery(20) + ` }`, ``, 200, 400, "LIMIT_EXCEEDED"},
	} {
		for _, accept := range []string{jsonType, gqlType} {
			t.Run(tc.name+" "+accept, func(t *testing.T) {
				body := `{"query": ` + quote(tc.query)
				if tc.vars != "" {
					body += `, "variables": ` + tc.vars
				}
				r := do(t, "POST", srv.URL, jsonType, accept, body+"}")
				want := tc.jsonStatus
				if accept == gqlType {
					want = tc.status
				}
				if r.status != want || r.firstCode(t) != tc.code {
					t.Fatalf("got %d %s, want %d %s", r.status, r.body, want, tc.code)
				}
				if ct := r.header.Get("Content-Type"); ct != accept+"; charset=utf-8" {
					t.Errorf("Content-Type %q", ct)
				}
				if _, hasData := r.decode(t)["data"]; hasData != (tc.code == "") {
					t.Errorf("data present = %v: %s", hasData, r.body)
				}
			})
		}
	}
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

// deepQuery nests node/relationships n levels deep.
func deepQuery(n int) string {
	return `node(id: "person/xi-jinping") { ` + strings.Repeat(`... on Person { relationships { to { `, n) + `id` + strings.Repeat(` } } }`, n) + ` }`
}

func TestGETRefusesMutationsAndReadsVariables(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	q := url.Values{"query": {`query($id: ID!) { node(id: $id) { id } }`}, "variables": {`{"id": "person/xi-jinping"}`}}
	r := do(t, "GET", srv.URL+"?"+q.Encode(), "", gqlType, "")
	if r.status != 200 || r.body != `{"data":{"node":{"id":"person/xi-jinping"}},"extensions":{"dataset":{"revision":1,"version":""}}}` {
		t.Errorf("GET with variables: %d %s", r.status, r.body)
	}
	r = do(t, "GET", srv.URL+"?"+url.Values{"query": {`{ __typename }`}, "variables": {`[1]`}}.Encode(), "", "", "")
	if r.status != 400 || r.firstCode(t) != "INVALID" {
		t.Errorf("GET with bad variables: %d %s", r.status, r.body)
	}
	r = do(t, "GET", srv.URL+"?"+url.Values{"query": {`mutation { __typename }`}}.Encode(), "", gqlType, "")
	if r.status < 400 || r.status > 499 {
		t.Errorf("mutation over GET: %d %s", r.status, r.body)
	}
	// A parameter given twice was read as its first value.
	for _, name := range []string{"query", "operationName", "variables", "extensions"} {
		v := url.Values{"query": {`{ __typename }`}}
		v[name] = append(v[name], `{}`, `{}`)
		if name == "query" {
			v[name] = []string{`{ __typename }`, `{ __schema { types { name } } }`}
		}
		r = do(t, "GET", srv.URL+"?"+v.Encode(), "", gqlType, "")
		if r.status != 400 || r.firstCode(t) != "INVALID" || !strings.Contains(r.body, "The parameter "+name+" is given") {
			t.Errorf("GET with %s twice: %d %s", name, r.status, r.body)
		}
	}
}

// TestClientMistakesAreNotInternal: persisted-query and _entities mistakes are the
// caller's, coded as such.
func TestClientMistakesAreNotInternal(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, tc := range []struct{ name, body, code string }{
		{"unknown APQ hash", `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}`, "PERSISTED_QUERY_NOT_FOUND"},
		{"APQ hash mismatch", `{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}`, "INVALID"},
		{"APQ bad version", `{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 2, "sha256Hash": "abc"}}}`, "INVALID"},
		{"APQ malformed", `{"query": "{ __typename }", "extensions": {"persistedQuery": "yes"}}`, "INVALID"},
		{"entity of unknown type", `{"query": "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }", "variables": {"r": [{"__typename": "Spy", "id": "x"}]}}`, "INVALID"},
		{"entity without key", `{"query": "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }", "variables": {"r": [{"__typename": "Group"}]}}`, "INVALID"},
		{"entity without typename", `{"query": "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }", "variables": {"r": [{"id": "group/x"}]}}`, "INVALID"},
		{"entity with numeric key", `{"query": "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }", "variables": {"r": [{"__typename": "Group", "id": {"a": 1}}]}}`, "INVALID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", srv.URL, jsonType, "", tc.body)
			if r.status >= 500 || r.firstCode(t) != tc.code {
				t.Errorf("got %d %s, want code %s", r.status, r.body, tc.code)
			}
		})
	}
}

func TestCostInExtensionsWhenAsked(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	body := `{"query": "{ groups(first: 5) { nodes { id members { role } } } }"}`
	if r := do(t, "POST", srv.URL, jsonType, "", body); strings.Contains(r.body, `"cost"`) {
		t.Errorf("cost reported unasked: %s", r.body)
	}
	for _, r := range []rawResponse{
		do(t, "POST", srv.URL, jsonType, "", body, "Atlas-Cost", "1"),
		do(t, "POST", srv.URL, jsonType, "", `{"query": "{ groups(first: 5) { nodes { id members { role } } } }", "extensions": {"cost": true}}`),
	} {
		ext, _ := r.decode(t)["extensions"].(map[string]any)
		cost, _ := ext["cost"].(map[string]any)
		// groups 1 + nodes (1 + 5 items × (id 1 + members (1 + ListSize items × role 1)))
		if l := gqlhttp.DefaultLimits.ListSize; cost["cost"] != float64(1+1+5*(1+1+l*1)) || cost["depth"] != float64(4) || cost["durationMs"] == nil {
			t.Errorf("cost extension = %v in %s", cost, r.body)
		}
	}
}

func TestPersistedQueryAllowList(t *testing.T) {
	store := fixtureStore(t)
	const doc = `{ __typename }`
	sum := sha256.Sum256([]byte(doc))
	hash := hex.EncodeToString(sum[:])
	h := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()},
		gqlhttp.Options{PersistedQueries: map[string]string{hash: doc}}))
	defer h.Close()
	for _, tc := range []struct{ name, body, want string }{
		{"registered, by hash", `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + hash + `"}}}`, `{"data":{"__typename":"Query"}`},
		{"registered, as text", `{"query": "{ __typename }"}`, `{"data":{"__typename":"Query"}`},
		{"unregistered text", `{"query": "{ __schema { types { name } } }"}`, `"UNAUTHORIZED"`},
		{"unknown hash", `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "00"}}}`, `"UNAUTHORIZED"`},
		{"text that does not match its hash", `{"query": "{ __schema { types { name } } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + hash + `"}}}`, `"UNAUTHORIZED"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r := do(t, "POST", h.URL, jsonType, "", tc.body); !strings.Contains(r.body, tc.want) {
				t.Errorf("got %d %s, want %s", r.status, r.body, tc.want)
			}
		})
	}
}

// TestWholeNumberIsAnInt: an Int variable sent as 3.0 or 1e1 answers as 3 and 10 do,
// and is costed as that page size; gqlparser refused it as "cannot use value 0 as Int",
// naming a value nobody sent.
func TestWholeNumberIsAnInt(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	const query = `query($n: Int) { search(text: "xi", first: $n) { score } }`
	ask := func(n string) string {
		return do(t, "POST", srv.URL, jsonType, "", fmt.Sprintf(`{"query": %q, "variables": {"n": %s}}`, query, n)).body
	}
	for _, tc := range []struct {
		sent, integer string
		cost          float64 // search 1 + n × score 1
	}{{"3.0", "3", 4}, {"2.0", "2", 3}, {"1e1", "10", 11}, {"1e2", "100", 101}} {
		t.Run(tc.sent, func(t *testing.T) {
			got, want := ask(tc.sent), ask(tc.integer)
			if got != want || strings.Contains(want, `"errors"`) {
				t.Errorf("n = %s answered %s\nn = %s answered %s", tc.sent, got, tc.integer, want)
			}
			if c := costOf(t, srv.URL, query, `{"n": `+tc.sent+`}`); c != tc.cost {
				t.Errorf("n = %s costs %v, want %v", tc.sent, c, tc.cost)
			}
		})
	}
}
