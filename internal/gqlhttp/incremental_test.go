package gqlhttp_test

import (
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// @defer is delivered incrementally as multipart/mixed (GraphQL over HTTP incremental
// delivery): the initial payload with hasNext true, then the deferred fragment with its
// label and path, hasNext false. A client that does not accept multipart/mixed is told
// what to send, before anything runs.
func TestDeferIsDeliveredIncrementally(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	query := `{"query":"{ group(id: \"group/foreign-affairs-lsg\") { id ... @defer(label: \"more\") { name chairs { node { id } } } } }"}`
	r := do(t, http.MethodPost, srv.URL+"/graphql", jsonType, "multipart/mixed, application/json", query)
	mt, params, err := mime.ParseMediaType(r.header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" || params["deferspec"] != "20220824" || r.status != http.StatusOK {
		t.Fatalf("status %d, Content-Type %q: %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	mr := multipart.NewReader(strings.NewReader(r.body), params["boundary"])
	var parts []string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("part %d: %v\n%s", len(parts), err, r.body)
		}
		if ct := p.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("part %d: Content-Type %q", len(parts), ct)
		}
		b, _ := io.ReadAll(p)
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("part %d is not JSON: %s", len(parts), b)
		}
		parts = append(parts, strings.TrimSpace(string(b)))
	}
	want := []string{
		// gqlgen defers the fields it resolves (chairs); a plain property (name) comes at once.
		`{"data":{"group":{"id":"group/foreign-affairs-lsg","name":"Foreign Affairs Leading Small Group","chairs":null}},"hasNext":true,"extensions":{"dataset":{"revision":1,"version":""}}}`,
		`{"incremental":[{"data":{"chairs":[{"node":{"id":"position/general-secretary"}},{"node":{"id":"person/hu-jintao"}},{"node":{"id":"person/xi-jinping"}}]},"label":"more","path":["group"],"extensions":{"dataset":{"revision":1,"version":""}}}],"hasNext":false}`,
	}
	if strings.Join(parts, "\n") != strings.Join(want, "\n") {
		t.Errorf("parts:\n%s\nwant:\n%s", strings.Join(parts, "\n"), strings.Join(want, "\n"))
	}

	for _, accept := range []string{jsonType, gqlType, "multipart/mixed;q=0, application/json"} {
		r := do(t, http.MethodPost, srv.URL+"/graphql", jsonType, accept, query)
		if code := r.firstCode(t); code != "INVALID" || !strings.Contains(r.body, "send Accept: multipart/mixed") || strings.Contains(r.body, `"data"`) {
			t.Errorf("Accept %q: %d %s", accept, r.status, r.body)
		}
	}
	// Without @defer, a multipart-accepting client gets plain JSON as before.
	r = do(t, http.MethodPost, srv.URL+"/graphql", jsonType, "multipart/mixed, application/json", `{"query":"{ group(id: \"group/foreign-affairs-lsg\") { id } }"}`)
	if !strings.HasPrefix(r.header.Get("Content-Type"), jsonType) || r.decode(t)["data"] == nil {
		t.Errorf("no @defer: %q %s", r.header.Get("Content-Type"), r.body)
	}
}
