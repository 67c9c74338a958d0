package analytics_test

import (
	"context"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

func TestWhole(t *testing.T) {
	ctx := context.Background()
	p := line(t) // person/a – group/b – person/c – group/d – person/e
	for _, tc := range []struct {
		name      string
		f         analytics.Filter
		limit     int
		nodes     []string
		rels      int
		truncated bool
	}{
		{"everything", analytics.Filter{}, 100, []string{"group/b", "group/d", "person/a", "person/c", "person/e"}, 4, false},
		{"groups only: nodes kept, no relation joins two groups", analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.GroupNode}}, 100, []string{"group/b", "group/d"}, 0, false},
		{"limit keeps the first ids and the relations among them", analytics.Filter{}, 3, []string{"group/b", "group/d", "person/a"}, 1, true},
	} {
		sub, err := p.Whole(ctx, tc.f, tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range sub.Nodes {
			got = append(got, n.NodeID())
		}
		if len(got) != len(tc.nodes) || len(sub.Relations) != tc.rels || sub.Truncated != tc.truncated {
			t.Errorf("%s: nodes %v, %d relations, truncated %v", tc.name, got, len(sub.Relations), sub.Truncated)
			continue
		}
		for i := range got {
			if got[i] != tc.nodes[i] {
				t.Errorf("%s: nodes %v, want %v", tc.name, got, tc.nodes)
			}
		}
	}
	if _, err := p.Whole(ctx, analytics.Filter{}, 0); atlas.ErrorCode(err) != atlas.EINVALID {
		t.Errorf("limit 0: %v", err)
	}
}
