package livetest

import (
	"io"
	"testing"
)

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// MissingTo is Missing writing its terminal line to w.
func MissingTo(t testing.TB, what, how string, w io.Writer) {
	t.Helper()
	missing(t, what, how, func() io.WriteCloser { return nopCloser{w} })
}
