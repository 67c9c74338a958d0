package neo4j

import (
	"context"
	"sync"
	"sync/atomic"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"lsgatlas/atlas"
)

var _ atlas.ReadScoper = (*Store)(nil)

// A GraphQL request reads level by level, a statement per level (5-7 for a two- or
// three-level query). Each in a managed transaction of its own costs a session, BEGIN and
// COMMIT every time, about as much server time as the statements themselves; a read scope
// runs them all in one explicit read transaction instead, which also gives the request
// one consistent view of the data.

// scopedBackend is a backend that can open an explicit read transaction for a scope; a
// backend without it (the tests' fakes) serves scoped reads unscoped.
type scopedBackend interface {
	beginRead(ctx context.Context) (readTx, error)
}

// readTx is an open read transaction: its statements run one at a time, and close
// releases it (rolling it back: it wrote nothing) and its session.
type readTx interface {
	runner
	close(ctx context.Context) error
}

type scopeKey struct{ store *Store }

// readScope is one request's read transaction, opened at its first read. Statements of a
// transaction cannot overlap, so reads made concurrently (sibling resolvers) take turns.
type readScope struct {
	store *Store
	mu    sync.Mutex
	tx    readTx
	// done is set by end, failed when the transaction failed: either way later reads run
	// unscoped.
	done, failed bool
}

// ScopeReads implements atlas.ReadScoper.
func (s *Store) ScopeReads(ctx context.Context) (context.Context, func()) {
	sc := &readScope{store: s}
	return context.WithValue(ctx, scopeKey{s}, sc), func() { sc.end(ctx) }
}

func (s *Store) scopeIn(ctx context.Context) *readScope {
	sc, _ := ctx.Value(scopeKey{s}).(*readScope)
	return sc
}

// ReadTransactions returns how many read transactions this store has begun: managed ones
// (every attempt, retries included) and those of read scopes. Tests use it to hold a
// request to one.
func (s *Store) ReadTransactions() int64 { return s.readTxs.Load() }

// read runs work in the scope's transaction and reports whether it did; false means the
// caller runs it unscoped: the scope has ended, the backend has no explicit transactions,
// or the transaction could not be opened or failed (the managed path then retries
// transient errors and maps the error as it always does).
func (sc *readScope) read(ctx context.Context, work func(runner) error) (handled bool, err error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.done || sc.failed {
		return false, nil
	}
	b, ok := sc.store.db.(scopedBackend)
	if !ok {
		return false, nil
	}
	if err := sc.store.check(ctx); err != nil {
		return true, err
	}
	if sc.tx == nil {
		tx, err := b.beginRead(ctx)
		if err != nil {
			sc.failed = true
			return false, nil
		}
		sc.store.readTxs.Add(1)
		sc.tx = tx
	}
	if err := work(countingRunner{sc.tx, &sc.store.runs}); err != nil {
		sc.failed = true
		sc.release(ctx)
		return false, nil
	}
	return true, nil
}

func (sc *readScope) end(ctx context.Context) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.done = true
	sc.release(ctx)
}

func (sc *readScope) release(ctx context.Context) {
	if sc.tx != nil {
		// A read transaction that cannot be closed cleanly has nothing to lose; the
		// driver discards its connection.
		_ = sc.tx.close(context.WithoutCancel(ctx))
		sc.tx = nil
	}
}

// readTxCounter counts read transactions; a field of Store.
type readTxCounter = atomic.Int64

// beginRead opens a session and an explicit read transaction on it.
func (b *driverBackend) beginRead(ctx context.Context) (readTx, error) {
	session := b.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: b.database, AccessMode: driver.AccessModeRead, BookmarkManager: b.bookmarks})
	tx, err := session.BeginTransaction(ctx)
	if err != nil {
		_ = session.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return &driverReadTx{txRunner: txRunner{tx}, session: session, tx: tx}, nil
}

type driverReadTx struct {
	txRunner
	session driver.SessionWithContext
	tx      driver.ExplicitTransaction
}

func (t *driverReadTx) close(ctx context.Context) error {
	err := t.tx.Close(ctx)
	if serr := t.session.Close(ctx); err == nil {
		err = serr
	}
	return err
}
