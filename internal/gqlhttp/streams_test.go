package gqlhttp_test

import (
	"fmt"
	"log"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/coder/websocket"
	"github.com/rs/zerolog"

	"lsgatlas/graph"
	"lsgatlas/internal/gqlhttp"
	"lsgatlas/internal/syncbuf"
)

// loggedServer serves the fixture with the service's log and the standard library's
// log (where gqlgen's transports print) both written to the returned buffers.
func loggedServer(t *testing.T) (url string, serviceLog, stdLog *syncbuf.Buffer) {
	t.Helper()
	serviceLog, stdLog = &syncbuf.Buffer{}, &syncbuf.Buffer{}
	out, flags := log.Writer(), log.Flags()
	log.SetOutput(stdLog)
	t.Cleanup(func() { log.SetOutput(out); log.SetFlags(flags) })
	srv := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: fixtureStore(t), Log: zerolog.New(serviceLog)}, gqlhttp.Options{}))
	t.Cleanup(srv.Close)
	return srv.URL, serviceLog, stdLog
}

// TestUnreadableStreamBodies: a subscription's POST whose body is not one GraphQL
// request gets the very answer the same body gets without Accept: text/event-stream, and
// neither log sees the body. gqlgen's SSE transport answered INTERNAL and printed the
// whole body, variables included, to the standard log.
func TestUnreadableStreamBodies(t *testing.T) {
	url, serviceLog, stdLog := loggedServer(t)
	const sub = `subscription { changes { cursor } }`
	for _, tc := range []struct {
		name, contentType, body string
		status                  int
		want                    string
	}{
		{"malformed JSON", jsonType, `{not json ` + secretVar, 400,
			`{"errors":[{"message":"The request body is not valid JSON.","extensions":{"code":"INVALID"}}]}`},
		{"empty body", jsonType, "", 400,
			`{"errors":[{"message":"The request body is empty; send a JSON object with a query.","extensions":{"code":"INVALID"}}]}`},
		{"batched array", jsonType, `[{"query": "` + sub + `", "variables": {"s": "` + secretVar + `"}}]`, 400,
			`{"errors":[{"message":"Batched requests are not supported; send one JSON object per request.","extensions":{"code":"INVALID"}}]}`},
		{"query is a number", jsonType, `{"query": 5, "variables": {"s": "` + secretVar + `"}}`, 400,
			`{"errors":[{"message":"The query parameter must be a string.","extensions":{"code":"INVALID"}}]}`},
		{"variables not an object", jsonType, `{"query": "` + sub + `", "variables": "` + secretVar + `"}`, 400,
			`{"errors":[{"message":"The variables parameter must be a JSON object.","extensions":{"code":"INVALID"}}]}`},
		// encoding/json would match QUERY to the query field; the GraphQL-over-HTTP
		// parameters are case-sensitive, as the non-stream path reads them.
		{"query in capitals", jsonType, `{"QUERY": "` + sub + `"}`, 400,
			`{"errors":[{"message":"The request has no query.","extensions":{"code":"INVALID"}}]}`},
		{"latin-1 charset", "application/json; charset=latin1", `{"query": "` + sub + `"}`, 415,
			`{"errors":[{"message":"Send the request in UTF-8.","extensions":{"code":"INVALID"}}]}`},
		{"too large", jsonType, `{"query": "` + strings.Repeat("a", 1<<20) + `"}`, 413,
			`{"errors":[{"message":"The request body is larger than 1048576 bytes.","extensions":{"code":"LIMIT_EXCEEDED"}}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain := do(t, "POST", url, tc.contentType, "", tc.body)
			stream := do(t, "POST", url, tc.contentType, "text/event-stream", tc.body)
			for _, r := range []rawResponse{plain, stream} {
				if r.status != tc.status || r.body != tc.want {
					t.Errorf("got %d %s\nwant %d %s", r.status, r.body, tc.status, tc.want)
				}
			}
			if a, b := plain.header.Get("Content-Type"), stream.header.Get("Content-Type"); a != b || a != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q over SSE, %q without", b, a)
			}
		})
	}
	if s := serviceLog.String(); s != "" {
		t.Errorf("the service logged: %s", s)
	}
	if s := stdLog.String(); s != "" {
		t.Errorf("the standard log got: %s", s)
	}
}

// TestStreamBodyReachesGqlgen: a well-formed body read ahead of gqlgen's SSE transport
// still reaches it whole: the operation it names, and its variables, whose value the
// error quotes.
func TestStreamBodyReachesGqlgen(t *testing.T) {
	url, _, _ := loggedServer(t)
	body := `{"query": "query Q { __typename } subscription S($s: Int) { changes(since: $s) { cursor } }", "operationName": "S", "variables": {"s": 1.5}}`
	r := do(t, "POST", url, jsonType, "text/event-stream", body)
	want := ":\n\nevent: next\ndata: " +
		`{"errors":[{"message":"Variable \"$s\" got invalid value 1.5; Int cannot represent a non-integer value: 1.5","path":["variable","s"],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}],"data":null}` +
		"\n\nevent: complete\n\n"
	if r.status != 200 || r.body != want {
		t.Errorf("got %d %q\nwant 200 %q", r.status, r.body, want)
	}
}

// TestSubscriptionHasOneRootField: a subscription selects one root response key, with no
// @skip or @include. Two aliases of the one stream, or a skipped stream, passed
// validation and failed in the executor as INTERNAL; the same field twice under one key
// is one field.
func TestSubscriptionHasOneRootField(t *testing.T) {
	url, serviceLog, _ := loggedServer(t)
	const (
		twoFields = `{"message":"Anonymous Subscription must select only one top level field.","locations":[{"line":1,"column":%d}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}`
		skipped   = `{"message":"Anonymous Subscription must not use ` + "`@skip` or `@include`" + ` directives in the top level selection.","locations":[{"line":1,"column":%d}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}`
		noFeed    = `{"message":"this store keeps no audit log, so it has no change feed","path":["changes"],"locations":[{"line":1,"column":16}],"extensions":{"code":"UNAVAILABLE"}}`
	)
	for _, tc := range []struct{ name, query, want string }{
		{"two aliases of the stream", `subscription { a: changes { cursor } b: changes { cursor } }`, fmt.Sprintf(twoFields, 38)},
		{"an alias and the stream", `subscription { changes { cursor } b: changes { cursor } }`, fmt.Sprintf(twoFields, 35)},
		{"an alias in a fragment", `subscription { changes { cursor } ...F } fragment F on Subscription { b: changes { type } }`, fmt.Sprintf(twoFields, 71)},
		{"the stream and __typename", `subscription { changes { cursor } __typename }`, fmt.Sprintf(twoFields, 35) +
			`,{"message":"Anonymous Subscription must not select an introspection top level field.","locations":[{"line":1,"column":35}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}`},
		{"the stream twice", `subscription { changes { cursor } changes { type } }`, noFeed},
		{"the stream skipped", `subscription { changes @skip(if: true) { cursor } }`, fmt.Sprintf(skipped, 25)},
		{"the stream included by a variable", `subscription($b: Boolean = false) { changes @include(if: $b) { cursor } }`, fmt.Sprintf(skipped, 46)},
		{"a skipped fragment", `subscription { ...F @skip(if: true) } fragment F on Subscription { changes { type } }`, fmt.Sprintf(skipped, 22)},
		{"a skipped inline fragment", `subscription { ... @skip(if: true) { changes { type } } }`, fmt.Sprintf(skipped, 21)},
		{"a skipped field in a fragment", `subscription { ...F } fragment F on Subscription { changes @skip(if: true) { type } }`, fmt.Sprintf(skipped, 61)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", url, jsonType, "text/event-stream", fmt.Sprintf(`{"query": %q}`, tc.query))
			want := ":\n\nevent: next\ndata: {\"errors\":[" + tc.want + "],\"data\":null}\n\nevent: complete\n\n"
			if r.status != 200 || r.body != want {
				t.Errorf("got %d %q\nwant 200 %q", r.status, r.body, want)
			}
		})
	}
	if s := serviceLog.String(); s != "" {
		t.Errorf("the service logged: %s", s)
	}
}

// wsSession opens a graphql-transport-ws connection to the service at url and
// initialises it; exchange sends one message and returns the next one read.
func wsSession(t *testing.T, url string) (conn *websocket.Conn, exchange func(send string) string) {
	t.Helper()
	conn, _, err := websocket.Dial(t.Context(), "ws"+strings.TrimPrefix(url, "http"), &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	exchange = func(send string) string {
		t.Helper()
		if err := conn.Write(t.Context(), websocket.MessageText, []byte(send)); err != nil {
			t.Fatal(err)
		}
		_, got, err := conn.Read(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return string(got)
	}
	if got := exchange(`{"type":"connection_init"}`); got != `{"type":"connection_ack"}` {
		t.Fatalf("connection_init answered %q", got)
	}
	return conn, exchange
}

// TestSubscriptionHasOneRootFieldOverWebSocket: the rule holds over graphql-transport-ws.
func TestSubscriptionHasOneRootFieldOverWebSocket(t *testing.T) {
	url, _, _ := loggedServer(t)
	_, exchange := wsSession(t, url)
	got := exchange(`{"id":"1","type":"subscribe","payload":{"query":"subscription { a: changes { cursor } b: changes { cursor } }"}}`)
	want := `{"payload":[{"message":"Anonymous Subscription must select only one top level field.","locations":[{"line":1,"column":38}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}],"id":"1","type":"error"}`
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestWebSocketSubscribeWithAnUndecodablePayload: gqlgen answers a payload it cannot read
// as a request with a bare "invalid json"; the service's answer has a code and says what
// to send, and the connection stays open for the next subscription.
func TestWebSocketSubscribeWithAnUndecodablePayload(t *testing.T) {
	url, serviceLog, _ := loggedServer(t)
	conn, exchange := wsSession(t, url)
	const coded = `{"payload":[{"message":"The payload of a subscribe message must be a JSON object with a query (a string), and optionally operationName (a string), variables and extensions (objects).","extensions":{"code":"INVALID"}}],"id":"%s","type":"error"}`
	for _, tc := range []struct{ name, id, payload string }{
		{"a query that is a number", "1", `{"query":5}`},
		{"variables that are a string", "2", `{"query":"subscription { changes { cursor } }","variables":"x"}`},
		{"a payload that is an array", "3", `[1]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := exchange(`{"id":"` + tc.id + `","type":"subscribe","payload":` + tc.payload + `}`)
			if want := fmt.Sprintf(coded, tc.id); got != want {
				t.Errorf("got %q\nwant %q", got, want)
			}
			// gqlgen completes the subscription after its error.
			if _, got, err := conn.Read(t.Context()); err != nil || string(got) != `{"id":"`+tc.id+`","type":"complete"}` {
				t.Errorf("then %q %v, want its completion", got, err)
			}
		})
	}
	// Still open: a good subscription is answered (this store keeps no feed).
	got := exchange(`{"id":"4","type":"subscribe","payload":{"query":"subscription { changes { cursor } }"}}`)
	if want := `"id":"4","type":"next"`; !strings.Contains(got, want) || !strings.Contains(got, `"code":"UNAVAILABLE"`) {
		t.Errorf("after the refusals: %q", got)
	}
	if s := serviceLog.String(); s != "" {
		t.Errorf("the service logged: %s", s)
	}
}
