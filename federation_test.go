package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lsgatlas/internal/livetest"
)

// TestFederationComposesAndJoins starts the service in-process and runs the Node harness
// in federation/: it composes our served SDL with an example second subgraph using
// @apollo/composition, puts @apollo/gateway in front of both, and asserts joined values
// in both directions. It needs Node and `npm ci` in federation/ (which .ci/run does).
func TestFederationComposesAndJoins(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		livetest.Missing(t, "node", "install Node.js to run the federation composition test (.ci/run does)")
	}
	if _, err := os.Stat(filepath.Join("federation", "node_modules", "@apollo", "composition")); err != nil {
		livetest.Missing(t, "federation/node_modules", "run `npm ci` in federation/ (.ci/run does)")
	}
	base, _, _ := startService(t, nil)
	waitSeeded(t, base)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "e2e.mjs")
	cmd.Dir = "federation"
	cmd.Env = append(os.Environ(), "ATLAS_URL="+base+"/graphql")
	out, err := cmd.CombinedOutput()
	t.Logf("federation harness:\n%s", out)
	if err != nil {
		t.Fatalf("federation harness failed: %v", err)
	}
	if !strings.Contains(string(out), " passed, 0 failed") {
		t.Fatal("federation harness did not report its summary")
	}
}
