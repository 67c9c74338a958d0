package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"lsgatlas/internal/eventually"
	"lsgatlas/internal/syncbuf"
	"lsgatlas/neo4j/neo4jtest"
)

// TestLiveSeeding: against a real Neo4j, the first start seeds the empty namespace and
// analyses it for search, a second start finds the data and leaves it alone, and `seed` run by hand (as during a
// start-up seed on another replica) reports everything unchanged.
func TestLiveSeeding(t *testing.T) {
	cfg := neo4jtest.Config(t)
	env := map[string]string{
		"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.Username, "NEO4J_PASSWORD": cfg.Password,
		"NEO4J_DATABASE": cfg.Database, "NEO4J_NAMESPACE": cfg.Namespace,
	}
	t.Cleanup(func() { neo4jtest.Drop(t, cfg) })

	_, logs, stop := startService(t, env, "-log-level", "info")
	waitLogged(t, logs, "seed: dataset loaded")
	// The search analysis of the data loaded is built before the service says ready.
	waitLogged(t, logs, "search: ready for the data loaded")
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), `"backend":"neo4j"`) {
		t.Fatalf("the service did not use Neo4j:\n%s", logs.String())
	}
	first := postQueryAfterRestart(t, env)

	_, logs, stop = startService(t, env, "-log-level", "info")
	waitLogged(t, logs, "seed: store already holds data; not seeding")
	_ = stop()

	var out bytes.Buffer
	if err := run(context.Background(), []string{"seed"}, func(k string) string { return env[k] }, &out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^seeded: 0 created, 0 updated, [1-9][0-9]* unchanged, 0 deleted\n$`).MatchString(out.String()) {
		t.Errorf("seed over seeded data: %q", out.String())
	}
	if again := postQueryAfterRestart(t, env); again != first {
		t.Errorf("the data changed across restarts and a re-seed:\n%s\n%s", first, again)
	}
}

// postQueryAfterRestart starts the service and asks for a summary of what it serves.
func postQueryAfterRestart(t *testing.T, env map[string]string) string {
	t.Helper()
	base, logs, stop := startService(t, env, "-log-level", "info")
	defer stop()
	waitLogged(t, logs, "neo4j: connected and schema migrated")
	return postQuery(t, base, `{ groups(first: 3) { totalCount edges { node { id name } } } }`, "")
}

// waitLogged waits for a log line (eventually's guard is generous, as a shared CI
// machine can be slow).
func waitLogged(t *testing.T, logs *syncbuf.Buffer, msg string) {
	t.Helper()
	eventually.True(t, fmt.Sprintf("the log line %q", msg), func() bool { return strings.Contains(logs.String(), msg) })
}
