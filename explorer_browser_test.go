package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/internal/auth"
	"lsgatlas/internal/livetest"
)

// TestExplorerInBrowser starts the service in-process and drives the Explorer and the
// playground in Debian's Chromium (explorer/browser-test.mjs and its steps in explorer/browser-test/, playwright-core), with
// every host but loopback blocked. It needs node, chromium and `npm ci` in explorer/
// (.ci/run installs all three); screenshots land in explorer/test-artifacts/.
func TestExplorerInBrowser(t *testing.T) {
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	node, err := exec.LookPath("node")
	switch {
	case err != nil:
		livetest.Missing(t, "node", "install Node.js to run the browser test (.ci/run does)")
	case fileMissing(chromium):
		livetest.Missing(t, chromium, "apt-get install chromium, or set CHROMIUM (.ci/run does)")
	case fileMissing(filepath.Join("explorer", "node_modules", "playwright-core")):
		livetest.Missing(t, "explorer/node_modules", "run `npm ci` in explorer/ (.ci/run does)")
	}
	// Tokens for the live indicator's step, where a curator accepts a change.
	const secret = "browser-test-secret-0123456789abcdef"
	base, _, _ := startService(t, map[string]string{"TOKEN_SECRET": secret})
	waitSeeded(t, base)
	tokens := map[string]string{}
	for env, role := range map[string]atlas.Role{"CONTRIBUTOR_TOKEN": atlas.RoleContributor, "CURATOR_TOKEN": atlas.RoleCurator} {
		tok, err := auth.Mint([]byte(secret), strings.ToLower(string(role)), role, time.Now(), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		tokens[env] = env + "=" + tok
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "browser-test.mjs")
	cmd.Dir = "explorer"
	cmd.Env = append(os.Environ(), "ATLAS_URL="+base, "CHROMIUM="+chromium, tokens["CONTRIBUTOR_TOKEN"], tokens["CURATOR_TOKEN"])
	out, err := cmd.CombinedOutput()
	t.Logf("browser test:\n%s", out)
	if err != nil {
		t.Fatalf("browser test failed: %v", err)
	}
	if !strings.Contains(string(out), " passed, 0 failed") {
		t.Fatal("browser test did not report its summary")
	}
}

func fileMissing(path string) bool {
	_, err := os.Stat(path)
	return err != nil
}
