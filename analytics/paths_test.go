package analytics_test

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

func TestShortestPaths(t *testing.T) {
	tests := []struct {
		name          string
		graph         func(testing.TB) *analytics.Projection
		from, to      string
		maxLength     int
		filter        analytics.Filter
		maxPaths      int
		wantPaths     [][]string
		wantRels      [][]string // checked when set
		wantLength    int
		wantTruncated bool
	}{
		{
			name: "diamond has two shortest paths, in id order", graph: diamond,
			from: "person/s", to: "person/t", maxLength: 8, maxPaths: 10,
			wantPaths: [][]string{{"person/s", "group/g1", "person/t"}, {"person/s", "group/g2", "person/t"}},
			wantRels: [][]string{
				{"member_of/person/s/group/g1", "member_of/person/t/group/g1"},
				{"member_of/person/s/group/g2", "member_of/person/t/group/g2"},
			},
			wantLength: 2,
		},
		{
			name: "maxPaths truncates", graph: diamond,
			from: "person/s", to: "person/t", maxLength: 8, maxPaths: 1,
			wantPaths:  [][]string{{"person/s", "group/g1", "person/t"}},
			wantLength: 2, wantTruncated: true,
		},
		{
			name: "exactly maxPaths is not truncated", graph: diamond,
			from: "person/s", to: "person/t", maxLength: 8, maxPaths: 2,
			wantPaths:  [][]string{{"person/s", "group/g1", "person/t"}, {"person/s", "group/g2", "person/t"}},
			wantLength: 2,
		},
		{
			name: "too long for maxLength is empty", graph: diamond,
			from: "person/s", to: "person/t", maxLength: 1, maxPaths: 10,
		},
		{
			name: "line has one path, traversed against relation direction too", graph: line,
			from: "person/e", to: "person/a", maxLength: 4, maxPaths: 10,
			wantPaths:  [][]string{{"person/e", "group/d", "person/c", "group/b", "person/a"}},
			wantLength: 4,
		},
		{
			name: "same node", graph: line,
			from: "person/c", to: "person/c", maxLength: 1, maxPaths: 1,
			wantPaths: [][]string{{"person/c"}}, wantRels: [][]string{{}},
		},
		{
			name: "filter cuts the only path", graph: line,
			from: "person/a", to: "person/e", maxLength: 8, maxPaths: 10,
			filter: analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.PersonNode}},
		},
		// The ends may be of a kind the filter leaves out; the nodes between may not.
		{
			name: "ends of a kind left out, through a kept kind", graph: line,
			from: "person/a", to: "person/c", maxLength: 8, maxPaths: 10,
			filter:     analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.GroupNode}},
			wantPaths:  [][]string{{"person/a", "group/b", "person/c"}},
			wantLength: 2,
		},
		{
			name: "ends of a kind left out, never through it", graph: line,
			from: "person/a", to: "person/e", maxLength: 8, maxPaths: 10,
			filter: analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.GroupNode}},
		},
		{
			name: "fixture: two people through the groups alone", graph: fixture,
			from: "person/xi-jinping", to: "person/li-keqiang", maxLength: 4, maxPaths: 10,
			filter:     analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.GroupNode}},
			wantPaths:  [][]string{{"person/xi-jinping", "group/foreign-affairs-commission", "person/li-keqiang"}},
			wantRels:   [][]string{{"chairs/person/xi-jinping/group/foreign-affairs-commission", "member_of/person/li-keqiang/group/foreign-affairs-commission"}},
			wantLength: 2,
		},
		{
			name: "ends of a kind left out, joined directly", graph: fixture,
			from: "person/xi-jinping", to: "position/general-secretary", maxLength: 4, maxPaths: 10,
			filter:     analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.GroupNode}},
			wantPaths:  [][]string{{"person/xi-jinping", "position/general-secretary"}},
			wantRels:   [][]string{{"holds/person/xi-jinping/position/general-secretary"}},
			wantLength: 1,
		},
		{
			name: "asOf cuts a path in the fixture", graph: fixture,
			from: "person/xi-jinping", to: "person/hu-jintao", maxLength: 8, maxPaths: 10,
			filter: analytics.Filter{AsOf: date("2005")},
		},
		{
			name: "fixture: a shared position", graph: fixture,
			from: "person/xi-jinping", to: "person/hu-jintao", maxLength: 8, maxPaths: 10,
			wantPaths:  [][]string{{"person/xi-jinping", "position/general-secretary", "person/hu-jintao"}},
			wantLength: 2,
		},
		{
			name: "parallel relations: the smallest id is reported", graph: fixture,
			from: "person/li-keqiang", to: "group/guangdong-group", maxLength: 8, maxPaths: 10,
			wantPaths: [][]string{{"person/li-keqiang", "group/deepening-reform", "group/guangdong-group"}},
			wantRels: [][]string{{"member_of/li-keqiang/deepening-reform/deputy",
				"supervises/group/deepening-reform/group/guangdong-group"}},
			wantLength: 2,
		},
		{
			name: "three diamonds in a row give eight paths", graph: func(tb testing.TB) *analytics.Projection { return ladder(tb, 3) },
			from: "person/p0", to: "person/p3", maxLength: 8, maxPaths: 100,
			wantLength: 6,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.graph(t)
			set, err := p.ShortestPaths(context.Background(), tt.from, tt.to, tt.maxLength, tt.filter, tt.maxPaths)
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			var gotRels [][]string
			for _, path := range set.Paths {
				got = append(got, ids(t, path.Nodes))
				gotRels = append(gotRels, relIDs(t, path.Relations))
				if len(path.Relations) != len(path.Nodes)-1 {
					t.Errorf("path has %d nodes and %d relations", len(path.Nodes), len(path.Relations))
				}
				for i, r := range path.Relations {
					a, b := path.Nodes[i].NodeID(), path.Nodes[i+1].NodeID()
					if !(r.From == a && r.To == b) && !(r.From == b && r.To == a) {
						t.Errorf("relation %s does not join %s and %s", r.ID, a, b)
					}
				}
			}
			if tt.wantPaths != nil && !reflect.DeepEqual(got, tt.wantPaths) {
				t.Errorf("paths = %q\nwant %q", got, tt.wantPaths)
			}
			if tt.wantRels != nil && !reflect.DeepEqual(gotRels, tt.wantRels) {
				t.Errorf("relations = %q\nwant %q", gotRels, tt.wantRels)
			}
			if tt.wantPaths == nil && tt.wantLength == 0 && len(set.Paths) != 0 {
				t.Errorf("got %d paths, want none", len(set.Paths))
			}
			if set.Length != tt.wantLength || set.Truncated != tt.wantTruncated {
				t.Errorf("length, truncated = %d, %v; want %d, %v", set.Length, set.Truncated, tt.wantLength, tt.wantTruncated)
			}
		})
	}
}

// TestShortestPathsLadder checks the count against 2^k and that truncation keeps the
// first paths in id order.
func TestShortestPathsLadder(t *testing.T) {
	p := ladder(t, 3)
	ctx := context.Background()
	all, err := p.ShortestPaths(ctx, "person/p0", "person/p3", 8, analytics.Filter{}, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Paths) != 8 || all.Truncated {
		t.Fatalf("got %d paths (truncated %v), want 8", len(all.Paths), all.Truncated)
	}
	seen := map[string]bool{}
	for _, path := range all.Paths {
		seen[ids(t, path.Nodes)[1]+ids(t, path.Nodes)[3]+ids(t, path.Nodes)[5]] = true
	}
	if len(seen) != 8 {
		t.Errorf("paths are not distinct: %d distinct of 8", len(seen))
	}
	some, err := p.ShortestPaths(ctx, "person/p0", "person/p3", 8, analytics.Filter{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !some.Truncated || !reflect.DeepEqual(some.Paths, all.Paths[:5]) {
		t.Errorf("truncated result is not the first 5 paths (truncated %v)", some.Truncated)
	}
}

func TestShortestPathsErrors(t *testing.T) {
	p := fixture(t)
	xi, hu := "person/xi-jinping", "person/hu-jintao"
	tests := []struct {
		name                string
		from, to            string
		maxLength, maxPaths int
		filter              analytics.Filter
		code, what          string
	}{
		{"maxLength 0", xi, hu, 0, 10, analytics.Filter{}, atlas.EINVALID, "maxLength must be between 1 and 8"},
		{"maxLength 9", xi, hu, 9, 10, analytics.Filter{}, atlas.EINVALID, "maxLength must be between 1 and 8"},
		{"maxPaths 0", xi, hu, 2, 0, analytics.Filter{}, atlas.EINVALID, "first must be between 1 and 100"},
		{"maxPaths 101", xi, hu, 2, 101, analytics.Filter{}, atlas.EINVALID, "first must be between 1 and 100"},
		{"malformed from", "xi", hu, 2, 10, analytics.Filter{}, atlas.EINVALID, "from"},
		{"unknown to", xi, "person/nobody", 2, 10, analytics.Filter{}, atlas.ENOTFOUND, "to"},
		{"reported count", xi, "count/beta-1981", 2, 10, analytics.Filter{}, atlas.EINVALID, "REPORTED_COUNT"},
		{"bad filter", xi, hu, 2, 10, analytics.Filter{RelTypes: []atlas.RelType{"chairs"}}, atlas.EINVALID, "relTypes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.ShortestPaths(context.Background(), tt.from, tt.to, tt.maxLength, tt.filter, tt.maxPaths)
			wantCode(t, err, tt.code, tt.what)
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		_, err := p.ShortestPaths(cancelled(), xi, hu, 2, analytics.Filter{}, 10)
		wantCanceled(t, err)
	})
}
