package livetest_test

import (
	"fmt"
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
		ci, failed, skipped string
	}{
		{"true", "node is missing: install it (CI is set, so this test may not skip)", "node is missing: install it"},
		{"", "", "node is missing: install it"},
	} {
		t.Setenv("CI", tc.ci)
		r := &recorder{TB: t}
		livetest.Missing(r, "node", "install it")
		// A real Fatalf stops the test; the recorder goes on to the skip, so both show.
		if r.failed != tc.failed || r.skipped != tc.skipped {
			t.Errorf("CI=%q: failed %q, skipped %q; want %q, %q", tc.ci, r.failed, r.skipped, tc.failed, tc.skipped)
		}
	}
}
