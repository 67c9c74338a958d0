package neo4j_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/neo4j"
	"lsgatlas/neo4j/neo4jtest"
)

// TestLiveWriteRecordsKeepAWindow: a namespace keeps the write records of its last few
// revisions (two here; maxWritesBehind in the service), deleting the one that falls out
// with each write. A replica within that many revisions derives its search analysis from
// them; one further behind reads a snapshot. Both find what the writes changed.
func TestLiveWriteRecordsKeepAWindow(t *testing.T) {
	defer neo4j.SetWritesKept(2)()
	cfg := neo4jtest.Config(t)
	s, ds := openSeededConfig(t, cfg)
	replica := neo4jtest.OpenConfig(t, cfg)
	drv := liveDriver(t, cfg)
	ctx := context.Background()
	group := *ds.Prepared().Groups[0]
	commits := 0
	rename := func(n int) {
		t.Helper()
		for range n {
			commits++
			group.Name = fmt.Sprintf("Zanzibar Harbour Group %d", commits)
			rev, err := s.Revision(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Commit(ctx, atlas.Commit{Revision: rev, Data: &atlas.DataChange{UpsertNodes: []atlas.Node{&group}},
				Entry: atlas.AuditEntry{Revision: rev + 1, Action: atlas.ActionEdited, Actor: "test", At: time.Now()}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, step := range []struct {
		name      string
		commits   int
		kept      []any // the revisions whose records remain
		snapshots int64 // the replica's snapshot reads for its next search
	}{
		{"two revisions behind: derived", 2, []any{int64(2), int64(3)}, 0},
		{"three revisions behind: a snapshot", 3, []any{int64(5), int64(6)}, 1},
	} {
		rename(step.commits)
		recs := query(t, drv, cfg, "MATCH (w:AtlasWrite) WHERE w.ns = $ns WITH w ORDER BY w.revision RETURN collect(w.revision) AS kept",
			map[string]any{"ns": cfg.Namespace})
		if kept, _ := recs[0].Get("kept"); !reflect.DeepEqual(kept, step.kept) {
			t.Errorf("%s: records of revisions %v kept, want %v", step.name, kept, step.kept)
		}
		before := replica.Statements()["snapshot_nodes"]
		res, err := replica.Search(ctx, atlas.SearchQuery{Text: group.Name})
		if err != nil {
			t.Fatal(err)
		}
		if n := replica.Statements()["snapshot_nodes"] - before; n != step.snapshots {
			t.Errorf("%s: the replica read %d snapshots, want %d", step.name, n, step.snapshots)
		}
		if len(res.Hits) == 0 || res.Hits[0].Node.NodeID() != group.ID || res.Hits[0].Matched != group.Name {
			t.Errorf("%s: %q does not find the renamed group first: %+v", step.name, group.Name, res.Hits)
		}
	}
}
