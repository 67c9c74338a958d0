package analytics_test

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

type scored struct {
	id    string
	value float64
}

func scoresOf(tb testing.TB, scores []analytics.Score) []scored {
	tb.Helper()
	out := make([]scored, len(scores))
	for i, s := range scores {
		out[i] = scored{s.Node.NodeID(), s.Value}
	}
	return out
}

func TestCentralityByHand(t *testing.T) {
	tests := []struct {
		name   string
		graph  func(testing.TB) *analytics.Projection
		metric analytics.Metric
		filter analytics.Filter
		kinds  []atlas.NodeKind
		first  int
		want   []scored
	}{
		{"star degree", star, analytics.DegreeMetric, analytics.Filter{}, nil, 10,
			[]scored{{"group/hub", 4}, {"person/a", 1}, {"person/b", 1}, {"person/c", 1}, {"person/d", 1}}},
		{"star betweenness: every pair of members meets at the hub, a share of 1", star, analytics.BetweennessMetric, analytics.Filter{}, nil, 10,
			[]scored{{"group/hub", 1}, {"person/a", 0}, {"person/b", 0}, {"person/c", 0}, {"person/d", 0}}},
		{"line degree", line, analytics.DegreeMetric, analytics.Filter{}, nil, 10,
			[]scored{{"group/b", 2}, {"group/d", 2}, {"person/c", 2}, {"person/a", 1}, {"person/e", 1}}},
		{"line betweenness", line, analytics.BetweennessMetric, analytics.Filter{}, nil, 10,
			[]scored{{"person/c", 0.666666667}, {"group/b", 0.5}, {"group/d", 0.5}, {"person/a", 0}, {"person/e", 0}}},
		{"triangle with pendant degree", trianglePendant, analytics.DegreeMetric, analytics.Filter{}, nil, 10,
			[]scored{{"group/c", 3}, {"group/a", 2}, {"group/b", 2}, {"person/d", 1}}},
		{"triangle with pendant betweenness", trianglePendant, analytics.BetweennessMetric, analytics.Filter{}, nil, 10,
			[]scored{{"group/c", 0.666666667}, {"group/a", 0}, {"group/b", 0}, {"person/d", 0}}},
		{"diamond betweenness splits pairs with two paths: 0.5 of 3 pairs", diamond, analytics.BetweennessMetric, analytics.Filter{}, nil, 10,
			[]scored{{"group/g1", 0.166666667}, {"group/g2", 0.166666667}, {"person/s", 0.166666667}, {"person/t", 0.166666667}}},
		{"star pagerank: hub 11/21, members 5/42", star, analytics.PageRankMetric, analytics.Filter{}, nil, 10,
			[]scored{{"group/hub", 0.523809524}, {"person/a", 0.119047619}, {"person/b", 0.119047619}, {"person/c", 0.119047619}, {"person/d", 0.119047619}}},
		{"kinds restrict the ranking, not the graph", line, analytics.BetweennessMetric, analytics.Filter{}, []atlas.NodeKind{atlas.GroupNode}, 10,
			[]scored{{"group/b", 0.5}, {"group/d", 0.5}}},
		{"first", line, analytics.BetweennessMetric, analytics.Filter{}, nil, 2,
			[]scored{{"person/c", 0.666666667}, {"group/b", 0.5}}},
		{"filter shrinks the graph", trianglePendant, analytics.DegreeMetric,
			analytics.Filter{RelTypes: []atlas.RelType{atlas.Supervises}}, nil, 10,
			[]scored{{"group/a", 2}, {"group/b", 2}, {"group/c", 2}, {"person/d", 0}}},
		{"fixture chairs, derived through the General Secretary", fixture, analytics.ChairsMetric, analytics.Filter{},
			[]atlas.NodeKind{atlas.PersonNode, atlas.PositionNode}, 3,
			[]scored{{"person/xi-jinping", 2}, {"person/hu-jintao", 1}, {"position/general-secretary", 1}}},
		{"fixture chairs as of 2005", fixture, analytics.ChairsMetric, analytics.Filter{AsOf: date("2005")},
			[]atlas.NodeKind{atlas.PersonNode}, 2,
			[]scored{{"person/hu-jintao", 1}, {"person/li-keqiang", 0}}},
		{"fixture chairs need HOLDS to pass the filter", fixture, analytics.ChairsMetric,
			analytics.Filter{RelTypes: []atlas.RelType{atlas.Chairs}}, []atlas.NodeKind{atlas.PersonNode}, 2,
			[]scored{{"person/xi-jinping", 1}, {"person/hu-jintao", 0}}},
		{"fixture seats: disputed parallel seats count once", fixture, analytics.SeatsMetric, analytics.Filter{},
			[]atlas.NodeKind{atlas.PersonNode, atlas.InstitutionNode}, 10,
			[]scored{{"person/li-keqiang", 2}, {"person/xi-jinping", 2}, {"institution/ministry-of-foreign-affairs", 1},
				{"person/hu-jintao", 1}, {"person/yang-jiechi", 1}, {"institution/standing-committee", 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.graph(t).Centrality(context.Background(), tt.metric, tt.filter, tt.kinds, tt.first)
			if err != nil {
				t.Fatal(err)
			}
			if g := scoresOf(t, got); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("scores = %v\nwant     %v", g, tt.want)
			}
		})
	}
}

// TestPageRankAgreesWithGonum checks the deterministic power iteration against
// gonum's network.PageRank, which starts from a random vector and so is only
// compared to a tolerance.
func TestPageRankAgreesWithGonum(t *testing.T) {
	for name, graph := range map[string]func(testing.TB) *analytics.Projection{
		"star": star, "line": line, "triangle with pendant": trianglePendant, "diamond": diamond, "fixture": fixture,
	} {
		t.Run(name, func(t *testing.T) {
			p := graph(t)
			ours, err := p.Centrality(context.Background(), analytics.PageRankMetric, analytics.Filter{}, nil, analytics.MaxFirst)
			if err != nil {
				t.Fatal(err)
			}
			g, err := analytics.DirectedGraphForTest(p, analytics.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			theirs := network.PageRank(g, 0.85, 1e-10)
			sum := 0.0
			for _, s := range ours {
				sum += s.Value
				if want := theirs[analytics.IDForTest(p, s.Node.NodeID())]; math.Abs(s.Value-want) > 1e-6 {
					t.Errorf("%s: pagerank %v, gonum %v", s.Node.NodeID(), s.Value, want)
				}
			}
			if math.Abs(sum-1) > 1e-6 {
				t.Errorf("pagerank sums to %v, want 1", sum)
			}
		})
	}
}

func TestPageRankOrdering(t *testing.T) {
	// a→b, a→c, b→c, d→c: c collects from everyone, b from a only, a and d from no one.
	got, err := trianglePendant(t).Centrality(context.Background(), analytics.PageRankMetric, analytics.Filter{}, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"group/c", "group/b", "group/a", "person/d"}
	var order []string
	for _, s := range got {
		order = append(order, s.Node.NodeID())
	}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("order = %q, want %q", order, want)
	}
	if got[2].Value != got[3].Value {
		t.Errorf("a and d have no incoming relations and should tie: %v vs %v", got[2].Value, got[3].Value)
	}
}

func TestCentralityErrors(t *testing.T) {
	p := fixture(t)
	tests := []struct {
		name       string
		metric     analytics.Metric
		kinds      []atlas.NodeKind
		first      int
		code, what string
	}{
		{"unknown metric", "CLOSENESS", nil, 10, atlas.EINVALID, "metric"},
		{"first 0", analytics.DegreeMetric, nil, 0, atlas.EINVALID, "first must be between 1 and 100"},
		{"first 101", analytics.DegreeMetric, nil, 101, atlas.EINVALID, "first must be between 1 and 100"},
		{"provenance kind", analytics.DegreeMetric, []atlas.NodeKind{atlas.ReportedCountNode}, 10, atlas.EINVALID, "kinds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Centrality(context.Background(), tt.metric, analytics.Filter{}, tt.kinds, tt.first)
			wantCode(t, err, tt.code, tt.what)
		})
	}
	for _, m := range analytics.Metrics {
		t.Run("cancelled "+string(m), func(t *testing.T) {
			_, err := p.Centrality(cancelled(), m, analytics.Filter{}, nil, 10)
			wantCanceled(t, err)
		})
	}
}

func TestBetweennessLimit(t *testing.T) {
	// One group with n members: V·E = (n+1)·n, just over the cap.
	n := 3200
	ds := &atlas.Dataset{Groups: []*atlas.Group{{ID: "group/hub", Name: "Hub", Kind: atlas.LeadingSmallGroup}}}
	for i := range n {
		id := fmt.Sprintf("person/p%d", i)
		ds.People = append(ds.People, &atlas.Person{ID: id, Name: id})
		ds.Relations = append(ds.Relations, member(id, "group/hub"))
	}
	p := analytics.Build(ds)
	_, err := p.Centrality(context.Background(), analytics.BetweennessMetric, analytics.Filter{}, nil, 10)
	wantCode(t, err, atlas.ELIMIT, "narrow the filter")
	// Narrowing the filter brings it under the cap.
	got, err := p.Centrality(context.Background(), analytics.BetweennessMetric,
		analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.GroupNode}}, nil, 1)
	if err != nil || len(got) != 1 {
		t.Fatalf("narrowed betweenness = %v, %v", got, err)
	}
}
