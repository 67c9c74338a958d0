package graph

import (
	"bytes"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// TestStringAtWritesWhatMarshalStringWrites: a plain string field's bytes are gqlgen's,
// escapes included, and writing one allocates nothing.
func TestStringAtWritesWhatMarshalStringWrites(t *testing.T) {
	for _, s := range []string{"", "group/a", "中央外事工作领导小组", `quote " and \ backslash`, "tab\tnew\nline\x00\x1f", "<&>", "\u2028\u2029", "\xff invalid"} {
		var want, got bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		var m graphql.Marshaler = stringAt{&s}
		m.MarshalGQL(&got)
		if got.String() != want.String() {
			t.Errorf("%q: wrote %s, want %s", s, got.String(), want.String())
		}
	}
	s := "group/a"
	var buf bytes.Buffer
	var m graphql.Marshaler
	if n := testing.AllocsPerRun(100, func() {
		buf.Reset()
		m = stringAt{&s}
		m.MarshalGQL(&buf)
	}); n != 0 {
		t.Errorf("%v allocations per field, want 0", n)
	}
}
