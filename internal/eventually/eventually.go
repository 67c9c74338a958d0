// Package eventually waits in tests for a condition another goroutine or process makes
// true, for the cases no channel can signal (a server's readiness, a file another process
// writes, a store coming back after an outage). The guard only turns a hang into a
// failure: it is generous on purpose and is never a statement about speed, so a loaded
// machine makes a test slower, never red.
package eventually

import (
	"testing"
	"time"
)

// Guard is how long True waits before it fails the test: as long as a JVM may take to
// start on a loaded shared machine, and well inside go test's default 10 minute timeout.
const Guard = 5 * time.Minute

// True polls cond, backing off from 1 ms to 100 ms between tries, until it holds; if it
// still does not after Guard, the test fails saying what was awaited.
func True(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(Guard)
	pause := time.Millisecond
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up after %v waiting for %s", Guard, what)
		}
		time.Sleep(pause)
		pause = min(2*pause, 100*time.Millisecond)
	}
}
