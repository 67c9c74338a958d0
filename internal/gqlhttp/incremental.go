package gqlhttp

import (
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
)

// @defer is delivered as the GraphQL over HTTP incremental delivery format says: a
// multipart/mixed response (deferSpec=20220824, as gqlgen's own transport and Apollo
// clients speak it) whose first part is the initial payload with "hasNext": true and
// whose later parts each carry {"incremental": [...], "hasNext": …}. Each part is
// written and flushed as soon as the executor has it; nothing waits on a timer. A client
// that does not accept multipart/mixed cannot receive the later parts, so an operation
// that defers is refused for it before it runs, with a message saying what to send.

// multipartBoundary separates the parts; it cannot occur in JSON text at a line start.
const multipartBoundary = "-"

// acceptsMultipart reports whether the Accept header allows multipart/mixed.
func acceptsMultipart(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil || mt != "multipart/mixed" {
			continue
		}
		if q, ok := params["q"]; ok && (q == "0" || strings.HasPrefix(q, "0.0") && strings.Trim(q, "0.") == "") {
			continue
		}
		return true
	}
	return false
}

// defers reports whether the operation asks for any fragment to be deferred.
func defers(op *ast.OperationDefinition) bool {
	seen := map[string]bool{}
	var walk func(ast.SelectionSet) bool
	walk = func(set ast.SelectionSet) bool {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if walk(s.SelectionSet) {
					return true
				}
			case *ast.InlineFragment:
				if s.Directives.ForName("defer") != nil || walk(s.SelectionSet) {
					return true
				}
			case *ast.FragmentSpread:
				if s.Directives.ForName("defer") != nil {
					return true
				}
				if s.Definition != nil && !seen[s.Name] {
					seen[s.Name] = true
					if walk(s.Definition.SelectionSet) {
						return true
					}
				}
			}
		}
		return false
	}
	return op != nil && walk(op.SelectionSet)
}

// deferRefusal is the error for a client that defers but cannot read multipart/mixed.
func deferRefusal() *gqlerror.Error {
	return codedError(atlas.EINVALID, "This operation uses @defer, whose later parts come as multipart/mixed "+
		"(GraphQL over HTTP incremental delivery): send Accept: multipart/mixed, or leave @defer out.")
}

// writeIncremental writes the initial response and every later one as parts of a
// multipart/mixed response.
func writeIncremental(ctx context.Context, w http.ResponseWriter, first *graphql.Response, next graphql.ResponseHandler, work *work) {
	w.Header().Set("Content-Type", fmt.Sprintf(`multipart/mixed; boundary="%s"; deferSpec=20220824`, multipartBoundary))
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	part := func(v any) {
		body, err := json.Marshal(v)
		if err != nil {
			body = []byte(`{"errors":[{"message":"Internal error.","extensions":{"code":"INTERNAL"}}],"hasNext":false}`)
		}
		fmt.Fprintf(w, "--%s\r\nContent-Type: application/json; charset=utf-8\r\n\r\n%s\r\n", multipartBoundary, body)
		if flusher != nil {
			flusher.Flush()
		}
	}
	part(first)
	hasNext := first.HasNext != nil && *first.HasNext
	for hasNext {
		resp := next(ctx)
		if resp == nil { // the client went away, or the executor has nothing more
			break
		}
		hasNext = resp.HasNext != nil && *resp.HasNext
		resp.HasNext = nil
		if err := work.refusal(); err != nil { // a limit stopped a deferred part
			resp = &graphql.Response{Data: json.RawMessage("null"), Label: resp.Label, Path: resp.Path, Errors: gqlerror.List{err}, Extensions: resp.Extensions}
		}
		part(struct {
			Incremental []*graphql.Response `json:"incremental"`
			HasNext     bool                `json:"hasNext"`
		}{[]*graphql.Response{resp}, hasNext})
	}
	fmt.Fprintf(w, "--%s--\r\n", multipartBoundary)
}
