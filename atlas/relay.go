package atlas

import "slices"

// Source filters and relayed works: a work read second-hand (Source.CitedVia) is relayed
// by the work that quotes it, so "what does Rana say" may include what Rana relays from
// SIPRI. A relation carries, computed on import, which cited source each relaying work
// relays, so that both stores filter on it and views show the relayed work's dates.

// Relay says that Via relays Source: Source is read through Via, directly or through
// another relayed work.
type Relay struct {
	Via    string `json:"via"`
	Source string `json:"source"`
}

// RelayedBy returns the works that relay one of r's cited sources, sorted, each once.
func (r *Relation) RelayedBy() []string {
	var out []string
	for _, l := range r.Relays {
		out = append(out, l.Via)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// CitesRelayed reports whether r cites one of sources or, with relayed, a work one of
// them relays.
func (r *Relation) CitesRelayed(sources []string, relayed bool) bool {
	if CitesAny(CitedSources(nil, r), sources) {
		return true
	}
	return relayed && len(sources) > 0 && CitesAny(r.RelayedBy(), sources)
}

// WithRelayed returns sources with the works they relay among r's cited sources: the
// sources a view of r for a relayed filter keeps (Relation.CitedBy).
func (r *Relation) WithRelayed(sources []string) []string {
	out := slices.Clone(sources)
	for _, l := range r.Relays {
		if slices.Contains(sources, l.Via) && !slices.Contains(out, l.Source) {
			out = append(out, l.Source)
		}
	}
	return out
}

// relaysOf returns, for the cited sources cs, every (relaying work, cited source) pair,
// following citedVia through any number of works.
func relaysOf(cs []Citation, via func(id string) string) []Relay {
	var out []Relay
	for _, c := range cs {
		seen := map[string]bool{c.Source: true}
		for v := via(c.Source); v != "" && !seen[v]; v = via(v) {
			seen[v] = true
			if l := (Relay{Via: v, Source: c.Source}); !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	slices.SortFunc(out, func(a, b Relay) int {
		if a.Via+"|"+a.Source < b.Via+"|"+b.Source {
			return -1
		}
		return 1
	})
	return out
}

// KeepCitingRelayed is KeepCiting that, with relayed, also keeps edges citing a work one
// of sources relays, and shows each kept stored edge with the dates those give.
func KeepCitingRelayed(es []Edge, sources []string, relayed bool) ([]Edge, error) {
	if err := CheckSourceFilter("sources", sources, relayed); err != nil || len(sources) == 0 {
		return es, err
	}
	var out []Edge
	for _, e := range es {
		if !e.CitesRelayed(sources, relayed) {
			continue
		}
		asked := sources
		if relayed {
			asked = e.WithRelayed(sources)
		}
		e.Relation = e.Relation.CitedBy(asked)
		out = append(out, e)
	}
	if out == nil {
		out = []Edge{}
	}
	return out, nil
}

// WithRelayed returns f with CitedBy widened to the works its sources relay among all
// (RelayedBy) when IncludeRelayed asks for it, and IncludeRelayed cleared: the filter
// MatchesFilter applies. Without CitedBy, IncludeRelayed changes nothing.
func (f NodeFilter) WithRelayed(all []*Source) NodeFilter {
	if f.IncludeRelayed && len(f.CitedBy) > 0 {
		f.CitedBy = RelayedBy(f.CitedBy, all)
	}
	f.IncludeRelayed = false
	return f
}

// ChairInputsCiting narrows the inputs of ChairListWhen to the lines of evidence that
// cite one of sources (with relayed, or a work relaying one), each fact read as the
// sources tell it (Relation.CitedBy). A stored chair that cites none of them is left out
// even when a derivation of the same person and group stays: merged into that
// derivation's edge it would show a claim, and dates, the sources do not make. A
// derivation stays when both premises cite them: the chair is an inference from both,
// and the sources asked for must say both for it to be theirs (analytics filters each
// premise the same way). No sources keeps everything.
func ChairInputsCiting(direct []Relation, candidates []HoldsChairs, sources []string, relayed bool) ([]Relation, []HoldsChairs) {
	if len(sources) == 0 {
		return direct, candidates
	}
	told := func(r *Relation) (*Relation, bool) {
		if !r.CitesRelayed(sources, relayed) {
			return r, false
		}
		asked := sources
		if relayed {
			asked = r.WithRelayed(sources)
		}
		v := r.CitedBy(asked)
		return &v, true
	}
	var keptDirect []Relation
	for i := range direct {
		if r, ok := told(&direct[i]); ok {
			keptDirect = append(keptDirect, *r)
		}
	}
	var keptCandidates []HoldsChairs
	for _, c := range candidates {
		holds, hok := told(c.Holds)
		chairs, cok := told(c.Chairs)
		if hok && cok {
			keptCandidates = append(keptCandidates, HoldsChairs{Holds: holds, Chairs: chairs})
		}
	}
	return keptDirect, keptCandidates
}
