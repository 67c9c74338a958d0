package livetest_test

import (
	"fmt"
	"strings"
	"testing"

	"lsgatlas/internal/livetest"
)

// recorder stands in for a test, recording whether Missing failed or skipped it.
type recorder struct {
	testing.TB
	failed, skipped string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Name() string                   { return "TestSomething" }
func (r *recorder) Fatalf(format string, a ...any) { r.failed = fmt.Sprintf(format, a...) }
func (r *recorder) Skip(a ...any)                  { r.skipped = fmt.Sprint(a...) }

func TestMissingFailsUnderCIAndSkipsOtherwise(t *testing.T) {
	for _, tc := range []struct {
		ci, failed, skipped, terminal string
	}{
		{"true", "node is missing: install it (CI is set, so this test may not skip)", "node is missing: install it", "SKIP TestSomething: node is missing: install it\n"},
		{"", "", "node is missing: install it", "SKIP TestSomething: node is missing: install it\n"},
	} {
		t.Setenv("CI", tc.ci)
		r := &recorder{TB: t}
		// The terminal line goes to a buffer: this test's stand-in test must not show up
		// on the developer's terminal as a skipped TestSomething.
		var terminal strings.Builder
		livetest.MissingTo(r, "node", "install it", &terminal)
		// A real Fatalf stops the test; the recorder goes on to the skip, so both show.
		if r.failed != tc.failed || r.skipped != tc.skipped || terminal.String() != tc.terminal {
			t.Errorf("CI=%q: failed %q, skipped %q, terminal %q; want %q, %q, %q", tc.ci, r.failed, r.skipped, terminal.String(), tc.failed, tc.skipped, tc.terminal)
		}
	}
}
