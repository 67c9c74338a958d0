// Package gcdefault sets the garbage collector's defaults for the service: collect less
// often than Go's default, under a soft memory limit.
//
// The service's live heap is small (the embedded dataset and the caches, tens of MB) and
// every request allocates about as much again, so with Go's default (GOGC=100) the
// collector runs every few requests and takes a quarter of the CPU of an executed
// query. A higher GOGC trades memory, which these machines have, for that CPU; the
// memory limit makes the collector work harder again as the heap nears it, so one large
// admitted query cannot make the heap grow without bound. GOGC and GOMEMLIMIT in the
// environment always win: the runtime has read them already and this package leaves
// each one that is set alone.
package gcdefault

import (
	"fmt"
	"runtime/debug"
)

// Percent is the collector's target: a collection when the heap has grown by this
// percentage of the live heap (GOGC).
const Percent = 400

// MemoryLimit is the soft limit on the Go heap and runtime memory (GOMEMLIMIT), 768
// MiB: the dataset and its caches take about a hundred, and the requests in flight are
// held to gqlhttp.DefaultMemoryBudget, so the limit is met by collecting more often, not
// by starving requests; with GOGC=400 alone, eight heavy requests at once reached 1.3
// GB (TestHeavyQueriesTogetherStayBounded).
const MemoryLimit = 768 << 20

// Settings are the collector's settings in force.
type Settings struct {
	Percent     int   // GOGC; -1 is off
	MemoryLimit int64 // GOMEMLIMIT, in bytes
}

func (s Settings) String() string {
	return fmt.Sprintf("GOGC=%d GOMEMLIMIT=%dMiB", s.Percent, s.MemoryLimit>>20)
}

// Apply sets Percent where the environment does not set GOGC and MemoryLimit where it
// does not set GOMEMLIMIT. It changes process-wide state, so only a main calls it.
func Apply(getenv func(string) string) Settings {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
	return Current()
}

// Current reads the settings in force.
func Current() Settings {
	// The runtime reads a setting back only by replacing it: SetGCPercent returns the
	// previous value (so put it back at once), and a negative limit only reads.
	percent := debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return Settings{Percent: percent, MemoryLimit: debug.SetMemoryLimit(-1)}
}
