package atlas

import "context"

// ReadScoper is implemented by a store whose reads cost a transaction each (Neo4j: a
// session, BEGIN and COMMIT around every statement) and that can instead serve all the
// reads of one request from one read transaction. The in-process store has nothing to
// save and does not implement it.
//
// It is an optional interface rather than a Store method, and the scope travels in the
// context rather than as a second read interface, so the Store port, its callers (the
// planner, the loaders, the resolvers, analytics) and the conformance suite stay exactly
// as they are: whoever owns a request opens a scope once, and every store call made with
// that context, however deep, joins it.
type ReadScoper interface {
	// ScopeReads returns a context whose reads (and those of contexts derived from it)
	// share one read transaction, opened lazily at the first read, so a request that
	// reads nothing opens none. end releases it; it is idempotent, and a read made with
	// the context after end runs as an unscoped read would. A scoped read that fails is
	// retried outside the scope, so a scope never makes a read fail that would otherwise
	// succeed.
	ScopeReads(ctx context.Context) (scoped context.Context, end func())
}

// ScopeReads opens a read scope on store when it offers one (see ReadScoper); otherwise
// it returns ctx and a no-op.
func ScopeReads(ctx context.Context, store Store) (context.Context, func()) {
	if s, ok := store.(ReadScoper); ok {
		return s.ScopeReads(ctx)
	}
	return ctx, func() {}
}
