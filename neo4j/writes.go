package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// Every import or commit that makes a revision records, in its own transaction, which
// nodes it touched (append_write). A process that did not make the write (another replica
// on the namespace) learns of it only from the revision; with these records it reads
// back just those nodes and their relationships (changeSince) instead of the whole
// namespace.
var (
	stmtAppendWrite  = load("append_write")
	stmtWritesSince  = load("writes_since")
	maxListedTouched = 10000 // above it a write is recorded as touching everything
	// A search further behind than this reads the whole namespace rather than every
	// record in between, so a namespace keeps the records of its last maxWritesBehind
	// revisions only.
	maxWritesBehind = int64(1000)
)

// touchedNodes are the nodes d touches: each node it writes or deletes, and the start of
// each relationship it writes or deletes (a relationship is read back with its start's
// outgoing ones), sorted. nil (recorded as null) when there are more than
// maxListedTouched: a reader then reads the whole namespace.
func touchedNodes(d *atlas.DataChange) []string {
	ids := []string{}
	if d == nil {
		return ids
	}
	for _, n := range d.UpsertNodes {
		ids = append(ids, n.NodeID())
	}
	ids = append(ids, d.DeleteNodes...)
	for _, r := range d.UpsertRelations {
		ids = append(ids, r.From)
	}
	for _, r := range d.DeleteRelations {
		ids = append(ids, r.From)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) > maxListedTouched {
		return nil
	}
	return ids
}

// appendWrite records in tx the nodes that d, the write making revision, touched.
func (s *Store) appendWrite(ctx context.Context, tx runner, revision int64, d *atlas.DataChange) error {
	recs, err := tx.run(ctx, stmtAppendWrite, map[string]any{"ns": s.ns, "revision": revision, "nodes": touchedNodes(d), "kept": maxWritesBehind})
	if err != nil {
		return err
	}
	if n := countOf(recs, "appended"); n != 1 {
		return fmt.Errorf("%s: appended %d of 1", stmtAppendWrite.name, n)
	}
	return nil
}

// changeSince reads in tx what changed from revision from to revision to, for the search
// analysis kept at from (an, whose relationships by start it needs to tell the deleted
// ones): every node a write in between touched, as it is now (or deleted), with its
// outgoing relationships (written, and deleted when an has one the read lacks). ok is
// false when a revision in between has no write record listing its nodes (made by an
// earlier release, or touching more than maxListedTouched) or there are more than
// maxWritesBehind of them: then only the whole namespace tells.
func (s *Store) changeSince(ctx context.Context, tx runner, an analysis, to int64) (change *atlas.DataChange, ok bool, err error) {
	from := an.index.revision
	if to-from > maxWritesBehind {
		return nil, false, nil
	}
	recs, err := tx.run(ctx, stmtWritesSince, map[string]any{"ns": s.ns, "after": from, "upTo": to})
	if err != nil || int64(len(recs)) != to-from {
		return nil, false, err
	}
	var touched []string
	for i, rec := range recs {
		rev, _ := rec["revision"].(int64)
		nodes, listed := rec["nodes"].([]any)
		if rev != from+1+int64(i) || !listed {
			return nil, false, nil
		}
		for _, node := range nodes {
			id, _ := node.(string)
			touched = append(touched, id)
		}
	}
	slices.Sort(touched)
	touched = slices.Compact(touched)
	change = &atlas.DataChange{}
	if len(touched) == 0 {
		return change, true, nil
	}
	nodes, err := s.nodesByID(ctx, tx, touched, nil)
	if err != nil {
		return nil, false, err
	}
	q, err := atlas.RelationQuery{IDs: touched, Direction: atlas.Outgoing}.Normalized()
	if err != nil {
		return nil, false, err
	}
	rows, err := s.relationsIn(ctx, tx, q)
	if err != nil {
		return nil, false, err
	}
	for _, id := range touched {
		if n, ok := nodes[id]; ok {
			change.UpsertNodes = append(change.UpsertNodes, n)
		} else {
			change.DeleteNodes = append(change.DeleteNodes, id)
		}
	}
	now := map[string]bool{}
	for _, rels := range rows[0] {
		for _, r := range rels {
			now[r.ID] = true
			change.UpsertRelations = append(change.UpsertRelations, &r)
		}
	}
	starts := make(map[string]bool, len(touched))
	for _, id := range touched {
		starts[id] = true
	}
	for id, r := range an.index.rels {
		if starts[r.From] && !now[id] {
			change.DeleteRelations = append(change.DeleteRelations, r)
		}
	}
	// Map order: both in id order, so that an analysis derived twice is the same.
	byID := func(a, b *atlas.Relation) int { return strings.Compare(a.ID, b.ID) }
	slices.SortFunc(change.UpsertRelations, byID)
	slices.SortFunc(change.DeleteRelations, byID)
	return change, true, nil
}

// warmWritesSince plans writes_since, for warm: only a search after another process's
// write reads it, and its wait for the plan would fall on that search.
func (s *Store) warmWritesSince(ctx context.Context) {
	_ = s.read(ctx, "writes since", func(tx runner) error {
		_, err := tx.run(ctx, stmtWritesSince, map[string]any{"ns": s.ns, "after": int64(0), "upTo": int64(0)})
		return err
	})
}
