package inprocess

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"

	"lsgatlas/atlas"
)

var _ atlas.CurationStore = (*Store)(nil)

// curation is what the curation workflow keeps beside the graph: record versions, the
// proposals and the audit log. Guarded by Store.mu.
type curation struct {
	// changes counts, by record key, the accepted changes that touched it.
	changes   map[string]int64
	proposals map[string]atlas.Proposal
	audit     []atlas.AuditEntry
}

func newCuration() curation {
	return curation{changes: map[string]int64{}, proposals: map[string]atlas.Proposal{}}
}

// Versions implements atlas.CurationStore.
func (s *Store) Versions(ctx context.Context, keys []string) ([]int64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	out := make([]int64, len(keys))
	for i, k := range keys {
		out[i] = 1 + s.cur.changes[k]
	}
	return out, nil
}

// Commit implements atlas.CurationStore: the commit is written to disk (one fsync'd
// bbolt transaction) before memory changes, so what a caller was told is committed
// survives a crash.
func (s *Store) Commit(ctx context.Context, c atlas.Commit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	if s.revision != c.Revision || c.Entry.Revision != c.Revision+1 {
		return atlas.ErrStale
	}
	if err := s.persistCommit(c); err != nil {
		return err
	}
	s.applyCommit(c)
	return nil
}

// applyCommit changes memory as c says; callers hold mu for writing.
func (s *Store) applyCommit(c atlas.Commit) {
	if c.Data != nil {
		s.load(c.Data.After.Clone())
		s.reindexText()
	}
	for _, k := range c.Bump {
		s.cur.changes[k]++
	}
	if c.Proposal != nil {
		s.cur.proposals[c.Proposal.ID] = copyOf(*c.Proposal)
	}
	s.cur.audit = append(s.cur.audit, copyOf(c.Entry))
	s.revision = c.Entry.Revision
	close(s.committed)
	s.committed = make(chan struct{})
}

// Proposal implements atlas.CurationStore.
func (s *Store) Proposal(ctx context.Context, id string) (atlas.Proposal, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return atlas.Proposal{}, err
	}
	p, ok := s.cur.proposals[id]
	if !ok {
		return atlas.Proposal{}, atlas.Errorf(atlas.ENOTFOUND, "no proposal has id %q", id)
	}
	return copyOf(p), nil
}

// Proposals implements atlas.CurationStore.
func (s *Store) Proposals(ctx context.Context, q atlas.ProposalQuery) ([]atlas.Proposal, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	var out []atlas.Proposal
	for _, p := range s.cur.proposals {
		if q.Status == "" || p.Status == q.Status {
			out = append(out, copyOf(p))
		}
	}
	slices.SortFunc(out, func(a, b atlas.Proposal) int { return cmp.Compare(b.Revision, a.Revision) })
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

// AuditLog implements atlas.CurationStore.
func (s *Store) AuditLog(ctx context.Context, q atlas.AuditQuery) ([]atlas.AuditEntry, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	var out []atlas.AuditEntry
	for _, e := range s.cur.audit {
		if q.Matches(e) {
			out = append(out, copyOf(e))
			if q.Limit > 0 && len(out) == q.Limit {
				break
			}
		}
	}
	return out, nil
}

// copyOf returns a deep copy of v through its JSON form: proposals and audit entries
// carry maps, slices and raw JSON, and callers may keep what they get.
func copyOf[T any](v T) T {
	b, err := json.Marshal(v)
	if err != nil {
		panic("inprocess: copy: " + err.Error())
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		panic("inprocess: copy: " + err.Error())
	}
	return out
}
