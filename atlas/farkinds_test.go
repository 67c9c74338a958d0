package atlas_test

import (
	"slices"
	"testing"

	"lsgatlas/atlas"
)

// TestFarKinds: the kinds a relationship may lead to are those validation allows at its
// other end, by type and direction; no type means every type.
func TestFarKinds(t *testing.T) {
	for _, tc := range []struct {
		name  string
		types []atlas.RelType
		dir   atlas.Direction
		want  []atlas.NodeKind
	}{
		{"a group's members", []atlas.RelType{atlas.MemberOf}, atlas.Incoming, []atlas.NodeKind{atlas.InstitutionNode, atlas.PositionNode, atlas.PersonNode}},
		{"a person's memberships", []atlas.RelType{atlas.MemberOf}, atlas.Outgoing, []atlas.NodeKind{atlas.GroupNode}},
		{"chairs either way", []atlas.RelType{atlas.Chairs}, atlas.Both, []atlas.NodeKind{atlas.GroupNode, atlas.PositionNode, atlas.PersonNode}},
		{"no direction is both", []atlas.RelType{atlas.Holds}, "", []atlas.NodeKind{atlas.PositionNode, atlas.PersonNode}},
		{"two types", []atlas.RelType{atlas.HasOffice, atlas.ReportsTo}, atlas.Outgoing, []atlas.NodeKind{atlas.OfficeNode, atlas.InstitutionNode}},
		// Sources and reported counts are cited, never joined by a relationship.
		{"every type", nil, atlas.Both, []atlas.NodeKind{atlas.GroupNode, atlas.OfficeNode, atlas.InstitutionNode, atlas.PositionNode,
			atlas.PersonNode, atlas.StatementNode, atlas.TopicNode, atlas.DocumentNode}},
	} {
		if got := atlas.FarKinds(tc.types, tc.dir); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
