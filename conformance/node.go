package conformance

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

func testNodes(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	for _, tc := range []struct {
		name string
		ids  []string
		want []string
	}{
		{"in the order asked", []string{"person/xi-jinping", "group/foreign-affairs-lsg", "office/commission-general-office"},
			[]string{"person/xi-jinping", "group/foreign-affairs-lsg", "office/commission-general-office"}},
		{"missing ids give nil in place", []string{"person/nobody", "source/alpha", "group/nothing"}, []string{"", "source/alpha", ""}},
		{"repeated ids", []string{"position/general-secretary", "position/general-secretary"}, []string{"position/general-secretary", "position/general-secretary"}},
		{"every kind", []string{"institution/standing-committee", "count/beta-1981"}, []string{"institution/standing-committee", "count/beta-1981"}},
		{"none", nil, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Nodes(ctx, tc.ids)
			if err != nil {
				t.Fatal(err)
			}
			gotIDs := make([]string, len(got))
			for i, n := range got {
				if n != nil {
					gotIDs[i] = n.NodeID()
				}
			}
			if !reflect.DeepEqual(gotIDs, tc.want) {
				t.Errorf("got %v, want %v", gotIDs, tc.want)
			}
		})
	}
	for _, bad := range []string{"xi-jinping", "person/Xi", "people/xi-jinping", "person/", ""} {
		_, err := s.Nodes(ctx, []string{"person/xi-jinping", bad})
		if atlas.ErrorCode(err) != atlas.EINVALID {
			t.Errorf("Nodes(%q): code %q, want EINVALID", bad, atlas.ErrorCode(err))
		}
	}
	// Stores hand out copies.
	got, _ := s.Nodes(ctx, []string{"group/foreign-affairs-lsg"})
	got[0].(*atlas.Group).Aliases[0].Name = "mutated"
	again, _ := s.Nodes(ctx, []string{"group/foreign-affairs-lsg"})
	if again[0].(*atlas.Group).Aliases[0].Name != "FALSG" {
		t.Error("mutating a returned node changed the store")
	}
}

func testNodesRoundTrip(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	want := Fixture().Prepared().Nodes()
	got, err := s.Nodes(ctx, ids(want))
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("node %s:\n got %#v\nwant %#v", want[i].NodeID(), got[i], want[i])
		}
	}
}
