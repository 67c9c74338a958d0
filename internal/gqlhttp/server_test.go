package gqlhttp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"lsgatlas/graph"
	"lsgatlas/internal/gqlhttp"
	"lsgatlas/internal/gqltest"
)

// The shared fixture (internal/gqltest), under the short names these tests use.
type response = gqltest.Response

var (
	newServer    = gqltest.NewServer
	fixtureStore = gqltest.FixtureStore
	seedStore    = gqltest.SeedStore
	post         = gqltest.Post
)

// TestNewAloneWiresEveryHook: New is all a caller needs. Each case reads through a hook
// New installs itself (the loaders and read scope, the resolvers' per-operation state,
// the per-request count of store calls, the cursor key); the last case serves the same
// schema without New's wiring and shows that the first case then fails.
func TestNewAloneWiresEveryHook(t *testing.T) {
	store := fixtureStore(t)
	serve := func(key string) *httptest.Server {
		srv := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: store, CursorKey: []byte(key)}, gqlhttp.Options{}))
		t.Cleanup(srv.Close)
		return srv
	}
	srv, sameKey, otherKey := serve("key-1"), serve("key-1"), serve("key-2")
	ask := func(srv *httptest.Server, query string, vars map[string]any) string {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(gqlhttp.CostHeader, "1")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r struct {
			Data       json.RawMessage
			Errors     []struct{ Message string }
			Extensions struct{ Cost struct{ StoreCalls *int } }
		}
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			t.Fatal(err)
		}
		got := string(r.Data)
		for _, e := range r.Errors {
			got += " error: " + e.Message
		}
		if r.Extensions.Cost.StoreCalls != nil {
			got += fmt.Sprintf(" storeCalls: %d", *r.Extensions.Cost.StoreCalls)
		}
		return got
	}
	const members = `{ group(id: "group/foreign-affairs-lsg") { members { node { id } } } }`
	var first struct {
		Group struct {
			MembersConnection struct{ PageInfo struct{ EndCursor string } }
		}
	}
	if err := json.Unmarshal(post(t, srv, `{ group(id: "group/foreign-affairs-lsg") { membersConnection(first: 1) { pageInfo { endCursor } } } }`, nil).Data, &first); err != nil {
		t.Fatal(err)
	}
	const next = `query($after: String) { group(id: "group/foreign-affairs-lsg") { membersConnection(first: 1, after: $after) { nodes { id } } } }`
	cursor := map[string]any{"after": first.Group.MembersConnection.PageInfo.EndCursor}
	bare := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Store: store}}))
	bare.AddTransport(transport.POST{})
	bare.SetRecoverFunc(func(_ context.Context, p any) error { return fmt.Errorf("panic: %v", p) })
	unwired := httptest.NewServer(bare)
	t.Cleanup(unwired.Close)

	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		srv         *httptest.Server
		want        string
	}{
		{"relationships read through the request's loaders", members, nil, srv,
			`{"group":{"members":[{"node":{"id":"institution/ministry-of-foreign-affairs"}},{"node":{"id":"person/yang-jiechi"}}]}} storeCalls: 4`},
		{"knownBy reads sources through the projection", `{ group(id: "group/foreign-affairs-lsg") { members(knownBy: "1990") { node { id } } } }`, nil, srv,
			`{"group":{"members":[]}} storeCalls: 5`}, // the sources looked up once per request (loader.KnownBy)
		{"a page after a cursor signed with the resolvers' key", next, cursor, sameKey,
			`{"group":{"membersConnection":{"nodes":[{"id":"member_of/person/yang-jiechi/group/foreign-affairs-lsg"}]}}} storeCalls: 3`},
		{"a cursor signed with another key", next, cursor, otherKey,
			`{"group":null} error: cursor "` + cursor["after"].(string) + `" was not issued by this service (altered, forged, or signed with another key) storeCalls: 3`},
		{"the same schema without New's wiring", members, nil, unwired,
			`{"group":null} error: panic: loader: no loaders in context; wrap the handler with loader.Middleware`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ask(tc.srv, tc.query, tc.vars); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
