package gqlhttp

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
)

// work counts what one executing request has resolved, so that a request that grows
// past what its cost promised (lists longer than the model assumed) or outlives its
// context stops at the next field rather than running on.
type work struct {
	fields   atomic.Int64
	max      int64
	tripOnce sync.Once
	tripped  atomic.Pointer[gqlerror.Error]
}

type workKey struct{}

func withWork(ctx context.Context, maxFields int) (context.Context, *work) {
	w := &work{max: int64(maxFields)}
	return context.WithValue(ctx, workKey{}, w), w
}

func workFrom(ctx context.Context) *work {
	w, _ := ctx.Value(workKey{}).(*work)
	return w
}

// refusal is the one error that replaces a response whose execution was stopped by a
// limit, or nil.
func (w *work) refusal() *gqlerror.Error {
	if w == nil {
		return nil
	}
	return w.tripped.Load()
}

func (w *work) trip(err *gqlerror.Error) {
	w.tripOnce.Do(func() { w.tripped.Store(err) })
}

// errStopped is what the fields of a stopped request return; the response carries the
// single refusal instead of one error per field.
var errStopped = atlas.Errorf(atlas.ELIMIT, "The request was stopped.")

// executionGuard is the field middleware that stops work: every field first checks the
// request's context (timeout or client gone) and the resolved-fields budget.
type executionGuard struct{ metrics Metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.FieldInterceptor
} = executionGuard{}

func (executionGuard) ExtensionName() string                   { return "ExecutionGuard" }
func (executionGuard) Validate(graphql.ExecutableSchema) error { return nil }

func (g executionGuard) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	w := workFrom(ctx)
	if w == nil {
		return next(ctx)
	}
	if w.refusal() != nil {
		return nil, errStopped
	}
	if err := ctx.Err(); err != nil {
		code, msg := atlas.ELIMIT, "The client went away before the answer was ready."
		var cause *atlas.Error
		switch {
		case errors.As(context.Cause(ctx), &cause): // the server shutting down
			code, msg = cause.Code, cause.Message
		case errors.Is(err, context.DeadlineExceeded):
			msg = atlas.ErrorMessage(err)
		}
		w.trip(codedError(code, msg))
		g.metrics.RequestError(code, "time")
		return nil, errStopped
	}
	if n := w.fields.Add(1); n > w.max {
		// Fields resolve concurrently, so several may pass the limit at once: the one
		// that counted max+1 reports it (the same figure whichever goroutine runs
		// first) and counts the refusal once.
		if n == w.max+1 {
			w.trip(limitError("resolved fields", int(n), int(w.max)))
			g.metrics.RequestError(atlas.ELIMIT, "resolved fields")
		}
		return nil, errStopped
	}
	return next(ctx)
}

// Metrics receives what the GraphQL layer observes; httpapi implements it with
// Prometheus. Every method must be safe for concurrent use and fast.
type Metrics interface {
	// RequestError counts a request refused or stopped, by code and, for limits, the
	// limit's name.
	RequestError(code, limit string)
	// FieldError counts an error reported in an executed response, by code.
	FieldError(code string)
	// QueryCacheLookup counts a lookup of the parsed-query cache.
	QueryCacheLookup(hit bool)
	// ResponseCacheLookup counts a lookup of the cache of complete answers.
	ResponseCacheLookup(hit bool)
	// Cost records the computed cost of an admitted request.
	Cost(cost int)
	// Shed counts a request refused with 503 because the memory in flight is spent.
	Shed(reason string)
}

type noMetrics struct{}

func (noMetrics) RequestError(string, string) {}
func (noMetrics) FieldError(string)           {}
func (noMetrics) QueryCacheLookup(bool)       {}
func (noMetrics) ResponseCacheLookup(bool)    {}
func (noMetrics) Cost(int)                    {}
func (noMetrics) Shed(string)                 {}
