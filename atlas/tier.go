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
	_, ok := edgeInTiers(e, tiers, source)
	return ok
}

// edgeInTiers returns e with only the derivations that belong to tiers, and whether e
// belongs to tiers at all.
func edgeInTiers(e Edge, tiers []SourceTier, source func(id string) *Source) (Edge, bool) {
	if AllTiers(tiers) {
		return e, true
	}
	if !e.Derived() {
		return e, CitedInTiers(e.Sources, tiers, source)
	}
	var kept []Derivation
	for _, d := range e.Derivations {
		if CitedInTiers(d.Holds.Sources, tiers, source) && CitedInTiers(d.Chairs.Sources, tiers, source) {
			kept = append(kept, d)
		}
	}
	if len(kept) == len(e.Derivations) {
		return e, true
	}
	e.Derivations = kept
	return e, len(kept) > 0 || (e.Stored && CitedInTiers(e.Sources, tiers, source))
}

// KeepStoredTiers is KeepTiers answered from the tiers import stored on the relations
// (Relation.Tiers), with no source looked up; es are read as the facts of tiers give
// them (EdgesWhen, ChairListWhen with the same tiers), as for KeepTiers. It reports false when some edge needs its
// sources looked up after all: a fact some of whose citations a knownBy date withheld
// (the rest decide its tier), a relation stored without its tiers (MayBelongToTiers), or
// a chair both stored and derived none of whose derivations is in tiers (its merged
// evidence decides); the caller then uses KeepTiers.
func KeepStoredTiers(es []Edge, tiers []SourceTier) ([]Edge, bool) {
	if AllTiers(tiers) {
		return es, true
	}
	inTiers := func(e Edge) (in, known bool) {
		return e.Relation.BelongsToTiers(tiers), len(e.Withheld) == 0 && len(e.Relation.Tiers) > 0
	}
	out := make([]Edge, 0, len(es))
	for _, e := range es {
		if !e.Derived() {
			in, known := inTiers(e)
			if !known {
				return nil, false
			}
			if in {
				out = append(out, e)
			}
			continue
		}
		var kept []Derivation
		for _, d := range e.Derivations {
			h, hKnown := inTiers(d.Holds)
			c, cKnown := inTiers(d.Chairs)
			if !hKnown || !cKnown {
				return nil, false
			}
			if h && c {
				kept = append(kept, d)
			}
		}
		switch {
		case len(kept) == 0 && e.Stored:
			return nil, false
		case len(kept) == len(e.Derivations):
			out = append(out, e)
		case len(kept) > 0:
			e.Derivations = kept
			out = append(out, e)
		}
	}
	return out, true
}

// KeepTiers returns the edges of es that belong to tiers, in order, each keeping only
// its derivations in tiers.
func KeepTiers(es []Edge, tiers []SourceTier, source func(id string) *Source) []Edge {
	if AllTiers(tiers) {
		return es
	}
	out := make([]Edge, 0, len(es))
	for _, e := range es {
		if kept, ok := edgeInTiers(e, tiers, source); ok {
			out = append(out, kept)
		}
	}
	return out
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
