package atlas

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Curator is the curation workflow: contributors propose changes, curators accept or
// reject them or edit directly, and every step is an audit entry. Every change is
// applied to a copy of the graph and checked whole (CheckDataset) before it is
// written, and every write is one Commit made against the revision it was computed at,
// so both stores behave the same and nothing is ever half applied.
type Curator struct {
	store Store
	cur   CurationStore
	now   func() time.Time
	// forgiven are the problems of the data at one revision (problemsOf), which every
	// write at that revision is checked against (CheckChange's rule); pending are those
	// of the data the write being committed leaves. Both are the turn holder's.
	forgiven, pending problemsAt
	// turn makes this process's writes take turns; Commit's revision check covers other
	// processes sharing the store.
	turn writeTurn
}

// problemsAt are the problems of the data at a revision.
type problemsAt struct {
	revision int64
	problems []map[string]bool
}

// writeTurn is a lock a waiting write gives up when its request ends: writes queued
// behind a slow one at shutdown answer UNAVAILABLE (the cause the server cancels them
// with) instead of holding the shutdown up until their connections are cut.
type writeTurn chan struct{}

func (t writeTurn) take(ctx context.Context) error {
	select {
	case t <- struct{}{}:
		return nil
	case <-ctx.Done():
		var coded *Error
		if cause := context.Cause(ctx); errors.As(cause, &coded) {
			return coded
		}
		return ctx.Err()
	}
}

func (t writeTurn) release() { <-t }

// NewCurator returns the workflow over a store; now is the clock of the audit log.
func NewCurator(store Store, cur CurationStore, now func() time.Time) *Curator {
	if now == nil {
		now = time.Now
	}
	return &Curator{store: store, cur: cur, now: func() time.Time { return now().UTC().Truncate(time.Millisecond) },
		turn: make(writeTurn, 1)}
}

// maxAttempts bounds how often a write is recomputed when other writers keep moving the
// store's revision; past it the write is EUNAVAILABLE.
const maxAttempts = 8

// commit runs attempt until its commit is not stale.
func (c *Curator) commit(ctx context.Context, attempt func(rev int64, ds *Dataset) (Commit, error)) (Commit, error) {
	if err := c.turn.take(ctx); err != nil {
		return Commit{}, err
	}
	defer c.turn.release()
	for range maxAttempts {
		rev, err := c.store.Revision(ctx)
		if err != nil {
			return Commit{}, err
		}
		ds, err := c.store.Snapshot(ctx)
		if err != nil {
			return Commit{}, err
		}
		cm, err := attempt(rev, ds)
		if err != nil {
			return Commit{}, err
		}
		cm.Revision, cm.Entry.Revision = rev, rev+1
		switch err := c.cur.Commit(ctx, cm); {
		case errors.Is(err, ErrStale):
			continue
		case err != nil:
			return Commit{}, err
		}
		c.committed(rev, cm)
		return cm, nil
	}
	return Commit{}, Errorf(EUNAVAILABLE, "the data kept changing while the change was being applied; try again")
}

// versions returns the current versions of keys, by key.
func (c *Curator) versions(ctx context.Context, keys []string) (map[string]int64, error) {
	vs, err := c.cur.Versions(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(keys))
	for i, k := range keys {
		out[k] = vs[i]
	}
	return out, nil
}

// tryApply applies ch to a copy of ds and checks the result whole.
func (c *Curator) tryApply(rev int64, ds *Dataset, ch Change) (*Dataset, Applied, error) {
	after := ds.Clone()
	applied, err := ch.Apply(after)
	if err != nil {
		return nil, applied, err
	}
	if c.forgiven.problems == nil || c.forgiven.revision != rev {
		c.forgiven = problemsAt{rev, problemsOf(ds)}
	}
	problems, err := checkAgainst(c.forgiven.problems, after)
	if err != nil {
		return nil, applied, err
	}
	c.pending = problemsAt{rev + 1, problems}
	return after, applied, nil
}

// committed moves the problems of the data on to revision rev+1, the commit cm made at
// rev: the data a change left, or the same data for a commit of none (a proposal, a
// rejection). The whole-graph checks take most of a write's time, and each write would
// otherwise work out the problems of the data before it, which the write before it has
// just worked out.
func (c *Curator) committed(rev int64, cm Commit) {
	switch {
	case cm.Data != nil && c.pending.revision == rev+1:
		c.forgiven = c.pending
	case cm.Data == nil && c.forgiven.revision == rev && c.forgiven.problems != nil:
		c.forgiven.revision = rev + 1
	}
}

func (c *Curator) entry(ctx context.Context, action AuditAction, reason string) AuditEntry {
	who := PrincipalFrom(ctx)
	return AuditEntry{Action: action, Actor: who.Name(), Role: who.Role, At: c.now(), Reason: strings.TrimSpace(reason)}
}

// Propose records a contributor's change for review. It is checked now, on the graph
// as it would be after it: an invalid change is EINVALID and nothing is recorded.
// Needs CONTRIBUTOR.
func (c *Curator) Propose(ctx context.Context, ch Change, reason string) (Proposal, error) {
	if err := PrincipalFrom(ctx).Require(RoleContributor, "proposing a change"); err != nil {
		return Proposal{}, err
	}
	cm, err := c.commit(ctx, func(rev int64, ds *Dataset) (Commit, error) {
		_, applied, err := c.tryApply(rev, ds, ch)
		if err != nil {
			return Commit{}, err
		}
		base, err := c.versions(ctx, applied.RecordIDs())
		if err != nil {
			return Commit{}, err
		}
		e := c.entry(ctx, ActionProposed, reason)
		p := Proposal{ID: fmt.Sprintf("proposal/%d", rev+1), Change: ch, Status: Pending, By: e.Actor, At: e.At,
			Reason: e.Reason, BaseVersions: base, Revision: rev + 1, Keys: applied.Keys}
		e.Proposal, e.Change, e.Keys = p.ID, ch, applied.Keys
		e.Records = withVersions(applied.Records, base, 0)
		return Commit{Proposal: &p, Entry: e}, nil
	})
	if err != nil {
		return Proposal{}, err
	}
	return *cm.Proposal, nil
}

// Accept applies a pending proposal atomically. When a record it touches changed since
// it was proposed, or it was already reviewed, it is ECONFLICT and nothing is applied.
// Needs CURATOR and a reason.
func (c *Curator) Accept(ctx context.Context, id, reason string) (Proposal, error) {
	return c.review(ctx, id, reason, true)
}

// Reject closes a pending proposal without applying it. Needs CURATOR and a reason.
func (c *Curator) Reject(ctx context.Context, id, reason string) (Proposal, error) {
	return c.review(ctx, id, reason, false)
}

func (c *Curator) review(ctx context.Context, id, reason string, accept bool) (Proposal, error) {
	action := map[bool]string{true: "accepting a proposal", false: "rejecting a proposal"}[accept]
	if err := PrincipalFrom(ctx).Require(RoleCurator, action); err != nil {
		return Proposal{}, err
	}
	if strings.TrimSpace(reason) == "" {
		return Proposal{}, Errorf(EINVALID, "%s needs a reason", action)
	}
	cm, err := c.commit(ctx, func(rev int64, ds *Dataset) (Commit, error) {
		p, err := c.cur.Proposal(ctx, id)
		if err != nil {
			return Commit{}, err
		}
		if p.Status != Pending {
			return Commit{}, Errorf(ECONFLICT, "%s was already %s by %s", p.ID, strings.ToLower(string(p.Status)), p.ReviewedBy)
		}
		// Review means a second curator: accepting one's own proposal is an edit with a
		// reviewer's name on it. Withdrawing it (a rejection) is one's own to do.
		if accept && p.By == PrincipalFrom(ctx).Subject {
			return Commit{}, Errorf(EINVALID, "%s was proposed by %s, who may not accept it: another curator reviews it (or edit directly)", p.ID, p.By)
		}
		e := c.entry(ctx, ActionRejected, reason)
		p.ReviewedBy, p.ReviewedAt, p.ReviewReason, p.ReviewRevision = e.Actor, &e.At, e.Reason, rev+1
		e.Proposal, e.Change, e.Keys = p.ID, p.Change, p.Keys
		if !accept {
			p.Status = Rejected
			return Commit{Proposal: &p, Entry: e}, nil
		}
		keys := slices.Sorted(maps.Keys(p.BaseVersions))
		now, err := c.versions(ctx, keys)
		if err != nil {
			return Commit{}, err
		}
		if err := conflicts(p.ID, p.BaseVersions, now); err != nil {
			return Commit{}, err
		}
		after, applied, err := c.tryApply(rev, ds, p.Change)
		if err != nil {
			return Commit{}, err
		}
		// The change may now touch a record it did not touch when proposed (a PREFERRED
		// value added since, which it would demote): that is not what was reviewed.
		for _, id := range applied.RecordIDs() {
			if _, ok := p.BaseVersions[id]; !ok {
				return Commit{}, Errorf(ECONFLICT, "%s now also changes %s, which it did not when proposed; nothing was applied", p.ID, id)
			}
		}
		p.Status, e.Action = Accepted, ActionAccepted
		return c.applyCommit(ctx, ds, after, applied, &p, e)
	})
	if err != nil {
		return Proposal{}, err
	}
	return *cm.Proposal, nil
}

// Edit applies a curator's change directly when the record it targets (the target of a
// CHANGE or RETRACT, the new record of an ADD) is still at expectedVersion; otherwise it
// is ECONFLICT and nothing is applied. Needs CURATOR.
func (c *Curator) Edit(ctx context.Context, ch Change, expectedVersion int64, reason string) (AuditEntry, error) {
	if err := PrincipalFrom(ctx).Require(RoleCurator, "editing directly"); err != nil {
		return AuditEntry{}, err
	}
	cm, err := c.commit(ctx, func(rev int64, ds *Dataset) (Commit, error) {
		after, applied, err := c.tryApply(rev, ds, ch)
		if err != nil {
			return Commit{}, err
		}
		target := ch.Target
		if ch.Op == OpAdd {
			target = applied.Records[len(applied.Records)-1].ID
		}
		now, err := c.versions(ctx, []string{target})
		if err != nil {
			return Commit{}, err
		}
		if err := conflicts("the edit", map[string]int64{target: expectedVersion}, now); err != nil {
			return Commit{}, err
		}
		e := c.entry(ctx, ActionEdited, reason)
		e.Change, e.Keys = ch, applied.Keys
		return c.applyCommit(ctx, ds, after, applied, nil, e)
	})
	if err != nil {
		return AuditEntry{}, err
	}
	return cm.Entry, nil
}

// applyCommit is the commit of an applied change: the records that differ, the version
// bumps, and the entry naming each record's new version.
func (c *Curator) applyCommit(ctx context.Context, before, after *Dataset, applied Applied, p *Proposal, e AuditEntry) (Commit, error) {
	ids := applied.RecordIDs()
	now, err := c.versions(ctx, ids)
	if err != nil {
		return Commit{}, err
	}
	e.Records = withAffects(withVersions(applied.Records, now, 1), before, after)
	return Commit{Data: Diff(before, after.Prepared()), Bump: withClaimOwners(ids), Proposal: p, Entry: e}, nil
}

// withClaimOwners adds to ids the node of each claim among them: a node is read and
// written with its claims (a claim edit may change its plain field), so an edit of the
// node made from a read before a claim edit must find the node moved, not undo it.
func withClaimOwners(ids []string) []string {
	out := slices.Clone(ids)
	for _, id := range ids {
		if owner, ok := ClaimOwner(id); ok && !slices.Contains(out, owner) {
			out = append(out, owner)
		}
	}
	return out
}

func withVersions(records []RecordChange, versions map[string]int64, add int64) []RecordChange {
	out := slices.Clone(records)
	for i := range out {
		out[i].Version = versions[out[i].ID] + add
	}
	return out
}

// conflicts is ECONFLICT naming every record whose version is not the expected one.
func conflicts(what string, expected, now map[string]int64) error {
	var moved []string
	for _, k := range slices.Sorted(maps.Keys(expected)) {
		if now[k] != expected[k] {
			moved = append(moved, fmt.Sprintf("%s is at version %d, not %d", k, now[k], expected[k]))
		}
	}
	if len(moved) > 0 {
		return Errorf(ECONFLICT, "%s was made against versions that changed since: %s; nothing was applied", what, strings.Join(moved, "; "))
	}
	return nil
}

// Diff returns the records of after that differ from before (both prepared), and the
// records before has and after lacks: PlanImport's change.
func Diff(before, after *Dataset) *DataChange {
	_, d := PlanImport(StoredRecordsOf(before), after)
	return d
}

// Proposal returns a proposal. Needs CONTRIBUTOR.
func (c *Curator) Proposal(ctx context.Context, id string) (Proposal, error) {
	if err := PrincipalFrom(ctx).Require(RoleContributor, "reading proposals"); err != nil {
		return Proposal{}, err
	}
	return c.cur.Proposal(ctx, id)
}

// Proposals lists proposals, newest first. Needs CONTRIBUTOR.
func (c *Curator) Proposals(ctx context.Context, q ProposalQuery) ([]Proposal, error) {
	if err := PrincipalFrom(ctx).Require(RoleContributor, "reading proposals"); err != nil {
		return nil, err
	}
	return c.cur.Proposals(ctx, q)
}

// History returns the audit entries in the history of one record (a node, a
// relationship or a claim), oldest first. Anyone may read it: it is the provenance of
// what the API shows.
func (c *Curator) History(ctx context.Context, key string) ([]AuditEntry, error) {
	return c.cur.AuditLog(ctx, AuditQuery{Key: key})
}

// HistoryIndex returns every record's history (History) at once, by record key, for a
// request that asks for the histories of many records: one read of the log.
func (c *Curator) HistoryIndex(ctx context.Context) (map[string][]AuditEntry, error) {
	entries, err := c.cur.AuditLog(ctx, AuditQuery{})
	if err != nil {
		return nil, err
	}
	out := map[string][]AuditEntry{}
	for _, e := range entries {
		for _, k := range e.Keys {
			out[k] = append(out[k], e)
		}
	}
	return out, nil
}

// AuditLog returns the audit entries q selects, oldest first. Needs CURATOR.
func (c *Curator) AuditLog(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	if err := PrincipalFrom(ctx).Require(RoleCurator, "reading the audit log"); err != nil {
		return nil, err
	}
	return c.cur.AuditLog(ctx, q)
}

// Version returns the version of one record.
func (c *Curator) Version(ctx context.Context, key string) (int64, error) {
	vs, err := c.cur.Versions(ctx, []string{key})
	if err != nil {
		return 0, err
	}
	return vs[0], nil
}
