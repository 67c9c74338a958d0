package analytics

import (
	"cmp"
	"context"
	"slices"

	"lsgatlas/atlas"
)

// seat is a node's place on a group: a chair (stored, derived through a position the
// node held, or both: atlas.ChairsOf decides, exactly as the chairs field does) or a
// kept MEMBER_OF relation. Only chairs are derived through positions: the domain defines
// no derived membership.
type seat struct {
	holder, group int64
	chairs        bool
	// e is the seat seen from its holder, with its holding at the filter's asOf.
	e atlas.Edge
}

// seatsOn returns the seats on group g in v: the chairs in atlas.ChairsOf's order, then
// the memberships in relation id order.
func (v *view) seatsOn(g int64) []seat {
	p := v.p
	var members []atlas.Relation
	for _, ri := range p.incident[g] {
		if r := p.rels[ri]; v.relOK[ri] && p.ends[ri][1] == g && r.Type == atlas.MemberOf {
			members = append(members, r.Clone())
		}
	}
	gid := p.ids[g]
	var out []seat
	add := func(e atlas.Edge, chairs bool) {
		holder, ok := p.index[e.From]
		if !ok {
			return
		}
		e.Self, e.Direction = e.From, atlas.Outgoing
		out = append(out, seat{holder: holder, group: g, chairs: chairs, e: e})
	}
	// Each fact as the filter's sources tell it, as the chairs field reads them: a
	// holding Thomas does not date derives no chair by Thomas. The projection's reader
	// never fails.
	chairs, _ := atlas.ChairsOf(gid, v.when(), atlas.IncludeDerived, v.filter.Sources, v.filter.IncludeRelayed,
		p.premises(func(ri int32) bool { return v.relOK[ri] }), v.filter.Tiers...)
	for _, e := range chairs {
		add(e, true)
	}
	for _, e := range atlas.EdgesWhen(gid, members, v.when(), v.filter.Tiers...) {
		add(e, false)
	}
	return out
}

// edge returns the seat as an atlas.Edge seen from its holder.
func (v *view) edge(s seat) atlas.Edge { return s.e }

// groupCounts returns, for each node, the number of distinct groups it holds a seat on:
// chairs only, or chairs and memberships.
func (v *view) groupCounts(ctx context.Context, chairsOnly bool) ([]float64, error) {
	counts := make([]float64, len(v.p.ids))
	lastGroup := make([]int64, len(v.p.ids)) // the last group counted for each holder
	for i := range lastGroup {
		lastGroup[i] = -1
	}
	for _, g := range v.members {
		if v.p.kinds[g] != atlas.GroupNode {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, s := range v.seatsOn(g) {
			if (chairsOnly && !s.chairs) || lastGroup[s.holder] == g {
				continue
			}
			lastGroup[s.holder] = g
			counts[s.holder]++
		}
	}
	return counts, nil
}

// CoMember is a person who shares at least one group with the person asked about.
type CoMember struct {
	Person *atlas.Person
	// Groups are the shared groups, ordered by id.
	Groups []SharedGroup
}

// SharedGroup is a group two people both hold a seat on, with the evidence: each
// person's seats on it (CHAIRS or MEMBER_OF edges seen from that person; a chair
// derived through a position carries its Derivation; Holding is set when asOf was
// given). Only seats whose spans may overlap a seat of the other person are listed.
type SharedGroup struct {
	Group                      *atlas.Group
	PersonSeats, CoMemberSeats []atlas.Edge
}

// CoMembers returns the people who share at least one group with person: both hold a
// seat on it (chair, including chairs derived through a position the person held, or
// MEMBER_OF) and the two seats may overlap in time (atlas.Span.Overlaps), so two people
// who sat on a group decades apart are not co-members. With asOf, only seats that may
// hold at that date count; with tiers, only seats whose facts lie in them (Filter.Tiers).
// Ordered by number of shared groups, most first, then by id.
//
// Errors: EINVALID for a malformed id, an id that is not a person or a bad date;
// ENOTFOUND for an unknown person; ctx.Err() when ctx ends.
func (p *Projection) CoMembers(ctx context.Context, person string, asOf *atlas.PartialDate, tiers ...atlas.SourceTier) ([]CoMember, error) {
	return p.CoMembersWhen(ctx, person, atlas.At(asOf), tiers...)
}

// CoMembersWhen is CoMembers at any When: over a period, seats that may hold on some day
// of it count.
func (p *Projection) CoMembersWhen(ctx context.Context, person string, w atlas.When, tiers ...atlas.SourceTier) ([]CoMember, error) {
	me, err := p.actor("person", person)
	if err != nil {
		return nil, err
	}
	if p.kinds[me] != atlas.PersonNode {
		return nil, atlas.Errorf(atlas.EINVALID, "person: %q is a %s, not a person", person, p.kinds[me])
	}
	if err := checkDate("asOf", w.AsOf); err != nil {
		return nil, err
	}
	f := Filter{AsOf: w.AsOf, During: w.During, Tiers: tiers}
	if w.Known != nil {
		f.KnownBy = &w.Known.Date
	}
	v, err := p.view(ctx, f)
	if err != nil {
		return nil, err
	}
	byPerson := map[int64]*CoMember{}
	for _, g := range v.groupsSeating(me) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		seats := v.seatsOn(g)
		var mine []atlas.Edge
		theirs := map[int64][]atlas.Edge{}
		var others []int64
		for _, s := range seats {
			switch {
			case s.holder == me:
				mine = append(mine, v.edge(s))
			case p.kinds[s.holder] == atlas.PersonNode:
				if _, seen := theirs[s.holder]; !seen {
					others = append(others, s.holder)
				}
				theirs[s.holder] = append(theirs[s.holder], v.edge(s))
			}
		}
		slices.Sort(others)
		for _, o := range others {
			a, b := overlapping(mine, theirs[o], v.filter.Tiers)
			if len(a) == 0 {
				continue
			}
			cm := byPerson[o]
			if cm == nil {
				cm = &CoMember{Person: p.node(o).(*atlas.Person)}
				byPerson[o] = cm
			}
			cm.Groups = append(cm.Groups, SharedGroup{Group: p.node(g).(*atlas.Group), PersonSeats: a, CoMemberSeats: b})
		}
	}
	out := make([]CoMember, 0, len(byPerson))
	for _, cm := range byPerson {
		out = append(out, *cm)
	}
	slices.SortFunc(out, func(a, b CoMember) int {
		if c := cmp.Compare(len(b.Groups), len(a.Groups)); c != 0 {
			return c
		}
		return cmp.Compare(a.Person.ID, b.Person.ID)
	})
	return out, nil
}

// groupsSeating returns the groups node n holds a seat on, ascending.
func (v *view) groupsSeating(n int64) []int64 {
	p := v.p
	var groups []int64
	for _, ri := range p.incident[n] {
		if !v.relOK[ri] || p.ends[ri][0] != n {
			continue
		}
		switch p.rels[ri].Type {
		case atlas.Chairs, atlas.MemberOf:
			groups = append(groups, p.ends[ri][1])
		case atlas.Holds:
			position := p.ends[ri][1]
			for _, ci := range p.incident[position] {
				if v.relOK[ci] && p.rels[ci].Type == atlas.Chairs && p.ends[ci][0] == position {
					groups = append(groups, p.ends[ci][1])
				}
			}
		}
	}
	// A position's chair whose holding cannot overlap it is dropped later by seatsOn.
	return slices.Compact(slices.Sorted(slices.Values(groups)))
}

// overlapping keeps the edges of a that may overlap some edge of b, and vice versa,
// their dates read as the facts of tiers give them.
func overlapping(a, b []atlas.Edge, tiers []atlas.SourceTier) (keptA, keptB []atlas.Edge) {
	overlapsAny := func(e atlas.Edge, others []atlas.Edge) bool {
		for _, o := range others {
			if e.SpanIn(tiers).Overlaps(o.SpanIn(tiers)) {
				return true
			}
		}
		return false
	}
	for _, e := range a {
		if overlapsAny(e, b) {
			keptA = append(keptA, e)
		}
	}
	for _, e := range b {
		if overlapsAny(e, a) {
			keptB = append(keptB, e)
		}
	}
	return keptA, keptB
}
