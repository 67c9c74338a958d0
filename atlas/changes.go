package atlas

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The change feed: every accepted change and every import, as ordered events about
// records (nodes, relationships, property claims). Events are derived here, from the
// audit log, and nowhere else: the audit log is the outbox both stores already write in
// the transaction of the change, so the feed can never report a change that did not
// happen nor miss one that did.

// ChangeType is what happened to one record.
type ChangeType string

const (
	NodeCreated           ChangeType = "NODE_CREATED"
	NodeChanged           ChangeType = "NODE_CHANGED"
	NodeRetracted         ChangeType = "NODE_RETRACTED"
	RelationshipCreated   ChangeType = "RELATIONSHIP_CREATED"
	RelationshipChanged   ChangeType = "RELATIONSHIP_CHANGED"
	RelationshipRetracted ChangeType = "RELATIONSHIP_RETRACTED"
	ClaimCreated          ChangeType = "CLAIM_CREATED"
	ClaimChanged          ChangeType = "CLAIM_CHANGED"
	ClaimRetracted        ChangeType = "CLAIM_RETRACTED"
)

// ChangeTypes lists every change type, in the schema's order.
var ChangeTypes = []ChangeType{NodeCreated, NodeChanged, NodeRetracted, RelationshipCreated, RelationshipChanged,
	RelationshipRetracted, ClaimCreated, ClaimChanged, ClaimRetracted}

// ChangeCause is the audit action behind an event: only these change data.
type ChangeCause string

const (
	CausedByAccept ChangeCause = "ACCEPTED"
	CausedByEdit   ChangeCause = "EDITED"
	CausedByImport ChangeCause = "IMPORTED"
)

// ChangeEvent is one record's change, as the feed reports it.
type ChangeEvent struct {
	// Revision is the revision of the audit entry the change belongs to; Index orders
	// the events of one revision (from 0).
	Revision int64
	Index    int
	Type     ChangeType
	// Record is the id of the node, relationship or claim; RecordKind says which kind
	// of record the curation workflow took it for (a claim or an alias, a statement …).
	Record     string
	RecordKind RecordKind
	// Version is the record's version after the change.
	Version int64
	// Nodes are the nodes the record is or belongs to: itself for a node, the owner of a
	// claim, both ends of a relationship.
	Nodes []string
	// Affects are the nodes whose answers the change may alter: Nodes, and those it
	// reaches through lifetimes, single seats and derived chairs (affects.go). A cache
	// keyed by node ids invalidates these.
	Affects []string
	// Who, when and why, from the audit entry.
	Cause    ChangeCause
	Actor    string
	At       time.Time
	Reason   string
	Proposal string
}

// Position is the place of an event in the feed; a feed read "after" a position
// returns the events that follow it.
func (e ChangeEvent) Position() FeedPosition {
	return FeedPosition{Revision: e.Revision, Index: e.Index}
}

// Cursor is the event's position as text ("revision.index"): what a client sends back
// (as `after` or Last-Event-ID) to resume right after it.
func (e ChangeEvent) Cursor() string { return e.Position().String() }

// FeedPosition is a place in the feed: after event Index of Revision, or after the
// whole revision when Index is WholeRevision.
type FeedPosition struct {
	Revision int64
	Index    int
}

// WholeRevision is the index of a position after every event of its revision.
const WholeRevision = math.MaxInt32

// AfterRevision is the position after every event of revisions up to rev.
func AfterRevision(rev int64) FeedPosition { return FeedPosition{Revision: rev, Index: WholeRevision} }

// Before reports whether p comes before q.
func (p FeedPosition) Before(q FeedPosition) bool {
	return p.Revision < q.Revision || p.Revision == q.Revision && p.Index < q.Index
}

// String is "revision" for a whole revision, "revision.index" after one event.
func (p FeedPosition) String() string {
	if p.Index == WholeRevision {
		return strconv.FormatInt(p.Revision, 10)
	}
	return strconv.FormatInt(p.Revision, 10) + "." + strconv.Itoa(p.Index)
}

// ParseFeedPosition reads a cursor ("12" or "12.3"); anything else is EINVALID.
//
// Only the form the feed writes is read: "02.0", "+2" or "2.0 " name no cursor the
// feed gave, so a client sending one has made a mistake worth hearing about.
func ParseFeedPosition(s string) (FeedPosition, error) {
	bad := Errorf(EINVALID, "%q is not a change feed cursor: want a revision (12) or an event's cursor (12.3)", s)
	revText, idxText, hasIndex := strings.Cut(s, ".")
	rev, err := strconv.ParseInt(revText, 10, 64)
	if err != nil || rev < 0 || strconv.FormatInt(rev, 10) != revText {
		return FeedPosition{}, bad
	}
	if !hasIndex {
		return AfterRevision(rev), nil
	}
	idx, err := strconv.Atoi(idxText)
	if err != nil || idx < 0 || idx >= WholeRevision || strconv.Itoa(idx) != idxText {
		return FeedPosition{}, bad
	}
	return FeedPosition{Revision: rev, Index: idx}, nil
}

// ImportedRecord is one record an import created, changed or removed, kept in the
// import's audit entry (compactly: an import may touch every record of the dataset).
type ImportedRecord struct {
	ID      string     `json:"id"`
	Kind    RecordKind `json:"kind"`
	Type    ChangeType `json:"type"`
	Version int64      `json:"version"`
	Nodes   []string   `json:"nodes,omitempty"`
	Affects []string   `json:"affects,omitempty"`
}

// ChangesOf returns the events of one audit entry, in order: one per record an
// accepted change, a direct edit or an import wrote. Proposals and rejections change no
// data and give none, nor does an import that changed nothing.
func ChangesOf(e AuditEntry) []ChangeEvent {
	var out []ChangeEvent
	add := func(typ ChangeType, id string, kind RecordKind, version int64, nodes, affects []string) {
		if affects == nil {
			affects = nodes
		}
		out = append(out, ChangeEvent{Revision: e.Revision, Index: len(out), Type: typ, Record: id, RecordKind: kind,
			Version: version, Nodes: nodes, Affects: slices.Clone(affects), Cause: ChangeCause(e.Action), Actor: e.Actor, At: e.At, Reason: e.Reason, Proposal: e.Proposal})
	}
	switch e.Action {
	case ActionAccepted, ActionEdited:
		for _, r := range e.Records {
			add(changeType(r.Kind, len(r.Before) > 0, len(r.After) > 0), r.ID, r.Kind, r.Version, recordNodes(r), r.Affects)
		}
	case ActionImported:
		for _, r := range e.Imported {
			add(r.Type, r.ID, r.Kind, r.Version, slices.Clone(r.Nodes), r.Affects)
		}
	}
	return out
}

// changeType names a record's change from whether it existed before and after.
func changeType(kind RecordKind, before, after bool) ChangeType {
	family := "NODE"
	switch kind {
	case RecordClaim, RecordAlias:
		family = "CLAIM"
	case RecordRelationship:
		family = "RELATIONSHIP"
	}
	switch {
	case !before:
		return ChangeType(family + "_CREATED")
	case !after:
		return ChangeType(family + "_RETRACTED")
	}
	return ChangeType(family + "_CHANGED")
}

// recordNodes are the nodes a record of an audit entry is or belongs to.
func recordNodes(r RecordChange) []string {
	switch r.Kind {
	case RecordClaim, RecordAlias:
		if owner, ok := ClaimOwner(r.ID); ok {
			return []string{owner}
		}
		return nil
	case RecordRelationship:
		if _, from, to := relationOfRecord(r); from != "" {
			return endsOf(from, to)
		}
		return nil
	}
	return []string{r.ID}
}

// relationOfRecord is the type and ends of a relationship record, as it is after the
// change or, retracted, as it was.
func relationOfRecord(r RecordChange) (RelType, string, string) {
	var rel struct {
		Type     RelType
		From, To string
	}
	raw := r.After
	if len(raw) == 0 {
		raw = r.Before
	}
	if json.Unmarshal(raw, &rel) != nil {
		return "", "", ""
	}
	return rel.Type, rel.From, rel.To
}

// withAffects sets what each record of a change reaches (reach.affects), over the data
// before and after it.
func withAffects(records []RecordChange, before, after *Dataset) []RecordChange {
	r := newReach(before, after)
	for i := range records {
		typ, from, to := relationOfRecord(records[i])
		records[i].Affects = r.affects(records[i].Kind, recordNodes(records[i]), typ, from, to)
	}
	return records
}

func endsOf(from, to string) []string {
	if from == to {
		return []string{from}
	}
	return []string{from, to}
}

// ImportChanges returns what importing after over before changes, record by record (both
// prepared): nodes created or changed (ignoring their claims, which are records of
// their own), claims created, changed and removed, relationships created, changed and
// removed, and nodes removed, each group in id order. Versions are left for the caller.
func ImportChanges(before, after *Dataset) []ImportedRecord {
	var out []ImportedRecord
	oldNodes := map[string]Node{}
	for _, n := range before.Nodes() {
		oldNodes[n.NodeID()] = n
	}
	newNodes := map[string]Node{}
	for _, n := range after.Nodes() {
		newNodes[n.NodeID()] = n
	}
	for _, id := range slices.Sorted(maps.Keys(newNodes)) {
		old, existed := oldNodes[id]
		switch {
		case !existed:
			out = append(out, ImportedRecord{ID: id, Kind: nodeRecordKind(newNodes[id]), Type: NodeCreated, Nodes: []string{id}})
		case !sameWithoutClaims(old, newNodes[id]):
			out = append(out, ImportedRecord{ID: id, Kind: nodeRecordKind(newNodes[id]), Type: NodeChanged, Nodes: []string{id}})
		}
	}
	out = append(out, claimChanges(oldNodes, newNodes)...)
	oldRels := relationsByID(before)
	newRels := relationsByID(after)
	for _, id := range slices.Sorted(maps.Keys(newRels)) {
		r := newRels[id]
		old, existed := oldRels[id]
		switch {
		case !existed:
			out = append(out, ImportedRecord{ID: id, Kind: RecordRelationship, Type: RelationshipCreated, Nodes: endsOf(r.From, r.To)})
		case !sameStored(stripDerived(old), stripDerived(r)):
			out = append(out, ImportedRecord{ID: id, Kind: RecordRelationship, Type: RelationshipChanged, Nodes: endsOf(r.From, r.To)})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(oldRels)) {
		if _, kept := newRels[id]; !kept {
			r := oldRels[id]
			out = append(out, ImportedRecord{ID: id, Kind: RecordRelationship, Type: RelationshipRetracted, Nodes: endsOf(r.From, r.To)})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(oldNodes)) {
		if _, kept := newNodes[id]; !kept {
			out = append(out, ImportedRecord{ID: id, Kind: nodeRecordKind(oldNodes[id]), Type: NodeRetracted, Nodes: []string{id}})
		}
	}
	reached := newReach(before, after)
	for i := range out {
		var typ RelType
		var from, to string
		if r := cmp.Or(newRels[out[i].ID], oldRels[out[i].ID]); out[i].Kind == RecordRelationship && r != nil {
			typ, from, to = r.Type, r.From, r.To
		}
		out[i].Affects = reached.affects(out[i].Kind, out[i].Nodes, typ, from, to)
	}
	return out
}

// claimChanges compares the claims of every node, by claim id.
func claimChanges(oldNodes, newNodes map[string]Node) []ImportedRecord {
	claimsOf := func(nodes map[string]Node) map[string]PropertyClaim {
		out := map[string]PropertyClaim{}
		for id, n := range nodes {
			for _, c := range ClaimsOf(n) {
				out[ClaimID(id, c.Property, c.Value)] = c
			}
		}
		return out
	}
	oldClaims, newClaims := claimsOf(oldNodes), claimsOf(newNodes)
	var out []ImportedRecord
	record := func(id string, c PropertyClaim, typ ChangeType) {
		owner, _ := ClaimOwner(id)
		kind := RecordClaim
		if c.Property == PropAlias {
			kind = RecordAlias
		}
		out = append(out, ImportedRecord{ID: id, Kind: kind, Type: typ, Nodes: []string{owner}})
	}
	for _, id := range slices.Sorted(maps.Keys(newClaims)) {
		old, existed := oldClaims[id]
		switch {
		case !existed:
			record(id, newClaims[id], ClaimCreated)
		case !sameStored(old, newClaims[id]):
			record(id, newClaims[id], ClaimChanged)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(oldClaims)) {
		if _, kept := newClaims[id]; !kept {
			record(id, oldClaims[id], ClaimRetracted)
		}
	}
	return out
}

func relationsByID(ds *Dataset) map[string]*Relation {
	out := make(map[string]*Relation, len(ds.Relations))
	for _, r := range ds.Relations {
		id := r.ID
		if id == "" {
			id = DefaultRelationID(r.Type, r.From, r.To)
		}
		out[id] = r
	}
	return out
}

// nodeRecordKind is the curation workflow's kind of a node record.
func nodeRecordKind(n Node) RecordKind {
	switch n.NodeKind() {
	case StatementNode:
		return RecordStatement
	case SourceNode:
		return RecordSource
	}
	return RecordNode
}

// sameWithoutClaims compares two nodes' dataset-format records, claims left out.
func sameWithoutClaims(a, b Node) bool {
	if sameStored(a, b) {
		return true
	}
	var x, y map[string]any
	ra, errA := json.Marshal(a)
	rb, errB := json.Marshal(b)
	if errA != nil || errB != nil || json.Unmarshal(ra, &x) != nil || json.Unmarshal(rb, &y) != nil {
		return false
	}
	delete(x, "claims")
	delete(y, "claims")
	return reflect.DeepEqual(x, y)
}

// ChangeFilter selects events; zero fields do not filter.
type ChangeFilter struct {
	Types []ChangeType
	// IDs keeps events about these records, about records of these nodes (a claim of a
	// node, a relationship touching it), or affecting these nodes (ChangeEvent.Affects).
	IDs []string
}

// MaxFilterIDs bounds the ids one filter may name.
const MaxFilterIDs = 100

// Check returns EINVALID for an unknown type or too many ids.
func (f ChangeFilter) Check() error {
	for _, t := range f.Types {
		if !slices.Contains(ChangeTypes, t) {
			return Errorf(EINVALID, "unknown change type %q", t)
		}
	}
	if len(f.IDs) > MaxFilterIDs {
		return Errorf(EINVALID, "a change filter names at most %d ids, got %d", MaxFilterIDs, len(f.IDs))
	}
	return nil
}

// Matches reports whether f selects e.
func (f ChangeFilter) Matches(e ChangeEvent) bool {
	if len(f.Types) > 0 && !slices.Contains(f.Types, e.Type) {
		return false
	}
	if len(f.IDs) == 0 || slices.Contains(f.IDs, e.Record) {
		return true
	}
	asked := func(n string) bool { return slices.Contains(f.IDs, n) }
	return slices.ContainsFunc(e.Nodes, asked) || slices.ContainsFunc(e.Affects, asked)
}

// ChangesAfter returns up to limit events of entries (in revision order) that come
// after pos and match f, and the position up to which entries were examined: the last
// event returned when the limit was reached, otherwise the last entry's whole revision
// (so a later read resumes past entries that gave no matching event); more says the
// limit cut the list short.
func ChangesAfter(entries []AuditEntry, pos FeedPosition, f ChangeFilter, limit int) (events []ChangeEvent, last FeedPosition, more bool) {
	var out []ChangeEvent
	last = pos
	for _, e := range entries {
		for _, ev := range ChangesOf(e) {
			if !pos.Before(ev.Position()) || !f.Matches(ev) {
				continue
			}
			if len(out) == limit {
				return out, last, true
			}
			out = append(out, ev)
			last = ev.Position()
		}
		if pos.Before(AfterRevision(e.Revision)) {
			last = AfterRevision(e.Revision)
		}
	}
	return out, last, false
}

// ReasonOrNull is the reason, nil when the entry gave none.
func (e ChangeEvent) ReasonOrNull() *string { return orNull(e.Reason) }

// ProposalOrNull is the accepted proposal's id, nil for an edit or an import.
func (e ChangeEvent) ProposalOrNull() *string { return orNull(e.Proposal) }

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// String describes the event for logs.
func (e ChangeEvent) String() string {
	return fmt.Sprintf("%s %s %s v%d by %s", e.Cursor(), e.Type, e.Record, e.Version, e.Actor)
}
