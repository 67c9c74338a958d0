package searchkey

import (
	"testing"
	"unsafe"
)

// TestKeptAnalysisIsCompact: the store keeps every record's analysis (tokens and
// postings) for scoring, and at 100x of the bundled dataset that is most of its heap
// (README, Performance, at scale), so their offsets are int32: a token is 32 bytes, a
// posting 24, not 40 and 32.
func TestKeptAnalysisIsCompact(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"token", unsafe.Sizeof(token{}), 32},
		{"posting", unsafe.Sizeof(posting{}), 24},
	} {
		if c.got != c.want {
			t.Errorf("%s is %d bytes, want %d", c.name, c.got, c.want)
		}
	}
}
