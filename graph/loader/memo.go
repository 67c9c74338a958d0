package loader

import (
	"sync"

	"lsgatlas/atlas"
)

// ChairMemo keeps the chair lists joined at one revision of one store, across requests.
// The join (atlas.ChairListWhen, with the reads it needs: a group's chairs, then the
// holders of every post among them) is the largest piece of work a request does for
// each node it shows, and its answer depends only on the data at the revision and on
// the key's node, date, mode and tiers. So a request that reads at the revision the memo
// holds takes the list from it, and a request at a newer revision empties it first: an
// entry is never served at another revision than the one it was joined at.
//
// An entry is joined from reads made after its request read its revision, so from data
// at that revision or newer: a write can land between the two (on the embedded store,
// which has no snapshot, or on Neo4j before the change feed tells this process of
// another replica's write). The memo then holds a list of the newer data under the
// older revision, as that request's own answer holds it, and the answer cache keys
// answers alike. Only requests still reading at the older revision can meet it; a
// request that learns of the write reads the newer revision and empties the memo.
//
// The lists are shared by every request that reads them, as the request's cache shares
// them between fields: nothing changes a list it is handed (pageEdges sorts a copy).
type ChairMemo struct {
	limit int // edges held at most (and one per list); past it the memo starts again empty
	// OnLookup, if set before the memo is used, is told of every list served from the
	// memo (true) and every list joined and kept in it (false).
	OnLookup func(hit bool)

	mu       sync.Mutex
	revision int64
	lists    map[chairKey][]atlas.Edge
	edges    int
}

// NewChairMemo returns an empty memo holding at most limit edges; limit 0 turns it off
// (nil).
func NewChairMemo(limit int) *ChairMemo {
	if limit <= 0 {
		return nil
	}
	return &ChairMemo{limit: limit, lists: map[chairKey][]atlas.Edge{}}
}

// get returns the list joined for key at revision rev, if the memo has it.
func (m *ChairMemo) get(rev int64, key chairKey) ([]atlas.Edge, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if rev != m.revision {
		return nil, false
	}
	edges, ok := m.lists[key]
	if ok && m.OnLookup != nil {
		m.OnLookup(true)
	}
	return edges, ok
}

// put keeps the list joined for key at revision rev. A newer revision empties the memo
// first; an older one is not kept. A list counts one more than its edges, so that empty
// lists (a node without chairs, asked at one date after another) cannot fill the memo
// past its bound unseen.
func (m *ChairMemo) put(rev int64, key chairKey, edges []atlas.Edge) {
	size := len(edges) + 1
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case rev < m.revision:
		return
	case rev > m.revision || m.edges+size > m.limit:
		m.revision, m.lists, m.edges = rev, map[chairKey][]atlas.Edge{}, 0
	}
	if _, ok := m.lists[key]; !ok {
		m.lists[key] = edges
		m.edges += size
		if m.OnLookup != nil {
			m.OnLookup(false)
		}
	}
}
