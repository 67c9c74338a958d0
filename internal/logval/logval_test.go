package logval

import (
	"strings"
	"testing"
)

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"getGroup", "getGroup"},
		{strings.Repeat("a", MaxLen), strings.Repeat("a", MaxLen)},
		{strings.Repeat("a", MaxLen+5), strings.Repeat("a", MaxLen) + "…(5 more bytes)"},
		// 3-byte characters: the cut falls back to the start of the character it splits.
		{strings.Repeat("组", 100), strings.Repeat("组", 66) + "…(102 more bytes)"},
	} {
		if got := Clip(tc.in); got != tc.want {
			t.Errorf("Clip(%.20q…) = %q, want %q", tc.in, got, tc.want)
		}
	}
	many := make([]string, MaxItems+3)
	got := ClipAll(many)
	if len(got) != MaxItems+1 || got[MaxItems] != "…(3 more)" {
		t.Errorf("ClipAll of %d: %q", len(many), got)
	}
}
