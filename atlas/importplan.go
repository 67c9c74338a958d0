package atlas

import (
	"maps"
	"slices"
)

// StoredRecords is what a store holds, as the import algorithm reads it.
type StoredRecords struct {
	// Nodes has at least every stored node whose id the dataset has.
	Nodes map[string]Node
	// NodeIDs is the id of every stored node.
	NodeIDs []string
	// Relations is every stored relation, by id.
	Relations map[string]*Relation
}

// StoredRecordsOf reads a prepared dataset as the records a store would hold.
func StoredRecordsOf(ds *Dataset) StoredRecords {
	s := StoredRecords{Nodes: map[string]Node{}, Relations: make(map[string]*Relation, len(ds.Relations))}
	for _, n := range ds.Nodes() {
		s.Nodes[n.NodeID()] = n
		s.NodeIDs = append(s.NodeIDs, n.NodeID())
	}
	for _, r := range ds.Relations {
		s.Relations[r.ID] = r
	}
	return s
}

// PlanImport is the one import algorithm every store runs to make stored hold exactly
// prepared (a prepared dataset, see Dataset.Prepared): records are matched by id and
// counted with ImportReport.Count, so both stores agree on what is created, updated,
// unchanged and deleted; the change lists the records that differ (new or changed, in
// dataset order), the stored nodes the dataset lacks (sorted ids), and the stored
// relations to remove: the old version of each changed one, then those the dataset
// lacks (sorted by id). Curation's Diff is the same comparison.
func PlanImport(stored StoredRecords, prepared *Dataset) (ImportReport, *DataChange) {
	var report ImportReport
	change := &DataChange{After: prepared}
	inDataset := map[string]bool{}
	for _, n := range prepared.Nodes() {
		inDataset[n.NodeID()] = true
		old, existed := stored.Nodes[n.NodeID()]
		if report.Count(old, n, existed) {
			change.UpsertNodes = append(change.UpsertNodes, n)
		}
	}
	for _, id := range slices.Sorted(slices.Values(stored.NodeIDs)) {
		if !inDataset[id] {
			report.Deleted++
			change.DeleteNodes = append(change.DeleteNodes, id)
		}
	}
	clear(inDataset)
	for _, r := range prepared.Relations {
		inDataset[r.ID] = true
		old, existed := stored.Relations[r.ID]
		if report.Count(old, r, existed) {
			if existed {
				change.DeleteRelations = append(change.DeleteRelations, old)
			}
			change.UpsertRelations = append(change.UpsertRelations, r)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(stored.Relations)) {
		if !inDataset[id] {
			report.Deleted++
			change.DeleteRelations = append(change.DeleteRelations, stored.Relations[id])
		}
	}
	return report, change
}
