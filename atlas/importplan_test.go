package atlas_test

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// TestPlanImport: the one import algorithm, on a store holding a source, two people and
// two relations, and a dataset that keeps one person unchanged, changes the other, adds a
// third, changes one relation and drops the other.
func TestPlanImport(t *testing.T) {
	src := &atlas.Source{ID: "source/a", Title: "A", Kind: "REPORT"}
	person := func(id, name string) *atlas.Person {
		return &atlas.Person{ID: id, Name: name, Sources: []atlas.Citation{{Source: src.ID, Locator: "p. 1"}}}
	}
	rel := func(id, note string) *atlas.Relation {
		return &atlas.Relation{ID: id, Type: atlas.MemberOf, From: "person/a", To: "group/g", Confidence: atlas.Stated, Note: note}
	}
	before := &atlas.Dataset{Sources: []*atlas.Source{src}, People: []*atlas.Person{person("person/a", "A"), person("person/b", "B")},
		Relations: []*atlas.Relation{rel("r/kept", "old"), rel("r/dropped", "")}}
	after := &atlas.Dataset{Sources: []*atlas.Source{src}, People: []*atlas.Person{person("person/a", "A"), person("person/b", "B2"), person("person/c", "C")},
		Relations: []*atlas.Relation{rel("r/kept", "new")}}
	report, change := atlas.PlanImport(atlas.StoredRecordsOf(before), after)
	if want := (atlas.ImportReport{Created: 1, Updated: 2, Unchanged: 2, Deleted: 1}); report != want {
		t.Errorf("report = %+v, want %+v", report, want)
	}
	var upserted []string
	for _, n := range change.UpsertNodes {
		upserted = append(upserted, n.NodeID())
	}
	var deleted []string
	for _, r := range change.DeleteRelations {
		deleted = append(deleted, r.ID+":"+r.Note)
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"upserted nodes", upserted, []string{"person/b", "person/c"}},
		{"deleted nodes", change.DeleteNodes, []string(nil)},
		{"upserted relations", []string{change.UpsertRelations[0].ID + ":" + change.UpsertRelations[0].Note}, []string{"r/kept:new"}},
		{"deleted relations: the old version, then the dropped", deleted, []string{"r/kept:old", "r/dropped:"}},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
		}
	}
	if !reflect.DeepEqual(atlas.Diff(before, after), change) {
		t.Error("Diff and PlanImport differ")
	}
	// Dropping a node.
	report, change = atlas.PlanImport(atlas.StoredRecordsOf(after), before)
	if report.Deleted != 1 || !reflect.DeepEqual(change.DeleteNodes, []string{"person/c"}) {
		t.Errorf("dropping person/c: report %+v, deleted nodes %v", report, change.DeleteNodes)
	}
}
