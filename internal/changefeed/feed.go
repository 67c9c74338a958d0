// Package changefeed delivers the change feed: the events atlas.ChangesOf derives from
// the audit log, to readers of a page (the `changes` query) and to live subscribers
// (the `changes` subscription over SSE and WebSocket).
//
// The audit log is the outbox: both stores write an entry in the same transaction as
// the change it records, ordered by revision. One tailer per process reads the entries
// after the last revision it has seen and wakes the subscribers; it reads when the
// embedded store signals a commit (no polling), when this process commits (Poke), and,
// for a log shared with other processes (Neo4j, whose Community edition has no change
// data capture to push to us), every PollInterval. Nothing on a request path waits on a
// timer: subscribers wait on channels the tailer closes.
package changefeed

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"lsgatlas/atlas"
)

// Log is what the feed tails: the audit log of an atlas.CurationStore.
type Log interface {
	AuditLog(ctx context.Context, q atlas.AuditQuery) ([]atlas.AuditEntry, error)
}

// Signal is implemented by a log that says when it grew: the channel it returns is
// closed at the next commit. The embedded store has it; with it the feed never polls.
type Signal interface {
	Committed() <-chan struct{}
}

// Options configure a feed; zero fields take the defaults.
type Options struct {
	// PollInterval is how often a log without Signal is read for other processes'
	// changes (default 1s).
	PollInterval time.Duration
	// RecentEvents is how many recent events are kept in memory for subscribers and
	// pages (default 8192); older ones are read from the log.
	RecentEvents int
	// MaxSubscribers bounds the live subscriptions of the process (default 10000);
	// MaxPerClient those of one client (default 32).
	MaxSubscribers, MaxPerClient int
	// MaxLag is how many events a subscriber may fall behind while its connection does
	// not take them before it is dropped (default 1024).
	MaxLag int
	// OnAdvance is called by the tailer, off any request path, each time it has read new
	// entries, with the revision it has read up to: caches invalidate on it.
	OnAdvance func(revision int64)
	// OnError reports a failed read of the log (the tailer tries again at the next
	// signal or poll).
	OnError func(error)
}

func (o Options) withDefaults() Options {
	if o.PollInterval <= 0 {
		o.PollInterval = time.Second
	}
	if o.RecentEvents <= 0 {
		o.RecentEvents = 8192
	}
	if o.MaxSubscribers <= 0 {
		o.MaxSubscribers = 10000
	}
	if o.MaxPerClient <= 0 {
		o.MaxPerClient = 32
	}
	if o.MaxLag <= 0 {
		o.MaxLag = 1024
	}
	return o
}

// batchEntries is how many audit entries one read of the log takes.
const batchEntries = 256

// Feed is one process's view of the change feed. The zero value is not usable; call New.
type Feed struct {
	log      Log
	revision func(context.Context) (int64, error)
	opts     Options
	poke     chan struct{}
	done     chan struct{}
	stop     sync.Once
	// active is closed at the first subscription, local commit or Start: until then
	// the tailer reads nothing, so a replica nobody subscribes to does not poll.
	active   chan struct{}
	activate sync.Once
	dropped  atomic.Int64

	mu          sync.Mutex
	initialized bool
	head        int64               // the revision the tailer has read up to
	recent      []atlas.ChangeEvent // every event after floor, in order
	floor       atlas.FeedPosition
	wake        chan struct{} // closed (and replaced) when head moves
	subscribers int
	perClient   map[string]int
	watchers    []func(revision int64)
}

// Watch registers fn to be called by the tailer, off any request path, after each read
// that brought new entries, with the revision read up to: the answer cache and the
// analytics projection invalidate on the same events subscribers receive.
func (f *Feed) Watch(fn func(revision int64)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.watchers = append(f.watchers, fn)
}

// New returns a feed over log; revision reads the store's current revision (where the
// tailer starts, and where a subscription without `since` starts). Run tails the log.
func New(log Log, revision func(context.Context) (int64, error), opts Options) *Feed {
	return &Feed{log: log, revision: revision, opts: opts.withDefaults(), poke: make(chan struct{}, 1),
		done: make(chan struct{}), active: make(chan struct{}), wake: make(chan struct{}), perClient: map[string]int{}}
}

func (f *Feed) wakeTailer() { f.activate.Do(func() { close(f.active) }) }

// Poke asks the tailer to read the log now: this process has just committed.
func (f *Feed) Poke() {
	f.wakeTailer()
	select {
	case f.poke <- struct{}{}:
	default:
	}
}

// Close ends every subscription (UNAVAILABLE: the server is shutting down) and stops
// the tailer.
func (f *Feed) Close() { f.stop.Do(func() { close(f.done) }) }

// Head returns the revision the feed has read up to, false before the tailer's first read.
func (f *Feed) Head() (int64, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.head, f.initialized
}

// Run tails the log, from the first subscription, local commit or Start on, until ctx
// ends or the feed is closed; then the feed is closed.
func (f *Feed) Run(ctx context.Context) {
	defer f.Close()
	select {
	case <-f.active:
	case <-ctx.Done():
		return
	case <-f.done:
		return
	}
	var tick <-chan time.Time
	signal, pushes := f.log.(Signal)
	if !pushes {
		t := time.NewTicker(f.opts.PollInterval)
		defer t.Stop()
		tick = t.C
	}
	for {
		var committed <-chan struct{}
		if pushes {
			committed = signal.Committed() // taken before reading, so no commit is missed
		}
		if err := f.tail(ctx); err != nil && f.opts.OnError != nil && ctx.Err() == nil {
			f.opts.OnError(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-f.done:
			return
		case <-f.poke:
		case <-committed:
		case <-tick:
		}
	}
}

// Start sets where the tailer begins, the store's current revision, unless it has
// already begun; Run does it at its first read when it was not called. (Subscribers and
// pages read older events from the log, so nothing before it is lost to them.)
func (f *Feed) Start(ctx context.Context) error {
	f.wakeTailer()
	f.mu.Lock()
	initialized := f.initialized
	f.mu.Unlock()
	if initialized {
		return nil
	}
	rev, err := f.revision(ctx)
	if err != nil {
		return fmt.Errorf("changefeed: read the revision: %w", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.initialized {
		f.initialized, f.head, f.floor = true, rev, atlas.AfterRevision(rev)
		f.wakeLocked()
	}
	return nil
}

// tail reads every entry after head and publishes its events.
func (f *Feed) tail(ctx context.Context) error {
	if err := f.Start(ctx); err != nil {
		return err
	}
	f.mu.Lock()
	head := f.head
	f.mu.Unlock()
	for {
		entries, err := f.log.AuditLog(ctx, atlas.AuditQuery{AfterRevision: head, Limit: batchEntries})
		if err != nil {
			return fmt.Errorf("changefeed: read the audit log after revision %d: %w", head, err)
		}
		if len(entries) == 0 {
			return nil
		}
		head = entries[len(entries)-1].Revision
		f.publish(entries)
		f.mu.Lock()
		watchers := slices.Clone(f.watchers)
		f.mu.Unlock()
		if f.opts.OnAdvance != nil {
			watchers = append(watchers, f.opts.OnAdvance)
		}
		for _, fn := range watchers {
			fn(head)
		}
		if len(entries) < batchEntries {
			return nil
		}
	}
}

func (f *Feed) publish(entries []atlas.AuditEntry) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range entries {
		if e.Revision <= f.head {
			continue
		}
		f.recent = append(f.recent, atlas.ChangesOf(e)...)
		f.head = e.Revision
	}
	if over := len(f.recent) - f.opts.RecentEvents; over > 0 {
		f.floor = f.recent[over-1].Position()
		f.recent = slices.Clone(f.recent[over:])
	}
	f.wakeLocked()
}

func (f *Feed) wakeLocked() {
	close(f.wake)
	f.wake = make(chan struct{})
}

// Page is one page of the feed.
type Page struct {
	Events []atlas.ChangeEvent
	// End is where the next page starts (the last event's cursor, or the last revision
	// examined); More says the page was cut at its size.
	End  atlas.FeedPosition
	More bool
	// Head is the revision the feed had read up to when the page was made.
	Head int64
}

// EndCursor is End as a cursor.
func (p Page) EndCursor() string { return p.End.String() }

// MaxPage bounds the events of one page.
const MaxPage = 1000

// Read returns up to first events after pos that f selects, from the log itself (one
// read), so a page shows every change committed before it was asked for, even one the
// tailer has not read yet. It never waits for new events.
func (f *Feed) Read(ctx context.Context, pos atlas.FeedPosition, filter atlas.ChangeFilter, first int) (Page, error) {
	if err := atlas.CheckRange("first", first, 1, MaxPage); err != nil {
		return Page{}, err
	}
	if err := filter.Check(); err != nil {
		return Page{}, err
	}
	page, _, err := f.readLog(ctx, pos, filter, first)
	return page, err
}

// read is Read that also says whether the reader has caught up with the tailer, and
// returns the channel closed when the tailer next moves (taken under the same lock, so
// no event slips between the two).
func (f *Feed) read(ctx context.Context, pos atlas.FeedPosition, filter atlas.ChangeFilter, limit int) (page Page, caughtUp bool, wake <-chan struct{}, err error) {
	f.mu.Lock()
	wake, page.Head = f.wake, f.head
	if f.initialized && !pos.Before(f.floor) {
		defer f.mu.Unlock()
		page.End = pos
		i, _ := slices.BinarySearchFunc(f.recent, pos, func(e atlas.ChangeEvent, p atlas.FeedPosition) int {
			if e.Position().Before(p) || e.Position() == p {
				return -1
			}
			return 1
		})
		for _, e := range f.recent[i:] {
			if !filter.Matches(e) {
				continue
			}
			if len(page.Events) == limit {
				page.More = true
				return page, false, wake, nil
			}
			page.Events = append(page.Events, e)
			page.End = e.Position()
		}
		if end := atlas.AfterRevision(f.head); page.End.Before(end) {
			page.End = end
		}
		return page, true, wake, nil
	}
	initialized, floor := f.initialized, f.floor
	f.mu.Unlock()
	page, exhausted, err := f.readLog(ctx, pos, filter, limit)
	if err != nil || !exhausted {
		return page, false, wake, err
	}
	if !initialized {
		return page, true, wake, nil
	}
	// The log had nothing more when read, and memory holds every event after floor.
	if page.End.Before(floor) {
		page.End = floor
	}
	return page, false, wake, nil
}

// readLog reads one page from the log; exhausted says the log had no more entries.
func (f *Feed) readLog(ctx context.Context, pos atlas.FeedPosition, filter atlas.ChangeFilter, limit int) (page Page, exhausted bool, err error) {
	f.mu.Lock()
	page.Head = f.head
	f.mu.Unlock()
	after := pos.Revision
	if pos.Index != atlas.WholeRevision {
		after-- // the entry of pos itself still has events after it
	}
	entries, err := f.log.AuditLog(ctx, atlas.AuditQuery{AfterRevision: after, Limit: batchEntries})
	if err != nil {
		return Page{}, false, err
	}
	page.Events, page.End, page.More = atlas.ChangesAfter(entries, pos, filter, limit)
	if !page.More && len(entries) == batchEntries {
		page.More = true // the entries were cut, not the events: the next page goes on from End
	}
	return page, !page.More, nil
}

// lag counts the events after pos the feed holds: how far a subscriber at pos is behind.
func (f *Feed) lag(pos atlas.FeedPosition) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if pos.Before(f.floor) {
		return len(f.recent) + 1
	}
	n := 0
	for i := len(f.recent) - 1; i >= 0 && pos.Before(f.recent[i].Position()); i-- {
		n++
	}
	return n
}

// Current returns the store's revision: where a subscription without `since` starts.
func (f *Feed) Current(ctx context.Context) (int64, error) { return f.revision(ctx) }

// ErrClosed is the end of every subscription when the feed closes.
var ErrClosed = errors.New("changefeed: closed")
