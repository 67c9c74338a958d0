package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
	"lsgatlas/changefeed"
)

// The change feed over GraphQL: the `changes` page and the `changes` subscription,
// streamed by gqlgen's own transports (graphql-sse and graphql-transport-ws), which
// serve subscriptions only; queries and mutations keep the GraphQL-over-HTTP transport
// with its limits.

// streamTransports are the subscription transports, before overHTTP (gqlgen gives a
// request to the first transport that supports it). The keep-alive comments and pings
// run on the transports' own tickers, off any request path.
func streamTransports(opts Options) []graphql.Transport {
	ws := transport.Websocket{KeepAlivePingInterval: 25 * time.Second, InitFunc: wsAuthenticate(opts.Authenticate)}
	// Browsers on the service's own origin may always connect; others as CORS allows.
	var hosts []string
	for _, o := range opts.CORSOrigins {
		if o == "*" {
			hosts = append(hosts, "*")
		} else if u, err := url.Parse(o); err == nil && u.Host != "" {
			hosts = append(hosts, u.Host)
		}
	}
	ws.Implementation = transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{OriginPatterns: hosts}}
	return []graphql.Transport{transport.SSE{KeepAlivePingInterval: 25 * time.Second}, websocketOnly{ws}}
}

// websocketOnly is gqlgen's WebSocket transport for WebSocket handshakes alone: gqlgen's
// takes any request with an Upgrade header, so a POST asking to upgrade to h2c (`curl
// --http2`) would be refused as a bad handshake instead of answered over HTTP/1.1.
type websocketOnly struct{ transport.Websocket }

func (t websocketOnly) Supports(r *http.Request) bool { return IsWebSocketHandshake(r) }

// IsWebSocketHandshake tells a WebSocket opening handshake: a GET asking to upgrade to
// "websocket" (RFC 6455 4.1; the header is a token list, compared without case).
func IsWebSocketHandshake(r *http.Request) bool {
	if r.Method != http.MethodGet {
		return false
	}
	for _, v := range r.Header.Values("Upgrade") {
		for _, token := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(token), "websocket") {
				return true
			}
		}
	}
	return false
}

// wsAuthenticate reads a bearer token from a WebSocket's connection_init payload
// ({"Authorization": "Bearer …"}), since browsers cannot set headers on a WebSocket; a
// token that does not verify closes the connection. The subscription itself is a read,
// so the token only names the client whose subscriptions are counted.
func wsAuthenticate(verify func(token string) (atlas.Principal, error)) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		header := payload.Authorization()
		if header == "" || verify == nil {
			return ctx, nil, nil
		}
		token, ok := strings.CutPrefix(header, "Bearer ")
		if !ok {
			return ctx, nil, errors.New(`the connection_init Authorization must be "Bearer <token>"`)
		}
		p, err := verify(token)
		if err != nil {
			return ctx, nil, errors.New(atlas.ErrorMessage(err))
		}
		return atlas.WithPrincipal(ctx, p), nil, nil
	}
}

// feedPosition is where a subscription or a page starts: after the cursor `after`,
// else after the Last-Event-ID the request carried, else after revision since, else
// (subscriptions only) at the current revision.
func (r *Resolver) feedPosition(ctx context.Context, since *int, after *string, orNow bool) (atlas.FeedPosition, error) {
	if after == nil {
		if id := LastEventIDFrom(ctx); id != "" {
			after = &id
		}
	}
	switch {
	case after != nil:
		return atlas.ParseFeedPosition(*after)
	case since != nil && *since < 0:
		return atlas.FeedPosition{}, atlas.Errorf(atlas.EINVALID, "since must be a revision (0 or more), got %d", *since)
	case since != nil:
		return atlas.AfterRevision(int64(*since)), nil
	case orNow:
		rev, err := r.Feed.Current(ctx)
		return atlas.AfterRevision(rev), err
	}
	return atlas.AfterRevision(0), nil
}

func (r *Resolver) feed() error {
	if r.Feed == nil {
		return atlas.Errorf(atlas.EUNAVAILABLE, "this store keeps no audit log, so it has no change feed")
	}
	return nil
}

type clientKey struct{}

// WithClient names the client a request comes from (a token's subject, else its
// address): the limit on live subscriptions is per client.
func WithClient(ctx context.Context, client string) context.Context {
	return context.WithValue(ctx, clientKey{}, client)
}

func clientFrom(ctx context.Context) string {
	if p := atlas.PrincipalFrom(ctx); p != atlas.Anonymous {
		return "token:" + p.Name()
	}
	c, _ := ctx.Value(clientKey{}).(string)
	return c
}

type lastEventIDKey struct{}

// WithLastEventID carries the Last-Event-ID header an SSE client resends when it
// reconnects: the subscription resumes after that cursor.
func WithLastEventID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, lastEventIDKey{}, id)
}

// LastEventIDFrom returns the Last-Event-ID of the request, "" when none.
func LastEventIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(lastEventIDKey{}).(string)
	return id
}

// streamEnd holds the subscription of a streaming operation, so that when its events
// end the transport sends why (SLOW_SUBSCRIBER, UNAVAILABLE) as a last error.
type streamEnd struct {
	mu   sync.Mutex
	sub  *changefeed.Subscription
	done bool
}

type streamEndKey struct{}

func (s *streamEnd) watch(sub *changefeed.Subscription) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.sub = sub
	s.mu.Unlock()
}

// reason returns, once, the error that ended the subscription, nil when it ended
// because the client left.
func (s *streamEnd) reason() *gqlerror.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done || s.sub == nil || s.sub.Err() == nil {
		return nil
	}
	s.done = true
	err := s.sub.Err()
	return &gqlerror.Error{Message: atlas.ErrorMessage(err), Extensions: map[string]any{"code": atlas.ErrorCode(err)}}
}

// streamOnly is the operation middleware that keeps each transport to its kind of
// operation: subscriptions only over SSE and WebSocket (which have no budget of
// resolved fields), and never over plain HTTP (whose answer is one response). A
// subscription's last response says why it ended, when it did not end by the client
// leaving.
func streamOnly(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	op := graphql.GetOperationContext(ctx)
	if op.Operation == nil {
		return next(ctx)
	}
	overHTTP := workFrom(ctx) != nil
	switch isSubscription := op.Operation.Operation == ast.Subscription; {
	case isSubscription && overHTTP:
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{codedError(atlas.EINVALID,
			"Subscriptions are streamed: POST with Accept: text/event-stream (graphql-sse), or open a WebSocket (graphql-transport-ws).")}})
	case !isSubscription && !overHTTP:
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{codedError(atlas.EINVALID,
			"Server-Sent Events and WebSocket carry subscriptions; send queries and mutations as GraphQL over HTTP (POST or GET without Accept: text/event-stream).")}})
	case !isSubscription:
		return next(ctx)
	}
	end := &streamEnd{}
	responses := next(context.WithValue(ctx, streamEndKey{}, end))
	return func(ctx context.Context) *graphql.Response {
		if resp := responses(ctx); resp != nil {
			return resp
		}
		if err := end.reason(); err != nil {
			return &graphql.Response{Errors: gqlerror.List{err}}
		}
		return nil
	}
}

func streamEndFrom(ctx context.Context) *streamEnd {
	s, _ := ctx.Value(streamEndKey{}).(*streamEnd)
	return s
}

// SSEEventIDs makes an SSE stream of `changes` events standard for reconnection: each
// event that selects `cursor` gets an `id:` line with it, which an SSE client resends
// as Last-Event-ID when it reconnects. gqlgen's SSE transport writes each event in one
// Write, which this writer reads.
func SSEEventIDs(w http.ResponseWriter) http.ResponseWriter { return &sseIDWriter{ResponseWriter: w} }

type sseIDWriter struct{ http.ResponseWriter }

var sseNext = []byte("event: next\ndata: ")

func (w *sseIDWriter) Write(b []byte) (int, error) {
	if !bytes.HasPrefix(b, sseNext) {
		return w.ResponseWriter.Write(b)
	}
	var resp struct {
		Data struct {
			Changes struct {
				Cursor string `json:"cursor"`
			} `json:"changes"`
		} `json:"data"`
	}
	if json.Unmarshal(bytes.TrimSpace(b[len(sseNext):]), &resp) == nil && resp.Data.Changes.Cursor != "" {
		if _, err := w.ResponseWriter.Write([]byte("id: " + resp.Data.Changes.Cursor + "\n")); err != nil {
			return 0, err
		}
	}
	return w.ResponseWriter.Write(b)
}

func (w *sseIDWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *sseIDWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
