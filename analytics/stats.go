package analytics

import (
	"context"
	"slices"

	"lsgatlas/atlas"
)

// Keys for groups whose classification is missing: null system or level ("not known"),
// or no categories ("not classified", which is not "none applies").
const (
	UnknownKey      = "UNKNOWN"
	UnclassifiedKey = "UNCLASSIFIED"
)

// MaxSeriesYears bounds the span of ActiveSeries.
const MaxSeriesYears = 200

// Count is how many items are known, and how many only possibly, to hold at a date.
// The two are disjoint: the true number lies between Known and Known+Possible.
type Count struct {
	Key             string
	Known, Possible int
}

// GroupStats counts the groups active at a date (atlas.Span.HoldingAt on the group's
// lifetime), in total and broken down. Every breakdown lists every value of its
// enumeration in atlas order, zeros included, then UnknownKey or UnclassifiedKey; a
// group with several categories counts once in each.
type GroupStats struct {
	Known, Possible                       int
	BySystem, ByCategory, ByKind, ByLevel []Count
}

// Stats describes the dataset at a date, or over a period.
type Stats struct {
	// AsOf is the date counted at, nil when counted over a period.
	AsOf *atlas.PartialDate
	// During is the period counted over, nil when counted at a date.
	During *atlas.Period
	Groups GroupStats
	// NodesByKind counts every node, undated, in atlas.NodeKinds order.
	NodesByKind []NodeCount
	// RelationsByType counts the relations that may hold at AsOf (on some day of
	// During), in atlas.RelTypes order.
	RelationsByType []Count
}

// NodeCount is the number of nodes of a kind.
type NodeCount struct {
	Kind  atlas.NodeKind
	Count int
}

// YearStats is GroupStats for one calendar year: a group is known active when its
// lifetime is known to cover the whole year, possibly active when it may cover part of it.
type YearStats struct {
	Year   int
	Groups GroupStats
}

// GroupFilter chooses the groups ActiveSeries counts, so that a series can match the
// scope of a reported count (e.g. central Party groups: Levels CENTRAL, Systems PARTY).
// Empty lists keep everything; a non-empty list drops groups whose value is unknown.
// Tiers keeps groups with a fact in these tiers (atlas.NodeInTiers); empty means both.
type GroupFilter struct {
	Systems []atlas.System
	Levels  []atlas.Level
	Kinds   []atlas.GroupKind
	Tiers   []atlas.SourceTier
}

func (f GroupFilter) check() error {
	for _, s := range f.Systems {
		if !atlas.Valid(s, atlas.Systems) {
			return atlas.Errorf(atlas.EINVALID, "groups systems: unknown system %q; use one of %v", s, atlas.Systems)
		}
	}
	for _, l := range f.Levels {
		if !atlas.Valid(l, atlas.Levels) {
			return atlas.Errorf(atlas.EINVALID, "groups levels: unknown level %q; use one of %v", l, atlas.Levels)
		}
	}
	for _, k := range f.Kinds {
		if !atlas.Valid(k, atlas.GroupKinds) {
			return atlas.Errorf(atlas.EINVALID, "groups kinds: unknown group kind %q; use one of %v", k, atlas.GroupKinds)
		}
	}
	_, err := tierKey(f.Tiers)
	return err
}

func (p *Projection) keeps(f GroupFilter, g *atlas.Group) bool {
	return f.matches(g) && p.nodeInTiers(g, f.Tiers)
}

func (f GroupFilter) matches(g *atlas.Group) bool {
	matches := func(v *string, allowed []string) bool {
		return len(allowed) == 0 || (v != nil && slices.Contains(allowed, *v))
	}
	return matches((*string)(g.System), asStrings(f.Systems)) &&
		matches((*string)(g.Level), asStrings(f.Levels)) &&
		(len(f.Kinds) == 0 || slices.Contains(f.Kinds, g.Kind))
}

func asStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// Statistics counts the dataset at asOf: groups known and possibly active, broken down
// by system, category, kind and level; nodes by kind; relations that may hold by type.
// Put next to store.ReportedCounts, the group counts show how much of what studies
// report the dataset itself knows. With tiers, only what lies in them counts: nodes
// with a fact there (atlas.NodeInTiers), relations whose evidence lies there
// (atlas.CitedInTiers); none or every tier counts everything.
//
// Errors: EINVALID for an invalid date or an unknown tier; ctx.Err() when ctx ends.
func (p *Projection) Statistics(ctx context.Context, asOf atlas.PartialDate, tiers ...atlas.SourceTier) (Stats, error) {
	return p.StatisticsWhen(ctx, atlas.At(&asOf), tiers...)
}

// StatisticsWhen is Statistics at a date (w.AsOf) or over a period (w.During), as known
// by w.Known. Over a period the counts are those of the union of the asOf answers over
// its days: an item is known when asOf would call it KNOWN on some day of the period
// (atlas.KnownThroughout or atlas.KnownInPart), possible when it may hold on some day
// and is known on none. w.Known narrows the relations to the evidence of sources
// published by its date; group lifetimes and node counts are not narrowed by it.
//
// Errors: EINVALID for neither or both of AsOf and During, an invalid date or period,
// or an unknown tier; ctx.Err() when ctx ends.
func (p *Projection) StatisticsWhen(ctx context.Context, w atlas.When, tiers ...atlas.SourceTier) (Stats, error) {
	if err := checkDate("asOf", w.AsOf); err != nil {
		return Stats{}, err
	}
	if _, err := atlas.NewWhen(w.AsOf, w.During); err != nil {
		return Stats{}, err
	}
	if w.IsZero() {
		return Stats{}, atlas.Errorf(atlas.EINVALID, "statistics needs asOf or during")
	}
	tiers, err := tierKey(tiers)
	if err != nil {
		return Stats{}, err
	}
	groups, err := p.groupStats(ctx, atlas.When{AsOf: w.AsOf, During: w.During}, GroupFilter{Tiers: tiers})
	if err != nil {
		return Stats{}, err
	}
	st := Stats{AsOf: w.AsOf, During: w.During, Groups: groups}
	counts := p.nodeCounts
	if tiers != nil {
		counts = map[atlas.NodeKind]int{}
		for _, n := range p.nodes {
			if p.nodeInTiers(n, tiers) {
				counts[n.NodeKind()]++
			}
		}
	}
	for _, k := range atlas.NodeKinds {
		st.NodesByKind = append(st.NodesByKind, NodeCount{Kind: k, Count: counts[k]})
	}
	byType := newTally(asStrings(atlas.RelTypes), "")
	for i, r := range p.rels {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return Stats{}, err
			}
		}
		if !p.inTiers(r, tiers) {
			continue
		}
		for _, e := range atlas.EdgesWhen(r.From, []atlas.Relation{*r}, w, tiers...) {
			byType.add(string(r.Type), edgeHolding(e))
		}
	}
	st.RelationsByType = byType.counts
	return st, nil
}

// edgeHolding is KNOWN when the edge is known at its date or on some day of its period.
func edgeHolding(e atlas.Edge) atlas.Holding {
	if e.HoldingDuring != nil {
		return periodHolding(*e.HoldingDuring)
	}
	if e.Holding != nil {
		return *e.Holding
	}
	return atlas.Possible
}

// periodHolding sums up a period's holding for counting: known on some day is known.
func periodHolding(h atlas.PeriodHolding) atlas.Holding {
	if h == atlas.PossibleOnly {
		return atlas.Possible
	}
	return atlas.Known
}

// holdingWhen is span s's holding at w's date or over w's period (see StatisticsWhen).
func holdingWhen(s atlas.Span, w atlas.When) (atlas.Holding, bool) {
	if w.During != nil {
		h, ok := s.HoldingDuring(*w.During)
		return periodHolding(h), ok
	}
	return s.HoldingAt(*w.AsOf)
}

// ActiveSeries returns GroupStats for every year from fromYear to toYear inclusive,
// counting the groups f keeps.
//
// Errors: EINVALID for years outside 1..9999, fromYear after toYear or a bad filter
// (an unknown system, level, kind or tier);
// ELIMIT for more than MaxSeriesYears years; ctx.Err() when ctx ends.
func (p *Projection) ActiveSeries(ctx context.Context, fromYear, toYear int, f GroupFilter) ([]YearStats, error) {
	if err := atlas.CheckRange("fromYear", fromYear, 1, 9999); err != nil {
		return nil, err
	}
	if err := atlas.CheckRange("toYear", toYear, fromYear, 9999); err != nil {
		return nil, err
	}
	if years := toYear - fromYear + 1; years > MaxSeriesYears {
		return nil, atlas.Errorf(atlas.ELIMIT, "a series of %d years (%d to %d) is longer than the limit of %d; ask for a shorter range", years, fromYear, toYear, MaxSeriesYears)
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	out := make([]YearStats, 0, toYear-fromYear+1)
	for y := fromYear; y <= toYear; y++ {
		year := atlas.PartialDate{Year: y}
		gs, err := p.groupStats(ctx, atlas.At(&year), f)
		if err != nil {
			return nil, err
		}
		out = append(out, YearStats{Year: y, Groups: gs})
	}
	return out, nil
}

func (p *Projection) groupStats(ctx context.Context, w atlas.When, f GroupFilter) (GroupStats, error) {
	if err := ctx.Err(); err != nil {
		return GroupStats{}, err
	}
	var gs GroupStats
	bySystem := newTally(asStrings(atlas.Systems), UnknownKey)
	byCategory := newTally(asStrings(atlas.Categories), UnclassifiedKey)
	byKind := newTally(asStrings(atlas.GroupKinds), "")
	byLevel := newTally(asStrings(atlas.Levels), UnknownKey)
	for _, g := range p.groups {
		if !p.keeps(f, g) {
			continue
		}
		h, ok := holdingWhen(g.Span(), w)
		if !ok {
			continue
		}
		if h == atlas.Known {
			gs.Known++
		} else {
			gs.Possible++
		}
		bySystem.add(valueOr((*string)(g.System), UnknownKey), h)
		byKind.add(string(g.Kind), h)
		byLevel.add(valueOr((*string)(g.Level), UnknownKey), h)
		if len(g.Categories) == 0 {
			byCategory.add(UnclassifiedKey, h)
		}
		for _, c := range slices.Compact(slices.Sorted(slices.Values(g.Categories))) {
			byCategory.add(string(c), h)
		}
	}
	gs.BySystem, gs.ByCategory, gs.ByKind, gs.ByLevel = bySystem.counts, byCategory.counts, byKind.counts, byLevel.counts
	return gs, nil
}

func valueOr(v *string, fallback string) string {
	if v == nil {
		return fallback
	}
	return *v
}

// tally is a breakdown with a fixed list of keys; a value outside them (data newer than
// the enumeration) gets its own entry at the end rather than being lost.
type tally struct {
	counts []Count
	at     map[string]int
}

func newTally(keys []string, missing string) *tally {
	t := &tally{at: map[string]int{}}
	if missing != "" {
		keys = append(slices.Clone(keys), missing)
	}
	for _, k := range keys {
		t.at[k] = len(t.counts)
		t.counts = append(t.counts, Count{Key: k})
	}
	return t
}

func (t *tally) add(key string, h atlas.Holding) {
	i, ok := t.at[key]
	if !ok {
		i = len(t.counts)
		t.at[key] = i
		t.counts = append(t.counts, Count{Key: key})
	}
	if h == atlas.Known {
		t.counts[i].Known++
	} else {
		t.counts[i].Possible++
	}
}
