package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// Import implements atlas.Store. The dataset is validated whole before anything is
// written, so an invalid one is EINVALID and leaves the store as it was. Then one write
// transaction locks the namespace (so concurrent imports take effect one after the
// other), reads what is stored, compares it with the prepared dataset by the import
// algorithm the in-process store runs too (atlas.PlanImport) to report, rewrites every
// record of the dataset, deletes every stored record it no longer has (see importTx),
// and, only when something changed, bumps the revision and records the nodes it touched
// (appendWrite): at most ten statements, whatever the size of the dataset. The driver's
// bookmarks make every later call of this store see the import.
func (s *Store) Import(ctx context.Context, ds *atlas.Dataset) (atlas.ImportReport, error) {
	prepared, err := ds.ForImport()
	if err != nil {
		return atlas.ImportReport{}, err
	}
	var done imported
	err = s.write(ctx, "import", func(tx runner) error {
		var err error
		done, err = s.importTx(ctx, tx, prepared)
		return err
	})
	if err != nil {
		return atlas.ImportReport{}, err
	}
	// As after a commit (Commit): the import knows what it changed, so the search
	// analysis of the new revision is derived from the one before it, when it is kept;
	// the derivation started while the transaction ran (importTx).
	if done.report.Changed() {
		s.search.advance(done.revision, done.revision+1, done.change, done.derived)
	}
	return done.report, nil
}

// imported is what an import transaction did: its report, the revision it found (it
// made the next one when the report says something changed), its change, and the
// search analysis of the next revision being derived meanwhile (searchCache.derive).
type imported struct {
	report   atlas.ImportReport
	revision int64
	change   *atlas.DataChange
	derived  *derivation
}

// importTx is the body of the import transaction. It keeps no state outside itself, since
// the driver may run it again after a transient failure (a derivation it started is then
// left to finish unused).
func (s *Store) importTx(ctx context.Context, tx runner, ds *atlas.Dataset) (imported, error) {
	// First, so that everything read below is what the previous import committed.
	recs, err := tx.run(ctx, stmtLockNamespace, map[string]any{"ns": s.ns})
	if err != nil {
		return imported{}, err
	}
	var revision int64
	if len(recs) == 1 {
		revision, _ = recs[0]["revision"].(int64)
	}
	nodes := ds.Nodes()
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.NodeID()
	}
	storedNodes, err := s.nodesByID(ctx, tx, ids, nil)
	if err != nil {
		return imported{}, err
	}
	storedIDs, err := tx.run(ctx, stmtNodeIDs, map[string]any{"ns": s.ns})
	if err != nil {
		return imported{}, err
	}
	storedRels, err := s.relationsByID(ctx, tx)
	if err != nil {
		return imported{}, err
	}
	stored := atlas.StoredRecords{Nodes: storedNodes, Relations: storedRels}
	for _, rec := range storedIDs {
		id, _ := rec["id"].(string)
		stored.NodeIDs = append(stored.NodeIDs, id)
	}
	report, change := atlas.PlanImport(stored, ds)
	var derived *derivation
	if report.Changed() {
		derived = s.search.derive(revision, revision+1, change)
	}
	// Every record is written, changed or not: besides the domain values, the stored
	// properties hold what this release derives from them (search keys, sort keys,
	// validity ordinals), and a release that derives them differently must not leave
	// stale ones behind. The report and the revision count only domain changes, and the
	// nodes deleted are those the plan drops.
	nodeRows := make([]map[string]any, 0, len(nodes))
	for _, n := range nodes {
		nodeRows = append(nodeRows, map[string]any{"scopedId": s.scopedID(n.NodeID()), "nodeKind": string(n.NodeKind()), "props": nodeProps(n)})
	}
	// Every stored relation goes: those of the dataset are created again below.
	deleteRows, createRows := []map[string]any{}, make([]map[string]any, 0, len(ds.Relations))
	inDataset := make(map[string]bool, len(ds.Relations))
	for _, r := range ds.Relations {
		inDataset[r.ID] = true
		if old, existed := storedRels[r.ID]; existed {
			deleteRows = append(deleteRows, map[string]any{"id": old.ID, "from": s.scopedID(old.From), "to": s.scopedID(old.To)})
		}
		createRows = append(createRows, map[string]any{"type": string(r.Type), "from": s.scopedID(r.From), "to": s.scopedID(r.To), "props": relationProps(r)})
	}
	for _, old := range change.DeleteRelations {
		if !inDataset[old.ID] {
			deleteRows = append(deleteRows, map[string]any{"id": old.ID, "from": s.scopedID(old.From), "to": s.scopedID(old.To)})
		}
	}
	dropKeys := make([]string, 0, len(change.DeleteNodes))
	for _, id := range change.DeleteNodes {
		dropKeys = append(dropKeys, s.scopedID(id))
	}
	if err := s.writeRows(ctx, tx, deleteRows, dropKeys, nodeRows, createRows); err != nil {
		return imported{}, err
	}
	if report.Changed() {
		if _, err := tx.run(ctx, stmtBumpRevision, map[string]any{"ns": s.ns}); err != nil {
			return imported{}, err
		}
		if err := s.appendWrite(ctx, tx, revision+1, change); err != nil {
			return imported{}, err
		}
	}
	return imported{report: report, revision: revision, change: change, derived: derived}, nil
}

// writeRows runs the statements that write records, each only when it has rows:
// relations are deleted before the nodes they touch and created after the nodes they join.
// A shortfall means an end node or a stored record was not where the write expected it;
// the error rolls the whole transaction back. Import and curation's Commit share it.
func (s *Store) writeRows(ctx context.Context, tx runner, deleteRows []map[string]any, dropKeys []string, nodeRows, createRows []map[string]any) error {
	for _, w := range []struct {
		st     statement
		param  string
		rows   any
		n      int
		column string
	}{
		{stmtDeleteRelations, "rows", deleteRows, len(deleteRows), "deleted"},
		{stmtDeleteNodes, "keys", dropKeys, len(dropKeys), "deleted"},
		{stmtUpsertNodes, "rows", nodeRows, len(nodeRows), "upserted"},
		{stmtCreateRelations, "rows", createRows, len(createRows), "created"},
	} {
		if w.n == 0 {
			continue
		}
		recs, err := tx.run(ctx, w.st, map[string]any{"ns": s.ns, w.param: w.rows})
		if err != nil {
			return err
		}
		if n := countOf(recs, w.column); n != w.n {
			return fmt.Errorf("%s: %s %d of %d rows", w.st.name, w.column, n, w.n)
		}
	}
	return nil
}

// snapshotNodes reads every node of the namespace (see snapshot_nodes), in no order.
func (s *Store) snapshotNodes(ctx context.Context, tx runner) ([]atlas.Node, error) {
	recs, err := tx.run(ctx, stmtSnapshotNodes, map[string]any{"ns": s.ns})
	if err != nil {
		return nil, err
	}
	nodes := make([]atlas.Node, 0, len(recs))
	for _, rec := range recs {
		n, err := decodeNode(asMap(rec["props"]))
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	return nodes, nil
}

// relationsByID reads every relation of the namespace, by id (see snapshot_relations).
func (s *Store) relationsByID(ctx context.Context, tx runner) (map[string]*atlas.Relation, error) {
	recs, err := tx.run(ctx, stmtSnapshotRelations, map[string]any{"ns": s.ns})
	if err != nil {
		return nil, err
	}
	out := make(map[string]*atlas.Relation, len(recs))
	for _, rec := range recs {
		typ, _ := rec["type"].(string)
		from, _ := rec["from"].(string)
		to, _ := rec["to"].(string)
		r, err := decodeRelation(typ, from, to, rec["props"])
		if err != nil {
			return nil, err
		}
		out[r.ID] = &r
	}
	return out, nil
}

func countOf(recs []record, column string) int {
	if len(recs) != 1 {
		return -1
	}
	n, _ := recs[0][column].(int64)
	return int(n)
}

// Snapshot implements atlas.Store in one read transaction of two statements: nodes and
// relations sorted by id, as the in-process store gives them, so equal data gives equal
// snapshots.
func (s *Store) Snapshot(ctx context.Context) (*atlas.Dataset, error) {
	var ds *atlas.Dataset
	err := s.read(ctx, "snapshot", func(tx runner) error {
		ds = &atlas.Dataset{}
		nodes, err := s.snapshotNodes(ctx, tx)
		if err != nil {
			return err
		}
		slices.SortFunc(nodes, func(a, b atlas.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
		for _, n := range nodes {
			ds.Add(n)
		}
		rels, err := s.relationsByID(ctx, tx)
		if err != nil {
			return err
		}
		for _, r := range rels {
			ds.Relations = append(ds.Relations, r)
		}
		slices.SortFunc(ds.Relations, func(a, b *atlas.Relation) int { return strings.Compare(a.ID, b.ID) })
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ds, nil
}

// ReportedCounts implements atlas.Store in one round trip, ordered by year, then id. A
// year range that ends before it starts is EINVALID.
func (s *Store) ReportedCounts(ctx context.Context, q atlas.CountQuery) ([]atlas.ReportedCount, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	params := map[string]any{"ns": s.ns, "fromYear": nil, "toYear": nil}
	if q.FromYear != 0 {
		params["fromYear"] = int64(q.FromYear)
	}
	if q.ToYear != 0 {
		params["toYear"] = int64(q.ToYear)
	}
	var out []atlas.ReportedCount
	err := s.read(ctx, "reported counts", func(tx runner) error {
		out = nil
		recs, err := tx.run(ctx, stmtReportedCounts, params)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			n, err := decodeNode(asMap(rec["props"]))
			if err != nil {
				return err
			}
			c, ok := n.(*atlas.ReportedCount)
			if !ok {
				return fmt.Errorf("reported counts: %s is a %s", n.NodeID(), n.NodeKind())
			}
			out = append(out, *c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Revision implements atlas.Store: a counter kept on the namespace's meta node, bumped by
// every import that changed something; 0 before the first. A revision read less than
// Config.RevisionValidity ago is answered without a round trip, unless this store has
// written since (revision.go).
func (s *Store) Revision(ctx context.Context) (int64, error) {
	if err := s.check(ctx); err != nil {
		return 0, err
	}
	if rev, ok := s.revision.get(); ok {
		return rev, nil
	}
	gen, at := s.revision.reading()
	var rev int64
	err := s.read(ctx, "revision", func(tx runner) error {
		recs, err := tx.run(ctx, stmtRevision, map[string]any{"ns": s.ns})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("revision returned %d rows, want 1", len(recs))
		}
		var ok bool
		if rev, ok = recs[0]["revision"].(int64); !ok {
			return fmt.Errorf("revision is a %T, want int64", recs[0]["revision"])
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if rewound, highest := s.revision.observe(rev); rewound {
		return 0, s.rewind(highest, rev)
	}
	s.revision.put(gen, at, rev)
	return rev, nil
}
