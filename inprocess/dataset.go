package inprocess

import (
	"context"
	"slices"
	"strings"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

// Import implements atlas.Store. The dataset is validated whole before anything is
// written, so an invalid one leaves the store as it was; the write lock makes imports
// take effect one after the other.
func (s *Store) Import(ctx context.Context, ds *atlas.Dataset) (atlas.ImportReport, error) {
	prepared, err := ds.ForImport()
	if err != nil {
		return atlas.ImportReport{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return atlas.ImportReport{}, err
	}
	report, change := atlas.PlanImport(s.stored(), prepared)
	if !report.Changed() {
		return report, nil
	}
	if err := s.persistImport(prepared, s.revision+1); err != nil {
		return atlas.ImportReport{}, err
	}
	s.apply(change)
	s.revision++
	s.reindexText()
	return report, nil
}

// stored is what the store holds, for atlas.PlanImport; callers hold mu.
func (s *Store) stored() atlas.StoredRecords {
	ids := make([]string, 0, len(s.nodes))
	for id := range s.nodes {
		ids = append(ids, id)
	}
	return atlas.StoredRecords{Nodes: s.nodes, NodeIDs: ids, Relations: s.rels}
}

// load makes memory hold exactly the prepared dataset (atlas.PlanImport); callers hold
// mu for writing and reindex the text afterwards.
func (s *Store) load(prepared *atlas.Dataset) {
	_, change := atlas.PlanImport(s.stored(), prepared)
	s.apply(change)
}

// apply writes the records a planned import or change touched, keeping the indexes by
// kind, by node and of search keys; callers hold mu for writing and reindex the text
// afterwards.
func (s *Store) apply(change *atlas.DataChange) {
	s.sortedMu.Lock()
	s.sorted = nil // the kept list orders were of the nodes apply replaces
	s.sortedMu.Unlock()
	// Relations first: a valid dataset never keeps a relation whose end it drops.
	for _, r := range change.DeleteRelations {
		s.unindex(r)
		delete(s.rels, r.ID)
		delete(s.fields, relationDoc+r.ID)
	}
	for _, id := range change.DeleteNodes {
		delete(s.byKind[s.nodes[id].NodeKind()], id)
		delete(s.nodes, id)
		delete(s.keys, id)
		delete(s.byNode, id)
		delete(s.fields, nodeDoc+id)
	}
	for _, n := range change.UpsertNodes {
		s.nodes[n.NodeID()] = n
		if s.byKind[n.NodeKind()] == nil {
			s.byKind[n.NodeKind()] = map[string]atlas.Node{}
		}
		s.byKind[n.NodeKind()][n.NodeID()] = n
		s.keys[n.NodeID()] = searchkey.Of(n)
		delete(s.fields, nodeDoc+n.NodeID())
	}
	for _, r := range change.UpsertRelations {
		delete(s.fields, relationDoc+r.ID)
		s.rels[r.ID] = r
		s.byNode[r.From] = append(s.byNode[r.From], r)
		if r.To != r.From {
			s.byNode[r.To] = append(s.byNode[r.To], r)
		}
	}
}

func (s *Store) unindex(r *atlas.Relation) {
	for _, id := range []string{r.From, r.To} {
		s.byNode[id] = slices.DeleteFunc(s.byNode[id], func(x *atlas.Relation) bool { return x.ID == r.ID })
	}
}

// Snapshot implements atlas.Store: nodes and relations sorted by id, so that two
// snapshots of the same data are equal.
func (s *Store) Snapshot(ctx context.Context) (*atlas.Dataset, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(s.nodes))
	for id := range s.nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	ds := &atlas.Dataset{}
	for _, id := range ids {
		ds.Add(atlas.CloneNode(s.nodes[id]))
	}
	for _, r := range s.rels {
		c := r.Clone()
		ds.Relations = append(ds.Relations, &c)
	}
	slices.SortFunc(ds.Relations, func(a, b *atlas.Relation) int { return strings.Compare(a.ID, b.ID) })
	return ds, nil
}

// ReportedCounts implements atlas.Store.
func (s *Store) ReportedCounts(ctx context.Context, q atlas.CountQuery) ([]atlas.ReportedCount, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	var out []atlas.ReportedCount
	for _, n := range s.nodes {
		c, ok := n.(*atlas.ReportedCount)
		if !ok || (q.FromYear != 0 && c.Year < q.FromYear) || (q.ToYear != 0 && c.Year > q.ToYear) {
			continue
		}
		out = append(out, *atlas.CloneNode(c).(*atlas.ReportedCount))
	}
	slices.SortFunc(out, func(a, b atlas.ReportedCount) int {
		if a.Year != b.Year {
			return a.Year - b.Year
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}
