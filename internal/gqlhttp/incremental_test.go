package gqlhttp_test

import (
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
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
	parts := multipartParts(t, r.body, params["boundary"])
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

// multipartParts returns the JSON parts of a multipart/mixed body, failing on a part that
// is not JSON.
func multipartParts(t *testing.T, body, boundary string) []string {
	t.Helper()
	mr := multipart.NewReader(strings.NewReader(body), boundary)
	var parts []string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return parts
		}
		if err != nil {
			t.Fatalf("part %d: %v\n%s", len(parts), err, body)
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
}

// TestDeferInListElements: a fragment deferred in each element of a list comes in a
// payload of its own, labelled with the element's path (its index), in whichever order
// they finish. The executor makes an object's deferred group only at its first deferred
// field (tools/inorder), with the element's context, so the path is the element's.
func TestDeferInListElements(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	query := `{"query":"{ groups(first: 2) { nodes { id ... @defer(label: \"c\") { chairs { node { id } } } } } }"}`
	r := do(t, http.MethodPost, srv.URL+"/graphql", jsonType, "multipart/mixed, application/json", query)
	mt, params, err := mime.ParseMediaType(r.header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" || r.status != http.StatusOK {
		t.Fatalf("status %d, Content-Type %q: %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	parts := multipartParts(t, r.body, params["boundary"])
	if len(parts) != 3 {
		t.Fatalf("%d parts, want 3:\n%s", len(parts), strings.Join(parts, "\n"))
	}
	if want := `{"data":{"groups":{"nodes":[{"id":"group/deepening-reform","chairs":null},{"id":"group/foreign-affairs-commission","chairs":null}]}},"hasNext":true,"extensions":{"dataset":{"revision":1,"version":""}}}`; parts[0] != want {
		t.Errorf("initial payload %s\nwant %s", parts[0], want)
	}
	var got []string
	for i, part := range parts[1:] {
		var p struct {
			Incremental []json.RawMessage
			HasNext     bool
		}
		if err := json.Unmarshal([]byte(part), &p); err != nil {
			t.Fatal(err)
		}
		if last := i == len(parts)-2; p.HasNext == last {
			t.Errorf("part %d: hasNext %v", i+1, p.HasNext)
		}
		for _, inc := range p.Incremental {
			got = append(got, string(inc))
		}
	}
	slices.Sort(got)
	want := []string{
		`{"data":{"chairs":[]},"label":"c","path":["groups","nodes",0],"extensions":{"dataset":{"revision":1,"version":""}}}`,
		`{"data":{"chairs":[{"node":{"id":"person/xi-jinping"}}]},"label":"c","path":["groups","nodes",1],"extensions":{"dataset":{"revision":1,"version":""}}}`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("deferred payloads:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
