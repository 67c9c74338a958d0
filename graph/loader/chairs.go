package loader

import (
	"context"

	"lsgatlas/atlas"
)

// Ask is one node's ask for relationships, and, with Then, for those of the nodes of
// Then's kinds they lead to (atlas.FollowUp), which a store that batches reads in the
// same round trip.
type Ask struct {
	ID   string
	Spec Spec
	Then *Then
}

// Then is a follow-up: the relationships Spec asks of every node of Kinds at the far end
// of the relationships an ask finds.
type Then struct {
	Kinds []atlas.NodeKind
	Spec  Spec
}

// Chairs returns who chairs a group (self is a group), what a person or position chairs,
// through atlas.ChairPremises and atlas.JoinChairs: the stored chairs and, unless mode
// excludes them, the chairs derived through positions. With sources, only the lines of
// evidence citing them (atlas.ChairInputsCiting). What the cache lacks is read with one
// store call per kind of ask (misses).
func (l *Loaders) Chairs(ctx context.Context, self string, w atlas.When, mode atlas.DerivedChairs, sources []string, relayed bool, tiers ...atlas.SourceTier) ([]atlas.Edge, error) {
	key := chairKey{self, chairSpec{mode: mode, tiers: join(tiers), asOf: w.Key(), sources: join(sources), relayed: relayed}}
	if edges, ok := l.cachedChairs(key); ok {
		return edges, nil
	}
	get := func(id string, spec Spec, _ *Then) ([]atlas.Relation, bool, error) {
		rels, err := l.relations(ctx, spec, []string{id}, true)
		if err != nil {
			return nil, false, err
		}
		return rels[0], true, nil
	}
	edges, _, err := l.chairList(self, w, mode, sources, relayed, get, tiers...)
	if err != nil {
		return nil, err
	}
	l.keepChairs(key, edges)
	return edges, nil
}

// ChairNeeds returns the asks the cache lacks to answer Chairs(self, w, mode, nil, false, tiers...):
// first self's own relationships, then, once those are cached, those of the positions
// they lead to. Empty means Chairs will be served from the cache: the call that finds
// nothing lacking makes the join and keeps it, so the planner's last look and the
// resolvers' Chairs share one join (Stats.ChairJoins).
func (l *Loaders) ChairNeeds(self string, w atlas.When, mode atlas.DerivedChairs, tiers ...atlas.SourceTier) ([]Ask, error) {
	key := chairKey{self, chairSpec{mode: mode, tiers: join(tiers), asOf: w.Key()}}
	if _, ok := l.cachedChairs(key); ok {
		return nil, nil
	}
	var needs []Ask
	get := func(id string, spec Spec, then *Then) ([]atlas.Relation, bool, error) {
		rels, ok := l.cachedRelations(id, spec)
		if !ok {
			needs = append(needs, Ask{id, spec, then})
		}
		return rels, ok, nil
	}
	edges, complete, err := l.chairList(self, w, mode, nil, false, get, tiers...)
	if err == nil && complete {
		l.keepChairs(key, edges)
	}
	return needs, err
}

// cachedChairs returns the chairs list of key from the request's cache or, for a
// request reading at a known revision, from the memo of the lists joined at it.
func (l *Loaders) cachedChairs(key chairKey) ([]atlas.Edge, bool) {
	ref := l.chairRefOf(key)
	l.mu.RLock()
	edges, ok := l.chairs[ref]
	memo, rev, atRevision := l.memo, l.revision, l.atRevision
	l.mu.RUnlock()
	if ok || memo == nil || !atRevision {
		return edges, ok
	}
	if edges, ok = memo.get(rev, key); ok {
		l.mu.Lock()
		l.chairs[ref] = edges
		l.stats.MemoizedChairs++
		l.mu.Unlock()
	}
	return edges, ok
}

func (l *Loaders) keepChairs(key chairKey, edges []atlas.Edge) {
	ref := l.chairRefOf(key)
	l.mu.Lock()
	l.chairs[ref] = edges
	memo, rev, atRevision := l.memo, l.revision, l.atRevision
	l.mu.Unlock()
	if memo != nil && atRevision {
		memo.put(rev, key, edges)
	}
}

// The specs' one-element lists, shared: a spec is only read, and the join asks several
// of every group or person of a page (a list each was a tenth of the allocations of
// the two-level query's loaders).
var (
	holdsType    = []atlas.RelType{atlas.Holds}
	chairsType   = []atlas.RelType{atlas.Chairs}
	positionKind = []atlas.NodeKind{atlas.PositionNode}
)

// typeList is t's shared one-element list.
func typeList(t atlas.RelType) []atlas.RelType {
	switch t {
	case atlas.Holds:
		return holdsType
	case atlas.Chairs:
		return chairsType
	}
	return []atlas.RelType{t}
}

// relGetter reads the relationships spec asks of id; then says what the join will ask
// next of the far ends, for a getter that can ask it at once. ok is false when the
// getter lacks them.
type relGetter func(id string, spec Spec, then *Then) (rels []atlas.Relation, ok bool, err error)

// chairList reads the premises of self's chairs list (atlas.ChairPremises) through get
// and, when get had them all, joins them (atlas.JoinChairs); complete is false when get
// lacked some of them, and nothing is joined then: the planner's pass that gathers
// what is missing joins nothing it would throw away.
func (l *Loaders) chairList(self string, w atlas.When, mode atlas.DerivedChairs, sources []string, relayed bool, get relGetter, tiers ...atlas.SourceTier) (edges []atlas.Edge, complete bool, err error) {
	spec := func(step atlas.PremiseStep) Spec {
		return Spec{Types: typeList(step.Type), Direction: step.Direction, AsOf: w.AsOf, During: w.During}
	}
	complete = true
	read := func(id string, step atlas.PremiseStep, next *atlas.PremiseStep) ([]atlas.Relation, error) {
		var then *Then
		if next != nil {
			then = &Then{Kinds: positionKind, Spec: spec(*next)}
		}
		rels, ok, err := get(id, spec(step), then)
		complete = complete && ok
		return rels, err
	}
	direct, candidates, err := atlas.ChairPremises(self, mode, read)
	if err != nil || !complete {
		return nil, complete, err
	}
	l.mu.Lock()
	l.stats.ChairJoins++
	l.mu.Unlock()
	return atlas.JoinChairs(self, direct, candidates, w, mode, sources, relayed, tiers...), true, nil
}
