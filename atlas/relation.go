package atlas

import (
	"strings"
)

// RelType is the type of a relationship. The set is closed: storage backends use these
// values as relationship types, so an unknown value never reaches a query.
type RelType string

const (
	Chairs       RelType = "CHAIRS"
	MemberOf     RelType = "MEMBER_OF"
	Supervises   RelType = "SUPERVISES"
	ReportsTo    RelType = "REPORTS_TO"
	HasOffice    RelType = "HAS_OFFICE"
	HostedBy     RelType = "HOSTED_BY"
	Directs      RelType = "DIRECTS"
	Holds        RelType = "HOLDS"
	PositionIn   RelType = "POSITION_IN"
	SucceededBy  RelType = "SUCCEEDED_BY"
	PartyGroupOf RelType = "PARTY_GROUP_OF"
)

// RelTypes lists every relationship type.
var RelTypes = []RelType{Chairs, MemberOf, Supervises, ReportsTo, HasOffice, HostedBy, Directs, Holds, PositionIn, SucceededBy, PartyGroupOf,
	About, IssuedBy, Concerns, BasedOn}

// Endpoints says which node kinds a relationship type may join.
type Endpoints struct{ From, To []NodeKind }

var endpoints = map[RelType]Endpoints{
	Chairs:       {[]NodeKind{PersonNode, PositionNode}, []NodeKind{GroupNode}},
	MemberOf:     {[]NodeKind{PersonNode, PositionNode, InstitutionNode}, []NodeKind{GroupNode}},
	Supervises:   {[]NodeKind{GroupNode}, []NodeKind{GroupNode, InstitutionNode, OfficeNode}},
	ReportsTo:    {[]NodeKind{GroupNode}, []NodeKind{InstitutionNode}},
	HasOffice:    {[]NodeKind{GroupNode}, []NodeKind{OfficeNode}},
	HostedBy:     {[]NodeKind{OfficeNode}, []NodeKind{InstitutionNode}},
	Directs:      {[]NodeKind{PersonNode, PositionNode}, []NodeKind{OfficeNode}},
	Holds:        {[]NodeKind{PersonNode}, []NodeKind{PositionNode}},
	PositionIn:   {[]NodeKind{PositionNode}, []NodeKind{InstitutionNode, GroupNode, OfficeNode}},
	SucceededBy:  {[]NodeKind{GroupNode}, []NodeKind{GroupNode}},
	PartyGroupOf: {[]NodeKind{GroupNode}, []NodeKind{InstitutionNode}},
	About:        {[]NodeKind{StatementNode}, subjects},
	IssuedBy:     {[]NodeKind{DocumentNode}, []NodeKind{InstitutionNode, GroupNode}},
	Concerns:     {[]NodeKind{DocumentNode}, subjects},
	BasedOn:      {[]NodeKind{DocumentNode}, []NodeKind{DocumentNode}},
}

// FarKinds returns, in NodeKinds' order, the kinds of node that relationships of types
// (every type when empty) may lead to from a node, followed in direction dir (Both when
// empty): the kinds validation allows at their other end.
func FarKinds(types []RelType, dir Direction) []NodeKind {
	if len(types) == 0 {
		types = RelTypes
	}
	far := map[NodeKind]bool{}
	for _, t := range types {
		ends := endpoints[t]
		if dir != Outgoing {
			for _, k := range ends.From {
				far[k] = true
			}
		}
		if dir != Incoming {
			for _, k := range ends.To {
				far[k] = true
			}
		}
	}
	var out []NodeKind
	for _, k := range NodeKinds {
		if far[k] {
			out = append(out, k)
		}
	}
	return out
}

// Relation is a dated, sourced relationship between two nodes.
type Relation struct {
	ID         string          `json:"id,omitempty"`
	Type       RelType         `json:"type"`
	From       string          `json:"from"`
	To         string          `json:"to"`
	Role       *MemberRole     `json:"role,omitempty"`
	Succession *SuccessionKind `json:"succession,omitempty"`
	Start      *PartialDate    `json:"start,omitempty"`
	End        *PartialDate    `json:"end,omitempty"`
	Attested   []PartialDate   `json:"attested,omitempty"`
	// IncompleteList is set when the source says its list was not complete, so that
	// absence from the list is never read as non-membership.
	IncompleteList bool       `json:"incompleteList,omitempty"`
	Confidence     Confidence `json:"confidence"`
	// DateConfidence is how surely the start, end and attestations are known, when
	// that differs from how surely the relation exists (a chair stated, a start year
	// inferred); nil means the same as Confidence.
	DateConfidence *Confidence `json:"dateConfidence,omitempty"`
	Note           string      `json:"note,omitempty"`
	Sources        []Citation  `json:"sources"`
	// Rank says, as for property claims, whether this is the relationship the curators
	// prefer (PREFERRED), one kept beside it (NORMAL, also when absent) or one a source
	// gives that the curators judge wrong (DEPRECATED). See EffectiveRank.
	Rank Rank `json:"rank,omitempty"`
	// DateClaims say which source gives which date, when several sources tell one fact:
	// one claim per date a source gives (a start, an end or an attestation), ranked like
	// property claims; the plain Start, End and Attested are the preferred ones (see
	// checkDateClaims). Absent, every source of the relation gives its dates.
	DateClaims []DateClaim `json:"dateClaims,omitempty"`

	// LifetimeStart and LifetimeEnd are the lifetime of the group the relation involves
	// (its established and abolished dates; for two groups, the span both existed): a
	// relation without a start is not taken to predate the group, nor one without an
	// end to outlive it. Computed on import.
	LifetimeStart *PartialDate `json:"-"`
	LifetimeEnd   *PartialDate `json:"-"`
	// ObservedUntil is the latest date of the sources citing the relation: an open-ended
	// fact is known to hold up to then and only possibly after. Computed on import.
	ObservedUntil *PartialDate `json:"-"`
	// HolderDeaths are the death dates of the person whose tenure or seat the relation
	// is (see HeldByPerson), one per DIED claim, each with its tier: nobody holds a post
	// or sits on a group after death. Computed on import.
	HolderDeaths []Death `json:"-"`
	// HolderBirths are the birth dates of that person, one per BORN claim, each with its
	// tier: nobody holds anything before birth. Computed on import.
	HolderBirths []Death `json:"-"`
	// CitationTiers are the tiers of Sources, one per citation, for a relation with
	// date claims: a view in some tiers keeps only their citations (InTiers). Computed
	// on import.
	CitationTiers []SourceTier `json:"-"`
	// NextHolderFrom is, for a holding of a single-seat post, the earliest date any later
	// holder of the post is known in it (a start or an attestation, from any source): an
	// open-ended tenure is not KNOWN past it. Computed on import.
	NextHolderFrom *PartialDate `json:"-"`
	// Relays are the works that relay a cited source (Source.CitedVia, followed through
	// any number of works), each with the source it relays: a source filter with relayed
	// works keeps the relation for them too. Computed on import.
	Relays []Relay `json:"-"`
	// Tiers are the tiers the relation belongs to (RelationInTiers for each tier alone),
	// in SourceTiers order; none when no cited source is known. The stores filter by them
	// (RelationQuery.Tiers) without looking sources up. Computed on import.
	Tiers []SourceTier `json:"-"`
}

// Death is a birth or death date of a relation's holder and the tier of the claim
// giving it.
type Death struct {
	Date PartialDate `json:"date"`
	Tier SourceTier  `json:"tier"`
}

// HeldByPerson reports whether r is something a person holds while alive: a post,
// a chair, a seat or an office's direction, with the person at its from end.
func (r *Relation) HeldByPerson() bool {
	k, err := KindOfID(r.From)
	return err == nil && k == PersonNode && (r.Type == Holds || r.Type == Chairs || r.Type == MemberOf || r.Type == Directs)
}

// DefaultRelationID is the id a relation gets when the dataset gives none.
func DefaultRelationID(t RelType, from, to string) string {
	return strings.ToLower(string(t)) + "/" + from + "/" + to
}

// Other returns the id at the other end from id.
func (r *Relation) Other(id string) string {
	if r.From == id {
		return r.To
	}
	return r.From
}

// Clone returns a deep copy, so stores can hand out relations without sharing memory (see
// CloneNode).
// What a copy must not share is listed once, in CloneRelations.
func (r Relation) Clone() Relation {
	return CloneRelations([]*Relation{&r})[0]
}

// CompareRelations orders relations by type, then start (unknown first), then id: the
// order every store returns them in.
func CompareRelations(a, b *Relation) int {
	if c := strings.Compare(string(a.Type), string(b.Type)); c != 0 {
		return c
	}
	as, bs := 0, 0
	if a.Start != nil {
		as = a.Start.Earliest()
	}
	if b.Start != nil {
		bs = b.Start.Earliest()
	}
	if as != bs {
		if as < bs {
			return -1
		}
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}
