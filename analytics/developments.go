package analytics

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// DevelopmentKind says what changed.
type DevelopmentKind string

const (
	DevEstablished DevelopmentKind = "ESTABLISHED" // a body was set up
	DevAbolished   DevelopmentKind = "ABOLISHED"   // a body was wound up
	DevSucceeded   DevelopmentKind = "SUCCEEDED"   // a body was renamed, upgraded, replaced, merged or reconstituted (see Succession)
	DevStarted     DevelopmentKind = "STARTED"     // a chair, seat, post or direction began
	DevEnded       DevelopmentKind = "ENDED"       // a chair, seat, post or direction ended
)

// DevelopmentKinds lists every kind, in the order events of one date are listed.
var DevelopmentKinds = []DevelopmentKind{DevEstablished, DevSucceeded, DevStarted, DevEnded, DevAbolished}

// DefaultDevelopmentTypes are the relationships whose starts and ends are developments
// unless others are asked for: chairs, seats, posts and directions of offices.
var DefaultDevelopmentTypes = []atlas.RelType{atlas.Chairs, atlas.MemberOf, atlas.Holds, atlas.Directs}

// Development is one change within a period, with the sources of the claim it comes from.
type Development struct {
	Kind DevelopmentKind
	Date atlas.PartialDate
	// Node is the body (ESTABLISHED, ABOLISHED), the predecessor (SUCCEEDED) or the
	// holder (STARTED, ENDED); Other the successor or the group, post or office.
	Node, Other atlas.Node
	Relation    *atlas.Relation
	Succession  *atlas.SuccessionKind
	Sources     []atlas.Citation
	// DateConfidence is how surely Date is known (INFERRED: the curators worked it out).
	DateConfidence atlas.Confidence
}

// DevelopmentQuery selects developments.
type DevelopmentQuery struct {
	Period atlas.Period
	// IDs keeps developments whose Node or Other is one of them; all when empty.
	IDs []string
	// Kinds keeps these kinds; all when empty.
	Kinds []DevelopmentKind
	// Types are the relationships whose starts and ends count; DefaultDevelopmentTypes
	// when empty.
	Types []atlas.RelType
	// Sources keeps developments citing one of these; Tiers those whose evidence lies in
	// these tiers.
	Sources []string
	Tiers   []atlas.SourceTier
	// Limit is the most developments returned (1 to MaxNetworkNodes).
	Limit int
}

// Developments returns what changed within q.Period: bodies established, succeeded
// (renamed, upgraded, replaced, merged, reconstituted) and abolished, and chairs, seats,
// posts and directions that began or ended, whose date may fall within the period. In
// date order (earliest day, then latest), then kind, node and relation id; truncated is
// true when Limit cut some off.
func (p *Projection) Developments(ctx context.Context, q DevelopmentQuery) (out []Development, truncated bool, err error) {
	if err := q.Period.Validate(); err != nil {
		return nil, false, err
	}
	if err := atlas.CheckRange("first", q.Limit, 1, MaxNetworkNodes); err != nil {
		return nil, false, err
	}
	if err := atlas.CheckSourceIDs("sources", q.Sources); err != nil {
		return nil, false, err
	}
	if err := p.checkSources(q.Sources); err != nil {
		return nil, false, err
	}
	for _, k := range q.Kinds {
		if !atlas.Valid(k, DevelopmentKinds) {
			return nil, false, atlas.Errorf(atlas.EINVALID, "kinds: unknown kind %q", k)
		}
	}
	types := q.Types
	if len(types) == 0 {
		types = DefaultDevelopmentTypes
	}
	_, inIDs, err := p.about(q.IDs)
	if err != nil {
		return nil, false, err
	}
	lo, hi := q.Period.Days()
	within := func(d *atlas.PartialDate) bool { return d != nil && d.Earliest() <= hi && d.Latest() >= lo }
	add := func(d Development) {
		if (len(q.Kinds) == 0 || slices.Contains(q.Kinds, d.Kind)) &&
			(len(q.IDs) == 0 || inIDs(d.Node.NodeID()) || d.Other != nil && inIDs(d.Other.NodeID())) &&
			atlas.CitesAny(sourceIDs(d.Sources), q.Sources) && atlas.CitedInTiers(d.Sources, q.Tiers, p.Source) {
			out = append(out, d)
		}
	}
	for _, g := range p.groups {
		for _, e := range []struct {
			kind DevelopmentKind
			date *atlas.PartialDate
			prop atlas.PropertyName
		}{{DevEstablished, g.Established, atlas.PropEstablished}, {DevAbolished, g.Abolished, atlas.PropAbolished}} {
			if within(e.date) {
				add(Development{Kind: e.kind, Date: *e.date, Node: atlas.CloneNode(g), Sources: slices.Clone(dateSources(g, e.prop)), DateConfidence: groupDateConfidence(g, e.prop)})
			}
		}
	}
	for ri, r := range p.rels {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		if r.Type != atlas.SucceededBy && !slices.Contains(types, r.Type) {
			continue
		}
		// As the sources or tiers asked for tell it: the dates they give, each development
		// citing only the sources that give its date.
		v := r.CitedBy(q.Sources).InTiers(q.Tiers)
		from, to := p.node(p.ends[ri][0]), p.node(p.ends[ri][1])
		rel := func() *atlas.Relation { c := v.Clone(); return &c }
		// dated adds the development of the relation's date of part, shown at `at`.
		dated := func(kind DevelopmentKind, part atlas.DatePart, date, at *atlas.PartialDate) {
			if date != nil && within(at) {
				d := Development{Kind: kind, Date: *at, Node: from, Other: to, Relation: rel(), Sources: v.DateSources(part, *date), DateConfidence: v.DateConfidenceOf(part, *date)}
				if kind == DevSucceeded {
					d.Succession = v.Succession
				}
				add(d)
			}
		}
		if r.Type == atlas.SucceededBy {
			dated(DevSucceeded, atlas.StartPart, v.Start, v.Start)
			continue
		}
		// Within lifetimes, as the timeline shows them.
		span := v.Span()
		dated(DevStarted, atlas.StartPart, v.Start, span.ShownStart())
		dated(DevEnded, atlas.EndPart, v.End, span.ShownEnd())
	}
	order := func(k DevelopmentKind) int { return slices.Index(DevelopmentKinds, k) }
	slices.SortStableFunc(out, func(a, b Development) int {
		return cmp.Or(cmp.Compare(a.Date.Earliest(), b.Date.Earliest()), cmp.Compare(a.Date.Latest(), b.Date.Latest()),
			cmp.Compare(order(a.Kind), order(b.Kind)), strings.Compare(a.Node.NodeID(), b.Node.NodeID()),
			strings.Compare(devRelationID(a), devRelationID(b)))
	})
	if len(out) > q.Limit {
		return out[:q.Limit], true, nil
	}
	return out, false, nil
}

func devRelationID(d Development) string {
	if d.Relation == nil {
		return ""
	}
	return d.Relation.ID
}
