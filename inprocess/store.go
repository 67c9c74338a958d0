// Package inprocess is the embedded Store: the whole graph in memory behind one lock,
// with the indexes the Store methods need. It is the default backend, needs no server,
// and is what CI runs the conformance suite against.
package inprocess

import (
	"context"
	"sync"

	bolt "go.etcd.io/bbolt"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

var _ atlas.Store = (*Store)(nil)

// Store holds the graph in memory. The zero value is not usable; call New.
type Store struct {
	mu     sync.RWMutex
	nodes  map[string]atlas.Node
	byKind map[atlas.NodeKind]map[string]atlas.Node // nodes again, by kind: List reads only its kind's
	// sorted keeps each kind's nodes in each order an unfiltered List asked for, until the
	// next load; sortedMu guards it, since List fills it holding mu only for reading.
	sortedMu sync.Mutex
	sorted   map[sortedKey][]listRow
	keys     map[string][]searchkey.Key  // search keys by node id
	text     *searchkey.TextIndex        // Search's index, rebuilt by Import
	analysed *searchkey.Analysed         // the analysed fields Search scores, rebuilt with text
	stats    *searchkey.Stats            // the collection statistics Search scores with, rebuilt with text
	fields   map[string]searchkey.Fields // each record's analysis by record (nodeDoc or relationDoc and id), kept until it changes
	rels     map[string]*atlas.Relation  // by relation id
	byNode   map[string][]*atlas.Relation
	revision int64
	closed   bool
	cur      curation
	// db is the data folder's database; nil for a store that lives in memory only.
	db *bolt.DB
	// committed is closed (and replaced) at each commit: the change feed waits on it
	// instead of polling.
	committed chan struct{}
}

// New returns an empty store that lives in memory only (see Open for a durable one).
func New() *Store {
	return &Store{
		nodes:  map[string]atlas.Node{},
		byKind: map[atlas.NodeKind]map[string]atlas.Node{},
		keys:   map[string][]searchkey.Key{},
		rels:   map[string]*atlas.Relation{},
		byNode: map[string][]*atlas.Relation{},
		cur:    newCuration(),
		fields: map[string]searchkey.Fields{},

		committed: make(chan struct{}),
	}
}

// Committed returns a channel closed at the next commit to the audit log (see
// changefeed.Signal).
func (s *Store) Committed() <-chan struct{} {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.committed
}

// Revision implements atlas.Store.
func (s *Store) Revision(ctx context.Context) (int64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.revision, s.check(ctx)
}

// Ping implements atlas.Store.
func (s *Store) Ping(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.check(ctx)
}

// Close implements atlas.Store; a closed store answers EUNAVAILABLE.
func (s *Store) Close(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.db != nil {
		return s.db.Close()
	}
	return nil
}

// check returns the error every method gives before doing any work. Callers hold mu.
func (s *Store) check(ctx context.Context) error {
	if s.closed {
		return atlas.Errorf(atlas.EUNAVAILABLE, "the in-process store is closed")
	}
	return ctx.Err()
}
