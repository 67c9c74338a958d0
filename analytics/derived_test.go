package analytics_test

import (
	"context"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// A network of people and groups alone still shows who chaired through a post when
// DerivedChairs asks: person/a held position/p (1998–2002), which chairs group/g; a
// stored chair (person/s) is drawn once, as stored; an undated holding (person/u)
// derives nothing.
func TestNetworkDerivedChairs(t *testing.T) {
	ctx := context.Background()
	ds := graphOf(t,
		rel(atlas.Holds, "person/a", "position/p", start("1998"), end("2002"), withID("h-a")),
		rel(atlas.Holds, "person/u", "position/p", withID("h-u")),
		rel(atlas.Chairs, "position/p", "group/g", withID("c-p")),
		rel(atlas.Chairs, "person/s", "group/g", start("2005"), withID("c-s")),
		member("person/m", "group/g", withID("m")),
	)
	p := analytics.Build(ds)
	people := []atlas.NodeKind{atlas.PersonNode, atlas.GroupNode}
	for _, tc := range []struct {
		name    string
		ids     []string
		f       analytics.Filter
		nodes   []string
		derived []string // from→to of the derived chairs
	}{
		{"without derived: nobody chairs through the post", []string{"group/g"}, analytics.Filter{NodeKinds: people},
			[]string{"group/g", "person/m", "person/s"}, nil},
		{"with derived: the holder joins the neighbourhood", []string{"group/g"}, analytics.Filter{NodeKinds: people, DerivedChairs: true},
			[]string{"group/g", "person/a", "person/m", "person/s"}, []string{"person/a→group/g"}},
		{"at a date outside the holding: nothing derived", []string{"group/g"}, analytics.Filter{NodeKinds: people, DerivedChairs: true, AsOf: atlas.DatePtr("2010")},
			[]string{"group/g", "person/m", "person/s"}, nil},
		{"from the person: one hop to the group", []string{"person/a"}, analytics.Filter{NodeKinds: people, DerivedChairs: true},
			[]string{"person/a", "group/g"}, []string{"person/a→group/g"}},
		{"CHAIRS filtered out: no derived chair", []string{"group/g"}, analytics.Filter{NodeKinds: people, DerivedChairs: true, RelTypes: []atlas.RelType{atlas.MemberOf}},
			[]string{"group/g", "person/m"}, nil},
		{"whole graph", nil, analytics.Filter{NodeKinds: people, DerivedChairs: true},
			[]string{"group/g", "person/a", "person/m", "person/s", "person/u"}, []string{"person/a→group/g"}},
	} {
		sub, err := p.Network(ctx, tc.ids, 1, tc.f, 100)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var derived []string
		for _, e := range sub.Derived {
			if !e.Derived() || e.Stored || len(e.Derivations) != 1 || e.Derivations[0].Position != "position/p" {
				t.Errorf("%s: %s is not a derived chair via position/p", tc.name, e.ID)
			}
			derived = append(derived, e.From+"→"+e.To)
		}
		if got := ids(t, sub.Nodes); !equal(got, tc.nodes) || !equal(derived, tc.derived) {
			t.Errorf("%s: nodes %v derived %v, want %v %v", tc.name, got, derived, tc.nodes, tc.derived)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
