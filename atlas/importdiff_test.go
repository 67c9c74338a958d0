package atlas_test

import (
	"maps"
	"slices"
	"testing"

	"lsgatlas/atlas"
)

func TestDiffImportCountsAndListsWhatChanges(t *testing.T) {
	kept := &atlas.Person{ID: "person/kept", Name: "Kept"}
	renamed := &atlas.Person{ID: "person/renamed", Name: "Old name"}
	dropped := &atlas.Person{ID: "person/dropped", Name: "Dropped"}
	keptRel := &atlas.Relation{ID: "r/kept", Type: atlas.RelType("HOLDS"), From: "person/kept", To: "person/renamed"}
	droppedRel := &atlas.Relation{ID: "r/dropped", Type: atlas.RelType("HOLDS"), From: "person/dropped", To: "person/kept"}
	storedNodes := map[string]atlas.Node{kept.ID: kept, renamed.ID: renamed, dropped.ID: dropped}
	storedRels := map[string]*atlas.Relation{keptRel.ID: keptRel, droppedRel.ID: droppedRel}

	added := &atlas.Person{ID: "person/added", Name: "Added"}
	newName := &atlas.Person{ID: "person/renamed", Name: "New name"}
	addedRel := &atlas.Relation{ID: "r/added", Type: atlas.RelType("HOLDS"), From: "person/added", To: "person/kept"}
	keptCopy := *keptRel
	ds := &atlas.Dataset{People: []*atlas.Person{{ID: kept.ID, Name: kept.Name}, newName, added}, Relations: []*atlas.Relation{&keptCopy, addedRel}}

	d := atlas.DiffImport(ds, storedNodes, maps.Keys(storedNodes), storedRels)
	if want := (atlas.ImportReport{Created: 2, Updated: 1, Unchanged: 2, Deleted: 2}); d.Report != want {
		t.Errorf("report %+v, want %+v", d.Report, want)
	}
	var changed []string
	for _, n := range d.Nodes {
		changed = append(changed, n.NodeID())
	}
	if want := []string{"person/renamed", "person/added"}; !slices.Equal(changed, want) {
		t.Errorf("changed nodes %q, want %q", changed, want)
	}
	if len(d.Relations) != 1 || d.Relations[0] != addedRel {
		t.Errorf("changed relations %+v, want only r/added", d.Relations)
	}
	if !slices.Equal(d.DroppedNodes, []string{"person/dropped"}) {
		t.Errorf("dropped nodes %q", d.DroppedNodes)
	}
	if len(d.DroppedRelations) != 1 || d.DroppedRelations[0] != droppedRel {
		t.Errorf("dropped relations %+v, want only r/dropped", d.DroppedRelations)
	}
}
