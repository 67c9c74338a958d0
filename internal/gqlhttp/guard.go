package gqlhttp

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
	"lsgatlas/graph"
)

// work counts what one executing request has resolved, so that a request that grows
// past what its cost promised (lists longer than the model assumed) or outlives its
// context stops at the next object rather than running on. The executor asks it before
// each object's fields resolve (graph.FieldAdmission): one check per object, not a
// middleware around every field.
type work struct {
	fields   atomic.Int64
	max      int64
	metrics  Metrics
	tripOnce sync.Once
	tripped  atomic.Pointer[gqlerror.Error]
}

var _ graph.FieldAdmission = (*work)(nil)

type workKey struct{}

func withWork(ctx context.Context, maxFields int, metrics Metrics) (context.Context, *work) {
	w := &work{max: int64(maxFields), metrics: metrics}
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

// AdmitFields checks the request's context (timeout, client gone, server shutting down)
// and counts an object's fields against the budget.
func (w *work) AdmitFields(ctx context.Context, fields int) bool {
	if w.refusal() != nil {
		return false
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
		w.metrics.RequestError(code, "time")
		return false
	}
	n := w.fields.Add(int64(fields))
	if n <= w.max {
		return true
	}
	// Deferred fields resolve concurrently, so several objects may pass the limit at
	// once: the one that crossed it reports the count it reached and counts the
	// refusal once.
	if n-int64(fields) <= w.max {
		w.trip(limitError("resolved fields", int(n), int(w.max)))
		w.metrics.RequestError(atlas.ELIMIT, "resolved fields")
	}
	return false
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
	// ChairMemoLookup counts a chairs list served from the memo of lists joined at the
	// current revision (hit), or joined and kept in it (miss).
	ChairMemoLookup(hit bool)
	// LevelMemoLookup counts a node taken from the memo of those read at the current
	// revision, with its levels for a root field or a list, or alone (hit), or read and
	// kept in it (miss).
	LevelMemoLookup(hit bool)
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
func (noMetrics) ChairMemoLookup(bool)        {}
func (noMetrics) LevelMemoLookup(bool)        {}
func (noMetrics) Cost(int)                    {}
func (noMetrics) Shed(string)                 {}
