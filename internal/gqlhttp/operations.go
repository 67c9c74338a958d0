package gqlhttp

import (
	"context"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"golang.org/x/time/rate"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
)

// writeLimiter bounds the mutations of each principal: a token bucket per subject
// (anonymous callers share one, and are refused writes anyway).
type writeLimiter struct {
	perMinute int
	mu        sync.Mutex
	buckets   map[string]*rate.Limiter
}

func newWriteLimiter(perMinute int) *writeLimiter {
	return &writeLimiter{perMinute: perMinute, buckets: map[string]*rate.Limiter{}}
}

// maxBuckets bounds the limiter's memory; past it the buckets start afresh, which at
// worst lets a token write a burst more.
const maxBuckets = 10000

func (l *writeLimiter) allow(subject string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[subject]
	if !ok {
		if len(l.buckets) >= maxBuckets {
			clear(l.buckets)
		}
		b = rate.NewLimiter(rate.Every(time.Minute/time.Duration(l.perMinute)), min(l.perMinute, 10))
		l.buckets[subject] = b
	}
	return b.Allow()
}

func (l *writeLimiter) around(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	op := graphql.GetOperationContext(ctx)
	if op.Operation == nil || op.Operation.Operation != ast.Mutation || l.allow(atlas.PrincipalFrom(ctx).Name()) {
		return next(ctx)
	}
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{codedError(atlas.ELIMIT,
		"Too many changes from this token; wait a minute and send them again.")}})
}

type readAtKey struct{}

// withReadAt notes in ctx the revision a query is read at, and tells the request's
// loaders, which keep chairs lists by revision (loader.ChairMemo).
func withReadAt(ctx context.Context, rev int64) context.Context {
	loader.From(ctx).ReadAt(rev)
	return context.WithValue(ctx, readAtKey{}, rev)
}

// readAt notes the store revision a query starts at, for the response's extensions,
// unless the response cache already read it for its key.
func readAt(revision func(context.Context) (int64, error)) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		op := graphql.GetOperationContext(ctx)
		if _, known := ctx.Value(readAtKey{}).(int64); !known && op.Operation != nil && op.Operation.Operation == ast.Query {
			if rev, err := revision(ctx); err == nil {
				ctx = withReadAt(ctx, rev)
			}
		}
		return next(ctx)
	}
}

// revisionFrom is the revision a response was read at: where the query started, or,
// for a mutation, the revision after it.
func revisionFrom(ctx context.Context, op *graphql.OperationContext, revision func(context.Context) (int64, error)) (int64, bool) {
	if rev, ok := ctx.Value(readAtKey{}).(int64); ok {
		return rev, true
	}
	if op.Operation == nil || op.Operation.Operation != ast.Mutation {
		return 0, false
	}
	rev, err := revision(ctx)
	return rev, err == nil
}
