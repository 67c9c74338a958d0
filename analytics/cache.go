package analytics

import (
	"context"
	"fmt"
	"sync"

	"lsgatlas/atlas"
)

// Cache holds the projection of a store's current data. Get costs one Revision call
// while the data is unchanged; when the revision changes, the next Get takes a snapshot
// and builds a new projection, once however many callers ask at the same time.
type Cache struct {
	store atlas.Store

	mu       sync.Mutex
	current  *Projection
	revision int64  // of current
	inflight *build // the build under way, if any
}

// build is one snapshot-and-build; callers asking for the same revision wait on done.
type build struct {
	revision int64
	done     chan struct{}
	p        *Projection
	err      error
}

// NewCache returns a cache over store. It takes no snapshot until the first Get.
func NewCache(store atlas.Store) *Cache { return &Cache{store: store} }

// Get returns the projection of the store's current data, building it when the store's
// revision differs from that of the cached one. It returns ctx.Err() when ctx ends while
// it waits, and the store's error (EUNAVAILABLE, …) when the store fails; a failed build
// is not cached, so the next Get tries again.
//
// The revision is read before the snapshot is taken, so a write racing with a build can
// only make the cached projection newer than its recorded revision, never older: the
// next Get then sees a different revision and rebuilds, rather than serving stale data.
func (c *Cache) Get(ctx context.Context) (*Projection, error) {
	rev, err := c.store.Revision(ctx)
	if err != nil {
		return nil, fmt.Errorf("analytics: read store revision: %w", err)
	}
	c.mu.Lock()
	if c.current != nil && c.revision == rev {
		p := c.current
		c.mu.Unlock()
		return p, nil
	}
	b := c.inflight
	if b == nil || b.revision != rev {
		b = &build{revision: rev, done: make(chan struct{})}
		c.inflight = b
		// The build runs detached from the first caller's cancellation: other callers
		// wait for the same build, and one of them giving up must not fail the rest.
		go c.run(context.WithoutCancel(ctx), b)
	}
	c.mu.Unlock()
	select {
	case <-b.done:
		return b.p, b.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Refresh drops the projection and, when one was in use, builds the one of the store's
// current data in the background, so that the first request after a change does not
// wait for it. The change feed calls it at each change; Get's revision check stays, so
// a caller never gets a projection older than the revision it reads.
func (c *Cache) Refresh(ctx context.Context) {
	c.mu.Lock()
	used := c.current != nil
	c.current = nil
	c.mu.Unlock()
	if used {
		go func() { _, _ = c.Get(ctx) }()
	}
}

func (c *Cache) run(ctx context.Context, b *build) {
	ds, err := c.store.Snapshot(ctx)
	if err != nil {
		b.err = fmt.Errorf("analytics: snapshot store: %w", err)
	} else {
		b.p = Build(ds)
	}
	c.mu.Lock()
	// Only the latest requested build may replace the cached projection: an older one
	// finishing late would bring back data already known to be stale.
	if c.inflight == b {
		c.inflight = nil
		if b.err == nil {
			c.current, c.revision = b.p, b.revision
		}
	}
	c.mu.Unlock()
	close(b.done)
}

// Sizes are the counts of the data the analytics work over, which the GraphQL cost
// model prices analytics by.
type Sizes struct {
	Nodes, Relations, Groups int
}

// Sizes returns the counts of the cached projection without waiting for a build; zero
// before the first one.
func (c *Cache) Sizes() Sizes {
	c.mu.Lock()
	p := c.current
	c.mu.Unlock()
	if p == nil {
		return Sizes{}
	}
	return Sizes{Nodes: p.NodeCount(), Relations: p.RelationCount(), Groups: len(p.groups)}
}
