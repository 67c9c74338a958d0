package analytics

import (
	"cmp"
	"context"
	"slices"

	"lsgatlas/atlas"
)

// EventKind says what happened in a timeline event.
type EventKind string

const (
	Established EventKind = "ESTABLISHED" // the group was set up
	Abolished   EventKind = "ABOLISHED"   // the group was wound up
	Succeeded   EventKind = "SUCCEEDED"   // the group was followed by Other (SUCCEEDED_BY from it)
	Preceded    EventKind = "PRECEDED"    // the group followed Other (SUCCEEDED_BY to it)
	// RoleStarted is the start of a relation. An undated one (Date nil) stands for a
	// relation with no date at all, which holds from an unknown time: it is listed so
	// the timeline never hides a fact, after every dated event.
	RoleStarted EventKind = "ROLE_STARTED"
	RoleEnded   EventKind = "ROLE_ENDED" // the end of a relation
	Attested    EventKind = "ATTESTED"   // a source observed the relation at Date
)

// eventOrder puts events of one date in the order a life runs.
var eventOrder = map[EventKind]int{Established: 0, Preceded: 1, RoleStarted: 2, Attested: 3, RoleEnded: 4, Succeeded: 5, Abolished: 6}

// Event is one dated (or undated) fact in the life of a node.
type Event struct {
	Kind EventKind
	// Date is when it happened, to the precision the sources give; nil when unknown.
	Date *atlas.PartialDate
	// Other is the node at the other end of Relation; nil for ESTABLISHED and ABOLISHED.
	Other atlas.Node
	// Relation is the fact the event comes from; nil for ESTABLISHED and ABOLISHED.
	Relation *atlas.Relation
	// Succession is how one group followed the other, for SUCCEEDED and PRECEDED.
	Succession *atlas.SuccessionKind
	// Sources cite the event: for ESTABLISHED and ABOLISHED, those of the group's
	// PREFERRED claim of the date (its own citations when it has no claims); the
	// relation's sources that give the date otherwise (Relation.DateSources).
	Sources []atlas.Citation
	// DateConfidence is how surely Date is known (INFERRED: the curators worked it
	// out); nil without a date.
	DateConfidence *atlas.Confidence
	// Chair is the chair the event belongs to as the chairs list gives it, when the list
	// derives it through a position (derived alone, or stored and derived: one edge with
	// both lines of evidence); nil otherwise. It is what the event's relationship shows.
	Chair *atlas.Edge
}

// Timeline returns the events in the life of the node with the given id, in
// chronological order: partial dates compare by their earliest day, then their latest
// (the more precise first), then by kind in life order, then by relation id; undated
// events come last. A group's timeline has its establishment and abolition (citing the
// claims of those dates), its successions and the start, end and attestations of every
// relation touching it; any other actor's has the start, end and attestations of its
// relations. A group's or person's timeline also has the chairs its chairs list derives
// through positions (atlas.ChairListWhen, the same join): a chair only derived has its
// start, end and attestations as the list bounds them, its Relation the derived fact
// (INFERRED or DISPUTED), each event citing the sources of the premise that gives its
// date; a chair both stored and derived is the stored relation's events, with Chair
// carrying both lines of evidence. An actor's timeline has no events of the statements
// and documents about it.
//
// With sources, only the events citing one of them are kept (see TimelineRelayed).
//
// Errors: EINVALID for a malformed or provenance id or a bad or unknown source id; ENOTFOUND for an unknown id;
// ctx.Err() when ctx ends.
func (p *Projection) Timeline(ctx context.Context, id string, sources ...string) ([]Event, error) {
	return p.TimelineRelayed(ctx, id, sources, false)
}

// TimelineRelayed is Timeline that, with relayed, also keeps the events citing a work one
// of sources relays (atlas.RelayedBy: filtering by Rana finds what Rana relays from
// SIPRI). The derived chairs are those the chairs list gives for the same sources,
// relayed and tiers (atlas.ChairInputsCiting: a derived chair stays when both premises
// cite the sources), their dates read as the facts of tiers give them; tiers filter no
// other event (the caller keeps the events cited in tiers).
func (p *Projection) TimelineRelayed(ctx context.Context, id string, sources []string, relayed bool, tiers ...atlas.SourceTier) ([]Event, error) {
	if _, err := (Filter{Sources: sources}).normalized(); err != nil {
		return nil, err
	}
	if err := p.checkSources(sources); err != nil {
		return nil, err
	}
	asked := sources // as the chairs list is asked, relayed works widened there
	if relayed && len(sources) > 0 {
		sources = atlas.RelayedBy(sources, p.Sources())
	}
	self, err := p.actor("id", id)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	chairs, err := p.chairsOf(self, asked, relayed, tiers)
	if err != nil {
		return nil, err
	}
	var events []Event
	// A stored chair with derived evidence keeps its own events (one series, as the list
	// has one edge), which carry the list's edge; a chair only derived has its own.
	derivedStored := map[string]atlas.Edge{}
	for _, e := range chairs {
		switch {
		case !e.Derived():
		case e.Stored:
			derivedStored[e.ID] = e
		default:
			for _, ev := range p.derivedChairEvents(e) {
				if atlas.CitesAny(sourceIDs(ev.Sources), sources) {
					events = append(events, ev)
				}
			}
		}
	}
	keep := func(ri int32, evs ...Event) {
		chair, ok := derivedStored[p.rels[ri].ID]
		for _, ev := range evs {
			if ok {
				ev.Chair = cloneEdge(chair)
			}
			events = append(events, ev)
		}
	}
	if g, ok := p.nodes[id].(*atlas.Group); ok {
		for _, e := range []struct {
			kind EventKind
			date *atlas.PartialDate
			prop atlas.PropertyName
		}{{Established, g.Established, atlas.PropEstablished}, {Abolished, g.Abolished, atlas.PropAbolished}} {
			if e.date != nil {
				d := *e.date
				if cites := dateSources(g, e.prop); atlas.CitesAny(sourceIDs(cites), sources) {
					conf := groupDateConfidence(g, e.prop)
					events = append(events, Event{Kind: e.kind, Date: &d, Sources: cites, DateConfidence: &conf})
				}
			}
		}
	}
	selfIsActor := slices.Contains(actorKinds, p.kinds[self])
	for _, ri := range p.incident[self] {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if other := p.ends[ri][0] + p.ends[ri][1] - self; selfIsActor && !slices.Contains(actorKinds, p.kinds[other]) {
			continue // what a statement or document says about an actor is no event in its life
		}
		if len(sources) == 0 {
			keep(ri, p.relationEvents(self, ri, *p.rels[ri])...)
			continue
		}
		if !atlas.CitesAny(atlas.CitedSources(nil, p.rels[ri]), sources) {
			continue
		}
		// As the sources tell it: their dates, and only the events they cite (a start
		// another source gives is not theirs).
		for _, e := range p.relationEvents(self, ri, p.rels[ri].CitedBy(sources)) {
			if atlas.CitesAny(sourceIDs(e.Sources), sources) {
				keep(ri, e)
			}
		}
	}
	slices.SortStableFunc(events, compareEvents)
	return events, nil
}

func sourceIDs(cs []atlas.Citation) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Source
	}
	return out
}

// dateSources returns the sources of the claim a group's plain date comes from: its
// PREFERRED claim. A group imported without claims has only its own citations to show.
// groupDateConfidence is how surely a group's date is known: its PREFERRED claim's
// confidence, STATED without claims.
func groupDateConfidence(g *atlas.Group, p atlas.PropertyName) atlas.Confidence {
	if c, ok := atlas.PreferredClaim(g, p); ok && c.Confidence != "" {
		return c.Confidence
	}
	return atlas.Stated
}

func dateSources(g *atlas.Group, p atlas.PropertyName) []atlas.Citation {
	if c, ok := atlas.PreferredClaim(g, p); ok {
		return c.Sources
	}
	return slices.Clone(g.Sources)
}

// relationEvents returns the events relation ri, as r tells it (the stored relation or
// a view of it), gives in the timeline of node self.
func (p *Projection) relationEvents(self int64, ri int32, r atlas.Relation) []Event {
	other := p.ends[ri][1]
	if other == self {
		other = p.ends[ri][0]
	}
	event := func(kind EventKind, date *atlas.PartialDate) Event {
		rel := r.Clone()
		e := Event{Kind: kind, Other: p.node(other), Relation: &rel, Sources: slices.Clone(r.Sources)}
		if date != nil {
			d := *date
			e.Date = &d
		}
		return e
	}
	if r.Type == atlas.SucceededBy {
		kind := Succeeded
		if p.ends[ri][0] != self {
			kind = Preceded
		}
		e := event(kind, r.Start)
		if r.Start != nil {
			e.dated(&r, atlas.StartPart, *r.Start)
		}
		if r.Succession != nil {
			s := *r.Succession
			e.Succession = &s
		}
		return []Event{e}
	}
	span := r.Span()
	var out []Event
	if r.Start != nil {
		e := event(RoleStarted, span.ShownStart())
		e.dated(&r, atlas.StartPart, *r.Start)
		out = append(out, e)
	}
	if r.End != nil {
		e := event(RoleEnded, span.ShownEnd())
		e.dated(&r, atlas.EndPart, *r.End)
		out = append(out, e)
	}
	for _, a := range r.Attested {
		e := event(Attested, &a)
		e.dated(&r, atlas.AttestedPart, a)
		out = append(out, e)
	}
	if len(out) == 0 {
		out = append(out, event(RoleStarted, nil))
	}
	return out
}

func compareEvents(a, b Event) int {
	switch {
	case a.Date == nil && b.Date != nil:
		return 1
	case a.Date != nil && b.Date == nil:
		return -1
	case a.Date != nil:
		if c := cmp.Compare(a.Date.Earliest(), b.Date.Earliest()); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Date.Latest(), b.Date.Latest()); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(eventOrder[a.Kind], eventOrder[b.Kind]); c != 0 {
		return c
	}
	return cmp.Compare(relationID(a), relationID(b))
}

func relationID(e Event) string {
	if e.Relation == nil {
		return ""
	}
	return e.Relation.ID
}

// dated cites e by the sources of r that give date as its part, with how surely that
// date is known.
func (e *Event) dated(r *atlas.Relation, part atlas.DatePart, date atlas.PartialDate) {
	e.Sources = r.DateSources(part, date)
	c := r.DateConfidenceOf(part, date)
	e.DateConfidence = &c
}
