package gqlhttp

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/atlas"
)

// responseCache keeps the encoded answers of recent queries, keyed by the store's
// revision, the query text, the operation name and the variables. The data changes only
// when an import changes the revision, so a cached answer is exactly what running the
// query again would give: visualisation frontends ask the same nested questions many
// times over, and those answers then cost a lookup instead of an execution. Only
// complete answers are kept (no errors, no extensions such as the cost report), so a
// partial or refused answer is always recomputed. Bounded by entries and bytes.
type responseCache struct {
	lru      *boundedLRU[[]byte]
	revision func(context.Context) (int64, error)
}

func newResponseCache(maxBytes int, revision func(context.Context) (int64, error)) *responseCache {
	if maxBytes <= 0 {
		return nil
	}
	return &responseCache{
		lru:      newBoundedLRU(4096, maxBytes, func(k string, body []byte) int { return len(k) + len(body) }),
		revision: revision,
	}
}

// purge drops every answer: the change feed calls it when data changed, so answers of
// an older revision do not hold memory until the LRU pushes them out (the key's revision
// already keeps them from being served).
func (c *responseCache) purge(int64) {
	if c != nil {
		c.lru.Purge()
	}
}

// key returns the cache key of the operation, or "" when the answer must not be cached
// (no cache, the cost report asked for, the revision unknown).
//
// It also returns the revision it read (ok false when it read none), which the answer's
// extensions then name, so a request reads the revision once.
func (c *responseCache) key(ctx context.Context, op *graphql.OperationContext) (key string, rev int64, ok bool) {
	// Only a reader's queries: a mutation changes data, and what a token may see
	// depends on its role.
	if c == nil || wantsCost(op) || op.Operation == nil || op.Operation.Operation != ast.Query || atlas.PrincipalFrom(ctx) != atlas.Anonymous {
		return "", 0, false
	}
	rev, err := c.revision(ctx)
	if err != nil {
		return "", 0, false
	}
	vars, err := json.Marshal(op.Variables) // map keys sorted: equal variables, equal bytes
	if err != nil {
		return "", rev, true
	}
	h := sha256.New()
	var n [8]byte
	for i := range n {
		n[i] = byte(rev >> (8 * i))
	}
	h.Write(n[:])
	for _, part := range [][]byte{[]byte(op.RawQuery), []byte(op.OperationName), vars} {
		h.Write([]byte{0})
		h.Write(part)
	}
	return hex.EncodeToString(h.Sum(nil)), rev, true
}

func (c *responseCache) get(ctx context.Context, key string) ([]byte, bool) {
	if key == "" {
		return nil, false
	}
	return c.lru.Get(ctx, key)
}

// add keeps body when resp is a complete answer.
func (c *responseCache) add(ctx context.Context, key string, resp *graphql.Response, body []byte) {
	if key == "" || len(resp.Errors) > 0 {
		return
	}
	for name := range resp.Extensions {
		if name != "dataset" { // the dataset's version and revision are part of the key
			return
		}
	}
	c.lru.Add(ctx, key, body)
}
