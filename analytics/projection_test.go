package analytics_test

import (
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

func TestBuild(t *testing.T) {
	tests := []struct {
		name        string
		ds          *atlas.Dataset
		nodes, rels int
		node        string
		wantNode    bool
	}{
		{"nil dataset", nil, 0, 0, "person/xi-jinping", false},
		// Sources and reported counts are kept for Node, but are not network nodes.
		{"fixture", conformance.Fixture(), 16, conformance.FixtureRelationCount, "source/alpha", true},
		{"a relation to an unknown node is left out", &atlas.Dataset{
			People:    []*atlas.Person{{ID: "person/a", Name: "A"}},
			Relations: []*atlas.Relation{member("person/a", "group/missing")},
		}, 1, 0, "person/a", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := analytics.Build(tt.ds)
			if p.NodeCount() != tt.nodes || p.RelationCount() != tt.rels {
				t.Errorf("%d nodes, %d relations; want %d, %d", p.NodeCount(), p.RelationCount(), tt.nodes, tt.rels)
			}
			if _, ok := p.Node(tt.node); ok != tt.wantNode {
				t.Errorf("Node(%q) found = %v, want %v", tt.node, ok, tt.wantNode)
			}
		})
	}
}

func TestBuildCopiesItsInput(t *testing.T) {
	ds := conformance.Fixture()
	p := analytics.Build(ds)
	ds.People[0].Name = "changed"
	if n, _ := p.Node(ds.People[0].ID); n.Label() == "changed" {
		t.Error("changing the dataset after Build changed the projection")
	}
}
