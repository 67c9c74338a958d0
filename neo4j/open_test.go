package neo4j

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/internal/eventually"
	"lsgatlas/internal/syncbuf"
)

func TestConfigFromEnv(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	if _, ok := ConfigFromEnv(os.Getenv); ok {
		t.Error("ok without NEO4J_URI")
	}
	t.Setenv("NEO4J_URI", "neo4j://db:7687")
	t.Setenv("NEO4J_USER", "")
	t.Setenv("NEO4J_USERNAME", "alt")
	t.Setenv("NEO4J_PASSWORD", "pw")
	t.Setenv("NEO4J_DATABASE", "atlas")
	t.Setenv("NEO4J_NAMESPACE", "")
	cfg, ok := ConfigFromEnv(os.Getenv)
	if want := (Config{URI: "neo4j://db:7687", Username: "alt", Password: "pw", Database: "atlas"}); !ok || cfg != want {
		t.Errorf("got %+v, %v", cfg, ok)
	}
	t.Setenv("NEO4J_USER", "reader")
	if cfg, _ := ConfigFromEnv(os.Getenv); cfg.Username != "reader" {
		t.Errorf("NEO4J_USER does not win over NEO4J_USERNAME: %q", cfg.Username)
	}
	t.Setenv("NEO4J_USER", "")
	t.Setenv("NEO4J_USERNAME", "")
	if cfg, _ := ConfigFromEnv(os.Getenv); cfg.Username != "neo4j" {
		t.Errorf("default user %q, want neo4j", cfg.Username)
	}
}

func TestOpenRejectsInvalidConfig(t *testing.T) {
	for _, cfg := range []Config{
		{URI: "http://localhost:7474"}, {URI: "localhost:7687"}, {URI: ""}, {URI: "bolt://"},
		{URI: "bolt://localhost:7687", Namespace: "Has Spaces"},
		{URI: "bolt://localhost:7687", ConnectTimeout: -time.Second},
	} {
		s, err := Open(context.Background(), cfg, zerolog.Nop())
		if atlas.ErrorCode(err) != atlas.EINVALID || s != nil {
			t.Errorf("%+v: %v, want EINVALID", cfg, err)
		}
	}
}

// TestOpenUnreachable uses the real driver against a port nothing listens on: Open returns
// at once, every call is EUNAVAILABLE, attempts are logged, and Close ends it all.
func TestOpenUnreachable(t *testing.T) {
	var logs syncbuf.Buffer
	start := time.Now()
	s, err := Open(context.Background(), Config{URI: "bolt://127.0.0.1:1", Username: "neo4j", Password: "secret",
		ConnectTimeout: 300 * time.Millisecond, MaxRetryTime: 300 * time.Millisecond, MinBackoff: 20 * time.Millisecond, MaxBackoff: 40 * time.Millisecond},
		zerolog.New(&logs))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("measured: Open returned in %v", time.Since(start).Round(time.Millisecond))
	ctx, cancel := context.WithTimeout(context.Background(), eventually.Guard) // a failure guard only
	defer cancel()
	if err := s.Ping(ctx); atlas.ErrorCode(err) != atlas.EUNAVAILABLE {
		t.Errorf("Ping: %v, want UNAVAILABLE", err)
	}
	_, err = s.Nodes(ctx, []string{"person/xi-jinping"})
	if atlas.ErrorCode(err) != atlas.EUNAVAILABLE || !strings.HasPrefix(err.Error(), "neo4j: ") {
		t.Errorf("Nodes: %v, want UNAVAILABLE", err)
	}
	if _, err := s.Import(ctx, conformance.Fixture()); atlas.ErrorCode(err) != atlas.EUNAVAILABLE {
		t.Errorf("Import: %v, want UNAVAILABLE", err)
	}
	waitFor(t, func() bool { return strings.Count(logs.String(), "cannot connect") >= 2 })
	if strings.Contains(logs.String(), "secret") {
		t.Error("the password reached the log")
	}
	if err := s.Ping(ctx); err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("Ping error %v does not say what failed", err)
	}
	closed := make(chan error)
	go func() { closed <- s.Close(context.Background()) }()
	select {
	case err := <-closed:
		if err != nil {
			t.Errorf("Close: %v", err)
		}
	case <-time.After(eventually.Guard):
		t.Fatal("Close hangs")
	}
	if err := s.Ping(ctx); atlas.ErrorCode(err) != atlas.EUNAVAILABLE {
		t.Errorf("Ping after Close: %v", err)
	}
}

// TestRecovers: the store serves once the database comes up, notices when it goes away,
// and reconnects (re-running the migrations) when it comes back. TestLiveOutage checks the
// same against a real server cut off the network.
func TestRecovers(t *testing.T) {
	db := &outage{down: true}
	s := open(context.Background(), testConfig(t), zerolog.Nop(), db)
	defer s.Close(context.Background())
	if _, err := s.Revision(bg); atlas.ErrorCode(err) != atlas.EUNAVAILABLE {
		t.Fatalf("before the database is up: %v", err)
	}
	db.setDown(false)
	waitFor(t, func() bool { return s.Ping(bg) == nil })
	if _, err := s.Revision(bg); err != nil {
		t.Fatal(err)
	}
	db.setDown(true)
	if _, err := s.Revision(bg); atlas.ErrorCode(err) != atlas.EUNAVAILABLE {
		t.Fatalf("while down: %v", err)
	}
	if err := s.Ping(bg); atlas.ErrorCode(err) != atlas.EUNAVAILABLE {
		t.Fatalf("Ping while down: %v", err)
	}
	runs := s.Statements()["schema_entity_scoped_id"]
	db.setDown(false)
	waitFor(t, func() bool { return s.Ping(bg) == nil })
	if s.Statements()["schema_entity_scoped_id"] <= runs {
		t.Error("migrations were not re-applied after reconnecting")
	}
	if _, err := s.Revision(bg); err != nil {
		t.Errorf("after recovery: %v", err)
	}
}

func TestCancelledContext(t *testing.T) {
	s := openReady(t, newScript(t))
	ctx, cancel := context.WithCancel(bg)
	cancel()
	_, err := s.Nodes(ctx, []string{"person/xi-jinping"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if err := s.Ping(bg); err != nil {
		t.Errorf("a cancelled call made the store unavailable: %v", err)
	}
}

// TestTransientErrorKeepsTheStore: a transient server error fails that call with
// UNAVAILABLE, but the database is reachable, so the store keeps serving.
func TestTransientErrorKeepsTheStore(t *testing.T) {
	db := newScript(t, call{st: stmtRevision, params: map[string]any{"ns": "test"},
		err: &driver.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: "deadlock"}})
	s := openReady(t, db)
	if _, err := s.Revision(bg); atlas.ErrorCode(err) != atlas.EUNAVAILABLE {
		t.Fatalf("got %v, want UNAVAILABLE", err)
	}
	if err := s.Ping(bg); err != nil {
		t.Errorf("a transient error made the store unavailable: %v", err)
	}
}
