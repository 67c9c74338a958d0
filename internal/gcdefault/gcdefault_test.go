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

func TestLimitFor(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		name           string
		live, inFlight int64
		want           int64
	}{
		{"the bundled dataset keeps the fixed limit", 30 * mib, 384 * mib, MemoryLimit},
		{"a heap just under the point where doubling it needs more", 192 * mib, 384 * mib, MemoryLimit},
		{"100x: room to double beside the requests", 520 * mib, 384 * mib, 1424 * mib},
		{"a smaller in-flight budget", 520 * mib, 64 * mib, 1104 * mib},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := LimitFor(tc.live, tc.inFlight); got != tc.want {
				t.Errorf("LimitFor(%d MiB, %d MiB) = %d MiB, want %d MiB", tc.live/mib, tc.inFlight/mib, got/mib, tc.want/mib)
			}
		})
	}
}

// TestFitLeavesAnEnvironmentLimitAlone: GOMEMLIMIT in the environment wins over Fit as
// over Apply; without it, a small heap keeps MemoryLimit.
func TestFitLeavesAnEnvironmentLimitAlone(t *testing.T) {
	beforeLimit := debug.SetMemoryLimit(512 << 20)
	t.Cleanup(func() { debug.SetMemoryLimit(beforeLimit) })
	if got := Fit(func(k string) string { return map[string]string{"GOMEMLIMIT": "512MiB"}[k] }, 384<<20); got.MemoryLimit != 512<<20 {
		t.Errorf("with GOMEMLIMIT set, Fit set the limit to %d", got.MemoryLimit)
	}
	if got := Fit(func(string) string { return "" }, 384<<20); got.MemoryLimit != MemoryLimit { // a test's heap is small
		t.Errorf("Fit set the limit to %d, want MemoryLimit for a small heap", got.MemoryLimit)
	}
}
