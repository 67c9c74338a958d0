package gcdefault

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestApply runs each case with the collector as the runtime would have set it from the
// environment, and checks that Apply changes only what the environment left unset.
func TestApply(t *testing.T) {
	before, beforeLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(before); debug.SetMemoryLimit(beforeLimit) })
	for _, tc := range []struct {
		name        string
		env         map[string]string
		runtimeGOGC int   // what the runtime set from the environment
		runtimeMem  int64 // likewise
		want        Settings
	}{
		{"nothing set", nil, 100, math.MaxInt64, Settings{Percent, MemoryLimit}},
		{"GOGC set", map[string]string{"GOGC": "50"}, 50, math.MaxInt64, Settings{50, MemoryLimit}},
		{"GOMEMLIMIT set", map[string]string{"GOMEMLIMIT": "512MiB"}, 100, 512 << 20, Settings{Percent, 512 << 20}},
		{"both set", map[string]string{"GOGC": "off", "GOMEMLIMIT": "1GiB"}, -1, 1 << 30, Settings{-1, 1 << 30}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetGCPercent(tc.runtimeGOGC)
			debug.SetMemoryLimit(tc.runtimeMem)
			got := Apply(func(k string) string { return tc.env[k] })
			if got != tc.want {
				t.Fatalf("Apply = %+v, want %+v", got, tc.want)
			}
		})
	}
}
