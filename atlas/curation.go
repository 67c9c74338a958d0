package atlas

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"
)

// CurationStore is the port the curation workflow (Curator) writes through. Both stores
// implement it beside Store; the conformance suite holds them to the same contract.
//
// Every write is a Commit made against a revision: the store applies it only if its
// revision is still that one, so a change computed on a snapshot is never applied over
// a newer one. The revision is the order of the audit log: each entry carries the
// revision its commit produced, so a feed can tail the log by revision.
type CurationStore interface {
	// Versions returns the version of each record key (a node id, a relationship id or
	// a claim id), in key order: 1 for a record no accepted change has touched (or one
	// that does not exist yet), plus one per accepted change that touched it.
	Versions(ctx context.Context, keys []string) ([]int64, error)

	// Commit applies c atomically: the data change (if any), the version bumps, the
	// proposal (created or replaced) and the audit entry, and moves the revision from
	// c.Revision to c.Entry.Revision. When the revision is no longer c.Revision it
	// returns ErrStale and writes nothing.
	Commit(ctx context.Context, c Commit) error

	// Proposal returns the proposal with the given id; ENOTFOUND when there is none.
	Proposal(ctx context.Context, id string) (Proposal, error)

	// Proposals returns proposals in q's status (all when empty), newest first.
	Proposals(ctx context.Context, q ProposalQuery) ([]Proposal, error)

	// AuditLog returns the audit entries that match q in revision order (oldest first).
	AuditLog(ctx context.Context, q AuditQuery) ([]AuditEntry, error)
}

// ErrStale is what Commit returns when the store moved on since the commit's revision;
// the Curator then recomputes the change on the newer data.
var ErrStale = errors.New("the store's revision moved on")

// Commit is one atomic write of the curation workflow.
type Commit struct {
	// Revision is the revision the commit was computed at; Entry.Revision is the next.
	Revision int64
	// Data is the change to the graph; nil for a proposal or a rejection.
	Data *DataChange
	// Bump lists the record keys whose versions go up by one.
	Bump []string
	// Proposal is stored as given (created or replaced); nil for a direct edit.
	Proposal *Proposal
	Entry    AuditEntry
}

// DataChange is what an accepted change writes: the records that differ, by id, and
// the whole graph after the change (which the embedded store loads instead of patching
// its indexes).
type DataChange struct {
	UpsertNodes     []Node
	DeleteNodes     []string
	UpsertRelations []*Relation
	DeleteRelations []*Relation
	// After is the prepared dataset as it is after the change.
	After *Dataset
}

// ProposalStatus is where a proposal is in review.
type ProposalStatus string

const (
	Pending  ProposalStatus = "PENDING"
	Accepted ProposalStatus = "ACCEPTED"
	Rejected ProposalStatus = "REJECTED"
)

// Proposal is a change a contributor asks for, waiting for a curator's review.
type Proposal struct {
	ID     string         `json:"id"`
	Change Change         `json:"change"`
	Status ProposalStatus `json:"status"`
	// By and At say who proposed it and when; Reason is why.
	By     string    `json:"by"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason,omitempty"`
	// BaseVersions are the versions of the records the change touches, as they were when
	// it was proposed: accepting after any of them moved is a CONFLICT.
	BaseVersions map[string]int64 `json:"baseVersions"`
	// Revision is the revision at which it was proposed.
	Revision int64 `json:"revision"`
	// Keys are the record keys whose history the proposal belongs to.
	Keys []string `json:"keys"`
	// The review, once there is one.
	ReviewedBy     string     `json:"reviewedBy,omitempty"`
	ReviewedAt     *time.Time `json:"reviewedAt,omitempty"`
	ReviewReason   string     `json:"reviewReason,omitempty"`
	ReviewRevision int64      `json:"reviewRevision,omitempty"`
}

// ProposalQuery selects proposals.
type ProposalQuery struct {
	Status ProposalStatus
	Limit  int
}

// AuditAction is what an audit entry records.
type AuditAction string

const (
	ActionProposed AuditAction = "PROPOSED" // a contributor proposed a change; nothing applied
	ActionRejected AuditAction = "REJECTED" // a curator rejected a proposal; nothing applied
	ActionAccepted AuditAction = "ACCEPTED" // a curator accepted a proposal; the change applied
	ActionEdited   AuditAction = "EDITED"   // a curator changed the data directly
)

// AuditEntry is one step of the append-only audit log.
type AuditEntry struct {
	// Revision is the store revision the entry's commit produced: entries are ordered by it.
	Revision int64       `json:"revision"`
	Action   AuditAction `json:"action"`
	Actor    string      `json:"actor"`
	Role     Role        `json:"role"`
	At       time.Time   `json:"at"`
	Reason   string      `json:"reason,omitempty"`
	// Proposal is the proposal the entry is about; empty for a direct edit.
	Proposal string `json:"proposal,omitempty"`
	// Change is what was proposed or applied, with its citation.
	Change Change `json:"change"`
	// Records are the records the change is about, with their state before and after
	// (both set only when the change applied).
	Records []RecordChange `json:"records"`
	// Keys are every record key the entry belongs to the history of: the changed
	// records and the nodes they belong to or join.
	Keys []string `json:"keys"`
	// Imported lists what an IMPORTED entry's import changed, record by record (the
	// change feed's events; see ChangesOf).
	Imported []ImportedRecord `json:"imported,omitempty"`
}

// RecordChange is one record's state before and after a change, in the dataset format;
// nil when it did not exist (before an addition, after a retraction).
type RecordChange struct {
	ID      string          `json:"id"`
	Kind    RecordKind      `json:"kind"`
	Version int64           `json:"version"`
	Before  json.RawMessage `json:"before,omitempty"`
	After   json.RawMessage `json:"after,omitempty"`
	// Affects are the nodes whose answers the change may alter (see affects.go), worked
	// out when it is committed; none in entries written before they were kept.
	Affects []string `json:"affects,omitempty"`
}

// AuditQuery selects audit entries; zero fields do not filter.
type AuditQuery struct {
	// Key keeps entries in the history of this record (see AuditEntry.Keys).
	Key string
	// Actor keeps the entries of one person.
	Actor string
	// Since and Until bound the time (Since inclusive, Until exclusive).
	Since, Until *time.Time
	// AfterRevision keeps entries with a later revision.
	AfterRevision int64
	// Limit: 0 means no limit.
	Limit int
}

// Matches reports whether e is selected by q (the embedded store filters with it).
func (q AuditQuery) Matches(e AuditEntry) bool {
	if q.Key != "" && !slices.Contains(e.Keys, q.Key) {
		return false
	}
	if q.Actor != "" && e.Actor != q.Actor {
		return false
	}
	if q.Since != nil && e.At.Before(*q.Since) {
		return false
	}
	if q.Until != nil && !e.At.Before(*q.Until) {
		return false
	}
	return e.Revision > q.AfterRevision
}

// ClaimID is the stable id of a property claim (and of an alias, which is a claim of
// the ALIAS property): the node, the property and a digest of the value, so that it
// never changes while the claim exists and reads as what it is:
// "group/central-leading-group-for-foreign-affairs/claims/name-zh/3f0c9d2e1a7b".
func ClaimID(nodeID string, p PropertyName, value string) string {
	sum := sha256.Sum256([]byte(value))
	return nodeID + "/claims/" + strings.ReplaceAll(strings.ToLower(string(p)), "_", "-") + "/" + hex.EncodeToString(sum[:6])
}

// CheckRecordID is EINVALID unless id has the form of a record's id: a node id, a claim
// id (the node's id, "/claims/", the property and a digest) or a relationship id (its
// type, the ids of its two ends, and for a second relation between them a suffix). A
// derived chair's id names an inference, not a record. Whether the record exists is
// another question: an ADD expects version 1 of the id it will create.
func CheckRecordID(id string) error {
	if strings.HasPrefix(id, DerivedIDPrefix) {
		return Errorf(EINVALID, "%q is a derived chair: an inference from its premises, not a record; see the premises (derivedFrom)", id)
	}
	if _, err := KindOfID(id); err == nil {
		return nil
	}
	if owner, ok := ClaimOwner(id); ok {
		if _, err := KindOfID(owner); err == nil {
			return nil
		}
	}
	if parts := strings.Split(id, "/"); len(parts) == 5 || len(parts) == 6 {
		_, errFrom := KindOfID(parts[1] + "/" + parts[2])
		_, errTo := KindOfID(parts[3] + "/" + parts[4])
		if slices.Contains(RelTypes, RelType(strings.ToUpper(parts[0]))) && errFrom == nil && errTo == nil {
			return nil
		}
	}
	return Errorf(EINVALID, "%q is not the id of a node, relationship or claim", id)
}

// ClaimOwner returns the node id a claim id belongs to, or false when id is not a
// claim id.
func ClaimOwner(id string) (string, bool) {
	node, _, ok := strings.Cut(id, "/claims/")
	return node, ok
}

// FindClaim returns the claim of ds with the given id and its node.
func FindClaim(ds *Dataset, id string) (Node, PropertyClaim, bool) {
	owner, ok := ClaimOwner(id)
	if !ok {
		return nil, PropertyClaim{}, false
	}
	n := ds.Node(owner)
	if n == nil {
		return nil, PropertyClaim{}, false
	}
	for _, c := range ClaimsOf(n) {
		if ClaimID(owner, c.Property, c.Value) == id {
			return n, c.Clone(), true
		}
	}
	return nil, PropertyClaim{}, false
}

// Node returns the node of ds with the given id, nil when there is none.
func (d *Dataset) Node(id string) Node {
	for _, n := range d.Nodes() {
		if n.NodeID() == id {
			return n
		}
	}
	return nil
}

// Relation returns the relation of ds with the given id (its default id when it has
// none), nil when there is none.
func (d *Dataset) Relation(id string) *Relation {
	for _, r := range d.Relations {
		rid := r.ID
		if rid == "" {
			rid = DefaultRelationID(r.Type, r.From, r.To)
		}
		if rid == id {
			return r
		}
	}
	return nil
}
