package analytics

import (
	"cmp"
	"context"
	"slices"

	"lsgatlas/atlas"
)

// Counts are the seats around one node at the filter's date or period: for a group, how
// many hold its chair and how many sit on it; for a person, position or institution, on
// how many groups it holds a seat and how many it chairs. Every number counts distinct
// nodes, from the seats chairs and members list (seatsOn: atlas.ChairListWhen and
// atlas.EdgesWhen, the rules of the chairs and members fields).
type Counts struct {
	// Members counts the distinct holders of a MEMBER_OF seat on the group (of roles).
	Members int
	// Chairs counts the distinct chairs of the group, stored or derived.
	Chairs int
	// Seats counts the distinct groups the node chairs or sits on (membership of roles).
	Seats int
	// GroupsChaired counts the distinct groups the node chairs.
	GroupsChaired int
}

// CountKind is what a ranking orders nodes by: one of the Counts.
type CountKind string

const (
	CountMembers       CountKind = "MEMBERS"
	CountChairs        CountKind = "CHAIRS"
	CountSeats         CountKind = "SEATS"
	CountGroupsChaired CountKind = "GROUPS_CHAIRED"
)

// CountKinds lists every kind.
var CountKinds = []CountKind{CountMembers, CountChairs, CountSeats, CountGroupsChaired}

func (c Counts) of(k CountKind) int {
	switch k {
	case CountMembers:
		return c.Members
	case CountChairs:
		return c.Chairs
	case CountSeats:
		return c.Seats
	}
	return c.GroupsChaired
}

// Ranked is a node and its count.
type Ranked struct {
	Node  atlas.Node
	Count int
}

// allCounts returns the Counts of every node of v, by gonum id. A membership counts
// only with one of roles (all when empty); chairs always count.
func (v *view) allCounts(ctx context.Context, roles []atlas.MemberRole) ([]Counts, error) {
	out := make([]Counts, len(v.p.ids))
	for _, g := range v.members {
		if v.p.kinds[g] != atlas.GroupNode {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		chairs, members, seats := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
		for _, s := range v.seatsOn(g) {
			switch {
			case s.chairs:
				if !chairs[s.holder] {
					chairs[s.holder] = true
					out[s.holder].GroupsChaired++
				}
			case len(roles) > 0 && (s.e.Role == nil || !slices.Contains(roles, *s.e.Role)):
				continue
			default:
				members[s.holder] = true
			}
			if !seats[s.holder] {
				seats[s.holder] = true
				out[s.holder].Seats++
			}
		}
		out[g].Chairs, out[g].Members = len(chairs), len(members)
	}
	return out, nil
}

// CountsOf returns the Counts of node id under f (its date or period and tiers).
//
// Errors: EINVALID for a malformed id, a bad filter or role; ENOTFOUND for an unknown node.
func (p *Projection) CountsOf(ctx context.Context, id string, f Filter, roles []atlas.MemberRole) (Counts, error) {
	i, err := p.actor("id", id)
	if err != nil {
		return Counts{}, err
	}
	all, err := p.counts(ctx, f, roles)
	if err != nil {
		return Counts{}, err
	}
	return all[i], nil
}

func (p *Projection) counts(ctx context.Context, f Filter, roles []atlas.MemberRole) ([]Counts, error) {
	for _, r := range roles {
		if !atlas.Valid(r, atlas.MemberRoles) {
			return nil, atlas.Errorf(atlas.EINVALID, "roles: unknown role %q", r)
		}
	}
	v, err := p.view(ctx, Filter{AsOf: f.AsOf, During: f.During, KnownBy: f.KnownBy, Tiers: f.Tiers})
	if err != nil {
		return nil, err
	}
	return v.allCounts(ctx, roles)
}

// Rank returns the nodes whose count k is above zero, of kinds (all when empty), by
// count (highest first, or lowest with asc) and then id.
func (p *Projection) Rank(ctx context.Context, k CountKind, f Filter, roles []atlas.MemberRole, kinds []atlas.NodeKind, asc bool) ([]Ranked, error) {
	if !atlas.Valid(k, CountKinds) {
		return nil, atlas.Errorf(atlas.EINVALID, "by: unknown count %q; use one of %v", k, CountKinds)
	}
	// A kind that is no part of the network (a source, a reported count) has no counts:
	// ranking it gave an empty list, as if nothing had any.
	for _, kind := range kinds {
		if !isNetworkKind(kind) {
			return nil, atlas.Errorf(atlas.EINVALID, "types: %s is not ranked (it has no relationships of the network); use some of %v", kind, networkKinds)
		}
	}
	all, err := p.counts(ctx, f, roles)
	if err != nil {
		return nil, err
	}
	var out []Ranked
	for i, c := range all {
		if n := c.of(k); n > 0 && (len(kinds) == 0 || slices.Contains(kinds, p.kinds[i])) {
			out = append(out, Ranked{Node: p.node(int64(i)), Count: n})
		}
	}
	slices.SortFunc(out, func(a, b Ranked) int {
		c := cmp.Compare(b.Count, a.Count)
		if asc {
			c = -c
		}
		if c == 0 {
			c = cmp.Compare(a.Node.NodeID(), b.Node.NodeID())
		}
		return c
	})
	return out, nil
}
