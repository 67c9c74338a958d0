// Package loader is the per-request cache of reads. The query planner (graph's plan.go)
// fills it ahead of the resolvers, level by level, with one store call per kind of ask;
// the resolvers then read from it. A resolver that asks for something the plan did not
// fetch is served at once by one store call of its own, counted as a miss: nothing here
// waits for other asks to arrive, and nothing on a request path waits on a timer.
package loader

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"

	"lsgatlas/atlas"
)

// Loaders is the cache of one request.
type Loaders struct {
	store atlas.Store

	mu    sync.RWMutex
	nodes map[string]atlas.Node // nil values are ids that name nothing
	rels  map[relKey][]atlas.Relation
	// edges and chairs keep what Edges and Chairs computed, so the resolver that follows
	// a plan does not compute it again.
	edges  map[edgeKey][]atlas.Edge
	chairs map[chairKey][]atlas.Edge
	// supports keeps pages of Source.supports (supports.go).
	supports map[supportKey]atlas.SupportPage
	once     map[any]*sync.Once // see Once
	stats    Stats
	// endReads ends the request's read scope (atlas.ScopeReads), if any.
	endReads func()
}

// Stats says how a request used the store.
type Stats struct {
	// StoreCalls counts Nodes and Relations calls, planned or not.
	StoreCalls int
	// Misses counts the reads a resolver had to make itself because no plan fetched
	// them. A request the planner understands makes none.
	Misses int
}

// relKey is one node's ask for relationships. Keys that differ only in id share a store
// call; the other fields are flattened to strings so the key is comparable.
type relKey struct {
	id   string
	spec specKey
}

type chairKey struct {
	id, asOf string
	mode     atlas.DerivedChairs
	tiers    string // comma-joined SourceTiers
}

// edgeKey is a relKey read as the facts of some tiers give it (comma-joined).
type edgeKey struct {
	rel   relKey
	tiers string
}

type specKey struct {
	types string // comma-joined RelTypes
	dir   atlas.Direction
	roles string // comma-joined MemberRoles
	asOf  string
	// sources is comma-joined source ids (ids never contain commas).
	sources string
}

// New returns an empty cache for one request.
func New(store atlas.Store) *Loaders {
	return &Loaders{store: store, nodes: map[string]atlas.Node{}, rels: map[relKey][]atlas.Relation{},
		edges: map[edgeKey][]atlas.Edge{}, chairs: map[chairKey][]atlas.Edge{}, supports: map[supportKey]atlas.SupportPage{},
		once: map[any]*sync.Once{}}
}

type ctxKey struct{}

// Middleware gives every request its own loaders, so nothing is cached across requests,
// and opens the request's read scope (atlas.ScopeReads): on Neo4j every read of the
// request, the answer cache's revision included, shares one read transaction. The scope
// ends when the answer is ready (EndReads, called by the GraphQL handler) or at the
// latest when the request ends.
func Middleware(store atlas.Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, end := atlas.ScopeReads(r.Context(), store)
		defer end()
		l := New(store)
		l.endReads = end
		next.ServeHTTP(w, r.WithContext(WithLoaders(ctx, l)))
	})
}

// EndReads ends the request's read scope, so its transaction is not held while the
// answer is written to a slow client; reads after it run unscoped. Safe on nil.
func (l *Loaders) EndReads() {
	if l != nil && l.endReads != nil {
		l.endReads()
	}
}

// WithLoaders returns ctx carrying l.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the loaders of the request ctx belongs to.
func For(ctx context.Context) *Loaders {
	l, _ := ctx.Value(ctxKey{}).(*Loaders)
	if l == nil {
		panic("loader: no loaders in context; wrap the handler with loader.Middleware")
	}
	return l
}

// From returns the loaders of the request ctx belongs to, or nil.
func From(ctx context.Context) *Loaders {
	l, _ := ctx.Value(ctxKey{}).(*Loaders)
	return l
}

// Stats returns the request's store calls and misses so far.
func (l *Loaders) Stats() Stats {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.stats
}

// Once runs f the first time it is called with key in this request; later callers with
// the same key wait until f has returned.
func (l *Loaders) Once(key any, f func()) {
	l.mu.Lock()
	o := l.once[key]
	if o == nil {
		o = &sync.Once{}
		l.once[key] = o
	}
	l.mu.Unlock()
	o.Do(f)
}

func (l *Loaders) count(miss bool) {
	l.mu.Lock()
	l.stats.StoreCalls++
	if miss {
		l.stats.Misses++
	}
	l.mu.Unlock()
}

// Spec says which relationships of a node to load.
type Spec struct {
	Types     []atlas.RelType
	Direction atlas.Direction
	Roles     []atlas.MemberRole
	AsOf      *atlas.PartialDate
	// Sources keeps relationships citing one of these sources; empty means all.
	Sources []string
}

func (s Spec) key() specKey {
	if s.Direction == "" {
		s.Direction = atlas.Both
	}
	k := specKey{types: join(s.Types), dir: s.Direction, roles: join(s.Roles), sources: join(s.Sources)}
	if s.AsOf != nil {
		k.asOf = s.AsOf.String()
	}
	return k
}

func (s Spec) query(ids []string) atlas.RelationQuery {
	return atlas.RelationQuery{IDs: ids, Types: s.Types, Direction: s.Direction, Roles: s.Roles, AsOf: s.AsOf, Sources: s.Sources}
}

func join[T ~string](vs []T) string {
	switch len(vs) {
	case 0:
		return ""
	case 1: // the common case, without allocating
		return string(vs[0])
	}
	ss := make([]string, len(vs))
	for i, v := range vs {
		ss[i] = string(v)
	}
	slices.Sort(ss)
	return strings.Join(ss, ",")
}
