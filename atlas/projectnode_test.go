package atlas

import (
	"reflect"
	"testing"
)

func projectionTestGroup() *Group {
	est, sys := MustDate("1958-06"), System("PARTY")
	g := &Group{ID: "group/finance", Name: "Finance LSG", NameZh: "财经领导小组", Kind: "LEADING_SMALL_GROUP",
		System: &sys, Established: &est, Categories: []Category{"ECONOMY"}, CrossSystem: true,
		Aliases: []Alias{{Name: "Finance and Economy LSG"}}, Sources: []Citation{{Source: "source/a", Locator: "p. 1"}},
		Claims: []PropertyClaim{{Property: PropName, Value: "Finance LSG", Sources: []Citation{{Source: "source/a", Locator: "p. 1"}}}}}
	g.Tiers = []SourceTier{"CORPUS"}
	return g
}

func TestProjectNode(t *testing.T) {
	g := projectionTestGroup()
	est, sys := MustDate("1958-06"), System("PARTY")
	for _, tc := range []struct {
		name string
		p    *Projection
		want Node
	}{
		{"the whole node", nil, CloneNode(g)},
		{"nothing but the id", NewProjection(), &Group{ID: g.ID}},
		{"plain fields", NewProjection("name", "nameZh"), &Group{ID: g.ID, Name: g.Name, NameZh: g.NameZh}},
		// A union over kinds names properties a group does not have.
		{"other kinds' properties skipped", NewProjection("name", "title", "text", "scope"), &Group{ID: g.ID, Name: g.Name}},
		{"pointers, lists of strings and flags", NewProjection("system", "established", "categories", "crossSystem", "kind"),
			&Group{ID: g.ID, System: &sys, Established: &est, Categories: []Category{"ECONOMY"}, CrossSystem: true, Kind: g.Kind}},
		// Lists of records are as dear to copy alone as the whole node.
		{"a list of records", NewProjection("name", "claims"), CloneNode(g)},
		{"aliases", NewProjection("aliases"), CloneNode(g)},
		// A name no kind has (a search key, a typo, a derived value) is never left out.
		{"unknown to every kind", NewProjection("name", "searchText"), CloneNode(g)},
		{"derived tiers", NewProjection("tiers"), CloneNode(g)},
	} {
		if got := ProjectNode(g, tc.p); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %#v\nwant %#v", tc.name, got, tc.want)
		}
	}
	if got := ProjectNode(nil, NewProjection("name")); got != nil {
		t.Errorf("nil node: got %#v", got)
	}
}

// TestProjectedNodeSharesNothing: changing a projected copy, through every field it
// holds, leaves the node it was copied from as it was.
func TestProjectedNodeSharesNothing(t *testing.T) {
	g, want := projectionTestGroup(), projectionTestGroup()
	got := ProjectNode(g, NewProjection("name", "system", "established", "categories")).(*Group)
	got.Name, *got.System, *got.Established, got.Categories[0] = "changed", "STATE", MustDate("2000"), "CHANGED"
	if !reflect.DeepEqual(g, want) {
		t.Errorf("the node changed through its projection: %#v", g)
	}
}
