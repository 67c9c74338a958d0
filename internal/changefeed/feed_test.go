package changefeed_test

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/internal/changefeed"
)

// memLog is an audit log in memory that signals its commits, as the embedded store does.
type memLog struct {
	mu      sync.Mutex
	entries []atlas.AuditEntry
	signal  chan struct{}
}

func newMemLog() *memLog { return &memLog{signal: make(chan struct{})} }

func (l *memLog) AuditLog(_ context.Context, q atlas.AuditQuery) ([]atlas.AuditEntry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []atlas.AuditEntry
	for _, e := range l.entries {
		if q.Matches(e) {
			out = append(out, e)
			if len(out) == q.Limit {
				break
			}
		}
	}
	return out, nil
}

func (l *memLog) Committed() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.signal
}

func (l *memLog) Revision(context.Context) (int64, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return int64(len(l.entries)), nil
}

// commit appends one direct edit of one claim.
func (l *memLog) commit(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for range n {
		rev := int64(len(l.entries) + 1)
		l.entries = append(l.entries, atlas.AuditEntry{Revision: rev, Action: atlas.ActionEdited, Actor: "carol", Reason: "edit",
			Records: []atlas.RecordChange{{ID: fmt.Sprintf("group/g/claims/name/%d", rev), Kind: atlas.RecordClaim, Version: 2, Before: []byte(`{}`), After: []byte(`{}`)}}})
	}
	close(l.signal)
	l.signal = make(chan struct{})
}

// TestSlowSubscriberIsDropped: a subscriber whose connection does not take its events
// is dropped with SLOW_SUBSCRIBER once it is MaxLag events behind, while another keeps
// receiving.
func TestSlowSubscriberIsDropped(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		log := newMemLog()
		feed := changefeed.New(log, log.Revision, changefeed.Options{MaxLag: 3})
		go feed.Run(ctx)
		synctest.Wait()
		slow, sub, err := feed.Subscribe(ctx, "slow", atlas.AfterRevision(0), atlas.ChangeFilter{})
		if err != nil {
			t.Fatal(err)
		}
		fast, _, _ := feed.Subscribe(ctx, "fast", atlas.AfterRevision(0), atlas.ChangeFilter{})
		synctest.Wait() // the first subscription started the tailer at revision 0
		var got []string
		done := make(chan struct{})
		go func() {
			defer close(done)
			for e := range fast {
				got = append(got, e.Cursor())
			}
		}()
		log.commit(1)
		synctest.Wait() // the slow subscriber is waiting to hand over its first event
		log.commit(2)
		synctest.Wait()
		if n := feed.Subscribers(); n != 2 {
			t.Fatalf("2 behind of 3 allowed: subscribers = %d", n)
		}
		log.commit(1)
		synctest.Wait()
		if _, open := <-slow; open {
			t.Fatal("the slow subscriber still has events")
		}
		if code := atlas.ErrorCode(sub.Err()); code != changefeed.ESLOW {
			t.Fatalf("slow subscriber ended with %v", sub.Err())
		}
		cancel()
		<-done
		if fmt.Sprint(got) != "[1.0 2.0 3.0 4.0]" {
			t.Fatalf("the other subscriber got %v", got)
		}
	})
}

// TestSubscriberLimits: per client and in all.
func TestSubscriberLimits(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := newMemLog()
	feed := changefeed.New(log, log.Revision, changefeed.Options{MaxPerClient: 2, MaxSubscribers: 3})
	for _, c := range []string{"a", "a", "b"} {
		if _, _, err := feed.Subscribe(ctx, c, atlas.AfterRevision(0), atlas.ChangeFilter{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := feed.Subscribe(ctx, "c", atlas.AfterRevision(0), atlas.ChangeFilter{}); atlas.ErrorCode(err) != atlas.ELIMIT {
		t.Fatalf("past the limit in all: %v", err)
	}
	feed2 := changefeed.New(log, log.Revision, changefeed.Options{MaxPerClient: 2})
	for range 2 {
		_, _, _ = feed2.Subscribe(ctx, "a", atlas.AfterRevision(0), atlas.ChangeFilter{})
	}
	if _, _, err := feed2.Subscribe(ctx, "a", atlas.AfterRevision(0), atlas.ChangeFilter{}); atlas.ErrorCode(err) != atlas.ELIMIT {
		t.Fatalf("past the limit per client: %v", err)
	}
}

func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestThousandIdleSubscribersHoldFlatMemory: 1,000 subscribers cost a bounded amount
// each, and events flowing past them leave the heap where it was (nothing accumulates
// per subscriber or per event beyond the bounded window of recent events).
func TestThousandIdleSubscribersHoldFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("measures the heap")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := newMemLog()
	log.commit(1)
	feed := changefeed.New(log, log.Revision, changefeed.Options{RecentEvents: 64})
	go feed.Run(ctx)
	const subscribers, rounds = 1000, 200
	base := liveHeap()
	var received, firstRounds, secondRounds sync.WaitGroup
	for i := range subscribers {
		events, _, err := feed.Subscribe(ctx, fmt.Sprint("client-", i%100), atlas.AfterRevision(1), atlas.ChangeFilter{})
		if err != nil {
			t.Fatal(err)
		}
		received.Add(1)
		firstRounds.Add(1)
		secondRounds.Add(1)
		go func() {
			defer received.Done()
			n := 0
			for range events {
				switch n++; n {
				case rounds:
					firstRounds.Done()
				case 2 * rounds:
					secondRounds.Done()
				}
			}
		}()
	}
	idle := liveHeap()
	deliver := func(wg *sync.WaitGroup) {
		t.Helper()
		for range rounds {
			log.commit(1)
		}
		delivered := make(chan struct{})
		go func() { wg.Wait(); close(delivered) }()
		select {
		case <-delivered:
		case <-time.After(60 * time.Second): // a failure bound only
			t.Fatal("the events did not reach every subscriber")
		}
	}
	deliver(&firstRounds)
	warm := liveHeap()
	deliver(&secondRounds)
	after := liveHeap()
	perSubscriber := (int64(idle) - int64(base)) / subscribers
	growth := int64(after) - int64(warm)
	t.Logf("live heap: %d B before, %d B with %d idle subscribers (%d B each, with their consumer goroutines' channels), %d B after %d events reached each, %d B after %d more (growth %d B)",
		base, idle, subscribers, perSubscriber, warm, rounds, after, rounds, growth)
	if perSubscriber > 4096 {
		t.Fatalf("an idle subscriber costs %d B of heap", perSubscriber)
	}
	if growth > 256<<10 {
		t.Fatalf("the heap grew by %d B while %d events passed %d subscribers", growth, rounds, subscribers)
	}
	cancel()
	received.Wait()
}
