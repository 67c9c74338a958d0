package analytics_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

func TestCentralityOf(t *testing.T) {
	groupsOnly := analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.GroupNode}}
	tests := []struct {
		name   string
		graph  func(testing.TB) *analytics.Projection
		metric analytics.Metric
		filter analytics.Filter
		kinds  []atlas.NodeKind
		ids    []string
		want   []scored
	}{
		{"ranked among themselves, a zero score kept", line, analytics.BetweennessMetric, analytics.Filter{}, nil,
			[]string{"person/e", "group/b", "person/c"},
			[]scored{{"person/c", 0.666666667}, {"group/b", 0.5}, {"person/e", 0}}},
		{"an id named twice is scored once", star, analytics.DegreeMetric, analytics.Filter{}, nil,
			[]string{"person/a", "group/hub", "person/a"},
			[]scored{{"group/hub", 4}, {"person/a", 1}}},
		{"kinds narrow the ids", line, analytics.BetweennessMetric, analytics.Filter{}, []atlas.NodeKind{atlas.GroupNode},
			[]string{"person/c", "group/b"},
			[]scored{{"group/b", 0.5}}},
		{"a node the filter leaves out of the network has no score", trianglePendant, analytics.DegreeMetric, groupsOnly, nil,
			[]string{"person/d", "group/a"},
			[]scored{{"group/a", 2}}},
		{"the same scores as the ranking on a filtered network", fixture, analytics.ChairsMetric, analytics.Filter{AsOf: date("2005")},
			[]atlas.NodeKind{atlas.PersonNode}, []string{"person/li-keqiang", "person/hu-jintao"},
			[]scored{{"person/hu-jintao", 1}, {"person/li-keqiang", 0}}},
		{"no ids, no scores", star, analytics.DegreeMetric, analytics.Filter{}, nil, []string{}, []scored{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.graph(t).CentralityOf(context.Background(), tt.metric, tt.filter, tt.kinds, tt.ids)
			if err != nil {
				t.Fatal(err)
			}
			if g := scoresOf(t, got); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("scores = %v\nwant     %v", g, tt.want)
			}
		})
	}
}

// TestCentralityOfPastTheTop is why CentralityOf exists: a drawn network holds more
// nodes than the top MaxFirst, and every one needs its own score.
func TestCentralityOfPastTheTop(t *testing.T) {
	n := analytics.MaxFirst + 50
	ds := &atlas.Dataset{Groups: []*atlas.Group{{ID: "group/hub", Name: "Hub", Kind: atlas.LeadingSmallGroup}}}
	ids := []string{"group/hub"}
	for i := range n {
		id := fmt.Sprintf("person/p%03d", i)
		ds.People = append(ds.People, &atlas.Person{ID: id, Name: id})
		ds.Relations = append(ds.Relations, member(id, "group/hub"))
		ids = append(ids, id)
	}
	got, err := analytics.Build(ds).CentralityOf(context.Background(), analytics.DegreeMetric, analytics.Filter{}, nil, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n+1 {
		t.Fatalf("%d scores, want %d", len(got), n+1)
	}
	if last := got[n]; last.Node.NodeID() != "person/p149" || last.Value != 1 {
		t.Errorf("last score = %s %v, want person/p149 1", last.Node.NodeID(), last.Value)
	}
}

func TestCentralityOfErrors(t *testing.T) {
	p := fixture(t)
	tooMany := make([]string, analytics.MaxNetworkNodes+1)
	for i := range tooMany {
		tooMany[i] = "person/xi-jinping"
	}
	tests := []struct {
		name       string
		metric     analytics.Metric
		ids        []string
		code, what string
	}{
		{"unknown metric", "CLOSENESS", []string{"person/xi-jinping"}, atlas.EINVALID, "metric"},
		{"a source", analytics.DegreeMetric, []string{"source/shambaugh-2024"}, atlas.EINVALID, "ids"},
		{"malformed", analytics.DegreeMetric, []string{"nobody"}, atlas.EINVALID, "ids"},
		{"names nothing", analytics.DegreeMetric, []string{"person/nobody"}, atlas.ENOTFOUND, `"person/nobody" names no node`},
		{"too many", analytics.DegreeMetric, tooMany, atlas.EINVALID, "at most 2000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.CentralityOf(context.Background(), tt.metric, analytics.Filter{}, nil, tt.ids)
			wantCode(t, err, tt.code, tt.what)
		})
	}
}
