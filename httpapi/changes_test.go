package httpapi_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/httpapi"
)

// failAfter bounds how long a test waits for an event that should arrive at once: a
// failure bound, which a passing test never waits for.
const failAfter = 30 * time.Second

type sseEvent struct{ id, event, data string }

// sse opens a subscription over Server-Sent Events and returns its events as they come.
func sse(t *testing.T, ctx context.Context, url, query string, header ...string) (<-chan sseEvent, *http.Response) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequestWithContext(ctx, "POST", url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan sseEvent, 64)
	go func() {
		defer close(events)
		defer resp.Body.Close()
		r := bufio.NewReader(resp.Body)
		var ev sseEvent
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case line == "":
				if ev.event != "" {
					events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "id: "):
				ev.id = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "event: "):
				ev.event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return events, resp
}

func nextSSE(t *testing.T, events <-chan sseEvent) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-events:
		if !ok {
			t.Fatal("the stream ended")
		}
		return ev
	case <-time.After(failAfter):
		t.Fatalf("no event within %s", failAfter)
	}
	return sseEvent{}
}

// changesSubscription starts after revision 1 (the fixture): the stream opens before the
// subscription registers, so "now" could be after a change made right after opening.
const changesSubscription = `subscription { changes(since: 1, types: [RELATIONSHIP_RETRACTED, CLAIM_CHANGED]) { cursor type record version cause actor reason proposal nodes } }`

func retract(t *testing.T, url, relation string) {
	t.Helper()
	_, body := postAs(t, url, bearer(t, "carol", atlas.RoleCurator), "", `mutation { editRelationship(op: RETRACT, target: "`+relation+`",
		citation: {source: "source/gamma", locator: "structure"}, reason: "not so", expectedVersion: 1) { revision } }`)
	if !strings.Contains(body, `"editRelationship":{"revision"`) {
		t.Fatalf("retract %s: %s", relation, body)
	}
}

// TestSubscriberSeesAcceptedChange: a contributor proposes, a curator accepts, and a
// subscriber over SSE gets the claim's event with who and why, its cursor as the SSE id.
func TestSubscriberSeesAcceptedChange(t *testing.T) {
	srv, _ := curationServer(t, httpapi.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, resp := sse(t, ctx, srv.URL, changesSubscription)
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type = %q", ct)
	}
	_, body := postAs(t, srv.URL, bearer(t, "alice", atlas.RoleContributor), "", `mutation { proposeClaim(op: CHANGE, target: "`+conformance.SessionClaim+`",
		claim: {value: "1954", confidence: DISPUTED, rank: NORMAL, note: "Beta relays an earlier study."},
		citation: {source: "source/beta", locator: "history, p. 3"}, reason: "Beta gives the page") { id } }`)
	if !strings.Contains(body, `"id":"proposal/2"`) {
		t.Fatalf("propose: %s", body)
	}
	if _, body = postAs(t, srv.URL, bearer(t, "carol", atlas.RoleCurator), "", `mutation { acceptProposal(id: "proposal/2", reason: "page checked") { status } }`); !strings.Contains(body, "ACCEPTED") {
		t.Fatalf("accept: %s", body)
	}
	ev := nextSSE(t, events)
	want := `{"data":{"changes":{"cursor":"3.0","type":"CLAIM_CHANGED","record":"` + conformance.SessionClaim +
		`","version":2,"cause":"ACCEPTED","actor":"carol","reason":"page checked","proposal":"proposal/2","nodes":["group/foreign-affairs-lsg"]}}}`
	if ev.event != "next" || ev.id != "3.0" || ev.data != want {
		t.Fatalf("event = %+v\nwant data %s", ev, want)
	}
}

// TestResumedSubscriberGetsExactlyTheMissedEvents: a subscriber that reconnects with
// Last-Event-ID gets the events it missed, in order, and then the next live one, with
// no duplicates.
func TestResumedSubscriberGetsExactlyTheMissedEvents(t *testing.T) {
	srv, _ := curationServer(t, httpapi.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	events, _ := sse(t, ctx, srv.URL, changesSubscription)
	retract(t, srv.URL, "reports_to/group/foreign-affairs-commission/institution/standing-committee")
	first := nextSSE(t, events)
	cancel() // the client goes away
	retract(t, srv.URL, "member_of/person/yang-jiechi/group/foreign-affairs-lsg")
	retract(t, srv.URL, "member_of/institution/ministry-of-foreign-affairs/group/foreign-affairs-lsg")

	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	resumed, _ := sse(t, ctx2, srv.URL, changesSubscription, "Last-Event-ID", first.id)
	var got []string
	for range 2 {
		ev := nextSSE(t, resumed)
		got = append(got, ev.id+" "+recordOf(t, ev))
	}
	retract(t, srv.URL, "supervises/group/deepening-reform/group/guangdong-group")
	ev := nextSSE(t, resumed)
	got = append(got, ev.id+" "+recordOf(t, ev))
	want := []string{
		"3.0 member_of/person/yang-jiechi/group/foreign-affairs-lsg",
		"4.0 member_of/institution/ministry-of-foreign-affairs/group/foreign-affairs-lsg",
		"5.0 supervises/group/deepening-reform/group/guangdong-group",
	}
	if first.id != "2.0" || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("first %s; resumed:\n%s\nwant:\n%s", first.id, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func recordOf(t *testing.T, ev sseEvent) string {
	t.Helper()
	var resp struct {
		Data struct {
			Changes struct{ Record string }
		}
	}
	if err := json.Unmarshal([]byte(ev.data), &resp); err != nil {
		t.Fatalf("%s: %v", ev.data, err)
	}
	return resp.Data.Changes.Record
}

// TestWebSocketSubscriberSeesChange: graphql-transport-ws, the protocol gqlgen and
// graphql-ws clients speak.
func TestWebSocketSubscriberSeesChange(t *testing.T) {
	srv, _ := curationServer(t, httpapi.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), failAfter)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	type message struct {
		ID      string          `json:"id,omitempty"`
		Type    string          `json:"type"`
		Payload json.RawMessage `json:"payload,omitempty"`
	}
	read := func() message {
		var m message
		if err := wsjson.Read(ctx, conn, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	// Browsers cannot set headers on a WebSocket: the token comes in connection_init.
	init, _ := json.Marshal(map[string]string{"Authorization": bearer(t, "reader-app", atlas.RoleReader)})
	if err := wsjson.Write(ctx, conn, message{Type: "connection_init", Payload: init}); err != nil {
		t.Fatal(err)
	}
	if m := read(); m.Type != "connection_ack" {
		t.Fatalf("got %+v", m)
	}
	payload, _ := json.Marshal(map[string]string{"query": `subscription { changes(since: 1) { cursor type record } }`})
	if err := wsjson.Write(ctx, conn, message{ID: "1", Type: "subscribe", Payload: payload}); err != nil {
		t.Fatal(err)
	}
	retract(t, srv.URL, "reports_to/group/foreign-affairs-commission/institution/standing-committee")
	m := read()
	want := `{"data":{"changes":{"cursor":"2.0","type":"RELATIONSHIP_RETRACTED","record":"reports_to/group/foreign-affairs-commission/institution/standing-committee"}}}`
	if m.Type != "next" || m.ID != "1" || string(m.Payload) != want {
		t.Fatalf("got %+v, want payload %s", m, want)
	}
}

// TestStreamsCarrySubscriptionsOnly: queries keep the HTTP transport and its limits;
// subscriptions need a stream.
func TestStreamsCarrySubscriptionsOnly(t *testing.T) {
	srv, _ := curationServer(t, httpapi.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, _ := sse(t, ctx, srv.URL, `{ changes { endCursor } }`)
	if ev := nextSSE(t, events); !strings.Contains(ev.data, "carry subscriptions") {
		t.Fatalf("a query over SSE: %+v", ev)
	}
	_, body := postAs(t, srv.URL, "", "", `subscription { changes { cursor } }`)
	if !strings.Contains(body, "Subscriptions are streamed") {
		t.Fatalf("a subscription over plain HTTP: %s", body)
	}
	_, body = postAs(t, srv.URL, "", "", `{ changes(since: 0, first: 5) { events { cursor type record cause actor } endCursor hasNextPage } }`)
	want := `{"data":{"changes":{"events":[],"endCursor":"0","hasNextPage":false}}`
	if !strings.HasPrefix(body, want) {
		t.Fatalf("changes = %s\nwant %s", body, want)
	}
}

// TestSubscriberLimitAndShutdown: a client past its limit of live subscriptions is
// refused; when the service shuts down, each subscriber is told why in a last event.
func TestSubscriberLimitAndShutdown(t *testing.T) {
	feedCtx, stop := context.WithCancel(context.Background())
	defer stop()
	opts := httpapi.Options{Context: feedCtx}
	opts.Feed.MaxPerClient = 1
	srv, _ := curationServer(t, opts)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, _ := sse(t, ctx, srv.URL, changesSubscription)
	retract(t, srv.URL, "reports_to/group/foreign-affairs-commission/institution/standing-committee")
	if live := nextSSE(t, events); !strings.Contains(live.data, `"cursor":"2.0","type":"RELATIONSHIP_RETRACTED"`) {
		t.Fatalf("live = %+v", live)
	}
	refused, _ := sse(t, ctx, srv.URL, changesSubscription)
	if ev := nextSSE(t, refused); !strings.Contains(ev.data, `"code":"LIMIT_EXCEEDED"`) || !strings.Contains(ev.data, "limit per client") {
		t.Fatalf("a second subscription = %+v", ev)
	}
	_, body := get(t, srv.URL+"/metrics")
	if metrics := string(body); !strings.Contains(metrics, "atlas_feed_subscribers 1\n") || !strings.Contains(metrics, "atlas_feed_revision ") {
		t.Fatalf("metrics lack the feed's gauges:\n%s", metrics)
	}
	stop()
	last := nextSSE(t, events)
	if last.event != "next" || !strings.Contains(last.data, `"code":"UNAVAILABLE"`) || !strings.Contains(last.data, "shutting down") {
		t.Fatalf("last event = %+v", last)
	}
	if done := nextSSE(t, events); done.event != "complete" {
		t.Fatalf("after the reason: %+v", done)
	}
}

// TestThousandIdleSSESubscribers: 1,000 subscribers over real SSE connections (server
// and client in this process) hold, and the live heap stays flat while a change reaches
// all of them. The figures are logged; the bounds only catch a leak.
func TestThousandIdleSSESubscribers(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 1,000 connections")
	}
	const subscribers = 1000
	opts := httpapi.Options{}
	opts.Feed.MaxPerClient = subscribers
	srv, _ := curationServer(t, opts)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base := liveHeap()
	streams := make([]<-chan sseEvent, subscribers)
	for i := range streams {
		streams[i], _ = sse(t, ctx, srv.URL, changesSubscription)
	}
	idle := liveHeap()
	retract(t, srv.URL, "reports_to/group/foreign-affairs-commission/institution/standing-committee")
	for _, s := range streams {
		if ev := nextSSE(t, s); !strings.Contains(ev.data, `"cursor":"2.0"`) {
			t.Fatalf("event = %+v", ev)
		}
	}
	after := liveHeap()
	per := (int64(idle) - int64(base)) / subscribers
	t.Logf("live heap: %d B before, %d B with %d idle SSE subscribers (%d B each, server and client side), %d B after an event reached all (growth %d B)",
		base, idle, subscribers, per, after, int64(after)-int64(idle))
	if per > 128<<10 {
		t.Fatalf("an idle SSE subscriber costs %d B", per)
	}
	if growth := int64(after) - int64(idle); growth > 8<<20 {
		t.Fatalf("the heap grew by %d B delivering one event", growth)
	}
}

func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestWebSocketRefusesABadToken: a token in connection_init that does not verify ends the
// connection instead of subscribing anonymously, with graphql-transport-ws's 4403
// Forbidden, so that a client can tell a refusal from a normal end.
func TestWebSocketRefusesABadToken(t *testing.T) {
	srv, _ := curationServer(t, httpapi.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), failAfter)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": map[string]string{"Authorization": "Bearer not-a-token"}}); err != nil {
		t.Fatal(err)
	}
	for {
		var m map[string]any
		if err := wsjson.Read(ctx, conn, &m); err != nil {
			if code := websocket.CloseStatus(err); code != 4403 {
				t.Fatalf("the connection ended with close code %d, want 4403: %v", code, err)
			}
			return // closed, as it should
		}
		if m["type"] == "connection_ack" {
			t.Fatal("a bad token was acknowledged")
		}
	}
}

// TestFeedPositionsPastThePresent: a since or a cursor past the store's revision is
// INVALID, for the query and the subscription alike; echoed back as the cursor to resume
// from, it would have had a reader skip every change until the store caught up.
func TestFeedPositionsPastThePresent(t *testing.T) {
	srv, _ := curationServer(t, httpapi.Options{})
	retract(t, srv.URL, "reports_to/group/foreign-affairs-commission/institution/standing-committee") // revision 2
	for _, tc := range []struct {
		query, code string
	}{
		{`{ changes(since: 2) { endCursor } }`, ""},
		{`{ changes(after: "2.0") { endCursor } }`, ""},
		{`{ changes(since: 3) { endCursor } }`, "INVALID"},
		{`{ changes(since: 99999) { endCursor } }`, "INVALID"},
		{`{ changes(after: "99.0") { endCursor } }`, "INVALID"},
	} {
		body, _ := json.Marshal(map[string]string{"query": tc.query})
		_, got := send(t, "POST", srv.URL+"/graphql", string(body))
		var resp struct {
			Errors []struct{ Extensions struct{ Code string } }
		}
		_ = json.Unmarshal([]byte(got), &resp)
		code := ""
		if len(resp.Errors) > 0 {
			code = resp.Errors[0].Extensions.Code
		}
		if code != tc.code {
			t.Errorf("%s: %s, want code %q", tc.query, got, tc.code)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, _ := sse(t, ctx, srv.URL, `subscription { changes(since: 99999) { record } }`)
	if ev := nextSSE(t, events); !strings.Contains(ev.data, `"INVALID"`) {
		t.Errorf("a subscription from revision 99999: %s %s", ev.id, ev.data)
	}
}
