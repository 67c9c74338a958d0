package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"lsgatlas/atlas"
)

var _ atlas.CurationStore = (*Store)(nil)

var (
	stmtVersions     = load("versions")
	stmtBumpVersions = load("bump_versions")
	stmtPutProposal  = load("put_proposal")
	stmtAppendAudit  = load("append_audit")
	stmtSetRevision  = load("set_revision")
	stmtProposal     = load("proposal")
	stmtProposals    = load("proposals")
	stmtAuditLog     = load("audit_log")
	stmtDropCuration = load("drop_curation")
	auditTimeLayout  = "2006-01-02T15:04:05.000Z07:00"
	maxProposals     = int64(1000)
	maxAuditEntries  = int64(1 << 40)
)

// Versions implements atlas.CurationStore in one read.
func (s *Store) Versions(ctx context.Context, keys []string) ([]int64, error) {
	out := make([]int64, len(keys))
	err := s.read(ctx, "versions", func(tx runner) error {
		recs, err := tx.run(ctx, stmtVersions, map[string]any{"ns": s.ns, "keys": keys})
		if err != nil {
			return err
		}
		changes := make(map[string]int64, len(recs))
		for _, rec := range recs {
			k, _ := rec["key"].(string)
			n, _ := rec["changes"].(int64)
			changes[k] = n
		}
		for i, k := range keys {
			out[i] = 1 + changes[k]
		}
		return nil
	})
	return out, err
}

// Commit implements atlas.CurationStore: one write transaction locks the namespace (its
// meta node, as imports do), checks the revision, writes the changed records with the
// import's own statements, bumps the versions, stores the proposal, appends the audit
// entry and the write record (appendWrite) and moves the revision. Any failure rolls all
// of it back. Once committed, the search analysis of the new revision is built from the
// one before and the change (searchCache.advance), not read again.
func (s *Store) Commit(ctx context.Context, c atlas.Commit) error {
	if c.Entry.Revision != c.Revision+1 {
		return atlas.ErrStale
	}
	entry, err := json.Marshal(c.Entry)
	if err != nil {
		return err
	}
	var proposal []byte
	if c.Proposal != nil {
		if proposal, err = json.Marshal(c.Proposal); err != nil {
			return err
		}
	}
	err = s.write(ctx, "commit", func(tx runner) error {
		recs, err := tx.run(ctx, stmtLockNamespace, map[string]any{"ns": s.ns})
		if err != nil {
			return err
		}
		if rev, _ := recs[0]["revision"].(int64); len(recs) != 1 || rev != c.Revision {
			return atlas.ErrStale
		}
		if c.Data != nil {
			if err := s.writeData(ctx, tx, c.Data); err != nil {
				return err
			}
		}
		type write struct {
			st     statement
			params map[string]any
			column string
			want   int
		}
		writes := []write{}
		if len(c.Bump) > 0 {
			writes = append(writes, write{stmtBumpVersions, map[string]any{"keys": c.Bump}, "bumped", len(c.Bump)})
		}
		if c.Proposal != nil {
			writes = append(writes, write{stmtPutProposal, map[string]any{"id": c.Proposal.ID, "json": string(proposal),
				"status": string(c.Proposal.Status), "revision": c.Proposal.Revision}, "put", 1})
		}
		keys := c.Entry.Keys
		if keys == nil {
			keys = []string{}
		}
		writes = append(writes, write{stmtAppendAudit, map[string]any{"revision": c.Entry.Revision, "actor": c.Entry.Actor,
			"at": c.Entry.At.UTC().Format(auditTimeLayout), "keys": keys, "entry": string(entry)}, "appended", 1})
		for _, w := range writes {
			w.params["ns"] = s.ns
			recs, err := tx.run(ctx, w.st, w.params)
			if err != nil {
				return err
			}
			if n := countOf(recs, w.column); n != w.want {
				return fmt.Errorf("%s: %s %d of %d", w.st.name, w.column, n, w.want)
			}
		}
		if err := s.appendWrite(ctx, tx, c.Entry.Revision, c.Data); err != nil {
			return err
		}
		_, err = tx.run(ctx, stmtSetRevision, map[string]any{"ns": s.ns, "revision": c.Entry.Revision})
		return err
	})
	if err == nil {
		// The search analysis at the new revision is the one at c.Revision with c.Data
		// applied; a commit that changes no data changes no record a search reads.
		data := c.Data
		if data == nil {
			data = &atlas.DataChange{}
		}
		s.search.advance(c.Revision, c.Entry.Revision, data, nil)
	}
	return err
}

// writeData writes the records a change touched, with the import's statements:
// relations deleted before the nodes they touch, created after the nodes they join.
func (s *Store) writeData(ctx context.Context, tx runner, d *atlas.DataChange) error {
	deleteRows, createRows, nodeRows, dropKeys := []map[string]any{}, []map[string]any{}, []map[string]any{}, []string{}
	for _, r := range d.DeleteRelations {
		deleteRows = append(deleteRows, map[string]any{"id": r.ID, "from": s.scopedID(r.From), "to": s.scopedID(r.To)})
	}
	for _, id := range d.DeleteNodes {
		dropKeys = append(dropKeys, s.scopedID(id))
	}
	for _, n := range d.UpsertNodes {
		nodeRows = append(nodeRows, map[string]any{"scopedId": s.scopedID(n.NodeID()), "nodeKind": string(n.NodeKind()), "props": nodeProps(n)})
	}
	for _, r := range d.UpsertRelations {
		createRows = append(createRows, map[string]any{"type": string(r.Type), "from": s.scopedID(r.From), "to": s.scopedID(r.To), "props": relationProps(r)})
	}
	return s.writeRows(ctx, tx, deleteRows, dropKeys, nodeRows, createRows)
}

// Proposal implements atlas.CurationStore.
func (s *Store) Proposal(ctx context.Context, id string) (atlas.Proposal, error) {
	var p atlas.Proposal
	found := false
	err := s.read(ctx, "proposal", func(tx runner) error {
		recs, err := tx.run(ctx, stmtProposal, map[string]any{"ns": s.ns, "id": id})
		if err != nil || len(recs) == 0 {
			return err
		}
		found = true
		raw, _ := recs[0]["json"].(string)
		return json.Unmarshal([]byte(raw), &p)
	})
	if err == nil && !found {
		err = atlas.Errorf(atlas.ENOTFOUND, "no proposal has id %q", id)
	}
	return p, err
}

// Proposals implements atlas.CurationStore.
func (s *Store) Proposals(ctx context.Context, q atlas.ProposalQuery) ([]atlas.Proposal, error) {
	params := map[string]any{"ns": s.ns, "status": nil, "limit": maxProposals}
	if q.Status != "" {
		params["status"] = string(q.Status)
	}
	if q.Limit > 0 {
		params["limit"] = int64(q.Limit)
	}
	var out []atlas.Proposal
	err := s.read(ctx, "proposals", func(tx runner) error {
		out = nil
		recs, err := tx.run(ctx, stmtProposals, params)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			var p atlas.Proposal
			raw, _ := rec["json"].(string)
			if err := json.Unmarshal([]byte(raw), &p); err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// AuditLog implements atlas.CurationStore in one read.
func (s *Store) AuditLog(ctx context.Context, q atlas.AuditQuery) ([]atlas.AuditEntry, error) {
	params := map[string]any{"ns": s.ns, "after": q.AfterRevision, "actor": nil, "key": nil, "since": nil, "until": nil, "limit": maxAuditEntries}
	if q.Actor != "" {
		params["actor"] = q.Actor
	}
	if q.Key != "" {
		params["key"] = q.Key
	}
	for name, t := range map[string]*time.Time{"since": q.Since, "until": q.Until} {
		if t != nil {
			params[name] = t.UTC().Format(auditTimeLayout)
		}
	}
	if q.Limit > 0 {
		params["limit"] = int64(q.Limit)
	}
	var out []atlas.AuditEntry
	err := s.read(ctx, "audit log", func(tx runner) error {
		out = nil
		recs, err := tx.run(ctx, stmtAuditLog, params)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			var e atlas.AuditEntry
			raw, _ := rec["entry"].(string)
			if err := json.Unmarshal([]byte(raw), &e); err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}
