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
	"runtime"
	"runtime/debug"
	"runtime/metrics"
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

// LimitFor is the soft memory limit the service wants for a live heap of live bytes and
// requests in flight held to inFlight bytes: MemoryLimit, or, when the dataset makes the
// live heap large (the embedded store at 100x keeps over 500 MB), room for the heap to
// double beside the requests. A limit just above the live heap makes the collector run
// almost without pause: at 100x under the fixed 768 MiB limit a search cost 2.6 times the
// CPU and 23 collections per 100 requests instead of 3 (tools/scaledseed/gc.sh).
func LimitFor(live, inFlight int64) int64 { return max(MemoryLimit, 2*live+inFlight) }

// Fit raises the memory limit to LimitFor the heap live now, unless the environment set
// GOMEMLIMIT; the service calls it once its start-up import has ended. It collects first,
// so the live heap it reads is the data the service keeps, not the import's garbage.
func Fit(getenv func(string) string, inFlight int64) Settings {
	if getenv("GOMEMLIMIT") == "" {
		runtime.GC()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetMemoryLimit(LimitFor(int64(sample[0].Value.Uint64()), inFlight))
		}
	}
	return Current()
}
