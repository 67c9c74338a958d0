// Package neo4jtest gives tests a Cypher store on the live Neo4j named by NEO4J_URI, in a
// namespace of its own that is deleted when the test ends, so live tests never see or
// touch other data in the database.
//
// Without NEO4J_URI a live test skips, so `go test ./...` stays hermetic; when CI is set it
// fails instead, since CI (.ci/run) always starts a server and a skip would hide that the
// live tests did not run. Live tests are named TestLive… so .ci/run can count them.
package neo4jtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/internal/eventually"
	"lsgatlas/internal/livetest"
	"lsgatlas/neo4j"
)

// Config returns the live server's configuration with a fresh namespace, skipping the
// test (or failing it under CI) when NEO4J_URI is unset.
func Config(t testing.TB) neo4j.Config {
	t.Helper()
	cfg, ok := neo4j.ConfigFromEnv(os.Getenv)
	if !ok {
		livetest.Missing(t, "NEO4J_URI", "set NEO4J_URI and NEO4J_PASSWORD (e.g. from ./neo4j/devserver/run.sh) to run the live Neo4j tests; .ci/run starts neo4j/devserver")
	}
	cfg.Namespace = "test-" + randomHex(t)
	return cfg
}

// Require skips the test (or fails it under CI) unless a live server is configured; a test
// with many live subtests calls it first so it skips once.
func Require(t testing.TB) {
	t.Helper()
	Config(t)
}

// Open returns a ready store on a fresh namespace of the live server; the namespace is
// dropped when the test ends (through a store of its own, so the test may close s).
func Open(t testing.TB) *neo4j.Store {
	t.Helper()
	return OpenConfig(t, Config(t))
}

// OpenConfig is Open with a given configuration (its namespace is dropped at the end).
func OpenConfig(t testing.TB, cfg neo4j.Config) *neo4j.Store {
	t.Helper()
	s := openReady(t, cfg, zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel))
	t.Cleanup(func() {
		tally(s.Statements())
		_ = s.Close(context.Background())
		Drop(t, cfg)
	})
	return s
}

var (
	ranMu sync.Mutex
	ran   = map[string]int64{}
)

func tally(runs map[string]int64) {
	ranMu.Lock()
	defer ranMu.Unlock()
	for name, n := range runs {
		ran[name] += n
	}
}

// StatementsRun returns, by statement name, how many times the stores opened by Open and
// OpenConfig have run each statement against the server, counting stores whose test has
// ended; the neo4j package's TestMain uses it to check every statement met Neo4j.
func StatementsRun() map[string]int64 {
	ranMu.Lock()
	defer ranMu.Unlock()
	out := make(map[string]int64, len(ran))
	for k, v := range ran {
		out[k] = v
	}
	return out
}

// Drop deletes cfg's namespace.
func Drop(t testing.TB, cfg neo4j.Config) {
	t.Helper()
	cleanup := openReady(t, cfg, zerolog.Nop())
	defer cleanup.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := cleanup.DropNamespace(ctx); err != nil {
		t.Errorf("drop namespace %s: %v", cfg.Namespace, err)
	}
	tally(cleanup.Statements())
}

// WaitReady waits up to a minute for s to answer Ping.
func WaitReady(t testing.TB, s *neo4j.Store) {
	t.Helper()
	eventually.True(t, fmt.Sprintf("Neo4j at %s to be ready", os.Getenv("NEO4J_URI")), func() bool { return s.Ping(context.Background()) == nil })
}

func openReady(t testing.TB, cfg neo4j.Config, log zerolog.Logger) *neo4j.Store {
	t.Helper()
	s, err := neo4j.Open(context.Background(), cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	// Closed even if it never becomes ready, so it does not log after the test ends.
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	WaitReady(t, s)
	return s
}

func randomHex(t testing.TB) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
