// Command lsgatlas serves the LSG Atlas GraphQL API.
//
// It is wiring only: configuration → one storage backend → the dataset if the store is
// empty → the HTTP handler → serve until SIGINT/SIGTERM, then drain.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	stdlog "log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/explorer"
	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/internal/auth"
	"lsgatlas/internal/changefeed"
	"lsgatlas/internal/gcdefault"
	"lsgatlas/neo4j"
	"lsgatlas/seed"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	gcdefault.Apply(os.Getenv)
	// Once the data is in, the memory limit leaves the heap room to double (process-wide,
	// so main's to set, not run's: tests run many services in one process).
	afterStartupImport = func(cfg config, log zerolog.Logger) {
		log.Info().Stringer("gc", gcdefault.Fit(os.Getenv, int64(cfg.MemoryInFlight))).Msg("garbage collector settings for the data loaded")
	}
	// What a library prints through the standard logger (gqlgen's WebSocket transport
	// does, when a handshake fails) joins the service's own log lines, as warnings,
	// rather than interleaving plain text with them (process-wide, so main's to set).
	onLogger = func(log zerolog.Logger) {
		stdlog.SetFlags(0)
		stdlog.SetOutput(warnings{log.With().Str("from", "go log").Logger()})
	}
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "lsgatlas:", err)
		os.Exit(1)
	}
}

// run is main with its dependencies passed in, so tests can run the whole service.
// onListen, if not nil, is told the address the server listens on.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, onListen func(addr string)) error {
	cfg, err := loadConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	onLogger(log)
	log.Info().Stringer("gc", gcdefault.Current()).Msg("garbage collector settings")
	dataset := func() (*atlas.Dataset, error) {
		if cfg.SeedFile != "" {
			return seed.LoadFile(cfg.SeedFile)
		}
		return seed.Dataset()
	}
	if cfg.Command == "token" {
		return mintToken(cfg, stdout)
	}
	if cfg.Command == "validate" {
		ds, err := dataset()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "dataset ok: %d nodes, %d relations\n", len(ds.Nodes()), len(ds.Relations))
		return nil
	}
	// The dataset is read and validated before the service starts: a missing or corrupt
	// SEED_FILE stops it with the reason, rather than leaving it running, ready and empty.
	var ds *atlas.Dataset
	if cfg.Command == "seed" || cfg.SeedMode != "never" {
		if ds, err = dataset(); err != nil {
			return fmt.Errorf("the dataset cannot be loaded, so the service does not start: %w", err)
		}
	}
	store, err := openStore(ctx, getenv, cfg.DataDir, log)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	loaded := func() (*atlas.Dataset, error) { return ds, nil }
	switch cfg.Command {
	case "seed":
		sf := flag.NewFlagSet("seed", flag.ContinueOnError)
		sf.SetOutput(stderr)
		discard := sf.Bool("discard-curation", false, "import even when the store holds accepted changes the dataset lacks, dropping them")
		if err := sf.Parse(cfg.CommandArgs); err != nil {
			return err
		}
		return seedNow(ctx, store, loaded, *discard, stdout, log)
	case "dump":
		if err := waitReady(ctx, store, log); err != nil {
			return err
		}
		ds, err := store.Snapshot(ctx)
		if err != nil {
			return err
		}
		return seed.Encode(stdout, ds)
	}
	mode := cfg.SeedMode
	if _, embedded := store.(*inprocess.Store); embedded && mode == "empty" && cfg.DataDir != "" {
		// The data folder keeps the dataset between runs; an edited dataset file still
		// shows at the next start, unless the folder holds curation it lacks.
		mode = "guarded"
	}
	// Until the start-up import has ended, /readyz says 503: a balancer must not send
	// analysts to a store that is still empty or half-seeded.
	var seeding atomic.Bool
	seeding.Store(mode != "never")
	go func() {
		defer seeding.Store(false)
		seedInBackground(ctx, store, mode, loaded, log)
		warmSearch(ctx, store, log)
		afterStartupImport(cfg, log)
	}()
	return serve(ctx, cfg, store, &seeding, log, onListen)
}

// openStore picks the backend: Neo4j when NEO4J_URI is set, otherwise in-process. The
// Neo4j store connects in the background, so the service starts (and /readyz says 503)
// even while Neo4j is still coming up.
func openStore(ctx context.Context, getenv func(string) string, dataDir string, log zerolog.Logger) (atlas.Store, error) {
	if cfg, ok := neo4j.ConfigFromEnv(getenv); ok {
		log.Info().Str("backend", "neo4j").Str("database", cfg.Database).Str("namespace", cfg.Namespace).Msg("store: using Neo4j")
		return neo4j.Open(ctx, cfg, log)
	}
	if dataDir == "" {
		log.Info().Str("backend", "inprocess").Msg("store: NEO4J_URI is not set; using the embedded store, in memory only (DATA_DIR=memory): changes are lost at exit")
		return inprocess.New(), nil
	}
	log.Info().Str("backend", "inprocess").Str("data_dir", dataDir).Msg("store: NEO4J_URI is not set; using the embedded store, kept in DATA_DIR")
	return inprocess.Open(dataDir)
}

// importer returns what imports the dataset: the curation workflow's guarded import
// when the store takes changes, else the store's own.
func importer(store atlas.Store) func(ctx context.Context, ds *atlas.Dataset, discard bool) (atlas.ImportReport, error) {
	if cs, ok := store.(atlas.CurationStore); ok {
		return atlas.NewCurator(store, cs, nil).Import
	}
	return func(ctx context.Context, ds *atlas.Dataset, _ bool) (atlas.ImportReport, error) {
		return store.Import(ctx, ds)
	}
}

// mintToken prints a development token signed with the configured secret.
func mintToken(cfg config, stdout io.Writer) error {
	tf := flag.NewFlagSet("token", flag.ContinueOnError)
	role := tf.String("role", "CONTRIBUTOR", "READER, CONTRIBUTOR, CURATOR or ADMIN")
	sub := tf.String("sub", "", "the subject: who the token speaks for (required)")
	ttl := tf.Duration("ttl", 24*time.Hour, "how long the token is valid")
	if err := tf.Parse(cfg.CommandArgs); err != nil {
		return err
	}
	if cfg.TokenSecret == "" {
		return errors.New("token: set TOKEN_SECRET (at least 32 bytes) to the secret the service verifies tokens with")
	}
	token, err := auth.Mint([]byte(cfg.TokenSecret), *sub, atlas.Role(*role), time.Now(), *ttl)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, token)
	return err
}

// seedNow imports the dataset once, waiting for the store to be reachable.
func seedNow(ctx context.Context, store atlas.Store, dataset func() (*atlas.Dataset, error), discard bool, stdout io.Writer, log zerolog.Logger) error {
	ds, err := dataset()
	if err != nil {
		return err
	}
	if err := waitReady(ctx, store, log); err != nil {
		return err
	}
	before, err := store.Revision(ctx)
	if err != nil {
		return err
	}
	report, err := importer(store)(ctx, ds, discard)
	if err != nil && ctx.Err() != nil && committedAnyway(ctx, store, before) {
		// SIGTERM came as the import committed: the data is in; say so and succeed.
		fmt.Fprintln(stdout, "seeded: the import committed before the interruption")
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "seeded: %d created, %d updated, %d unchanged, %d deleted\n", report.Created, report.Updated, report.Unchanged, report.Deleted)
	return nil
}

// committedAnyway tells, after an import was interrupted, whether it committed all the
// same: an import that changes anything moves the store's revision in its transaction.
func committedAnyway(ctx context.Context, store atlas.Store, before int64) bool {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	after, err := store.Revision(ctx)
	return err == nil && after != before
}

// seedInBackground loads the dataset at start according to mode, once the store is
// ready; with a remote store that may be some time after the server starts listening.
func seedInBackground(ctx context.Context, store atlas.Store, mode string, dataset func() (*atlas.Dataset, error), log zerolog.Logger) {
	if mode == "never" {
		return
	}
	if err := waitReady(ctx, store, log); err != nil {
		return
	}
	beforeStartupImport()
	if mode == "guarded" {
		ds, err := dataset()
		if err != nil {
			log.Error().Err(err).Msg("seed: dataset is invalid; serving the stored data")
			return
		}
		report, err := importer(store)(ctx, ds, false)
		if err != nil {
			log.Warn().Str("reason", atlas.ErrorMessage(err)).Msg("seed: not importing the dataset; serving the stored data, curation included")
			return
		}
		log.Info().Int("created", report.Created).Int("updated", report.Updated).Int("unchanged", report.Unchanged).Int("deleted", report.Deleted).Msg("seed: dataset loaded")
		return
	}
	if mode == "empty" {
		rev, err := store.Revision(ctx)
		if err != nil {
			log.Error().Err(err).Msg("seed: cannot tell whether the store is empty; not seeding")
			return
		}
		if rev != 0 {
			log.Info().Int64("revision", rev).Msg("seed: store already holds data; not seeding")
			return
		}
	}
	ds, err := dataset()
	if err != nil {
		log.Error().Err(err).Msg("seed: dataset is invalid; not seeding")
		return
	}
	report, err := importer(store)(ctx, ds, false)
	if err != nil {
		log.Error().Err(err).Msg("seed: import failed")
		return
	}
	log.Info().Int("created", report.Created).Int("updated", report.Updated).Int("unchanged", report.Unchanged).Int("deleted", report.Deleted).Msg("seed: dataset loaded")
}

// beforeStartupImport runs just before the start-up import; tests hold the import
// there to see the service while it seeds.
var beforeStartupImport = func() {}

// warmSearch runs one search once the store is ready and the start-up import has ended.
// The Neo4j store analyses its records for search when a search first sees a revision:
// done here, the memory limit fitted next (afterStartupImport) counts that analysis
// (about 400 MB at 100x the data), and the first analyst's search does not wait for it
// (seconds at 100x). /readyz says 503 until it is done, as during the import.
func warmSearch(ctx context.Context, store atlas.Store, log zerolog.Logger) {
	if err := waitReady(ctx, store, log); err != nil {
		return
	}
	start := time.Now()
	if _, err := store.Search(ctx, atlas.SearchQuery{Text: "warm"}); err != nil {
		log.Warn().Str("reason", atlas.ErrorMessage(err)).Msg("search: not ready for the data loaded; the first search will wait for it")
		return
	}
	log.Info().Dur("took", time.Since(start)).Msg("search: ready for the data loaded")
}

// afterStartupImport runs when the start-up import has ended, before the service says
// it is ready; main fits the collector to the data there.
var afterStartupImport = func(config, zerolog.Logger) {}

// onLogger is given the service's logger once it is made (main points the standard
// library's logger at it).
var onLogger = func(zerolog.Logger) {}

// warnings writes each line written to it as a warning of log: the standard library's
// loggers (log.Printf, http.Server.ErrorLog) write one line per call.
type warnings struct{ log zerolog.Logger }

func (w warnings) Write(p []byte) (int, error) {
	w.log.Warn().Msg(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func waitReady(ctx context.Context, store atlas.Store, log zerolog.Logger) error {
	for delay := 100 * time.Millisecond; ; delay = min(2*delay, 5*time.Second) {
		err := store.Ping(ctx)
		if err == nil {
			return nil
		}
		log.Debug().Err(err).Msg("store not ready yet")
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
	}
}

func serve(ctx context.Context, cfg config, store atlas.Store, seeding *atomic.Bool, log zerolog.Logger, onListen func(string)) error {
	persisted, err := loadPersistedQueries(cfg.PersistedQueriesFile)
	if err != nil {
		return err
	}
	var verifier *auth.Verifier
	if cfg.TokenSecret != "" || cfg.JWKSURL != "" {
		ac := auth.Config{JWKSURL: cfg.JWKSURL, Issuer: cfg.JWTIssuer, Audience: cfg.JWTAudience}
		if cfg.TokenSecret != "" {
			ac.Secret = []byte(cfg.TokenSecret)
		}
		if verifier, err = auth.NewVerifier(ctx, ac); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	// Requests run under base, not ctx: a signal starts the drain below rather than
	// cancelling them; base is cancelled only when the shutdown timeout runs out.
	base, cancelBase := context.WithCancelCause(context.WithoutCancel(ctx))
	defer cancelBase(nil)
	var draining atomic.Bool
	var active atomic.Int64
	srv := &http.Server{
		// The server's own complaints (a TLS handshake, a panic it recovered) as the
		// service's log lines too.
		ErrorLog: stdlog.New(warnings{log.With().Str("from", "http server").Logger()}, "", 0),
		Handler: countActive(&active, httpapi.New(store, httpapi.Options{
			Playground: cfg.Playground, Examples: explorer.ReadmeExamples(readmeMarkdown), RequestTimeout: cfg.RequestTimeout, Log: log,
			Limits: cfg.Limits, MaxInFlight: cfg.MaxInFlight, BodyTimeout: cfg.BodyTimeout, MemoryInFlight: cfg.MemoryInFlight, CORSOrigins: cfg.CORSOrigins, ResponseCacheBytes: cfg.ResponseCacheBytes, ChairMemoEdges: cfg.ChairMemoEdges,
			LevelMemoRelations: cfg.LevelMemoRelations,
			PersistedQueries:   persisted, Draining: &draining, Seeding: seeding, CursorKey: []byte(cfg.CursorKey),
			Verifier: verifier, DatasetVersion: seed.Version(), WritesPerMinute: cfg.WritesPerMinute,
			Feed: feedOptions(cfg.Feed, log), Context: ctx, // a signal ends subscriptions at once, so they do not hold the drain
		})),
		// A client gets 5 s for its headers and BODY_TIMEOUT for its body (httpapi reads
		// it before the request takes a work slot, and cuts it with 408); ReadTimeout is
		// the backstop for the routes that read no body. Idle keep-alive connections
		// close after a minute.
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       cfg.BodyTimeout + 5*time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    256 << 10, // a GET may carry a 32 KiB query, URL-encoded
		BaseContext:       func(net.Listener) context.Context { return base },
		Protocols:         protocols(),
	}
	log.Info().Str("addr", ln.Addr().String()).Bool("playground", cfg.Playground).Msg("listening")
	if onListen != nil {
		onListen(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info().Dur("timeout", cfg.ShutdownTimeout).Msg("shutting down")
	if err := drain(srv, &draining, &active, cfg.ShutdownTimeout, cancelBase); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info().Msg("stopped")
	return nil
}

// protocols are HTTP/1.1 and HTTP/2 over cleartext with prior knowledge (h2c, as
// `curl --http2-prior-knowledge` and gRPC-style clients speak it). A request that asks
// to upgrade (`curl --http2` sends "Upgrade: h2c") is answered over HTTP/1.1, as the
// Upgrade header allows.
func protocols() *http.Protocols {
	var p http.Protocols
	p.SetHTTP1(true)
	p.SetUnencryptedHTTP2(true)
	return &p
}

// feedOptions are the change feed's, logging the tailer's failed reads.
func feedOptions(o changefeed.Options, log zerolog.Logger) changefeed.Options {
	o.OnError = func(err error) {
		log.Warn().Err(err).Msg("change feed: reading the audit log failed; trying again at the next poll")
	}
	return o
}

// errShuttingDown is what requests still running when the shutdown timeout ends are
// told; the execution guard turns it into their answer.
var errShuttingDown = atlas.Errorf(atlas.EUNAVAILABLE, "The server is shutting down; retry the request.")

// drain shuts the server down so that no request is lost. First, for a short while, the
// server keeps serving but answers every request with "Connection: close" (and /readyz
// with 503), so clients retire their keep-alive connections after a complete response
// instead of racing a close. At the end of that while, the keep-alive connections still
// idle are closed (SetKeepAlivesEnabled) while the listener still accepts for a moment,
// so a client that finds its connection closed reconnects and is answered (Go's client
// retries by itself) instead of being refused. Then Shutdown stops the listener and
// waits for the
// requests in flight; well before the timeout the ones still running are cancelled and
// answer UNAVAILABLE, so each gets a response rather than a cut connection.
func drain(srv *http.Server, draining *atomic.Bool, active *atomic.Int64, timeout time.Duration, cancel context.CancelCauseFunc) error {
	draining.Store(true)
	grace := min(timeout/4, time.Second)
	time.Sleep(grace)
	srv.SetKeepAlivesEnabled(false)
	reconnect := grace / 2
	time.Sleep(reconnect)
	remaining := timeout - grace - reconnect
	ctx, stop := context.WithTimeout(context.Background(), remaining)
	defer stop()
	// Shutdown polls for idle connections at growing intervals (up to 500 ms), so the
	// cut comes early enough for the last poll to see the cancelled requests finish.
	cut := time.AfterFunc(remaining-min(remaining/2, 600*time.Millisecond), func() { cancel(errShuttingDown) })
	defer cut.Stop()
	err := srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) && active.Load() == 0 {
		return srv.Close() // every request was answered; only idle connections remain
	}
	return err
}

// countActive counts in n the requests next is handling.
func countActive(n *atomic.Int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		defer n.Add(-1)
		next.ServeHTTP(w, r)
	})
}

// loadPersistedQueries reads the allow-list: a JSON array of documents, registered by
// the sha256 of their text (the hash APQ clients send).
func loadPersistedQueries(path string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("persisted queries: %w", err)
	}
	var docs []string
	if err := json.Unmarshal(b, &docs); err != nil {
		return nil, fmt.Errorf("persisted queries: %s must be a JSON array of strings: %w", path, err)
	}
	out := make(map[string]string, len(docs))
	for _, d := range docs {
		sum := sha256.Sum256([]byte(d))
		out[hex.EncodeToString(sum[:])] = d
	}
	return out, nil
}
