package neo4j

import (
	"sync"
	"time"
)

// A cached answer (internal/gqlhttp/responsecache.go) is keyed by the store's revision, so every
// answer served from the cache used to cost one round trip to read it: on Neo4j, a
// session and a transaction for one row, which held a cached answer to a seventh of the
// embedded store's throughput. The store now trusts a revision it read for a short
// validity (Config.RevisionValidity) and forgets it as soon as it writes, so its own
// imports are seen at once and another process's (a second replica on the same
// database) within the validity. Expiry is checked against the clock when a revision is
// asked for; nothing waits on a timer.

// DefaultRevisionValidity is the RevisionValidity of a Config that sets none.
const DefaultRevisionValidity = 250 * time.Millisecond

// revisionCache is the last revision read and when it was read; safe for concurrent use.
type revisionCache struct {
	mu       sync.Mutex
	validity time.Duration // <= 0: never trusted
	now      func() time.Time
	rev      int64
	readAt   time.Time
	known    bool
	// gen counts forgets, so that a read that started before a write cannot store the
	// revision it read after the write forgot it.
	gen uint64
	// highest is the highest revision this store has read: revisions only grow, so a
	// lower one means the namespace was rewound under the process (see rewound).
	highest int64
}

// get returns the revision while it is still valid.
func (c *revisionCache) get() (int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.known || c.validity <= 0 || c.now().Sub(c.readAt) >= c.validity {
		return 0, false
	}
	return c.rev, true
}

// reading returns the generation a read starts in, to hand back to put.
func (c *revisionCache) reading() (gen uint64, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen, c.now()
}

// put keeps rev, read starting at at, unless a write happened since the read began.
func (c *revisionCache) put(gen uint64, at time.Time, rev int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		c.rev, c.readAt, c.known = rev, at, true
	}
}

// forget drops the revision: the store has written (or tried to).
func (c *revisionCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.known = false
	c.gen++
}

// A namespace's revision only grows, except when the database is restored from a backup
// or the namespace is dropped and loaded again by another process: then the revisions
// after the backup's are counted again, for other data. Every cache of the process keyed
// by a revision (answers, the search analysis, analytics, the change feed's position)
// could then take a new revision for an old one and serve what is gone. So a store that
// reads a revision lower than one it has read before stops: every call answers
// EUNAVAILABLE until the process restarts and reads everything anew. (Its own
// DropNamespace, which the live tests use, starts the count again without that.)

// observe records rev, read from the database, and reports whether it is lower than a
// revision read before.
func (c *revisionCache) observe(rev int64) (rewound bool, highest int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if rev < c.highest {
		return true, c.highest
	}
	c.highest = rev
	return false, rev
}

// restart forgets the highest revision: this store dropped its namespace itself (the
// write forgot the revision read).
func (c *revisionCache) restart() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.highest = 0
}
