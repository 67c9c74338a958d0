package analytics

import (
	"context"
	"slices"
	"strings"
	"sync"

	"gonum.org/v1/gonum/graph"

	"lsgatlas/atlas"
)

// Filter selects the part of the network a query runs on. The zero Filter keeps every
// relation between actors.
type Filter struct {
	// AsOf keeps relations whose validity may include the date, as the facts of Tiers
	// give it (rel.SpanIn(Tiers).MayHoldAt), the rule behind every asOf argument.
	AsOf *atlas.PartialDate
	// During keeps relations that may hold on some day of the period (the union of AsOf
	// over its days); not together with AsOf.
	During *atlas.Period
	// KnownBy keeps only the evidence of sources published by the date (atlas.KnownBy):
	// a relation none of whose sources was is left out.
	KnownBy *atlas.PartialDate
	// RelTypes keeps only relations of these types; empty means all.
	RelTypes []atlas.RelType
	// NodeKinds keeps only relations whose two ends are of these kinds; empty means the
	// actor kinds (groups, offices, institutions, positions, people): statements, topics
	// and documents join the network only when named here. SOURCE and REPORTED_COUNT are
	// provenance, never network nodes, and are EINVALID here.
	NodeKinds []atlas.NodeKind
	// Sources keeps only relations citing at least one of these sources; empty means all.
	Sources []string
	// IncludeRelayed also keeps, with Sources, relations citing a work one of them relays
	// (atlas.Relation.CitesRelayed).
	IncludeRelayed bool
	// Tiers keeps only relations whose evidence lies in these tiers (atlas.CitedInTiers);
	// empty means both.
	Tiers []atlas.SourceTier
	// DerivedChairs adds the chairs derived through positions (atlas.ChairsOf) that
	// are not also stored, as edges between the person and the group, when CHAIRS,
	// people and groups are kept. They rest on HOLDS and CHAIRS relations that pass
	// AsOf, Sources and Tiers whatever RelTypes and NodeKinds say: a view of people and
	// groups alone still shows who chaired through a post.
	DerivedChairs bool
}

// normalized validates f and returns a copy with sorted, deduplicated lists, so that
// two filters that select the same relations share one cache key.
func (f Filter) normalized() (Filter, error) {
	if err := checkDate("filter asOf", f.AsOf); err != nil {
		return f, err
	}
	if _, err := atlas.NewWhen(f.AsOf, f.During); err != nil {
		return f, err
	}
	for _, t := range f.RelTypes {
		if !atlas.Valid(t, atlas.RelTypes) {
			return f, atlas.Errorf(atlas.EINVALID, "filter relTypes: unknown relationship type %q; use one of %v", t, atlas.RelTypes)
		}
	}
	for _, k := range f.NodeKinds {
		if !isNetworkKind(k) {
			return f, atlas.Errorf(atlas.EINVALID, "filter nodeKinds: %q is not a network node kind; use one of %v", k, networkKinds)
		}
	}
	if err := atlas.CheckSourceFilter("filter sources", f.Sources, f.IncludeRelayed); err != nil {
		return f, err
	}
	out := Filter{RelTypes: slices.Compact(slices.Sorted(slices.Values(f.RelTypes))),
		NodeKinds: slices.Compact(slices.Sorted(slices.Values(f.NodeKinds))),
		Sources:   slices.Compact(slices.Sorted(slices.Values(f.Sources))), IncludeRelayed: f.IncludeRelayed && len(f.Sources) > 0, DerivedChairs: f.DerivedChairs}
	if f.AsOf != nil {
		d := *f.AsOf
		out.AsOf = &d
	}
	if f.During != nil {
		d := *f.During
		out.During = &d
	}
	if err := checkDate("filter knownBy", f.KnownBy); err != nil {
		return f, err
	}
	if f.KnownBy != nil {
		d := *f.KnownBy
		out.KnownBy = &d
	}
	tiers, err := tierKey(f.Tiers)
	if err != nil {
		return f, err
	}
	out.Tiers = tiers
	return out, nil
}

// key identifies a normalized filter in the view cache.
func (f Filter) key() string {
	var b strings.Builder
	b.WriteString(f.When().Key())
	if f.KnownBy != nil {
		b.WriteString("@" + f.KnownBy.String())
	}
	b.WriteByte('|')
	for _, t := range f.RelTypes {
		b.WriteString(string(t) + ",")
	}
	b.WriteByte('|')
	for _, k := range f.NodeKinds {
		b.WriteString(string(k) + ",")
	}
	b.WriteByte('|')
	for _, s := range f.Sources {
		b.WriteString(s + ",")
	}
	if f.IncludeRelayed {
		b.WriteString("+relayed")
	}
	b.WriteString("|" + tierString(f.Tiers))
	if f.DerivedChairs {
		b.WriteString("|derived")
	}
	return b.String()
}

// passes reports whether relation r, whose ends have kinds from and to, is kept; known
// is the filter's knownBy restriction, nil for none.
func (f Filter) passes(r *atlas.Relation, from, to atlas.NodeKind, known *atlas.KnownBy) bool {
	return f.keepsKind(from) && f.keepsKind(to) && f.passesBesidesKinds(r, known)
}

// passesBesidesKinds is passes without the kinds of the ends: for the relations of a
// node a query names whatever its kind (see named).
func (f Filter) passesBesidesKinds(r *atlas.Relation, known *atlas.KnownBy) bool {
	if len(f.RelTypes) > 0 && !slices.Contains(f.RelTypes, r.Type) {
		return false
	}
	if len(f.Sources) > 0 && !r.CitesRelayed(f.Sources, f.IncludeRelayed) {
		return false
	}
	w := f.When()
	w.Known = known
	return len(atlas.EdgesWhen(r.From, []atlas.Relation{f.view(*r)}, w, f.Tiers...)) > 0
}

// view is r as the filter's sources tell it: with sources, the dates those give
// (atlas.Relation.CitedBy), with relayed works the dates of the works they relay too.
func (f Filter) view(r atlas.Relation) atlas.Relation {
	asked := f.Sources
	if f.IncludeRelayed {
		asked = r.WithRelayed(asked)
	}
	return r.CitedBy(asked)
}

// known is the knownBy restriction of f on p's sources; nil without a date.
func (p *Projection) known(f Filter) *atlas.KnownBy {
	if f.KnownBy == nil {
		return nil
	}
	return &atlas.KnownBy{Date: *f.KnownBy, Source: p.Source}
}

// when is the When of the view's filter, knownBy included.
func (v *view) when() atlas.When { return v.p.WhenOf(v.filter) }

// WhenOf is the time f asks about with its knownBy restriction on p's sources: what a
// consumer of p's relations (an export's holdings) reads them at.
func (p *Projection) WhenOf(f Filter) atlas.When {
	w := f.When()
	w.Known = p.known(f)
	return w
}

// When is the time f asks about.
func (f Filter) When() atlas.When { return atlas.When{AsOf: f.AsOf, During: f.During} }

func (f Filter) keepsKind(k atlas.NodeKind) bool { return slices.Contains(f.keptKinds(), k) }

// keptKinds are the node kinds the network f builds is made of.
func (f Filter) keptKinds() []atlas.NodeKind {
	if len(f.NodeKinds) == 0 {
		return actorKinds
	}
	return f.NodeKinds
}

// view is the network as one filter sees it: which relations and nodes are kept and the
// resulting adjacency, plus the whole-graph scores computed on it so far. Views are
// immutable once built, except for their lazily computed scores.
type view struct {
	p      *Projection
	filter Filter
	relOK  []bool // by relation index
	nodeOK []bool // by gonum id: the node's kind is kept
	// nbrs are the distinct neighbours of each node over kept relations, either
	// direction, ascending; succ are the distinct targets of kept outgoing relations.
	nbrs, succ [][]int64
	members    []int64 // gonum ids of kept nodes, ascending
	// The same lists as gonum nodes, for the gonum adapters.
	memberNodes         []graph.Node
	nbrNodes, succNodes [][]graph.Node

	// derived are the chairs derived through positions that the filter adds
	// (Filter.DerivedChairs), each seen from its person, in group then id order; their
	// ends are also neighbours in nbrs and succ.
	derived []atlas.Edge

	betweenness, pagerank lazyScores
}

func (p *Projection) newView(f Filter) *view {
	v := &view{p: p, filter: f,
		relOK: make([]bool, len(p.rels)), nodeOK: make([]bool, len(p.ids)),
		nbrs: make([][]int64, len(p.ids)), succ: make([][]int64, len(p.ids))}
	for i, k := range p.kinds {
		if f.keepsKind(k) {
			v.nodeOK[i] = true
			v.members = append(v.members, int64(i))
		}
	}
	for i, r := range p.rels {
		from, to := p.ends[i][0], p.ends[i][1]
		if from == to || !f.passes(r, p.kinds[from], p.kinds[to], p.known(f)) || !p.inTiers(r, f.Tiers) {
			continue // a self-loop joins nothing and would only distort degree
		}
		v.relOK[i] = true
		v.nbrs[from] = append(v.nbrs[from], to)
		v.nbrs[to] = append(v.nbrs[to], from)
		v.succ[from] = append(v.succ[from], to)
	}
	v.addDerivedChairs()
	for i := range v.nbrs {
		slices.Sort(v.nbrs[i])
		v.nbrs[i] = slices.Clip(slices.Compact(v.nbrs[i]))
		slices.Sort(v.succ[i])
		v.succ[i] = slices.Clip(slices.Compact(v.succ[i]))
	}
	v.memberNodes, v.nbrNodes, v.succNodes = toNodes(v.members), gonumNodes(v.nbrs), gonumNodes(v.succ)
	return v
}

// checkSources refuses a source id the data does not hold: a filter on it would
// silently keep nothing, which reads as "no such relationships" rather than as the
// mistyped id it is.
func (p *Projection) checkSources(ids []string) error {
	for _, id := range ids {
		if n, ok := p.nodes[id]; !ok || n.NodeKind() != atlas.SourceNode {
			return atlas.Errorf(atlas.EINVALID, "filter sources: no source has the id %q", id)
		}
	}
	return nil
}

// view validates f and returns the projection's view for it, from the cache when a
// recent query used the same filter.
func (p *Projection) view(ctx context.Context, f Filter) (*view, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	nf, err := f.normalized()
	if err != nil {
		return nil, err
	}
	if err := p.checkSources(nf.Sources); err != nil {
		return nil, err
	}
	return p.views.get(nf.key(), func() *view { return p.newView(nf) }), nil
}

// maxCachedViews bounds the per-projection cache: each view costs O(V+E) memory plus
// its scores, and asOf dates make the number of distinct filters unbounded.
const maxCachedViews = 16

// viewCache keeps the most recently built views, evicting the oldest beyond max.
type viewCache struct {
	mu    sync.Mutex
	max   int
	byKey map[string]*view
	order []string // keys, oldest first
}

func newViewCache(max int) *viewCache { return &viewCache{max: max, byKey: map[string]*view{}} }

func (c *viewCache) get(key string, build func() *view) *view {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.byKey[key]; ok {
		return v
	}
	v := build()
	c.byKey[key] = v
	c.order = append(c.order, key)
	if len(c.order) > c.max {
		delete(c.byKey, c.order[0])
		c.order = c.order[1:]
	}
	return v
}

// lazyScores is a whole-graph score computed at most once per view. The computation
// runs detached from the callers: a caller whose context ends stops waiting at once,
// while the work goes on and is kept for the next caller (gonum's betweenness cannot be
// interrupted anyway). A failed computation (over a cap) is not kept.
type lazyScores struct {
	mu  sync.Mutex
	run *scoreRun // under way or done; nil before the first call or after a failure
}

type scoreRun struct {
	done   chan struct{}
	scores []float64
	err    error
}

func (l *lazyScores) get(ctx context.Context, compute func() ([]float64, error)) ([]float64, error) {
	l.mu.Lock()
	r := l.run
	if r == nil {
		r = &scoreRun{done: make(chan struct{})}
		l.run = r
		go func() {
			r.scores, r.err = compute()
			if r.err != nil {
				l.mu.Lock()
				l.run = nil
				l.mu.Unlock()
			}
			close(r.done)
		}()
	}
	l.mu.Unlock()
	select {
	case <-r.done:
		return r.scores, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// checkDate rejects a date that ParseDate would not produce, such as a zero value or
// month 13 built in code rather than parsed.
func checkDate(arg string, d *atlas.PartialDate) error {
	if d == nil {
		return nil
	}
	if _, err := atlas.ParseDate(d.String()); err != nil || d.IsZero() {
		return atlas.Errorf(atlas.EINVALID, "%s must be a valid date (YYYY, YYYY-MM or YYYY-MM-DD), got %q", arg, d.String())
	}
	return nil
}

// addDerivedChairs adds the derived chairs f asks for (Filter.DerivedChairs) to the view:
// for each kept group, the chairs atlas.ChairsOf derives on the view of f's dates,
// sources and tiers alone, kept when their person is kept. A chair that is also stored
// is atlas.ChairsOf's one edge with both lines of evidence, as the API's chairs lists
// show it; keepDerived puts it in place of the stored relation alone.
func (v *view) addDerivedChairs() {
	f := v.filter
	if !f.DerivedChairs || (len(f.RelTypes) > 0 && !slices.Contains(f.RelTypes, atlas.Chairs)) ||
		!f.keepsKind(atlas.PersonNode) || !f.keepsKind(atlas.GroupNode) {
		return
	}
	basis := v.p.newView(Filter{AsOf: f.AsOf, During: f.During, KnownBy: f.KnownBy, Sources: f.Sources, IncludeRelayed: f.IncludeRelayed, Tiers: f.Tiers})
	for _, g := range v.members {
		if v.p.kinds[g] != atlas.GroupNode {
			continue
		}
		for _, s := range basis.seatsOn(g) {
			if !s.chairs || !s.e.Derived() || !v.nodeOK[s.holder] {
				continue
			}
			v.derived = append(v.derived, s.e)
			if s.e.Stored {
				continue // the stored relation joins them already
			}
			v.nbrs[s.holder] = append(v.nbrs[s.holder], g)
			v.nbrs[g] = append(v.nbrs[g], s.holder)
			v.succ[s.holder] = append(v.succ[s.holder], g)
		}
	}
}
