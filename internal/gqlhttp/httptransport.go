package gqlhttp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
	"lsgatlas/graph"
)

// Media types of GraphQL over HTTP.
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// overHTTP is the one transport of /graphql: GET and POST as the GraphQL-over-HTTP
// specification says. It reads the request itself, so that every unreadable request is
// a coded 4xx without echoing the body, and it chooses status codes by the media type
// the client accepts:
//
//   - application/graphql-response+json: a request error (unreadable body, parse,
//     validation, variables, limits) is 400 with no "data"; an executed request is 200;
//   - application/json (the default): unreadable bodies and bad parameters are 400,
//     other request errors 200, also with no "data".
//
// Other methods get 405, bodies that are not JSON 415, and mutations over GET 405.
type overHTTP struct {
	limits    Limits
	metrics   Metrics
	responses *responseCache // nil: off
	memory    *memoryBudget
}

var _ graphql.Transport = overHTTP{}

// Supports every request: Do answers the methods it does not serve with 405, and a
// request asking to upgrade the connection (to h2c or a WebSocket, neither of which
// /graphql speaks on an HTTP/1.1 connection) is answered as if it had not asked, which
// HTTP allows; gqlgen's own refusal was an uncoded 400.
func (overHTTP) Supports(*http.Request) bool { return true }

// MaxBodyBytes bounds a POST body: queries are text, and a megabyte is far more than
// any real one needs (the query itself is held to Limits.MaxQueryBytes).
const MaxBodyBytes = 1 << 20

// requestError is a request the transport refuses before GraphQL sees it.
type requestError struct {
	status int
	code   string
	msg    string
}

func badRequest(format string, args ...any) *requestError {
	return &requestError{http.StatusBadRequest, atlas.EINVALID, fmt.Sprintf(format, args...)}
}

func (t overHTTP) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media := negotiate(r.Header.Get("Accept"))
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	params, rerr := readParams(r)
	if rerr != nil {
		t.refuse(w, rerr)
		return
	}
	ctx := r.Context()
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: graphql.GetStartTime(ctx), End: graphql.Now()}
	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		for _, e := range errs {
			if e.Extensions["code"] == nil { // persisted-query mistakes and the like
				setCode(e, atlas.EINVALID)
			}
			code, _ := e.Extensions["code"].(string)
			limit, _ := e.Extensions["limit"].(string)
			t.metrics.RequestError(code, limit)
		}
		status := http.StatusOK
		if media == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs)
		t.writeErrors(w, status, resp.Errors)
		return
	}
	if r.Method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		t.writeErrors(w, http.StatusMethodNotAllowed, gqlerror.List{codedError(atlas.EINVALID,
			"Only queries may be sent with GET; send a "+string(opCtx.Operation.Operation)+" with POST.")})
		return
	}
	deferred := defers(opCtx.Operation)
	if deferred && !acceptsMultipart(r.Header.Get("Accept")) {
		t.metrics.RequestError(atlas.EINVALID, "")
		status := http.StatusOK
		if media == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
		t.writeErrors(w, status, gqlerror.List{deferRefusal()})
		return
	}
	cacheKey, rev, readRev := t.responses.key(ctx, opCtx)
	if readRev {
		ctx = withReadAt(ctx, rev)
	}
	if deferred {
		cacheKey = "" // parts are written as they come, never cached
	}
	if body, ok := t.responses.get(ctx, cacheKey); ok {
		t.metrics.ResponseCacheLookup(true)
		if stats := statsFrom(ctx); stats != nil { // the access log names the operation still
			stats.add(opCtx.OperationName, 0)
		}
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
		return
	} else if cacheKey != "" {
		t.metrics.ResponseCacheLookup(false)
	}
	reserved := int64(minReservation)
	if c, ok := opCtx.Stats.GetExtension("cost").(*requestCost); ok {
		reserved = max(reserved, int64(c.Memory))
	}
	if !t.memory.reserve(reserved) {
		t.metrics.Shed("memory")
		w.Header().Set("Retry-After", "1")
		t.writeErrors(w, http.StatusServiceUnavailable, gqlerror.List{codedError(atlas.EUNAVAILABLE,
			"The server is busy with large requests; retry after 1 s.")})
		return
	}
	defer t.memory.release(reserved)
	ctx, work := withWork(ctx, t.limits.fieldBudget(), t.metrics)
	graph.AdmitFieldsBy(opCtx, work)
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	resp := responses(ctx)
	if resp == nil { // the client went away
		return
	}
	if err := work.refusal(); err != nil {
		resp = &graphql.Response{Data: json.RawMessage("null"), Errors: gqlerror.List{err}, Extensions: resp.Extensions}
	}
	resp.Errors = t.capErrors(resp.Errors)
	if deferred && resp.HasNext != nil && *resp.HasNext {
		writeIncremental(ctx, w, resp, responses, work)
		return
	}
	body, err := marshalResponse(resp)
	if err == nil && len(body) > t.limits.MaxResponseBytes {
		t.metrics.RequestError(atlas.ELIMIT, "response size (bytes)")
		lim := limitError("response size (bytes)", len(body), t.limits.MaxResponseBytes)
		body, err = json.Marshal(&graphql.Response{Data: json.RawMessage("null"), Errors: gqlerror.List{lim}})
	}
	if err != nil {
		body = []byte(`{"data":null,"errors":[{"message":"Internal error.","extensions":{"code":"INTERNAL"}}]}`)
	} else if len(body) <= t.limits.MaxResponseBytes {
		t.responses.add(ctx, cacheKey, resp, body)
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// refuse answers a request that readParams refused.
func (t overHTTP) refuse(w http.ResponseWriter, rerr *requestError) {
	if rerr.status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", "GET, POST")
	}
	t.metrics.RequestError(rerr.code, "")
	t.writeErrors(w, rerr.status, gqlerror.List{codedError(rerr.code, rerr.msg)})
}

// errorResponse is a response to a request error: it has no data entry at all.
type errorResponse struct {
	Errors gqlerror.List `json:"errors"`
}

func (t overHTTP) writeErrors(w http.ResponseWriter, status int, errs gqlerror.List) {
	body, _ := json.Marshal(errorResponse{Errors: t.capErrors(errs)})
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// capErrors keeps the first MaxErrors errors and says how many more there were.
func (t overHTTP) capErrors(errs gqlerror.List) gqlerror.List {
	if len(errs) <= t.limits.MaxErrors {
		return errs
	}
	rest := len(errs) - t.limits.MaxErrors
	return append(errs[:t.limits.MaxErrors:t.limits.MaxErrors],
		codedError(atlas.ELIMIT, fmt.Sprintf("%d more errors were left out.", rest)))
}

func codedError(code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}

// negotiate picks the response media type from an Accept header: the GraphQL response
// type when the client prefers it, application/json otherwise (also for */* and no
// header, as the specification asks for older clients).
func negotiate(accept string) string {
	best, bestQ := mediaJSON, -1.0
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if s, ok := params["q"]; ok {
			if v, err := strconv.ParseFloat(s, 64); err == nil {
				q = v
			}
		}
		if q <= 0 {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			if q > bestQ {
				best, bestQ = mediaGraphQLResponse, q
			}
		case mediaJSON, "application/*", "*/*":
			if q > bestQ {
				best, bestQ = mediaJSON, q
			}
		}
	}
	return best
}

// readParams reads the GraphQL request of a GET (query string) or POST (JSON body).
func readParams(r *http.Request) (*graphql.RawParams, *requestError) {
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		// A parameter given twice was read as its first value: which one the caller
		// meant is a guess, so neither is taken.
		for _, name := range []string{"query", "operationName", "variables", "extensions"} {
			if len(q[name]) > 1 {
				return nil, badRequest("The parameter %s is given %d times; give it once.", name, len(q[name]))
			}
		}
		p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
		var err *requestError
		if p.Variables, err = decodeObject("variables", []byte(q.Get("variables"))); err != nil {
			return nil, err
		}
		if p.Extensions, err = decodeObject("extensions", []byte(q.Get("extensions"))); err != nil {
			return nil, err
		}
		return p, needQuery(p)
	case http.MethodPost:
		mt, mp, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != mediaJSON {
			return nil, &requestError{http.StatusUnsupportedMediaType, atlas.EINVALID, "Send the request as application/json."}
		}
		if cs, ok := mp["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
			return nil, &requestError{http.StatusUnsupportedMediaType, atlas.EINVALID, "Send the request in UTF-8."}
		}
		body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, MaxBodyBytes))
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				return nil, &requestError{http.StatusRequestEntityTooLarge, atlas.ELIMIT, fmt.Sprintf("The request body is larger than %d bytes.", tooLarge.Limit)}
			}
			return nil, badRequest("The request body could not be read.")
		}
		return decodeBody(body)
	default:
		return nil, &requestError{http.StatusMethodNotAllowed, atlas.EINVALID, "Use GET or POST."}
	}
}

// decodeBody reads a POST body: one JSON object with a string query, an optional string
// operationName and optional object variables and extensions. The messages never quote
// the body, which may hold secrets.
func decodeBody(body []byte) (*graphql.RawParams, *requestError) {
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		return nil, badRequest("The request body is empty; send a JSON object with a query.")
	case trimmed[0] == '[':
		return nil, badRequest("Batched requests are not supported; send one JSON object per request.")
	case trimmed[0] != '{':
		return nil, badRequest("The request body must be a JSON object.")
	}
	// One pass over the body, variables included: decoding it into raw fields, then each
	// field again, took 6.7% of a varied request's CPU (BenchmarkExecutorVaried), one pass
	// 4.1%. Numbers stay json.Number, as gqlgen keeps them, so large integers keep their
	// digits.
	var fields map[string]any
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	if err := dec.Decode(&fields); err != nil {
		return nil, badRequest("The request body is not valid JSON.")
	}
	if dec.More() {
		return nil, badRequest("The request body has data after its JSON object.")
	}
	p := &graphql.RawParams{}
	var err *requestError
	if p.Query, err = stringParam("query", fields["query"]); err != nil {
		return nil, err
	}
	if p.OperationName, err = stringParam("operationName", fields["operationName"]); err != nil {
		return nil, err
	}
	if p.Variables, err = objectParam("variables", fields["variables"]); err != nil {
		return nil, err
	}
	if p.Extensions, err = objectParam("extensions", fields["extensions"]); err != nil {
		return nil, err
	}
	return p, needQuery(p)
}

// stringParam is a decoded body's string parameter; absent or null is "".
func stringParam(name string, v any) (string, *requestError) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	}
	return "", badRequest("The %s parameter must be a string.", name)
}

// objectParam is a decoded body's object parameter; absent or null is nil.
func objectParam(name string, v any) (map[string]any, *requestError) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return v, nil
	}
	return nil, badRequest("The %s parameter must be a JSON object.", name)
}

func needQuery(p *graphql.RawParams) *requestError {
	if p.Query == "" && p.Extensions["persistedQuery"] == nil {
		return badRequest("The request has no query.")
	}
	return nil
}

// decodeObject decodes a GET request's object parameter, given as JSON text; empty is
// nil, and what the text holds must be as objectParam takes it from a body.
func decodeObject(name string, raw []byte) (map[string]any, *requestError) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, nil
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // as gqlgen does, so large integers keep their digits
	if dec.Decode(&v) != nil || dec.More() {
		return nil, badRequest("The %s parameter must be a JSON object.", name)
	}
	return objectParam(name, v)
}
