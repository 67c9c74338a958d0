package atlas

import "iter"

// ForImport is what a store imports of d: d validated whole (EINVALID before anything
// is written, so an invalid dataset leaves a store as it was), then Prepared.
func (d *Dataset) ForImport() (*Dataset, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return d.Prepared(), nil
}

// ImportDiff is what importing a prepared dataset changes in a store. Both stores
// compute it with DiffImport, so they agree on what an import creates, updates,
// leaves alone and deletes, and report it alike.
type ImportDiff struct {
	Report ImportReport
	// Nodes and Relations are the records of the dataset that are new or changed, in
	// the dataset's order.
	Nodes     []Node
	Relations []*Relation
	// DroppedNodes are the ids of the stored nodes the dataset no longer has, and
	// DroppedRelations the stored relations it no longer has.
	DroppedNodes     []string
	DroppedRelations []*Relation
}

// DiffImport compares a prepared dataset with what a store holds: storedNodes holds
// (at least) the stored nodes whose ids the dataset has, storedNodeIDs yields the id of
// every stored node, and storedRelations holds every stored relation by id. Each record
// counts as ImportReport.Count says.
func DiffImport(prepared *Dataset, storedNodes map[string]Node, storedNodeIDs iter.Seq[string], storedRelations map[string]*Relation) ImportDiff {
	var d ImportDiff
	nodes := prepared.Nodes()
	keep := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		keep[n.NodeID()] = true
		old, existed := storedNodes[n.NodeID()]
		if d.Report.Count(old, n, existed) {
			d.Nodes = append(d.Nodes, n)
		}
	}
	keepRelations := make(map[string]bool, len(prepared.Relations))
	for _, r := range prepared.Relations {
		keepRelations[r.ID] = true
		old, existed := storedRelations[r.ID]
		if d.Report.Count(old, r, existed) {
			d.Relations = append(d.Relations, r)
		}
	}
	for id, r := range storedRelations {
		if !keepRelations[id] {
			d.Report.Deleted++
			d.DroppedRelations = append(d.DroppedRelations, r)
		}
	}
	for id := range storedNodeIDs {
		if !keep[id] {
			d.Report.Deleted++
			d.DroppedNodes = append(d.DroppedNodes, id)
		}
	}
	return d
}
