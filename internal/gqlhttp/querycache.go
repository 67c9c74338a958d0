package gqlhttp

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/vektah/gqlparser/v2/ast"
)

// boundedLRU is a least-recently-used cache bounded by entries and by an estimate of
// the bytes its values hold; an entry bigger than the whole budget is not kept.
type boundedLRU[V any] struct {
	mu       sync.Mutex
	lru      *simplelru.LRU[string, sized[V]]
	bytes    int
	maxBytes int
	size     func(key string, v V) int
	onLookup func(hit bool)
}

type sized[V any] struct {
	v     V
	bytes int
}

func newBoundedLRU[V any](entries, maxBytes int, size func(string, V) int) *boundedLRU[V] {
	c := &boundedLRU[V]{maxBytes: maxBytes, size: size, onLookup: func(bool) {}}
	c.lru, _ = simplelru.NewLRU[string, sized[V]](max(entries, 1), func(_ string, e sized[V]) { c.bytes -= e.bytes })
	return c
}

func (c *boundedLRU[V]) Get(_ context.Context, key string) (V, bool) {
	c.mu.Lock()
	e, ok := c.lru.Get(key)
	c.mu.Unlock()
	c.onLookup(ok)
	return e.v, ok
}

func (c *boundedLRU[V]) Add(_ context.Context, key string, v V) {
	n := c.size(key, v)
	if n > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.lru.Peek(key); ok { // simplelru replaces without calling onEvict
		c.bytes -= old.bytes
	}
	c.lru.Add(key, sized[V]{v, n})
	c.bytes += n
	for c.bytes > c.maxBytes {
		c.lru.RemoveOldest()
	}
}

// peek looks a key up without counting the lookup or refreshing its age.
func (c *boundedLRU[V]) peek(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.lru.Peek(key)
	return e.v, ok
}

// Len and Bytes report the cache's fill, for tests and metrics.
// Purge drops every entry.
func (c *boundedLRU[V]) Purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lru.Purge()
}

func (c *boundedLRU[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}

func (c *boundedLRU[V]) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// queryCache holds parsed documents. gqlgen adds a document only after it parsed and
// validated, and queryLimits refuses over-limit documents before that, so the cache
// holds only documents that passed both.
type queryCache = boundedLRU[*ast.QueryDocument]

// parsedBytesPerByte estimates the memory of a parsed document per byte of its text
// (an estimate: gqlparser keeps a node with positions and names for every token;
// TestQueryCacheEstimate checks that parsing allocates no more, about 27 times when measured).
const parsedBytesPerByte = 32

func newQueryCache(entries, maxBytes int) *queryCache {
	return newBoundedLRU(entries, maxBytes, func(q string, _ *ast.QueryDocument) int {
		return len(q) * (parsedBytesPerByte + 1)
	})
}

var (
	_ graphql.Cache[*ast.QueryDocument] = (*queryCache)(nil)
	_ graphql.Cache[string]             = (*boundedLRU[string])(nil)
)
