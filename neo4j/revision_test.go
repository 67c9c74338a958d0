package neo4j

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"lsgatlas/atlas"
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

// revisions is a backend whose revision statement answers what the test sets, which
// drops a namespace, and answers every other statement as outage does.
type revisions struct {
	outage
	rev atomic.Int64
}

func (r *revisions) read(ctx context.Context, work func(runner) error) error  { return work(r) }
func (r *revisions) write(ctx context.Context, work func(runner) error) error { return work(r) }

func (r *revisions) run(ctx context.Context, st statement, params map[string]any) ([]record, error) {
	switch st.name {
	case "revision":
		return []record{{"revision": r.rev.Load()}}, nil
	case "drop_curation", "drop_namespace":
		return nil, nil
	}
	return r.outage.run(ctx, st, params)
}

// TestRewoundRevisionStopsTheStore: a namespace whose revision goes back under the store
// (a backup restored, or the namespace loaded again by another process) stops it for
// good, since every revision-keyed cache of the process could serve data that is gone;
// a store that drops its namespace itself starts counting again.
func TestRewoundRevisionStopsTheStore(t *testing.T) {
	db := &revisions{}
	s := openReady(t, db)
	ctx := context.Background()
	for _, step := range []struct {
		name string
		rev  int64
		drop bool
		want string // the error, or "" for rev itself
	}{
		{"the first revision", 3, false, ""},
		{"a later one", 5, false, ""},
		{"the same again", 5, false, ""},
		{"dropped by this store, then loaded again", 1, true, ""},
		{"growing again", 2, false, ""},
		{"back, under the store", 1, false, "The database's revision went back from 2 to 1"},
		{"forward again: the store stays stopped", 9, false, "The database's revision went back from 2 to 1"},
	} {
		db.rev.Store(step.rev)
		if step.drop {
			if err := s.DropNamespace(ctx); err != nil {
				t.Fatalf("%s: drop: %v", step.name, err)
			}
		}
		got, err := s.Revision(ctx)
		switch {
		case step.want == "" && (err != nil || got != step.rev):
			t.Errorf("%s: Revision = %d, %v; want %d", step.name, got, err, step.rev)
		case step.want != "" && (err == nil || !strings.Contains(err.Error(), step.want) || atlas.ErrorCode(err) != atlas.EUNAVAILABLE):
			t.Errorf("%s: Revision = %d, %v; want EUNAVAILABLE %q", step.name, got, err, step.want)
		}
	}
	// Every call, not only Revision, refuses: readiness, reads and writes.
	for name, call := range map[string]func() error{
		"Ping":          func() error { return s.Ping(ctx) },
		"Nodes":         func() error { _, err := s.Nodes(ctx, []string{"group/a"}); return err },
		"DropNamespace": func() error { return s.DropNamespace(ctx) },
	} {
		if err := call(); atlas.ErrorCode(err) != atlas.EUNAVAILABLE || !strings.Contains(err.Error(), "until it restarts") {
			t.Errorf("%s after the rewind: %v, want EUNAVAILABLE", name, err)
		}
	}
}
