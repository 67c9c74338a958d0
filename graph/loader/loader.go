// Package loader batches the reads of one GraphQL request. Resolvers ask for one node or
// one node's relationships at a time; the loaders collect the asks of a whole query level
// and answer them with one store call per distinct kind of ask, so the number of store
// calls depends on the depth of a query, never on the length of its lists.
package loader

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/vikstrous/dataloadgen"

	"lsgatlas/atlas"
)

// wait is how long a loader collects keys before calling the store. It is
// dataloadgen's default, kept on purpose: resolvers of one level run in one goroutine per
// list item, and on two cores the asks of a level with a hundred items spread over
// several milliseconds. Measured with graph's batching test and BenchmarkNestedQuery:
// at 5 ms a 50-group query sometimes split its levels (4 to 9 Relations calls), at
// 16 ms it stays at the query's shape (4 Relations, 2 Nodes) for 5 and 50 groups alike.
// gqlgen's batch resolvers were tried as a way to shorten it and made it worse, because
// each list's batch call then waits out its own window.
const wait = 16 * time.Millisecond

// Loaders are the per-request batching readers over a store.
type Loaders struct {
	store atlas.Store
	nodes *dataloadgen.Loader[string, atlas.Node]
	rels  *dataloadgen.Loader[relKey, []atlas.Relation]
	// supports batches "what does this source say" (supports.go).
	supports *dataloadgen.Loader[supportKey, atlas.SupportPage]
}

// relKey is one node's ask for relationships. Keys that differ only in id share a store
// call; the other fields are flattened to strings so the key is comparable.
type relKey struct {
	id    string
	types string // comma-joined RelTypes
	dir   atlas.Direction
	roles string // comma-joined MemberRoles
	asOf  string
	// sources is comma-joined source ids (ids never contain commas).
	sources string
}

// New returns loaders for one request.
func New(store atlas.Store) *Loaders {
	l := &Loaders{store: store}
	l.nodes = dataloadgen.NewLoader(l.fetchNodes, dataloadgen.WithWait(wait))
	l.rels = dataloadgen.NewLoader(l.fetchRelations, dataloadgen.WithWait(wait))
	l.supports = dataloadgen.NewLoader(l.fetchSupports, dataloadgen.WithWait(wait))
	return l
}

type ctxKey struct{}

// Middleware gives every request its own loaders, so nothing is cached across requests.
func Middleware(store atlas.Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(WithLoaders(r.Context(), New(store))))
	})
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

func (l *Loaders) fetchNodes(ctx context.Context, ids []string) ([]atlas.Node, []error) {
	nodes, err := l.store.Nodes(ctx, ids)
	if err != nil {
		return nil, []error{err}
	}
	return nodes, nil
}

func (l *Loaders) fetchRelations(ctx context.Context, keys []relKey) ([][]atlas.Relation, []error) {
	type batch struct {
		q       atlas.RelationQuery
		indexes []int
	}
	var batches []*batch
	bySpec := map[relKey]*batch{}
	for i, k := range keys {
		spec := k
		spec.id = ""
		b := bySpec[spec]
		if b == nil {
			q, err := k.query()
			if err != nil {
				return nil, []error{err}
			}
			b = &batch{q: q}
			bySpec[spec] = b
			batches = append(batches, b)
		}
		b.q.IDs = append(b.q.IDs, k.id)
		b.indexes = append(b.indexes, i)
	}
	out := make([][]atlas.Relation, len(keys))
	errs := make([]error, len(keys))
	for _, b := range batches {
		res, err := l.store.Relations(ctx, b.q)
		for j, i := range b.indexes {
			if err != nil {
				errs[i] = err
				continue
			}
			out[i] = res[j]
		}
	}
	return out, errs
}

func (k relKey) query() (atlas.RelationQuery, error) {
	q := atlas.RelationQuery{Direction: k.dir}
	for _, t := range splitNonEmpty(k.types) {
		q.Types = append(q.Types, atlas.RelType(t))
	}
	for _, r := range splitNonEmpty(k.roles) {
		q.Roles = append(q.Roles, atlas.MemberRole(r))
	}
	q.Sources = splitNonEmpty(k.sources)
	if k.asOf != "" {
		d, err := atlas.ParseDate(k.asOf)
		if err != nil {
			return q, err
		}
		q.AsOf = &d
	}
	return q, nil
}

func splitNonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func join[T ~string](vs []T) string {
	ss := make([]string, len(vs))
	for i, v := range vs {
		ss[i] = string(v)
	}
	slices.Sort(ss)
	return strings.Join(ss, ",")
}
