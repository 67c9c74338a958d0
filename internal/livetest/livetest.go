// Package livetest decides what a test does when a tool it needs (Node, Python with
// networkx, an npm install) is missing: under CI (CI set) it fails, since CI installs
// every tool; otherwise it skips, and says so where a plain `go test ./...` shows it.
//
// A plain `go test ./...` prints only "ok" for a package that passes, whatever its
// tests write to stdout or stderr (only -v or a failure shows them), so a t.Skip
// reason alone is invisible, and a cached skip is silent even with -v. Missing
// therefore writes the reason to the controlling terminal, when there is one (without
// one, in a pipe or a CI log, the reason is in the -v output only), and keeps the skip
// out of the test cache so every run says it again.
package livetest

import (
	"fmt"
	"io"
	"os"
	"testing"
)

const skipMarker = ".livetest-skip"

// Missing fails t under CI and skips it otherwise, in both cases with the message
// "<what> is missing: <how>" (how: what to install or run).
func Missing(t testing.TB, what, how string) {
	t.Helper()
	missing(t, what, how, openTerminal)
}

// openTerminal is the controlling terminal, or nil when there is none.
func openTerminal() io.WriteCloser {
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		return nil
	}
	return tty
}

// missing is Missing with the terminal passed in, so that its own test can see what it
// writes there instead of printing a skip line for a test that does not exist.
func missing(t testing.TB, what, how string, terminal func() io.WriteCloser) {
	t.Helper()
	msg := fmt.Sprintf("%s is missing: %s", what, how)
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this test may not skip)", msg)
	}
	if tty := terminal(); tty != nil {
		fmt.Fprintf(tty, "SKIP %s: %s\n", t.Name(), msg)
		tty.Close()
	}
	// The go command caches no test run that read a file of the module modified
	// moments before, so writing and reading a marker in the package directory keeps a
	// skip from being replayed silently from the cache. (.gitignore lists it.)
	if err := os.WriteFile(skipMarker, []byte(msg+"\n"), 0o644); err == nil {
		_, _ = os.ReadFile(skipMarker)
	}
	t.Skip(msg)
}
