package atlas

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// The whole-graph invariants of the domain brief, checked on what a store answers: for
// every node and every year of a range, what the relationship lists say at that year
// (stored relations through EdgesFrom, chairs through ChairList, as every consumer reads
// them). Curation can run it on a changed dataset and refuse a change that breaks one.

// InvariantRule names one whole-graph rule.
type InvariantRule string

const (
	// RuleLifetime: no relationship holds, even POSSIBLY, before a person's birth or
	// after their death, before a group's establishment or after its abolition.
	RuleLifetime InvariantRule = "LIFETIME"
	// RuleDerivedStated: a derived chair is an inference, never STATED.
	RuleDerivedStated InvariantRule = "DERIVED_STATED"
	// RuleDerivedOutlivesPremise: a derived chair holds only where each premise may (the
	// holding, the chairing, the group's lifetime, the holder's life), and its dates lie
	// within theirs.
	RuleDerivedOutlivesPremise InvariantRule = "DERIVED_OUTLIVES_PREMISE"
	// RuleTwiceInList: no node appears twice in one list (one type, direction and role
	// seen from one node) at one date.
	RuleTwiceInList InvariantRule = "TWICE_IN_LIST"
	// RuleSingleSeat: a post with one seat never has two KNOWN holders at one date.
	RuleSingleSeat InvariantRule = "SINGLE_SEAT"
	// RuleSourceFilter: every answer to a source filter cites that source (or, with
	// relayed works, a work it relays) for the value shown: the relationship and each
	// of its dates.
	RuleSourceFilter InvariantRule = "SOURCE_FILTER"
	// RuleKnownBy: as known by a date, a relationship cites only sources published by
	// then, withholds the others, and shows only dates that a date claim of those
	// sources gives (checked at every year a source of the range is dated).
	RuleKnownBy InvariantRule = "KNOWN_BY"
	// RuleGroupAlive: a group is KNOWN active on every day one of its relationships (a
	// chair, derived or stored, a seat, an office) is KNOWN to hold.
	RuleGroupAlive InvariantRule = "GROUP_ALIVE"
)

// InvariantRules lists every rule.
var InvariantRules = []InvariantRule{RuleLifetime, RuleDerivedStated, RuleDerivedOutlivesPremise, RuleTwiceInList, RuleSingleSeat, RuleSourceFilter, RuleKnownBy, RuleGroupAlive}

// Violation is one broken rule: which node's list, which relationship, over which
// years (consecutive years of one violation are one Violation).
type Violation struct {
	Rule             InvariantRule
	Node, Relation   string
	FromYear, ToYear int
	Detail           string
}

func (v Violation) String() string { return v.Key() + ": " + v.Detail }

// Key is the violation without its detail: rule, years, node and relation.
func (v Violation) Key() string {
	years := ""
	if v.FromYear != 0 {
		years = " " + strconv.Itoa(v.FromYear)
		if v.ToYear != v.FromYear {
			years += "-" + strconv.Itoa(v.ToYear)
		}
	}
	return fmt.Sprintf("%s%s %s %s", v.Rule, years, v.Node, v.Relation)
}

// InvariantOptions say what to check: the years (inclusive) and the tiers the answers
// are read in (none: every tier).
type InvariantOptions struct {
	FromYear, ToYear int
	Tiers            []SourceTier
}

// RelationReader answers a RelationQuery as Store.Relations does.
type RelationReader func(ctx context.Context, q RelationQuery) ([][]Relation, error)

// DatasetReader answers relation queries from a prepared dataset in memory, with the
// filter every store applies (RelationQuery.MatchesRelation), for checks without a store.
func DatasetReader(ds *Dataset) RelationReader {
	byNode := map[string][]*Relation{}
	for _, r := range ds.Relations {
		byNode[r.From] = append(byNode[r.From], r)
		if r.To != r.From {
			byNode[r.To] = append(byNode[r.To], r)
		}
	}
	return func(_ context.Context, q RelationQuery) ([][]Relation, error) {
		q, err := q.Normalized()
		if err != nil {
			return nil, err
		}
		out := make([][]Relation, len(q.IDs))
		for i, id := range q.IDs {
			for _, r := range byNode[id] {
				if q.MatchesRelation(id, r) {
					out[i] = append(out[i], r.Clone())
				}
			}
			slices.SortFunc(out[i], func(a, b Relation) int { return CompareRelations(&a, &b) })
		}
		return out, nil
	}
}

// CheckStore checks the invariants on what store answers, its snapshot giving the nodes.
func CheckStore(ctx context.Context, s Store, opts InvariantOptions) ([]Violation, error) {
	ds, err := s.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return CheckInvariants(ctx, ds, s.Relations, opts)
}

// CheckInvariants checks every rule of InvariantRules on the answers read gives for the
// nodes of ds, for each year of opts, and returns every violation, in a stable order.
func CheckInvariants(ctx context.Context, ds *Dataset, read RelationReader, opts InvariantOptions) ([]Violation, error) {
	c := newChecker(ds, opts.Tiers)
	for year := opts.FromYear; year <= opts.ToYear; year++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		at := PartialDate{Year: year}
		// Read as the API reads for the tiers checked: a tier's view holds only the
		// relations with evidence in it.
		rels, err := read(ctx, RelationQuery{IDs: c.ids, AsOf: &at, Tiers: opts.Tiers})
		if err != nil {
			return nil, err
		}
		byID := map[string][]Relation{}
		for i, id := range c.ids {
			byID[id] = rels[i]
		}
		for _, id := range c.ids {
			edges := EdgesFrom(id, byID[id], &at, opts.Tiers...)
			c.checkLists(year, id, edges)
			if k, _ := KindOfID(id); k == GroupNode {
				c.checkChairs(year, id, byID, &at)
			}
		}
	}
	if err := c.checkSourceFilters(ctx, read); err != nil {
		return nil, err
	}
	if err := c.checkKnownBy(ctx, read, opts.FromYear, opts.ToYear); err != nil {
		return nil, err
	}
	return c.result(), nil
}

type checker struct {
	tiers   []SourceTier
	ids     []string
	nodes   map[string]Node
	sources map[string]*Source
	// lives are the lifetimes of people and groups: the earliest and latest day each
	// may have existed, as the facts of tiers give them.
	lives map[string][2]int
	found map[[3]string][]int // (rule, node, relation) -> years
	notes map[[3]string]string
}

func newChecker(ds *Dataset, tiers []SourceTier) *checker {
	c := &checker{tiers: tiers, nodes: map[string]Node{}, sources: map[string]*Source{}, lives: map[string][2]int{},
		found: map[[3]string][]int{}, notes: map[[3]string]string{}}
	for _, s := range ds.Sources {
		c.sources[s.ID] = s
	}
	source := func(id string) *Source { return c.sources[id] }
	for _, n := range ds.Nodes() {
		k := n.NodeKind()
		if k == SourceNode || k == ReportedCountNode {
			continue
		}
		c.ids = append(c.ids, n.NodeID())
		c.nodes[n.NodeID()] = n
		life := n.lifeBounds(tiers, source)
		if life != unbounded {
			c.lives[n.NodeID()] = life
		}
	}
	slices.Sort(c.ids)
	return c
}

func (c *checker) add(rule InvariantRule, node, rel string, year int, detail string) {
	k := [3]string{string(rule), node, rel}
	if ys := c.found[k]; len(ys) == 0 || ys[len(ys)-1] != year {
		c.found[k] = append(c.found[k], year)
	}
	if _, ok := c.notes[k]; !ok {
		c.notes[k] = detail
	}
}

func (c *checker) result() []Violation {
	var out []Violation
	for k, years := range c.found {
		start := 0
		for i := range years {
			if i == len(years)-1 || years[i+1] != years[i]+1 {
				out = append(out, Violation{Rule: InvariantRule(k[0]), Node: k[1], Relation: k[2], FromYear: years[start], ToYear: years[i], Detail: c.notes[k]})
				start = i + 1
			}
		}
	}
	slices.SortFunc(out, func(a, b Violation) int {
		if a.String() < b.String() {
			return -1
		} else if a.String() > b.String() {
			return 1
		}
		return 0
	})
	return out
}

// bound reports whether r is a fact lifetimes bound at end id: a person's post, chair,
// seat or office, and anything touching a group, a succession included.
func bound(r *Relation, id string) bool {
	k, _ := KindOfID(id)
	switch k {
	case PersonNode:
		return r.HeldByPerson() && id == r.From
	case GroupNode:
		return true
	}
	return false
}

// checkLifetime reports an edge that holds at year outside a lifetime of either end.
func (c *checker) checkLifetime(year int, self string, e *Edge) {
	lo, hi := PartialDate{Year: year}.Earliest(), PartialDate{Year: year}.Latest()
	for _, end := range []string{e.From, e.To} {
		life, ok := c.lives[end]
		if !ok || !bound(&e.Relation, end) {
			continue
		}
		if hi < life[0] || lo > life[1] {
			c.add(RuleLifetime, self, e.ID, year, fmt.Sprintf("holds in %d, outside the lifetime of %s", year, end))
		}
	}
}

// checkLists checks the stored relationship lists of node self at year: each list is
// the edges of one type, direction and role.
func (c *checker) checkLists(year int, self string, edges []Edge) {
	seen := map[string]string{}
	for i := range edges {
		e := &edges[i]
		c.checkLifetime(year, self, e)
		c.checkGroupAlive(year, self, e)
		role := ""
		if e.Role != nil {
			role = string(*e.Role)
		}
		key := string(e.Type) + "|" + string(e.Direction) + "|" + role + "|" + e.OtherID()
		if prev, dup := seen[key]; dup {
			c.add(RuleTwiceInList, self, e.ID, year, fmt.Sprintf("%s appears twice in the %s list (also as %s)", e.OtherID(), e.Type, prev))
		}
		seen[key] = e.ID
	}
	if p, ok := c.nodes[self].(*Position); ok && p.Seats != nil && *p.Seats == 1 {
		c.checkSingleSeat(year, self, edges)
	}
}

// checkChairs checks the chairs list of group g at year, stored and derived, as the
// chairs field and the analytics join it (ChairsOf), on the relations the store answered,
// in its order.
func (c *checker) checkChairs(year int, g string, byID map[string][]Relation, at *PartialDate) {
	read := func(id string, step PremiseStep, _ *PremiseStep) ([]Relation, error) {
		var out []Relation
		for _, r := range byID[id] {
			end := r.To
			if step.Direction == Outgoing {
				end = r.From
			}
			if r.Type == step.Type && end == id {
				out = append(out, r)
			}
		}
		return out, nil
	}
	list, _ := ChairsOf(g, At(at), IncludeDerived, nil, false, read, c.tiers...) // read never fails
	c.checkChairList(year, g, list)
}

// checkChairList checks one chairs list of group g at year.
func (c *checker) checkChairList(year int, g string, list []Edge) {
	seen := map[string]bool{}
	for i := range list {
		e := &list[i]
		c.checkLifetime(year, g, e)
		c.checkGroupAlive(year, g, e)
		if seen[e.From] {
			c.add(RuleTwiceInList, g, e.ID, year, e.From+" appears twice in the chairs list")
		}
		seen[e.From] = true
		if !e.Derived() {
			continue
		}
		if !e.Stored && e.Confidence == Stated {
			c.add(RuleDerivedStated, g, e.ID, year, "a derived chair says STATED")
		}
		if e.Stored {
			continue // a stored chair keeps its own dates; its derivations are checked below
		}
		// Two derivations of one chair (two posts, two tenures) are one edge: its dates
		// must lie within the premises of at least one, and so must the year.
		within, holds := false, false
		var detail string
		for _, d := range e.Derivations {
			if !outlives(e.Relation, d.Holds.Relation) && !outlives(e.Relation, d.Chairs.Relation) {
				within = true
			} else {
				detail = "its dates " + spanText(e.Relation) + " reach outside its premises " + d.Holds.ID + " " + spanText(d.Holds.Relation) + " and " + d.Chairs.ID + " " + spanText(d.Chairs.Relation)
			}
			if d.Holds.SpanIn(c.tiers).MayHoldAt(PartialDate{Year: year}) && d.Chairs.SpanIn(c.tiers).MayHoldAt(PartialDate{Year: year}) {
				holds = true
			}
		}
		if !within {
			c.add(RuleDerivedOutlivesPremise, g, e.ID, year, detail)
		}
		if !holds {
			c.add(RuleDerivedOutlivesPremise, g, e.ID, year, fmt.Sprintf("holds in %d, when no derivation's premises both may", year))
		}
		for _, end := range []string{g, e.From} {
			if life, ok := c.lives[end]; ok && (e.Start != nil && e.Start.Earliest() < life[0] || e.End != nil && e.End.Latest() > life[1]) {
				c.add(RuleDerivedOutlivesPremise, g, e.ID, year, "its dates "+spanText(e.Relation)+" reach outside the lifetime of "+end)
			}
		}
	}
}

// outlives reports whether derived dates reach outside premise's: a start before the
// premise's, or an end after it.
func outlives(derived, premise Relation) bool {
	if derived.Start == nil && derived.End == nil {
		return false // attested only: each attestation is checked at its year
	}
	if premise.Start != nil && (derived.Start == nil || derived.Start.Earliest() < premise.Start.Earliest()) {
		return true
	}
	return premise.End != nil && (derived.End == nil || derived.End.Latest() > premise.End.Latest())
}

func spanText(r Relation) string {
	text := func(d *PartialDate) string {
		if d == nil {
			return "?"
		}
		return d.String()
	}
	return text(r.Start) + ".." + text(r.End)
}

// checkSourceFilters asks, for every source, the relations citing it (with the works it
// relays), and checks that each answer cites it for the relationship and, where sources
// disagree on the dates, for every date it shows.
func (c *checker) checkSourceFilters(ctx context.Context, read RelationReader) error {
	var all []*Source
	for _, s := range c.sources {
		all = append(all, s)
	}
	slices.SortFunc(all, func(a, b *Source) int {
		if a.ID < b.ID {
			return -1
		}
		return 1
	})
	for _, s := range all {
		for _, relayed := range []bool{false, true} {
			if err := c.checkSourceFilter(ctx, read, s.ID, relayed, RelayedBy([]string{s.ID}, all)); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkSourceFilter checks the answers to one source filter, with or without the works
// the source relays (relays lists the source and every work it relays).
func (c *checker) checkSourceFilter(ctx context.Context, read RelationReader, source string, relayed bool, relays []string) error {
	rels, err := read(ctx, RelationQuery{IDs: c.ids, Sources: []string{source}, IncludeRelayed: relayed})
	if err != nil {
		return err
	}
	allowed := []string{source}
	if relayed {
		allowed = relays
	}
	for i, id := range c.ids {
		for _, r := range rels[i] {
			if r.From != id {
				continue // each relation once, at its from end
			}
			asked := []string{source}
			if relayed {
				asked = r.WithRelayed(asked)
			}
			v := r.CitedBy(asked)
			if !CitesAny(CitedSources(nil, &v), allowed) {
				c.add(RuleSourceFilter, id, r.ID, 0, "answers the filter "+source+" without citing it")
			}
			if len(v.DateClaims) == 0 {
				continue
			}
			for _, d := range shownDates(v) {
				if !slices.ContainsFunc(v.DateClaims, func(dc DateClaim) bool {
					return dc.Part == d.part && dc.Value == d.date && CitesAny(citedIDs(dc.Sources), allowed)
				}) {
					c.add(RuleSourceFilter, id, r.ID, 0, fmt.Sprintf("shows %s %s under the filter %s, which does not give it", d.part, d.date, source))
				}
			}
		}
	}
	return nil
}

type shownDate struct {
	part DatePart
	date PartialDate
}

func shownDates(r Relation) []shownDate {
	var out []shownDate
	if r.Start != nil {
		out = append(out, shownDate{StartPart, *r.Start})
	}
	if r.End != nil {
		out = append(out, shownDate{EndPart, *r.End})
	}
	for _, a := range r.Attested {
		out = append(out, shownDate{AttestedPart, a})
	}
	return out
}

func citedIDs(cs []Citation) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Source
	}
	return out
}

// RelayedBy returns sources with every work they relay, directly or through another
// relayed work (Source.CitedVia): filtering by Rana with relayed works finds what Rana
// relays from SIPRI. The given ids come first, in order, then the relayed ones by id.
func RelayedBy(sources []string, all []*Source) []string {
	out := slices.Clone(sources)
	for changed := true; changed; {
		changed = false
		var add []string
		for _, s := range all {
			if s.CitedVia != "" && slices.Contains(out, s.CitedVia) && !slices.Contains(out, s.ID) && !slices.Contains(add, s.ID) {
				add = append(add, s.ID)
			}
		}
		if len(add) > 0 {
			slices.Sort(add)
			out = append(out, add...)
			changed = true
		}
	}
	return out
}
