// Package neo4j is the Cypher Store: atlas.Store over a Neo4j 5 database.
//
// Open returns at once and connects in the background, retrying with capped exponential
// backoff and applying the schema migrations (cypher/schema_*.cypher) each time it
// (re)connects; until then every method answers EUNAVAILABLE. All Cypher lives in
// cypher/*.cypher, one parameterised statement per file, embedded and run in managed
// transactions (ExecuteRead/ExecuteWrite), so the store works against a single server
// (bolt://) and a cluster (neo4j://) alike. Every node and relationship carries the store's
// namespace, so several stores (the tests) can share one database without seeing each other.
package neo4j

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
)

var _ atlas.Store = (*Store)(nil)

// Config says where the database is and how patiently to talk to it.
type Config struct {
	// URI is bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// or neo4j+ssc://.
	URI      string
	Username string
	Password string
	// Database is the database name; "" means the server's default database.
	Database string
	// Namespace scopes every node and relationship this store reads or writes, so stores
	// with different namespaces share a database without seeing each other's data:
	// lowercase letters, digits, '-' and '_'. "" means DefaultNamespace.
	Namespace string
	// ConnectTimeout bounds one connection attempt; 0 means 5s.
	ConnectTimeout time.Duration
	// MaxRetryTime bounds how long the driver retries one transaction on transient
	// errors before the call fails with EUNAVAILABLE; 0 means 5s (the driver's own
	// default, 30s, would hold API requests far too long while the database is down).
	MaxRetryTime time.Duration
	// MinBackoff and MaxBackoff bound the wait between background connection attempts;
	// 0 means 500ms and 30s.
	MinBackoff, MaxBackoff time.Duration
	// NoWarm skips warming the plans of the reads after each connection (Store.warm);
	// tests that check the exact statements of a connection set it.
	NoWarm bool
	// RevisionValidity is how long a revision read from the database is trusted before
	// Revision reads it again (revision.go); 0 means DefaultRevisionValidity, a negative
	// value reads it every time. A write by this store forgets it at once.
	RevisionValidity time.Duration
}

// DefaultNamespace is the namespace of a Config that names none.
const DefaultNamespace = "atlas"

// ConfigFromEnv reads NEO4J_URI, NEO4J_USER (or NEO4J_USERNAME; "neo4j" when neither is
// set), NEO4J_PASSWORD, NEO4J_DATABASE and NEO4J_NAMESPACE. ok is false when NEO4J_URI is
// unset or empty, which means "use another backend".
func ConfigFromEnv(getenv func(string) string) (cfg Config, ok bool) {
	cfg.URI = getenv("NEO4J_URI")
	cfg.Username = getenv("NEO4J_USER")
	if cfg.Username == "" {
		cfg.Username = getenv("NEO4J_USERNAME")
	}
	if cfg.Username == "" {
		cfg.Username = "neo4j" // the user every Neo4j installation starts with
	}
	cfg.Password = getenv("NEO4J_PASSWORD")
	cfg.Database = getenv("NEO4J_DATABASE")
	cfg.Namespace = getenv("NEO4J_NAMESPACE")
	return cfg, cfg.URI != ""
}

var (
	namespacePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)
	uriSchemes       = map[string]bool{"bolt": true, "bolt+s": true, "bolt+ssc": true, "neo4j": true, "neo4j+s": true, "neo4j+ssc": true}
)

// normalized checks cfg and fills in defaults; a bad value is EINVALID.
func (cfg Config) normalized() (Config, error) {
	u, err := url.Parse(cfg.URI)
	if err != nil || !uriSchemes[u.Scheme] || u.Host == "" {
		return cfg, atlas.Errorf(atlas.EINVALID, "invalid Neo4j URI %q: want bolt://host:7687 or neo4j://host:7687 (or the +s / +ssc variants)", redact(cfg.URI))
	}
	if cfg.Namespace == "" {
		cfg.Namespace = DefaultNamespace
	}
	if !namespacePattern.MatchString(cfg.Namespace) {
		return cfg, atlas.Errorf(atlas.EINVALID, "invalid Neo4j namespace %q: use lowercase letters, digits, '-' and '_'", cfg.Namespace)
	}
	for _, d := range []struct {
		v   *time.Duration
		def time.Duration
	}{{&cfg.ConnectTimeout, 5 * time.Second}, {&cfg.MaxRetryTime, 5 * time.Second}, {&cfg.MinBackoff, 500 * time.Millisecond}, {&cfg.MaxBackoff, 30 * time.Second}} {
		if *d.v < 0 {
			return cfg, atlas.Errorf(atlas.EINVALID, "Neo4j timeouts must not be negative")
		}
		if *d.v == 0 {
			*d.v = d.def
		}
	}
	cfg.MaxBackoff = max(cfg.MaxBackoff, cfg.MinBackoff)
	if cfg.RevisionValidity == 0 {
		cfg.RevisionValidity = DefaultRevisionValidity
	}
	return cfg, nil
}

// redact drops the password from a URI so it can be logged.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "<unparseable URI>" // it might hold a password we cannot find to remove
	}
	if u.User == nil {
		return uri
	}
	u.User = url.User(u.User.Username())
	return u.String()
}

// Store is the Neo4j backend. Its methods are safe for concurrent use.
type Store struct {
	cfg Config
	ns  string
	log zerolog.Logger
	db  backend

	mu      sync.Mutex
	ready   bool  // connected and migrated
	lastErr error // why it is not ready
	closed  bool
	rewound error // set once the namespace's revision went back (revision.go): final

	runs     runCounts     // statements sent, by name
	readTxs  readTxCounter // read transactions begun (scope.go)
	revision revisionCache // the last revision read (revision.go)

	search searchCache // what Search scores with, for the namespace's latest revision

	verifying atomic.Bool   // a connectivity check started by lost is under way
	wake      chan struct{} // asks the connection loop to reconnect now
	stop      context.CancelFunc
	done      chan struct{}
}

// Open returns a store for cfg at once: an invalid cfg is EINVALID, and everything else
// happens in the background (see the package comment). log receives one line per failed
// connection attempt and one when the store becomes ready.
func Open(ctx context.Context, cfg Config, log zerolog.Logger) (*Store, error) {
	cfg, err := cfg.normalized()
	if err != nil {
		return nil, err
	}
	db, err := newDriverBackend(cfg)
	if err != nil {
		return nil, atlas.Errorf(atlas.EINVALID, "invalid Neo4j configuration: %v", err)
	}
	return open(ctx, cfg, log, db), nil
}

// open starts a store over any backend; tests pass a fake one.
func open(ctx context.Context, cfg Config, log zerolog.Logger, db backend) *Store {
	loopCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s := &Store{
		cfg: cfg, ns: cfg.Namespace, log: log.With().Str("component", "neo4j").Logger(), db: db,
		lastErr: errNotYetConnected, wake: make(chan struct{}, 1), stop: stop, done: make(chan struct{}),
		revision: revisionCache{validity: cfg.RevisionValidity, now: time.Now},
	}
	go s.maintain(loopCtx)
	return s
}

// maintain connects, migrates, and reconnects whenever a call reports the database lost,
// waiting between failed attempts with exponential backoff capped at MaxBackoff, until
// Close. It never gives up: the database may come back at any time.
func (s *Store) maintain(ctx context.Context) {
	defer close(s.done)
	backoff := s.cfg.MinBackoff
	for attempt := 1; ; attempt++ {
		err := s.connect(ctx)
		if ctx.Err() != nil {
			return
		}
		if err == nil {
			s.setReady(nil)
			s.log.Info().Str("uri", redact(s.cfg.URI)).Str("namespace", s.ns).Int("attempt", attempt).Msg("neo4j: connected and schema migrated")
			backoff, attempt = s.cfg.MinBackoff, 0
			select {
			case <-ctx.Done():
				return
			case <-s.wake:
				continue
			}
		}
		s.setReady(err)
		s.log.Warn().Err(err).Str("uri", redact(s.cfg.URI)).Int("attempt", attempt).Dur("retry_in", backoff).
			Msg("neo4j: cannot connect; the store answers UNAVAILABLE until it can")
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, s.cfg.MaxBackoff)
	}
}

// connect makes one attempt to reach the database, apply the migrations and warm the
// plans of the reads (warm).
func (s *Store) connect(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.ConnectTimeout+s.cfg.MaxRetryTime)
	defer cancel()
	if err := s.db.verify(ctx); err != nil {
		return wrap(ctx, "connect", err)
	}
	if err := s.migrate(ctx); err != nil {
		return err
	}
	if !s.cfg.NoWarm {
		s.warm(ctx)
	}
	return nil
}

func (s *Store) setReady(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ready, s.lastErr = err == nil, err
}

// lost is called when a call failed with EUNAVAILABLE. A transient server error (a
// deadlock, a leader election) leaves the store as it is; only when the database itself
// cannot be reached does the store stop answering and wake the connection loop, which
// reconnects (and re-migrates, in case the database was replaced) before it serves again.
func (s *Store) lost(ctx context.Context, err error) {
	if atlas.ErrorCode(err) != atlas.EUNAVAILABLE || isContextError(err) {
		return
	}
	// One check at a time, off the request's path: during an outage every request fails
	// fast instead of each waiting out its own connectivity check.
	if !s.verifying.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer s.verifying.Store(false)
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ConnectTimeout)
		defer cancel()
		if verr := s.db.verify(ctx); verr != nil {
			s.down(wrap(ctx, "verify", verr))
		}
	}()
}

// down marks the store unavailable because of err and wakes the connection loop.
func (s *Store) down(err error) {
	s.mu.Lock()
	wasReady := s.ready
	s.ready, s.lastErr = false, err
	s.mu.Unlock()
	if wasReady {
		s.log.Warn().Err(err).Msg("neo4j: lost the database; reconnecting")
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// check returns the error every method gives before doing any work.
func (s *Store) check(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return atlas.Errorf(atlas.EUNAVAILABLE, "the Neo4j store is closed")
	case s.rewound != nil:
		return s.rewound
	case !s.ready && ctx.Value(warmingKey{}) == nil:
		return &unavailableError{op: "not connected", err: s.lastErr}
	}
	return ctx.Err()
}

// Ping implements atlas.Store: nil only when the store is connected, migrated and the
// database answers now; EUNAVAILABLE otherwise.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.check(ctx); err != nil {
		return err
	}
	if err := s.db.verify(ctx); err != nil {
		err = wrap(ctx, "ping", err)
		if !isContextError(err) {
			s.down(err)
		}
		return err
	}
	return nil
}

// Close implements atlas.Store: it stops the connection loop and closes the driver; a
// closed store answers EUNAVAILABLE.
func (s *Store) Close(ctx context.Context) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.stop()
	<-s.done
	if err := s.db.close(ctx); err != nil {
		return wrap(ctx, "close", err)
	}
	return nil
}

// read and write run work in a managed transaction, mapping errors and reporting a lost
// database to the connection loop.
// Within a read scope (scope.go) a read joins the scope's transaction.
func (s *Store) read(ctx context.Context, op string, work func(runner) error) error {
	if sc := s.scopeIn(ctx); sc != nil {
		if handled, err := sc.read(ctx, work); handled {
			return err
		}
	}
	return s.tx(ctx, op, s.db.read, func(tx runner) error {
		s.readTxs.Add(1)
		return work(tx)
	})
}

func (s *Store) write(ctx context.Context, op string, work func(runner) error) error {
	// Forgotten before and after: a read racing the write must not keep what it read.
	s.revision.forget()
	defer s.revision.forget()
	return s.tx(ctx, op, s.db.write, work)
}

func (s *Store) tx(ctx context.Context, op string, run func(context.Context, func(runner) error) error, work func(runner) error) error {
	if err := s.check(ctx); err != nil {
		return err
	}
	if err := run(ctx, func(tx runner) error { return work(countingRunner{tx, &s.runs}) }); err != nil {
		err = wrap(ctx, op, err)
		s.lost(ctx, err)
		return err
	}
	return nil
}

// Statements returns how many statements this store has sent, by statement name (the
// file name in cypher/ without .cypher), migrations and retried attempts included. Tests
// use it to bound the round trips of a request; it is cheap enough to export as a metric.
func (s *Store) Statements() map[string]int64 { return s.runs.snapshot() }

// runCounts counts statement runs by name; safe for concurrent use.
type runCounts struct {
	mu     sync.Mutex
	byName map[string]int64
}

func (c *runCounts) add(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byName == nil {
		c.byName = map[string]int64{}
	}
	c.byName[name]++
}

func (c *runCounts) snapshot() map[string]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int64, len(c.byName))
	for k, v := range c.byName {
		out[k] = v
	}
	return out
}

// countingRunner counts every statement it runs.
type countingRunner struct {
	runner
	runs *runCounts
}

func (r countingRunner) run(ctx context.Context, st statement, params map[string]any) ([]record, error) {
	r.runs.add(st.name)
	return r.runner.run(ctx, st, params)
}

// scopedID is the unique key of a node: its namespace and id (see schema_entity_scoped_id).
func (s *Store) scopedID(id string) string { return s.ns + ":" + id }

// scopedKeys are the scoped ids of ids, each once, in order: what the statements that
// read by key take.
func (s *Store) scopedKeys(ids []string) []string {
	var keys []string
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			keys = append(keys, s.scopedID(id))
		}
	}
	return keys
}

// rewind stops the store for good: the namespace's revision went back from highest to
// rev under it (revision.go). It logs once and returns the error every call then gets.
func (s *Store) rewind(highest, rev int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rewound == nil {
		s.rewound = atlas.Errorf(atlas.EUNAVAILABLE, "The database's revision went back from %d to %d "+
			"(restored from a backup, or the namespace loaded again): this server answers nothing until it restarts.", highest, rev)
		s.log.Error().Int64("highest", highest).Int64("revision", rev).
			Msg("neo4j: the namespace's revision went back; every cache of this process may describe data that is gone, so the store refuses every call until the process restarts")
	}
	return s.rewound
}

// unscopedID is the id of a scoped id.
func (s *Store) unscopedID(key string) string { return strings.TrimPrefix(key, s.ns+":") }

// DropNamespace deletes every node, relationship and the revision counter of the store's
// namespace. The tests against a live server call it to leave nothing behind.
func (s *Store) DropNamespace(ctx context.Context) error {
	// The revision counter starts again, so statistics cached for a revision would be
	// taken for those of new data with the same number.
	defer s.search.reset()
	defer s.revision.restart()
	return s.write(ctx, "drop namespace", func(tx runner) error {
		if _, err := tx.run(ctx, stmtDropCuration, map[string]any{"ns": s.ns}); err != nil {
			return err
		}
		_, err := tx.run(ctx, stmtDropNamespace, map[string]any{"ns": s.ns})
		return err
	})
}
