package gqlhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/coder/websocket"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
	"lsgatlas/graph"
)

// The change feed's transports: the `changes` subscription is streamed by gqlgen's own
// transports (graphql-sse and graphql-transport-ws), which serve subscriptions only;
// queries and mutations keep the GraphQL-over-HTTP transport with its limits. The
// resolvers' side of the feed (where a subscription starts, why it ended) is in graph.

// streamTransports are the subscription transports, before overHTTP (gqlgen gives a
// request to the first transport that supports it); plain is that transport, whose
// reading of a body the SSE transport shares. The keep-alive comments and pings run on
// the transports' own tickers, off any request path.
func streamTransports(opts Options, plain overHTTP) []graphql.Transport {
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
	ws.Implementation = codedWebsocket{transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{OriginPatterns: hosts}}}
	return []graphql.Transport{readSSE{transport.SSE{KeepAlivePingInterval: 25 * time.Second}, plain}, websocketOnly{ws}}
}

// readSSE is gqlgen's SSE transport behind overHTTP's reading of the body. gqlgen's own
// reading answers a body it cannot decode with INTERNAL and an error quoting the whole
// body, which it also prints to the standard log, variables and all; and it reads a body
// of any size, and parameters in any letter case. Here a body is read and checked as a
// plain POST's is, refused in the same words, and what gqlgen then reads is the request
// as decoded, encoded again, so gqlgen's decoding cannot fail.
type readSSE struct {
	transport.SSE
	plain overHTTP
}

func (t readSSE) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	params, rerr := readParams(r)
	var body []byte
	if rerr == nil {
		var err error
		if body, err = json.Marshal(params); err != nil { // decoded JSON always encodes
			rerr = badRequest("The request body is not valid JSON.")
		}
	}
	if rerr != nil {
		w.Header().Set("Content-Type", negotiate(r.Header.Get("Accept"))+"; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		t.plain.refuse(w, rerr)
		return
	}
	r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
	t.SSE.Do(w, r, exec)
}

// codedWebsocket is gqlgen's coder/websocket adapter with the one error gqlgen sends
// without a code given one: a subscribe message whose payload does not decode into a
// request is answered "invalid json" and nothing else, where every other bad input the
// service is sent gets a code and words that say what to send instead.
type codedWebsocket struct {
	transport.CoderWebsocketImplementation
}

func (c codedWebsocket) Accept(w http.ResponseWriter, r *http.Request, options transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	conn, err := c.CoderWebsocketImplementation.Accept(w, r, options)
	if err != nil {
		return nil, err
	}
	return codedConn{conn}, nil
}

// codedConn writes gqlgen's messages, the uncoded error rewritten. It passes on the read
// limit and deadlines that gqlgen looks for on a connection.
type codedConn struct{ transport.WebsocketConn }

// The uncoded error as gqlgen writes it, in a subscription's error message (its payload
// is the message's first field), and what is written instead.
var (
	uncodedPayload = []byte(`{"payload":[{"message":"invalid json"}],`)
	codedPayload   = []byte(`{"payload":[{"message":"The payload of a subscribe message must be a JSON object with a query (a string), and optionally operationName (a string), variables and extensions (objects).","extensions":{"code":"` + atlas.EINVALID + `"}}],`)
)

// WriteJSON encodes v once; the bytes go on as they are, the uncoded error rewritten.
func (c codedConn) WriteJSON(v any) error {
	b, err := json.Marshal(v)
	switch {
	case err != nil:
		return c.WebsocketConn.WriteJSON(v) // for the adapter to report
	case bytes.HasPrefix(b, uncodedPayload):
		b = slices.Concat(codedPayload, b[len(uncodedPayload):]) // a copy: codedPayload is shared
	}
	return c.WebsocketConn.WriteJSON(json.RawMessage(b))
}

func (c codedConn) SetReadLimit(limit int64) {
	if l, ok := c.WebsocketConn.(transport.WebsocketReadLimiter); ok {
		l.SetReadLimit(limit)
	}
}

func (c codedConn) SetReadDeadline(t time.Time) error {
	if d, ok := c.WebsocketConn.(transport.WebsocketReadDeadliner); ok {
		return d.SetReadDeadline(t)
	}
	return nil
}

// websocketOnly is gqlgen's WebSocket transport for WebSocket handshakes alone: gqlgen's
// takes any request with an Upgrade header, so a POST asking to upgrade to h2c (`curl
// --http2`) would be refused as a bad handshake instead of answered over HTTP/1.1.
type websocketOnly struct{ transport.Websocket }

func (t websocketOnly) Supports(r *http.Request) bool { return isWebSocketHandshake(r) }

// isWebSocketHandshake tells a WebSocket opening handshake: a GET asking to upgrade to
// "websocket" (RFC 6455 4.1; the header is a token list, compared without case).
func isWebSocketHandshake(r *http.Request) bool {
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
// token that does not verify closes the connection with 4403 Forbidden, the
// graphql-transport-ws code for a refused connection_init (gqlgen's default, 1000, says
// all went well). The subscription itself is a read, so the token only names the client
// whose subscriptions are counted.
func wsAuthenticate(verify func(token string) (atlas.Principal, error)) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		header := payload.Authorization()
		if header == "" || verify == nil {
			return ctx, nil, nil
		}
		refused := transport.AppendCloseReason(transport.WithWebsocketCloseCode(ctx, 4403), "Forbidden")
		token, ok := strings.CutPrefix(header, "Bearer ")
		if !ok {
			return refused, nil, errors.New(`the connection_init Authorization must be "Bearer <token>"`)
		}
		p, err := verify(token)
		if err != nil {
			return refused, nil, errors.New(atlas.ErrorMessage(err))
		}
		return atlas.WithPrincipal(ctx, p), nil, nil
	}
}

// streamOnly is the operation middleware that keeps each transport to its kind of
// operation: subscriptions only over SSE and WebSocket (which have no budget of
// resolved fields), and never over plain HTTP (whose answer is one response). (Why a
// subscription ended is its resolvers' to say: graph.Resolver.AroundOperation.)
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
	}
	return next(ctx)
}

// IsStream tells a subscription's request: an SSE stream (graphql-sse) or a WebSocket
// upgrade (graphql-transport-ws). Such requests live as long as the client stays, so a
// caller keeps them out of its request timeout and in-flight bound.
func IsStream(r *http.Request) bool {
	return isWebSocketHandshake(r) || r.Method == http.MethodPost && strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// forStream prepares a subscription's request: the client its subscriptions count
// against (its address; a token's subject wins in graph), the Last-Event-ID an SSE client
// resends to resume, and SSE event ids that make such a resume possible.
func forStream(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, *http.Request) {
	ctx := r.Context()
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ctx = graph.WithClient(ctx, "address:"+host)
	if id := r.Header.Get("Last-Event-ID"); id != "" {
		ctx = graph.WithLastEventID(ctx, id)
	}
	if !isWebSocketHandshake(r) {
		w = sseEventIDs(w)
	}
	return w, r.WithContext(ctx)
}

// sseEventIDs makes an SSE stream of `changes` events standard for reconnection: each
// event that selects `cursor` gets an `id:` line with it, which an SSE client resends
// as Last-Event-ID when it reconnects. gqlgen's SSE transport writes each event in one
// Write, which this writer reads.
func sseEventIDs(w http.ResponseWriter) http.ResponseWriter { return &sseIDWriter{ResponseWriter: w} }

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
