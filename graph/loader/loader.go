// Package loader is the per-request cache of reads. The query planner (graph's plan.go)
// fills it ahead of the resolvers, level by level, with one store call per kind of ask;
// the resolvers then read from it. A resolver that asks for something the plan did not
// fetch is served at once by one store call of its own, counted as a miss: nothing here
// waits for other asks to arrive, and nothing on a request path waits on a timer. Two
// things outlive a request, each kept for the store's current revision (Memos): the
// chairs lists joined at it (ChairMemo, memo.go), which a request at that revision takes
// instead of joining them, and, from a store that batches, the nodes read with the levels
// below them (LevelMemo, levelmemo.go), which it takes instead of reading them.
package loader

import (
	"context"
	"crypto/rand"
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
	// partial keeps nodes read with a projection (projected.go), never served as whole.
	partial map[string]partialNode
	// needs says what a reader needs of a node (SetNeeds); nil serves partial nodes to nobody.
	needs func(ctx context.Context, id string) *atlas.Projection
	rels  map[relKey][]atlas.Relation
	// specs numbers the specs the request asks with (specIDOf), under its own lock.
	specMu sync.Mutex
	specs  map[specKey]specID
	// recentSpecs are the specs specID numbered last, recognised by identity.
	recentSpecs [4]recentSpec
	nextRecent  int
	// chairSpecs numbers the chairSpecs the request asks with (chairRefOf).
	chairSpecs    map[chairSpec]int32
	lastChairSpec struct {
		spec chairSpec
		n    int32
		used bool
	}
	// edges and chairs keep what Edges and Chairs computed, so the resolver that follows
	// a plan does not compute it again.
	edges  map[edgeKey][]atlas.Edge
	chairs map[chairRef][]atlas.Edge
	// supports keeps pages of Source.supports (supports.go).
	supports map[supportKey]atlas.SupportPage
	// wikidata keeps the nodes found by QID (identifier.go); nil values name nothing.
	wikidata map[wikidataKey]atlas.Node
	// cursorKey signs the cursors the loaders hand out (SetCursorKey).
	cursorKey []byte
	// sources looks up sources for knownBy (SetSources).
	sources func(ctx context.Context) (func(id string) *atlas.Source, error)
	// sourceLookup is what sources returned, once per request (KnownBy).
	sourceLookup func(id string) *atlas.Source
	once         map[any]*sync.Once // see Once
	stats        Stats
	// endReads ends the request's read scope (atlas.ScopeReads), if any.
	endReads func()
	// memo keeps chair lists across requests (memo.go), and levels the nodes read with
	// their levels (levelmemo.go), used once the request's revision is known (ReadAt).
	memo       *ChairMemo
	levels     *LevelMemo
	revision   int64
	atRevision bool
}

// Stats says how a request used the store.
type Stats struct {
	// StoreCalls counts Nodes and Relations calls, planned or not; a list read with its
	// page's relations (List) counts as one.
	StoreCalls int
	// Misses counts the reads a resolver had to make itself because no plan fetched
	// them. A request the planner understands makes none.
	Misses int
	// ChairJoins counts the chairs lists joined (atlas.ChairListWhen): one per node and
	// distinct arguments of its chairs fields, however many look at it.
	ChairJoins int
	// MemoizedChairs counts the chairs lists taken from the memo of lists joined at the
	// request's revision (ChairMemo) instead of joined.
	MemoizedChairs int
	// MemoizedLevels counts the nodes whose levels a root field or a list took from the
	// memo of those read at the request's revision (LevelMemo) instead of reading them.
	MemoizedLevels int
	// MemoizedNodes counts the nodes read by id alone (the far ends of a level, the
	// sources a level cites) taken from the memo of levels instead of read.
	MemoizedNodes int
}

// relKey is one node's ask for relationships. Keys that differ only in id share a store
// call.
type relKey struct {
	id   string
	spec specID
}

// specID numbers a specKey within a request. The cache is keyed by it rather than by the
// specKey's seven strings, which were hashed again for every node of a level (4% of an
// executed two-level query's CPU).
type specID int32

// specIDOf returns k's number in this request.
func (l *Loaders) specIDOf(k specKey) specID {
	l.specMu.Lock()
	defer l.specMu.Unlock()
	return l.specIDLocked(k)
}

func (l *Loaders) specIDLocked(k specKey) specID {
	id, ok := l.specs[k]
	if !ok {
		if l.specs == nil {
			l.specs = map[specKey]specID{}
		}
		id = specID(len(l.specs))
		l.specs[k] = id
	}
	return id
}

// specID returns spec's number in this request. A spec the request asked with before,
// made from the same slices and dates (the planner's spec of a field, asked of every
// node of a level; the chair join's, sharing holdsType and the request's date), is
// recognised by identity, without building and hashing its key's seven strings for
// every node (3% of an executed two-level query's CPU).
func (l *Loaders) specID(spec Spec) specID {
	l.specMu.Lock()
	defer l.specMu.Unlock()
	for i := range l.recentSpecs {
		if r := &l.recentSpecs[i]; r.used && r.spec.sameAs(spec) {
			return r.id
		}
	}
	id := l.specIDLocked(spec.key())
	l.recentSpecs[l.nextRecent] = recentSpec{spec: spec, id: id, used: true}
	l.nextRecent = (l.nextRecent + 1) % len(l.recentSpecs)
	return id
}

// recentSpec is a spec specID numbered lately.
type recentSpec struct {
	spec Spec
	id   specID
	used bool
}

// sameAs reports whether s and o are made of the same values: the same slices, dates
// and flags. Specs that are not the same may still be equal (their keys say).
func (s Spec) sameAs(o Spec) bool {
	return sameSlice(s.Types, o.Types) && s.Direction == o.Direction && sameSlice(s.Roles, o.Roles) &&
		s.AsOf == o.AsOf && s.During == o.During && sameSlice(s.Sources, o.Sources) &&
		s.IncludeRelayed == o.IncludeRelayed && sameSlice(s.Tiers, o.Tiers)
}

// sameSlice reports whether a and b are the same elements of the same array, or both
// empty.
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// chairKey names a chairs list: the node, and what the list is joined for. The memo of
// lists keys them by it; within a request the cache keys them by the node and the
// request's number for the chairSpec (chairRef), since hashing a chairKey's five strings
// for every look at a group's list was 2% of a varied request's CPU.
type chairKey struct {
	id string
	chairSpec
}

type chairSpec struct {
	asOf    string
	mode    atlas.DerivedChairs
	tiers   string // comma-joined SourceTiers
	sources string // comma-joined source ids: only the evidence citing them
	relayed bool
}

// chairRef is a chairKey within a request (chairRefOf).
type chairRef struct {
	id   string
	spec int32
}

// chairRefOf numbers key's chairSpec in this request; the spec the request asked last is
// recognised without a hash, as the nodes of a level all ask the same one.
func (l *Loaders) chairRefOf(key chairKey) chairRef {
	l.specMu.Lock()
	defer l.specMu.Unlock()
	if l.lastChairSpec.used && l.lastChairSpec.spec == key.chairSpec {
		return chairRef{key.id, l.lastChairSpec.n}
	}
	n, ok := l.chairSpecs[key.chairSpec]
	if !ok {
		if l.chairSpecs == nil {
			l.chairSpecs = map[chairSpec]int32{}
		}
		n = int32(len(l.chairSpecs))
		l.chairSpecs[key.chairSpec] = n
	}
	l.lastChairSpec.spec, l.lastChairSpec.n, l.lastChairSpec.used = key.chairSpec, n, true
	return chairRef{key.id, n}
}

// edgeKey is a relKey read as the facts of some tiers give it (comma-joined).
type edgeKey struct {
	rel   relKey
	tiers string
	known string // the knownBy date
}

type specKey struct {
	types string // comma-joined RelTypes
	dir   atlas.Direction
	roles string // comma-joined MemberRoles
	asOf  string
	// sources is comma-joined source ids (ids never contain commas).
	sources string
	relayed bool
	tiers   string // comma-joined SourceTiers
}

// New returns an empty cache for one request.
func New(store atlas.Store) *Loaders {
	return &Loaders{store: store, nodes: map[string]atlas.Node{}, partial: map[string]partialNode{}, rels: map[relKey][]atlas.Relation{},
		edges: map[edgeKey][]atlas.Edge{}, chairs: map[chairRef][]atlas.Edge{}, supports: map[supportKey]atlas.SupportPage{},
		wikidata: map[wikidataKey]atlas.Node{}, once: map[any]*sync.Once{}}
}

type ctxKey struct{}

// Memos are what the loaders keep across requests, each for the store's current
// revision; a nil memo is off.
type Memos struct {
	Chairs *ChairMemo
	Levels *LevelMemo
}

// Middleware gives every request its own loaders, so nothing is cached across requests
// but what memos keep by revision (ChairMemo, LevelMemo), and opens
// the request's read scope (atlas.ScopeReads): on Neo4j every read of the request, the
// answer cache's revision included, shares one read transaction. The scope
// ends when the answer is ready (EndReads, called by the GraphQL handler) or at the
// latest when the request ends. A request that already carries loaders (a test that
// reads their Stats made them) keeps them.
func Middleware(store atlas.Store, memos Memos, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if From(r.Context()) != nil {
			next.ServeHTTP(w, r)
			return
		}
		ctx, end := atlas.ScopeReads(r.Context(), store)
		defer end()
		l := New(store).WithMemos(memos)
		l.endReads = end
		next.ServeHTTP(w, r.WithContext(WithLoaders(ctx, l)))
	})
}

// WithMemos has l keep and take what memos keep across requests, and returns l.
func (l *Loaders) WithMemos(memos Memos) *Loaders {
	l.mu.Lock()
	l.memo, l.levels = memos.Chairs, memos.Levels
	l.mu.Unlock()
	return l
}

// ReadAt says the request reads the store's data at revision rev, read before any of
// its data: from then on its chairs lists and levels are taken from, and kept in, the
// memos of those at rev. Safe on nil.
func (l *Loaders) ReadAt(rev int64) {
	if l == nil {
		return
	}
	l.mu.Lock()
	l.revision, l.atRevision = rev, true
	l.mu.Unlock()
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
	// During asks about a period instead of a date (never both).
	During *atlas.Period
	// Known keeps only the evidence of sources published by its date. The store is asked
	// the same with or without it.
	Known *atlas.KnownBy
	// Sources keeps relationships citing one of these sources; empty means all.
	Sources []string
	// IncludeRelayed also keeps, with Sources, relationships citing a work they relay.
	IncludeRelayed bool
	// Tiers keeps relationships whose evidence lies in these tiers (the store's
	// RelationQuery.Tiers); empty means all.
	Tiers []atlas.SourceTier
}

func (s Spec) key() specKey {
	if s.Direction == "" {
		s.Direction = atlas.Both
	}
	k := specKey{types: join(s.Types), dir: s.Direction, roles: join(s.Roles), sources: join(s.Sources), relayed: s.IncludeRelayed, tiers: join(s.Tiers)}
	k.asOf = atlas.When{AsOf: s.AsOf, During: s.During}.Key()
	return k
}

func (s Spec) query(ids []string) atlas.RelationQuery {
	return atlas.RelationQuery{IDs: ids, Types: s.Types, Direction: s.Direction, Roles: s.Roles, AsOf: s.AsOf, During: s.During, Sources: s.Sources, IncludeRelayed: s.IncludeRelayed, Tiers: s.Tiers}
}

// Refused returns the error with which the store would refuse s's queries (a source
// filter naming a group), or nil.
func (s Spec) Refused() error {
	_, err := s.query(nil).Normalized()
	return err
}

// When is the time s asks about.
func (s Spec) When() atlas.When { return atlas.When{AsOf: s.AsOf, During: s.During, Known: s.Known} }

// knownKey is the knownBy date of s, "" without one.
func (s Spec) knownKey() string {
	if s.Known == nil {
		return ""
	}
	return s.Known.Date.String()
}

// ProcessCursorKey signs cursors when no key is configured: made once per process, so
// every handler of the process accepts the cursors of the others, and a restart
// invalidates old cursors. Replicas behind one address need a configured key.
var ProcessCursorKey = sync.OnceValue(func() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	return k
})

// SetCursorKey sets the key the cursors of supports are signed with (the graph layer's).
func (l *Loaders) SetCursorKey(key []byte) {
	l.mu.Lock()
	l.cursorKey = key
	l.mu.Unlock()
}

// CursorKey is the key cursors are signed with: the one set, or one made per process.
func (l *Loaders) CursorKey() []byte {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if len(l.cursorKey) > 0 {
		return l.cursorKey
	}
	return ProcessCursorKey()
}

// SetSources tells the loaders how to look up sources, for knownBy: the graph layer
// hands them its projection's, read only when a knownBy date is asked about.
func (l *Loaders) SetSources(f func(ctx context.Context) (func(id string) *atlas.Source, error)) {
	l.mu.Lock()
	l.sources = f
	l.mu.Unlock()
}

// KnownBy returns the restriction to sources published by d; nil for no date.
func (l *Loaders) KnownBy(ctx context.Context, d *atlas.PartialDate) (*atlas.KnownBy, error) {
	if d == nil {
		return nil, nil
	}
	l.mu.RLock()
	f, lookup := l.sources, l.sourceLookup
	l.mu.RUnlock()
	if lookup == nil {
		if f == nil {
			return nil, atlas.Errorf(atlas.EINTERNAL, "knownBy: no source lookup")
		}
		var err error
		if lookup, err = f(ctx); err != nil {
			return nil, err
		}
		// One lookup serves the request: the planner and the resolvers ask alike.
		l.mu.Lock()
		l.sourceLookup = lookup
		l.mu.Unlock()
	}
	return &atlas.KnownBy{Date: *d, Source: lookup}, nil
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
