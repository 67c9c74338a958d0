package atlas

import "slices"

// The reference tier can be left out of any answer: a query's `tiers` keeps only facts
// whose evidence lies in the tiers asked for. The rule is written once, here.

// AllTiers reports whether tiers asks for no restriction: none given, or every tier.
func AllTiers(tiers []SourceTier) bool {
	for _, t := range SourceTiers {
		if len(tiers) > 0 && !slices.Contains(tiers, t) {
			return false
		}
	}
	return true
}

// CitedInTiers reports whether a fact cited by cs belongs to one of tiers (see TierOf: a
// fact with any corpus source is a corpus fact). A fact with no known source is kept
// only when every tier is asked for.
func CitedInTiers(cs []Citation, tiers []SourceTier, source func(id string) *Source) bool {
	if AllTiers(tiers) {
		return true
	}
	t := TierOf(cs, source)
	return t != "" && slices.Contains(tiers, t)
}

// RelationInTiers reports whether a stored relation belongs to tiers: whether its
// evidence in those tiers (Relation.InTiers: a fact told by a corpus source and a
// reference page is in both) cites a source of tiers.
func RelationInTiers(r *Relation, tiers []SourceTier, source func(id string) *Source) bool {
	if AllTiers(tiers) {
		return true
	}
	return CitedInTiers(r.InTiers(tiers).Sources, tiers, source)
}

// relationTiers is what import stores as r.Tiers: each tier t for which
// RelationInTiers(r, {t}) holds. A relation belongs to a set of tiers exactly when it
// belongs to one of them alone (its evidence in several tiers is the union of its
// evidence in each), so BelongsToTiers answers RelationInTiers for every set.
func relationTiers(r *Relation, source func(id string) *Source) []SourceTier {
	var out []SourceTier
	for _, t := range SourceTiers {
		if RelationInTiers(r, []SourceTier{t}, source) {
			out = append(out, t)
		}
	}
	return out
}

// BelongsToTiers reports whether r belongs to tiers by the tiers import stored on it
// (Relation.Tiers): the rule of RelationInTiers without looking a source up, the filter
// the stores apply (RelationQuery.Tiers).
func (r *Relation) BelongsToTiers(tiers []SourceTier) bool {
	return AllTiers(tiers) || slices.ContainsFunc(r.Tiers, func(t SourceTier) bool { return slices.Contains(tiers, t) })
}

// MayBelongToTiers is the store's tier filter (RelationQuery.Tiers): BelongsToTiers, and
// true for a relation without stored tiers. Every fact cites a source, so only a relation
// stored by a release that did not derive tiers has none; it passes, and the graph layer
// then decides from its sources (KeepStoredTiers cannot, KeepTiers does), so a store
// imported before tiers were stored answers rightly, only slower, until it is imported
// again.
func (r *Relation) MayBelongToTiers(tiers []SourceTier) bool {
	return len(r.Tiers) == 0 || r.BelongsToTiers(tiers)
}

// EdgeInTiers reports whether an edge belongs to tiers. A derived chair rests on two
// facts, the holding and the position's chair, and a derivation belongs to tiers only
// when both do: a chair derived through a tenure taken from a reference page is a
// reference fact. An edge that is both stored and derived (one person, one group)
// belongs to tiers when its stored fact or one of its derivations does.
func EdgeInTiers(e Edge, tiers []SourceTier, source func(id string) *Source) bool {
	if AllTiers(tiers) {
		return true
	}
	_, in, _ := edgeInTiers(e, bySources(tiers, source), bySources(tiers, source))
	return in
}

// KeepTiers returns the edges of es that belong to tiers, in order, each keeping only
// its derivations in tiers.
func KeepTiers(es []Edge, tiers []SourceTier, source func(id string) *Source) []Edge {
	if AllTiers(tiers) {
		return es
	}
	out, _ := keepInTiers(es, bySources(tiers, source), bySources(tiers, source))
	return out
}

// KeepStoredTiers is KeepTiers answered from the tiers import stored on the relations
// (Relation.Tiers), with no source looked up; es are read as the facts of tiers give
// them (EdgesWhen, ChairListWhen with the same tiers), as for KeepTiers. It reports
// false when some edge needs its sources looked up after all: a fact some of whose
// citations a knownBy date withheld (the rest decide its tier), a relation stored
// without its tiers (MayBelongToTiers), or a chair both stored and derived none of whose
// derivations is in tiers (its merged evidence decides); the caller then uses KeepTiers.
func KeepStoredTiers(es []Edge, tiers []SourceTier) ([]Edge, bool) {
	if AllTiers(tiers) {
		return es, true
	}
	byStoredTiers := func(e Edge) (in, decided bool) {
		return e.Relation.BelongsToTiers(tiers), len(e.Withheld) == 0 && len(e.Relation.Tiers) > 0
	}
	undecided := func(Edge) (bool, bool) { return false, false }
	return keepInTiers(es, byStoredTiers, undecided)
}

// bySources decides whether an edge's fact belongs to tiers from its cited sources.
func bySources(tiers []SourceTier, source func(id string) *Source) func(Edge) (bool, bool) {
	return func(e Edge) (bool, bool) { return CitedInTiers(e.Sources, tiers, source), true }
}

// keepInTiers is the one filter behind KeepTiers and KeepStoredTiers (see edgeInTiers);
// false when some edge could not be decided.
func keepInTiers(es []Edge, fact, merged func(Edge) (in, decided bool)) ([]Edge, bool) {
	out := make([]Edge, 0, len(es))
	for _, e := range es {
		kept, in, decided := edgeInTiers(e, fact, merged)
		if !decided {
			return nil, false
		}
		if in {
			out = append(out, kept)
		}
	}
	return out, true
}

// edgeInTiers returns e with only the derivations that belong to tiers, whether e
// belongs to tiers at all, and whether that could be decided. fact decides a stored
// fact's edge (a plain edge, or a derivation's premise); merged decides a chair both
// stored and derived none of whose derivations is in tiers, from its merged evidence.
func edgeInTiers(e Edge, fact, merged func(Edge) (in, decided bool)) (kept Edge, in, decided bool) {
	if !e.Derived() {
		in, decided = fact(e)
		return e, in, decided
	}
	var ds []Derivation
	for _, d := range e.Derivations {
		h, hDecided := fact(d.Holds)
		c, cDecided := fact(d.Chairs)
		if !hDecided || !cDecided {
			return e, false, false
		}
		if h && c {
			ds = append(ds, d)
		}
	}
	if len(ds) == len(e.Derivations) {
		return e, true, true
	}
	e.Derivations = ds
	if len(ds) > 0 {
		return e, true, true
	}
	if !e.Stored {
		return e, false, true
	}
	in, decided = merged(e)
	return e, in, decided
}

// CitedByTiers narrows cited (a list filter's CitedBy: nodes citing one of these
// sources) to nodes with at least one fact from a source of tiers, given every source
// of the dataset. The result is nil (no narrowing) when every tier is asked for; when
// nothing can match it names no real source, so that the filter keeps nothing.
func CitedByTiers(cited []string, tiers []SourceTier, sources []*Source) []string {
	if AllTiers(tiers) {
		return cited
	}
	var out []string
	for _, s := range sources {
		if slices.Contains(tiers, s.EffectiveTier()) && (len(cited) == 0 || slices.Contains(cited, s.ID)) {
			out = append(out, s.ID)
		}
	}
	if len(out) == 0 {
		return []string{"source/none-in-these-tiers"}
	}
	return out
}

// Resolved returns f as the stores match it (MatchesFilter), given every source of the
// dataset: CitedBy widened to the works its sources relay (WithRelayed), then narrowed
// to the sources of f.Tiers (CitedByTiers), with IncludeRelayed and Tiers cleared.
func (f NodeFilter) Resolved(all []*Source) NodeFilter {
	f = f.WithRelayed(all)
	f.CitedBy = CitedByTiers(f.CitedBy, f.Tiers, all)
	f.Tiers = nil
	return f
}

// Tiered is embedded in every node kind: the tiers import derives for the node
// (nodeTiers), which the stores filter a list by (NodeFilter.Tiers) without looking
// sources up. It is no part of the dataset format.
type Tiered struct {
	// Tiers are the tiers of the sources the node's facts cite, in SourceTiers order;
	// none when it cites no known source. Computed on import.
	Tiers []SourceTier `json:"-"`
}

// NodeTiers returns the tiers import derived for the node.
func (t *Tiered) NodeTiers() []SourceTier { return t.Tiers }

// SetNodeTiers sets the node's derived tiers, as a store reads them back.
func (t *Tiered) SetNodeTiers(tiers []SourceTier) { t.Tiers = tiers }

// nodeTiers is what import stores as a node's tiers: each tier t for which the list
// filter NodeFilter{Tiers: {t}} keeps n (Resolved, then MatchesFilter: one of its facts,
// see CitedSources, cites a source of t). A node is kept for a set of tiers exactly when
// it is kept for one of them alone, so StoredTiersMatch answers that filter for every
// set.
func nodeTiers(n Node, source func(id string) *Source) []SourceTier {
	cited := CitedSources(n, nil)
	var out []SourceTier
	for _, t := range SourceTiers {
		if slices.ContainsFunc(cited, func(id string) bool {
			s := source(id)
			return s != nil && s.EffectiveTier() == t
		}) {
			out = append(out, t)
		}
	}
	return out
}

// StoredTiersDecide reports whether a store may answer f's tiers from the tiers import
// stored on the nodes (StoredTiersMatch) instead of resolving f through its sources
// (Resolved): when f asks for tiers and neither names sources nor widens them to the
// works they relay, the two are the same rule.
func (f NodeFilter) StoredTiersDecide() bool {
	return len(f.Tiers) > 0 && len(f.CitedBy) == 0 && !f.IncludeRelayed
}

// StoredTiersMatch reports whether n, with the tiers import stored on it, passes tiers:
// one of its tiers is asked for. Every tier asked is no filter.
func StoredTiersMatch(n Node, tiers []SourceTier) bool {
	return AllTiers(tiers) || slices.ContainsFunc(n.NodeTiers(), func(t SourceTier) bool { return slices.Contains(tiers, t) })
}

// NodeInTiers reports whether node n belongs to tiers: a source by its own tier, any
// other node when at least one of its facts (citation, claim or alias, see
// CitedSources) cites a source of tiers, the rule of CitedByTiers for lists.
func NodeInTiers(n Node, tiers []SourceTier, source func(id string) *Source) bool {
	if AllTiers(tiers) {
		return true
	}
	if s, ok := n.(*Source); ok {
		return slices.Contains(tiers, s.EffectiveTier())
	}
	return slices.ContainsFunc(CitedSources(n, nil), func(id string) bool {
		s := source(id)
		return s != nil && slices.Contains(tiers, s.EffectiveTier())
	})
}
