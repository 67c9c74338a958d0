package atlas

import (
	"encoding/json"
	"slices"
	"strings"
)

// RecordKind is the kind of record a change is about.
type RecordKind string

const (
	RecordClaim        RecordKind = "CLAIM"
	RecordAlias        RecordKind = "ALIAS"
	RecordRelationship RecordKind = "RELATIONSHIP"
	RecordNode         RecordKind = "NODE" // a group, office, institution, position, person, topic, document or reported count
	RecordStatement    RecordKind = "STATEMENT"
	RecordSource       RecordKind = "SOURCE"
)

// ChangeOp is what a change does to its record.
type ChangeOp string

const (
	OpAdd     ChangeOp = "ADD"
	OpChange  ChangeOp = "CHANGE"
	OpRetract ChangeOp = "RETRACT"
)

// ClaimChange is a property claim (or an alias, a claim of the ALIAS property) and the
// node it belongs to.
type ClaimChange struct {
	Node string `json:"node"`
	PropertyClaim
}

// Change is one change to the graph, as a contributor proposes it or a curator makes
// it: add, change or retract one record, citing the source that supports it.
type Change struct {
	Op   ChangeOp   `json:"op"`
	Kind RecordKind `json:"kind"`
	// Target is the id of the record a CHANGE or RETRACT is about: a claim id (also for an
	// alias), a relationship id or a node id.
	Target string `json:"target,omitempty"`
	// Exactly one of these, by Kind, for ADD and CHANGE.
	Claim    *ClaimChange    `json:"claim,omitempty"`
	Relation *Relation       `json:"relation,omitempty"`
	Record   json.RawMessage `json:"record,omitempty"` // a node in the dataset format
	// Citation is the place in a source that supports the change (for a retraction, the
	// reason to retract); NewSource, when set, is a source record added with the change,
	// which Citation then names.
	Citation  *Citation `json:"citation,omitempty"`
	NewSource *Source   `json:"newSource,omitempty"`
}

// Applied is what applying a change did: each record before and after, and the record
// keys whose history the change belongs to.
type Applied struct {
	Records []RecordChange
	Keys    []string
}

// RecordIDs are the ids of the records the change wrote: the keys whose versions it
// is made against and bumps.
func (a Applied) RecordIDs() []string {
	out := make([]string, len(a.Records))
	for i, r := range a.Records {
		out[i] = r.ID
	}
	return out
}

// Apply applies the change to ds in place. It checks the change's own shape (a
// citation with a locator, a target that exists, a record that does not exist yet);
// whether the graph is still valid afterwards is CheckDataset's job. Errors are
// EINVALID or ENOTFOUND.
func (c Change) Apply(ds *Dataset) (Applied, error) {
	var a Applied
	if c.Citation == nil || strings.TrimSpace(c.Citation.Source) == "" || strings.TrimSpace(c.Citation.Locator) == "" {
		return a, Errorf(EINVALID, "every change cites a source with a locator (the place in the source that supports it); this one cites none")
	}
	if c.NewSource != nil {
		if c.NewSource.ID != c.Citation.Source {
			return a, Errorf(EINVALID, "the new source %q is not the source the citation names (%q)", c.NewSource.ID, c.Citation.Source)
		}
		if ds.Node(c.NewSource.ID) != nil {
			return a, Errorf(EINVALID, "source %s already exists; cite it instead of adding it", c.NewSource.ID)
		}
		src := CloneNode(c.NewSource)
		ds.Add(src)
		a.add(RecordSource, c.NewSource.ID, nil, src)
		a.Keys = append(a.Keys, c.NewSource.ID)
	}
	var err error
	switch c.Kind {
	case RecordClaim, RecordAlias:
		err = c.applyClaim(ds, &a)
	case RecordRelationship:
		err = c.applyRelation(ds, &a)
	case RecordNode, RecordStatement, RecordSource:
		err = c.applyNode(ds, &a)
	default:
		err = Errorf(EINVALID, "unknown record kind %q", c.Kind)
	}
	if err != nil {
		return a, err
	}
	// Checked after the change, since a new source may cite itself (its title page).
	if _, ok := ds.Node(c.Citation.Source).(*Source); !ok {
		return a, Errorf(EINVALID, "the change cites %q, which is not a source; cite an existing source or add it with newSource", c.Citation.Source)
	}
	return a, nil
}

func (a *Applied) add(kind RecordKind, id string, before, after any) {
	a.Records = append(a.Records, RecordChange{ID: id, Kind: kind, Before: rawJSON(before), After: rawJSON(after)})
	if !slices.Contains(a.Keys, id) {
		a.Keys = append(a.Keys, id)
	}
}

func (a *Applied) key(ids ...string) {
	for _, id := range ids {
		if !slices.Contains(a.Keys, id) {
			a.Keys = append(a.Keys, id)
		}
	}
}

func rawJSON(v any) json.RawMessage {
	switch x := v.(type) {
	case nil:
		return nil
	case Node:
		if x == nil {
			return nil
		}
	case *Relation:
		if x == nil {
			return nil
		}
	}
	b, _ := json.Marshal(v)
	return b
}

func (c Change) requireOp() error {
	switch c.Op {
	case OpAdd, OpChange, OpRetract:
	default:
		return Errorf(EINVALID, "op must be ADD, CHANGE or RETRACT, got %q", c.Op)
	}
	if c.Op != OpAdd && c.Target == "" {
		return Errorf(EINVALID, "a %s names its target: the id of the record", c.Op)
	}
	// What a change does not use is refused rather than ignored: the audit log keeps the
	// change as sent, and would show a target an ADD never touched, or a body a
	// RETRACT never applied.
	if c.Op == OpAdd && c.Target != "" {
		return Errorf(EINVALID, "an ADD takes no target (it is for CHANGE and RETRACT); the new record's id is its own")
	}
	if c.Op == OpRetract && (c.Claim != nil || c.Relation != nil || len(c.Record) > 0) {
		return Errorf(EINVALID, "a RETRACT takes only its target and a citation: the record as it should be is for ADD and CHANGE")
	}
	return nil
}

func (c Change) applyClaim(ds *Dataset, a *Applied) error {
	if err := c.requireOp(); err != nil {
		return err
	}
	var nodeID string
	var old *PropertyClaim
	if c.Op == OpAdd {
		if c.Claim == nil {
			return Errorf(EINVALID, "adding a claim needs the claim")
		}
		nodeID = c.Claim.Node
	} else {
		n, claim, ok := FindClaim(ds, c.Target)
		if !ok {
			return Errorf(ENOTFOUND, "no claim has id %q", c.Target)
		}
		nodeID, old = n.NodeID(), &claim
		if c.Kind == RecordAlias && claim.Property != PropAlias {
			return Errorf(EINVALID, "%s is a %s claim, not an alias", c.Target, claim.Property)
		}
	}
	n := ds.Node(nodeID)
	if n == nil {
		return Errorf(ENOTFOUND, "no node has id %q", nodeID)
	}
	if n.claimProperties() == nil {
		return Errorf(EINVALID, "a %s has no property claims", n.NodeKind())
	}
	claims := cloneClaims(ClaimsOf(n))
	var next *PropertyClaim
	if c.Op != OpRetract {
		if c.Claim == nil {
			return Errorf(EINVALID, "changing a claim needs the claim as it should be")
		}
		cl := c.Claim.PropertyClaim.Clone()
		if c.Kind == RecordAlias {
			cl.Property = PropAlias
		} else if cl.Property == PropAlias {
			return Errorf(EINVALID, "aliases are changed with the alias mutations")
		}
		if c.Claim.Node != "" && c.Claim.Node != nodeID {
			return Errorf(EINVALID, "the claim names node %s but its target belongs to %s", c.Claim.Node, nodeID)
		}
		if old != nil {
			if cl.Property == "" {
				cl.Property = old.Property
			}
			if cl.Property != old.Property {
				return Errorf(EINVALID, "a change keeps the claim's property (%s); retract it and add another", old.Property)
			}
			// A rank left out is the rank the claim has: an alias edit that does not
			// mention the rank must not un-deprecate it.
			if cl.Rank == "" {
				cl.Rank = old.Rank
			}
		}
		if cl.Rank == "" {
			cl.Rank = Normal
		}
		// The citation supports the value it is attached to and nothing else: the same
		// value keeps the sources that give it, a new value cites the change alone.
		cl.Sources = nil
		if old != nil && old.Value == cl.Value {
			cl.Sources = slices.Clone(old.Sources)
		}
		cl.Sources = withSource(cl.Sources, *c.Citation)
		next = &cl
	}
	before := map[string]PropertyClaim{} // the claims this change rewrites, as they were
	touched := []string{}
	touch := func(x PropertyClaim) {
		id := ClaimID(nodeID, x.Property, x.Value)
		if _, ok := before[id]; !ok {
			before[id] = x.Clone()
			touched = append(touched, id)
		}
	}
	if old != nil {
		touch(*old)
		i := slices.IndexFunc(claims, func(x PropertyClaim) bool { return x.Property == old.Property && x.Value == old.Value })
		switch {
		case next == nil || next.Value == old.Value:
			claims = slices.Delete(claims, i, i+1) // retracted, or replaced by next below
		default:
			// Another value: the old one stays with the sources that give it, a disputed
			// value kept, never deleted. The passage the change cites gives the new value,
			// not the old; a value no source gives any more goes.
			claims[i].Sources = slices.DeleteFunc(slices.Clone(claims[i].Sources), c.Citation.SamePassage)
			if len(claims[i].Sources) == 0 {
				claims = slices.Delete(claims, i, i+1)
				break
			}
			if multiValued[old.Property] {
				claims[i].Rank = Deprecated // replaced in the list: kept, but no longer shown
			}
		}
	}
	if next != nil {
		id := ClaimID(nodeID, next.Property, next.Value)
		if slices.ContainsFunc(claims, func(x PropertyClaim) bool { return x.Property == next.Property && x.Value == next.Value }) {
			return Errorf(EINVALID, "%s already has %s %s claim %q (%s): change that claim instead; to undo a change from that value, retract the new claim, then change the old one citing the passage",
				nodeID, article(string(next.Property)), next.Property, next.Value, id)
		}
		if next.Rank == Preferred && !multiValued[next.Property] {
			for i, x := range claims {
				if x.Property == next.Property && x.Rank == Preferred {
					touch(x)
					claims[i].Rank = Normal
				}
			}
		}
		touch(*next)
		if old == nil || old.Value != next.Value {
			delete(before, id) // new: nothing before
		}
		claims = append(claims, *next)
		// Demoted without another value preferred, the plain field would go blank while
		// its sources still give it: unknown shown as none, as a side effect of a rank.
		if old != nil && old.Rank == Preferred && next.Rank == Normal && !multiValued[next.Property] &&
			!slices.ContainsFunc(claims, func(x PropertyClaim) bool { return x.Property == next.Property && x.Rank == Preferred }) {
			return Errorf(EINVALID, "%s: the change leaves no %s claim PREFERRED, so %s would show no value though its claims give one; make another value PREFERRED first (that demotes this one), or DEPRECATE this claim if its source is wrong",
				nodeID, next.Property, plainFields[next.Property])
		}
	}
	for _, id := range touched {
		var was, now any
		if b, ok := before[id]; ok {
			was = b
		}
		if i := slices.IndexFunc(claims, func(x PropertyClaim) bool { return ClaimID(nodeID, x.Property, x.Value) == id }); i >= 0 {
			now = claims[i]
		}
		kind := RecordClaim
		if (old != nil && id == ClaimID(nodeID, old.Property, old.Value)) || (next != nil && id == ClaimID(nodeID, next.Property, next.Value)) {
			kind = c.Kind
		}
		a.add(kind, id, was, now)
	}
	a.key(nodeID)
	prop := PropAlias
	if next != nil {
		prop = next.Property
	} else {
		prop = old.Property
	}
	updated, err := withClaims(n, claims, prop)
	if err != nil {
		return err
	}
	ds.replaceNode(nodeID, updated)
	return nil
}

func (c Change) applyRelation(ds *Dataset, a *Applied) error {
	if err := c.requireOp(); err != nil {
		return err
	}
	var old *Relation
	if c.Op != OpAdd {
		old = ds.Relation(c.Target)
		if old == nil {
			return Errorf(ENOTFOUND, "no relationship has id %q", c.Target)
		}
	}
	var next *Relation
	if c.Op != OpRetract {
		if c.Relation == nil {
			return Errorf(EINVALID, "%s of a relationship needs the relationship as it should be", strings.ToLower(string(c.Op)))
		}
		r := c.Relation.Clone()
		r.LifetimeStart, r.LifetimeEnd, r.ObservedUntil, r.HolderDeaths = nil, nil, nil, nil
		if old != nil {
			if r.Type == "" && r.From == "" && r.To == "" {
				r.Type, r.From, r.To = old.Type, old.From, old.To
			}
			if r.Type != old.Type || r.From != old.From || r.To != old.To {
				return Errorf(EINVALID, "a change keeps the relationship's type and ends (%s %s → %s); retract it and add another", old.Type, old.From, old.To)
			}
			r.ID = old.ID
			r.Sources = slices.Clone(old.Sources)
			if r.Rank == "" {
				r.Rank = old.Rank // left out, not unranked: a CHANGE of the dates kept no rank
			}
		} else {
			r.ID = DefaultRelationID(r.Type, r.From, r.To)
			if ds.Relation(r.ID) != nil {
				return Errorf(EINVALID, "relationship %s already exists; change it instead (one fact, one relationship)", r.ID)
			}
			r.Sources = nil
		}
		// A citation of a passage the relation cites already is that citation, quote and
		// all, not a second one.
		r.Sources = withSource(r.Sources, *c.Citation)
		cite := r.Sources[slices.IndexFunc(r.Sources, c.Citation.SamePassage)]
		if old != nil {
			r.DateClaims = carriedDateClaims(old, &r, cite)
		}
		next = &r
	}
	if old != nil {
		id := old.ID
		if id == "" {
			id = DefaultRelationID(old.Type, old.From, old.To)
		}
		ds.Relations = slices.DeleteFunc(ds.Relations, func(x *Relation) bool { return x == old })
		a.add(RecordRelationship, id, stripDerived(old), stripDerived(next))
		a.key(old.From, old.To)
	}
	if next != nil {
		ds.Relations = append(ds.Relations, next)
		if old == nil {
			a.add(RecordRelationship, next.ID, nil, stripDerived(next))
		}
		a.key(next.From, next.To)
	}
	return nil
}

// stripDerived returns r without what import derives, as the dataset format writes it.
func stripDerived(r *Relation) *Relation {
	if r == nil {
		return nil
	}
	c := r.Clone()
	// Every field import derives (json:"-" in Relation): a change of another record (a
	// holder's death, the next holder of a seat, a relayed source) moves them, not a
	// change of this relation. A next holder's tenure retracted and restored made the
	// import report an unchanged Premier's tenure as RELATIONSHIP_CHANGED.
	c.LifetimeStart, c.LifetimeEnd, c.ObservedUntil, c.HolderDeaths, c.HolderBirths = nil, nil, nil, nil, nil
	c.NextHolderFrom, c.Relays, c.CitationTiers = nil, nil, nil
	// A source moving to another tier changes the source, not the facts citing it.
	c.Tiers = nil
	return &c
}

func (c Change) applyNode(ds *Dataset, a *Applied) error {
	if err := c.requireOp(); err != nil {
		return err
	}
	var old Node
	if c.Op != OpAdd {
		if old = ds.Node(c.Target); old == nil {
			return Errorf(ENOTFOUND, "no node has id %q", c.Target)
		}
	}
	var next Node
	if c.Op != OpRetract {
		if len(c.Record) == 0 {
			return Errorf(EINVALID, "%s of a node needs its record in the dataset format", strings.ToLower(string(c.Op)))
		}
		n, err := DecodeNode(c.Record)
		if err != nil {
			return err
		}
		if old != nil && n.NodeID() != old.NodeID() {
			return Errorf(EINVALID, "the record's id %s is not the target %s; ids never change", n.NodeID(), old.NodeID())
		}
		if old == nil && ds.Node(n.NodeID()) != nil {
			return Errorf(EINVALID, "%s already exists; change it instead", n.NodeID())
		}
		if n.NodeKind() != SourceNode {
			if old == nil {
				// A new node's sources are what assert it, its change's passage alone
				// (nodeadd.go); a change cites the values it changes instead (nodechange.go).
				if n, err = assertedBy(n, *c.Citation); err != nil {
					return err
				}
			}
			if old != nil && n.claimProperties() != nil && (len(ClaimsOf(n)) == 0 || sameClaims(ClaimsOf(n), ClaimsOf(old))) {
				// Given without claims, or with the claims it has (a record as read): the
				// node's own, carried over, and the values it changes cited (nodechange.go).
				n, err = patchNode(n, func(m map[string]any) {
					m["claims"] = mergedClaims(old, n, *c.Citation)
					m["aliases"] = keptEditorialAliases(old, n)
				})
			} else {
				if old != nil && n.claimProperties() != nil {
					if n, err = givenClaims(old, n, *c.Citation); err != nil {
						return err
					}
				}
				n, err = withValueClaims(n, old, *c.Citation)
			}
			if err != nil {
				return err
			}
			if old != nil {
				if n, err = citedChange(old, n, *c.Citation); err != nil {
					return err
				}
			}
		}
		next = n
	}
	kindOf := next
	if kindOf == nil {
		kindOf = old
	}
	want := map[RecordKind]func(NodeKind) bool{
		RecordStatement: func(k NodeKind) bool { return k == StatementNode },
		RecordSource:    func(k NodeKind) bool { return k == SourceNode },
		RecordNode:      func(k NodeKind) bool { return k != StatementNode && k != SourceNode },
	}[c.Kind]
	if !want(kindOf.NodeKind()) {
		return Errorf(EINVALID, "%s is a %s; use the %s mutation", kindOf.NodeID(), kindOf.NodeKind(), strings.ToLower(string(kindOf.NodeKind())))
	}
	id := kindOf.NodeID()
	if old != nil {
		ds.replaceNode(id, next)
	} else {
		ds.Add(next)
	}
	a.add(c.Kind, id, old, next)
	// The node's claims are records of their own: created with it, changed with it, and
	// retracted with it. Left out on ADD and RETRACT, a node's claims had no events or
	// history, and kept their versions through a retraction and a re-creation, so an
	// edit read before both still matched.
	if kindOf.claimProperties() != nil {
		addClaimRecords(a, id, old, next)
	}
	return nil
}

// article is the indefinite article before word, as read aloud: "an ESTABLISHED claim",
// "a NAME claim".
func article(word string) string {
	if word != "" && strings.ContainsRune("AEIOUaeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}
