package analytics_test

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/seed"
)

func seedProjection(tb testing.TB) *analytics.Projection {
	tb.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		tb.Fatal(err)
	}
	return analytics.Build(ds)
}

// TestSeedMostChairs: Xi Jinping chairs 12 groups directly (questions.md, question 10)
// and the State Security LSG through the General Secretary (question 15): 13.
func TestSeedMostChairs(t *testing.T) {
	p := seedProjection(t)
	got, err := p.Centrality(context.Background(), analytics.ChairsMetric, analytics.Filter{}, []atlas.NodeKind{atlas.PersonNode}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Node.NodeID() != "person/xi-jinping" || got[0].Value != 13 {
		t.Fatalf("top chair = %v, want person/xi-jinping with 13", scoresOf(t, got))
	}
	// The General Secretary, as a title, chairs four groups (question 14).
	pos, err := p.Centrality(context.Background(), analytics.ChairsMetric, analytics.Filter{}, []atlas.NodeKind{atlas.PositionNode}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(pos) != 1 || pos[0].Node.NodeID() != "position/general-secretary" || pos[0].Value != 4 {
		t.Errorf("top position = %v, want position/general-secretary with 4", scoresOf(t, pos))
	}
}

// TestSeedPaths: officials joined through the Central Foreign Affairs Commission, where
// Li Keqiang, Yang Jiechi and Wang Yi all sit (question 9).
func TestSeedPaths(t *testing.T) {
	p := seedProjection(t)
	const cfac = "group/central-foreign-affairs-commission"
	tests := []struct {
		from, to string
		want     [][]string
	}{
		{"person/li-keqiang", "person/wang-yi", [][]string{{"person/li-keqiang", cfac, "person/wang-yi"}}},
		// Two routes of equal length: the commission, and the post both held.
		{"person/yang-jiechi", "person/wang-yi", [][]string{
			{"person/yang-jiechi", cfac, "person/wang-yi"},
			{"person/yang-jiechi", "position/foreign-minister", "person/wang-yi"},
			{"person/yang-jiechi", "position/state-councilor", "person/wang-yi"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.from+" to "+tt.to, func(t *testing.T) {
			set, err := p.ShortestPaths(context.Background(), tt.from, tt.to, 4, analytics.Filter{}, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			for _, path := range set.Paths {
				got = append(got, ids(t, path.Nodes))
			}
			if !reflect.DeepEqual(got, tt.want) || set.Length != 2 || set.Truncated {
				t.Errorf("paths = %q (length %d, truncated %v)\nwant %q", got, set.Length, set.Truncated, tt.want)
			}
		})
	}
}

// TestSeedDeterministic builds the projection twice and asks every question of both.
func TestSeedDeterministic(t *testing.T) {
	ctx := context.Background()
	a, b := seedProjection(t), seedProjection(t)
	for _, m := range analytics.Metrics {
		for _, f := range []analytics.Filter{{}, {AsOf: date("2015")}} {
			x, err := a.Centrality(ctx, m, f, nil, analytics.MaxFirst)
			if err != nil {
				t.Fatal(err)
			}
			y, err := b.Centrality(ctx, m, f, nil, analytics.MaxFirst)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(x, y) {
				t.Errorf("%s (asOf %v) differs between two builds", m, f.AsOf)
			}
		}
	}
	seeds := []string{"group/central-foreign-affairs-commission", "person/xi-jinping"}
	x, err := a.Network(ctx, seeds, 3, analytics.Filter{}, 60)
	if err != nil {
		t.Fatal(err)
	}
	y, err := b.Network(ctx, seeds, 3, analytics.Filter{}, 60)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(x, y) || !x.Truncated {
		t.Errorf("network differs between builds, or was not truncated at 60 nodes (%d)", len(x.Nodes))
	}
}

// TestSeedCounts checks Statistics against the counts table of seed/README.md.
func TestSeedCounts(t *testing.T) {
	p := seedProjection(t)
	st, err := p.Statistics(context.Background(), atlas.MustDate("2017"))
	if err != nil {
		t.Fatal(err)
	}
	// The counts table of seed/README.md is kept true by seed's own test; here the
	// projection must agree with the dataset it was built from.
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[atlas.NodeKind]int{}
	for _, n := range ds.Nodes() {
		byKind[n.NodeKind()]++
	}
	var want []analytics.NodeCount
	for _, k := range []atlas.NodeKind{atlas.GroupNode, atlas.OfficeNode, atlas.InstitutionNode, atlas.PositionNode, atlas.PersonNode,
		atlas.SourceNode, atlas.ReportedCountNode, atlas.StatementNode, atlas.TopicNode, atlas.DocumentNode} {
		want = append(want, analytics.NodeCount{Kind: k, Count: byKind[k]})
	}
	if !reflect.DeepEqual(st.NodesByKind, want) {
		t.Errorf("nodes by kind = %v, want %v", st.NodesByKind, want)
	}
	if p.RelationCount() != len(ds.Relations) {
		t.Errorf("relations = %d, want %d", p.RelationCount(), len(ds.Relations))
	}
	if g := st.Groups; g.Known+g.Possible == 0 || g.Known+g.Possible > 35 {
		t.Errorf("groups active in 2017: %d known + %d possible", g.Known, g.Possible)
	}
}

// TestSeedTimelineDatesCiteTheirClaims: the 1954 founding of the Taiwan group comes from
// the Academy of Chinese Studies alone, not from the group's other four sources (Thomas,
// one of them, says 1958); the foreign affairs group's March 2018 end comes from Rana.
func TestSeedTimelineDatesCiteTheirClaims(t *testing.T) {
	p := seedProjection(t)
	for _, tc := range []struct {
		group string
		kind  analytics.EventKind
		date  string
		want  []string
	}{
		{"group/taiwan-affairs-leading-small-group", analytics.Established, "1954", []string{"source/academy-of-chinese-studies-2020"}},
		{"group/foreign-affairs-leading-small-group", analytics.Abolished, "2018-03", []string{"source/rana-2021"}},
		{"group/national-security-commission", analytics.Established, "2013", []string{"source/thomas-fp"}},
	} {
		evs, err := p.Timeline(context.Background(), tc.group)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range evs {
			if e.Kind != tc.kind {
				continue
			}
			found = true
			var got []string
			for _, c := range e.Sources {
				got = append(got, c.Source)
			}
			if e.Date.String() != tc.date || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s %s: %s citing %v, want %s citing %v", tc.group, tc.kind, e.Date, got, tc.date, tc.want)
			}
		}
		if !found {
			t.Errorf("%s: no %s event", tc.group, tc.kind)
		}
	}
}
