package neo4j

import (
	"context"
	"testing"
	"time"
)

// TestRevisionValidity: a revision read is trusted for the validity, read again after
// it, and forgotten at once when the store writes, even a write that fails.
func TestRevisionValidity(t *testing.T) {
	s := openReady(t, &outage{})
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	now := start
	s.revision.mu.Lock()
	s.revision.validity, s.revision.now = 250*time.Millisecond, func() time.Time { return now }
	s.revision.mu.Unlock()
	for _, step := range []struct {
		name  string
		at    time.Duration
		write bool
		reads int64 // revision statements sent so far
	}{
		{"first read", 0, false, 1},
		{"within the validity", 100 * time.Millisecond, false, 1},
		{"just before it ends", 249 * time.Millisecond, false, 1},
		{"once it has passed", 250 * time.Millisecond, false, 2},
		{"within the new validity", 300 * time.Millisecond, false, 2},
		{"after a write", 301 * time.Millisecond, true, 3},
		{"within the validity after it", 302 * time.Millisecond, false, 3},
	} {
		now = start.Add(step.at)
		if step.write {
			// The outage backend refuses the statement; the store forgets all the same.
			_ = s.DropNamespace(context.Background())
		}
		if _, err := s.Revision(context.Background()); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if got := s.Statements()["revision"]; got != step.reads {
			t.Errorf("%s: %d revision statements, want %d", step.name, got, step.reads)
		}
	}
}
