package neo4j

import (
	"context"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// record is one result row, column name to value, as the driver decodes it: int64 for
// integers, []any for lists, map[string]any for maps, nil for null.
type record = map[string]any

// runner runs one embedded statement inside a transaction and returns all its rows. It is
// the only way the store reaches the database, so tests can stand in for the driver and
// check every statement's parameters and feed back rows shaped like the driver's.
type runner interface {
	run(ctx context.Context, st statement, params map[string]any) ([]record, error)
}

// backend is the driver seen through what the store needs: managed read and write
// transactions, a connectivity check and Close. work may run more than once (the driver
// retries transient failures), so it must not keep state across attempts.
type backend interface {
	read(ctx context.Context, work func(runner) error) error
	write(ctx context.Context, work func(runner) error) error
	verify(ctx context.Context) error
	close(ctx context.Context) error
}

// driverBackend is backend over the official Go driver.
type driverBackend struct {
	drv      driver.DriverWithContext
	database string
	// bookmarks chains every session of the store causally: a call sees every write an
	// earlier call of this store committed, also when a cluster serves it from a member
	// other than the one that took the write.
	bookmarks driver.BookmarkManager
}

// newDriverBackend makes a driver; it does not connect (the driver connects lazily).
func newDriverBackend(cfg Config) (*driverBackend, error) {
	drv, err := driver.NewDriverWithContext(cfg.URI, driver.BasicAuth(cfg.Username, cfg.Password, ""), func(c *config.Config) {
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout
		c.MaxTransactionRetryTime = cfg.MaxRetryTime
		c.UserAgent = "lsgatlas"
	})
	if err != nil {
		return nil, err
	}
	return &driverBackend{drv: drv, database: cfg.Database, bookmarks: driver.NewBookmarkManager(driver.BookmarkManagerConfig{})}, nil
}

func (b *driverBackend) read(ctx context.Context, work func(runner) error) error {
	return b.execute(ctx, driver.AccessModeRead, work)
}

func (b *driverBackend) write(ctx context.Context, work func(runner) error) error {
	return b.execute(ctx, driver.AccessModeWrite, work)
}

// execute runs work in a managed transaction of a session on the configured database. The
// access mode routes reads to followers/read replicas in a cluster.
func (b *driverBackend) execute(ctx context.Context, mode driver.AccessMode, work func(runner) error) error {
	session := b.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: b.database, AccessMode: mode, BookmarkManager: b.bookmarks})
	// Close even when ctx is done, so the connection goes back to the pool.
	defer session.Close(context.WithoutCancel(ctx))
	tw := func(tx driver.ManagedTransaction) (any, error) { return nil, work(txRunner{tx}) }
	var err error
	if mode == driver.AccessModeRead {
		_, err = session.ExecuteRead(ctx, tw)
	} else {
		_, err = session.ExecuteWrite(ctx, tw)
	}
	return err
}

func (b *driverBackend) verify(ctx context.Context) error { return b.drv.VerifyConnectivity(ctx) }

func (b *driverBackend) close(ctx context.Context) error { return b.drv.Close(ctx) }

// txRunner runs statements in one transaction, managed or explicit.
type txRunner struct {
	tx interface {
		Run(ctx context.Context, cypher string, params map[string]any) (driver.ResultWithContext, error)
	}
}

func (r txRunner) run(ctx context.Context, st statement, params map[string]any) ([]record, error) {
	res, err := r.tx.Run(ctx, st.sent, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]record, len(recs))
	for i, rec := range recs {
		out[i] = rec.AsMap()
	}
	return out, nil
}
