package analytics_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/inprocess"
)

// countingStore counts snapshots and, when gate is set, holds each one until the gate
// is closed, so tests can pile callers up behind a build.
type countingStore struct {
	atlas.Store
	snapshots atomic.Int32
	gate      chan struct{}
}

func (s *countingStore) Snapshot(ctx context.Context) (*atlas.Dataset, error) {
	s.snapshots.Add(1)
	if s.gate != nil {
		<-s.gate
	}
	return s.Store.Snapshot(ctx)
}

func newStore(tb testing.TB) (*inprocess.Store, *countingStore) {
	tb.Helper()
	st := inprocess.New()
	if _, err := st.Import(context.Background(), conformance.Fixture()); err != nil {
		tb.Fatal(err)
	}
	return st, &countingStore{Store: st}
}

func get(tb testing.TB, c *analytics.Cache) *analytics.Projection {
	tb.Helper()
	p, err := c.Get(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestCacheRebuildsOnlyWhenTheRevisionChanges(t *testing.T) {
	ctx := context.Background()
	st, counting := newStore(t)
	c := analytics.NewCache(counting)

	first := get(t, c)
	if get(t, c) != first || counting.snapshots.Load() != 1 {
		t.Fatalf("a second Get rebuilt (%d snapshots)", counting.snapshots.Load())
	}

	if _, err := st.Import(ctx, conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	if get(t, c) != first || counting.snapshots.Load() != 1 {
		t.Errorf("re-importing unchanged data rebuilt (%d snapshots)", counting.snapshots.Load())
	}

	changed := conformance.Fixture()
	changed.People = append(changed.People, &atlas.Person{ID: "person/new-member", Name: "New Member",
		Sources: []atlas.Citation{{Source: "source/alpha", Locator: "s9"}}})
	if _, err := st.Import(ctx, changed); err != nil {
		t.Fatal(err)
	}
	second := get(t, c)
	if second == first || counting.snapshots.Load() != 2 {
		t.Fatalf("importing changed data did not rebuild (%d snapshots)", counting.snapshots.Load())
	}
	if _, ok := second.Node("person/new-member"); !ok {
		t.Error("the rebuilt projection lacks the new node")
	}
	if _, ok := first.Node("person/new-member"); ok {
		t.Error("the old projection changed: projections must be immutable")
	}
}

// The callers and the build run in a synctest bubble, so synctest.Wait says exactly when
// every caller has reached its wait; no sleep stands in for it.
func TestCacheBuildsOnceForConcurrentCallers(t *testing.T) {
	_, counting := newStore(t)
	synctest.Test(t, func(t *testing.T) {
		counting.gate = make(chan struct{})
		c := analytics.NewCache(counting)

		const callers = 16
		results := make([]*analytics.Projection, callers)
		var wg sync.WaitGroup
		for i := range callers {
			wg.Go(func() {
				p, err := c.Get(context.Background())
				if err != nil {
					t.Error(err)
				}
				results[i] = p
			})
		}
		synctest.Wait() // every caller waits for the one snapshot, which waits for the gate
		close(counting.gate)
		wg.Wait()
		if n := counting.snapshots.Load(); n != 1 {
			t.Errorf("%d snapshots for %d concurrent callers, want 1", n, callers)
		}
		for i, p := range results {
			if p != results[0] {
				t.Errorf("caller %d got a different projection", i)
			}
		}
	})
}

func TestCacheCallerCancelledWhileWaiting(t *testing.T) {
	_, counting := newStore(t)
	synctest.Test(t, func(t *testing.T) {
		counting.gate = make(chan struct{})
		c := analytics.NewCache(counting)

		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() {
			_, err := c.Get(ctx)
			done <- err
		}()
		synctest.Wait() // the caller waits for the snapshot, which waits for the gate
		if n := counting.snapshots.Load(); n != 1 {
			t.Fatalf("%d snapshots started, want 1", n)
		}
		cancel()
		wantCanceled(t, <-done)

		// The build goes on for the others: the next caller gets its result.
		close(counting.gate)
		if p := get(t, c); p.NodeCount() == 0 || counting.snapshots.Load() != 1 {
			t.Errorf("after a cancelled wait: %d nodes, %d snapshots", p.NodeCount(), counting.snapshots.Load())
		}
	})
}

func TestCacheStoreErrors(t *testing.T) {
	st, counting := newStore(t)
	c := analytics.NewCache(counting)
	_, err := c.Get(cancelled())
	wantCanceled(t, err)
	if err := st.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, err = c.Get(context.Background())
	if got := atlas.ErrorCode(err); got != atlas.EUNAVAILABLE {
		t.Errorf("closed store: code %q (%v), want %q", got, err, atlas.EUNAVAILABLE)
	}
}
