package conformance

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

func testImport(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	rev0, err := s.Revision(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rev0 != 0 {
		t.Errorf("an empty store has revision %d, want 0 (seeding on first start relies on it)", rev0)
	}
	total := FixtureNodeCount + FixtureRelationCount
	steps := []struct {
		name  string
		ds    *atlas.Dataset
		want  atlas.ImportReport
		revUp bool
	}{
		{"first import creates everything", Fixture(), atlas.ImportReport{Created: total}, true},
		{"second import changes nothing", Fixture(), atlas.ImportReport{Unchanged: total}, false},
		{"a changed node and relation are updated, not duplicated", func() *atlas.Dataset {
			ds := Fixture()
			ds.People[0].Description = "changed"
			ds.Relations[0].Note = "changed"
			return ds
		}(), atlas.ImportReport{Updated: 2, Unchanged: total - 2}, true},
		{"a relation keeping its id but moving its ends is updated in place", func() *atlas.Dataset {
			ds := Fixture()
			ds.People[0].Description = "changed"
			ds.Relations[0].Note = "changed"
			ds.Relations[7].From = "person/hu-jintao" // member_of/li-keqiang/deepening-reform/deputy
			return ds
		}(), atlas.ImportReport{Updated: 1, Unchanged: total - 1}, true},
	}
	for _, step := range steps {
		before, _ := s.Revision(ctx)
		got, err := s.Import(ctx, step.ds)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if got != step.want {
			t.Errorf("%s: report = %+v, want %+v", step.name, got, step.want)
		}
		after, _ := s.Revision(ctx)
		if (after != before) != step.revUp {
			t.Errorf("%s: revision %d -> %d, want change=%v", step.name, before, after, step.revUp)
		}
	}
	if rev, _ := s.Revision(ctx); rev == rev0 {
		t.Error("revision never changed")
	}
	nodes, err := s.Nodes(ctx, []string{"person/xi-jinping"})
	if err != nil || nodes[0] == nil || nodes[0].(*atlas.Person).Description != "changed" {
		t.Fatalf("updated person not stored: %v %+v", err, nodes)
	}
	moved, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{"person/li-keqiang", "person/hu-jintao"}, Types: []atlas.RelType{atlas.MemberOf}})
	if err != nil {
		t.Fatal(err)
	}
	if got := relIDs(moved[0]); len(got) != 2 {
		t.Errorf("Li Keqiang still has %v after the deputy claim moved", got)
	}
	if got := relIDs(moved[1]); len(got) != 1 || got[0] != "member_of/li-keqiang/deepening-reform/deputy" {
		t.Errorf("Hu Jintao has %v, want the moved claim", got)
	}
	snap, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(snap.Nodes()); got != FixtureNodeCount {
		t.Errorf("after three imports: %d nodes, want %d", got, FixtureNodeCount)
	}
	if got := len(snap.Relations); got != FixtureRelationCount {
		t.Errorf("after three imports: %d relations, want %d", got, FixtureRelationCount)
	}
}

func testImportRejectsInvalid(t *testing.T, open Open) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		break_ func(ds *atlas.Dataset)
	}{
		{"dangling reference", func(ds *atlas.Dataset) { ds.Relations[0].To = "group/nowhere" }},
		{"missing source", func(ds *atlas.Dataset) { ds.People[0].Sources = nil }},
		{"end before start", func(ds *atlas.Dataset) { ds.Relations[2].End = atlas.DatePtr("1990") }},
		{"duplicate id", func(ds *atlas.Dataset) { ds.People[1].ID = ds.People[0].ID }},
		{"wrong endpoint kind", func(ds *atlas.Dataset) { ds.Relations[0].From = "institution/standing-committee" }},
		{"unknown enum", func(ds *atlas.Dataset) { ds.Groups[0].Kind = "SECRET_SOCIETY" }},
		{"outside group lifetime", func(ds *atlas.Dataset) { ds.Relations[5].Attested = []atlas.PartialDate{atlas.MustDate("2019")} }},
		{"duplicate name", func(ds *atlas.Dataset) { ds.People[1].Aliases = []atlas.Alias{{Name: "xi jinping", Editorial: true}} }},
		{"a source read through itself", func(ds *atlas.Dataset) { ds.Sources[2].CitedVia = ds.Sources[2].ID }},
		{"sources read through each other", func(ds *atlas.Dataset) { ds.Sources[0].CitedVia = ds.Sources[1].ID }},
		{"an alias with spaces around it", func(ds *atlas.Dataset) { ds.Groups[1].Aliases[0].Name = " CFAC" }},
		{"a Chinese name with an ideographic space", func(ds *atlas.Dataset) { ds.Groups[1].NameZh += "\u3000" }},
		{"a derived chair's id", func(ds *atlas.Dataset) {
			ds.Relations[0].ID = atlas.DerivedChairID(ds.Relations[1].ID, ds.Relations[2].ID)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := seeded(t, open)
			before, _ := s.Snapshot(ctx)
			rev, _ := s.Revision(ctx)
			ds := Fixture()
			ds.People[0].Description = "must not be written"
			tc.break_(ds)
			_, err := s.Import(ctx, ds)
			wantCode(t, err, atlas.EINVALID)
			after, _ := s.Snapshot(ctx)
			if !reflect.DeepEqual(before, after) {
				t.Error("a rejected import changed the store")
			}
			if r, _ := s.Revision(ctx); r != rev {
				t.Error("a rejected import changed the revision")
			}
		})
	}
}

func testSnapshot(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	snap, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Fixture().Prepared()
	if got, w := len(snap.Nodes()), len(want.Nodes()); got != w {
		t.Fatalf("snapshot has %d nodes, want %d", got, w)
	}
	byID := map[string]atlas.Node{}
	for _, n := range snap.Nodes() {
		byID[n.NodeID()] = n
	}
	for _, n := range want.Nodes() {
		if !reflect.DeepEqual(byID[n.NodeID()], n) {
			t.Errorf("snapshot node %s = %+v, want %+v", n.NodeID(), byID[n.NodeID()], n)
		}
	}
	rels := map[string]*atlas.Relation{}
	for _, r := range snap.Relations {
		rels[r.ID] = r
	}
	if len(rels) != len(want.Relations) {
		t.Fatalf("snapshot has %d relations, want %d", len(rels), len(want.Relations))
	}
	for _, r := range want.Relations {
		if !reflect.DeepEqual(rels[r.ID], r) {
			t.Errorf("snapshot relation %s = %+v, want %+v", r.ID, rels[r.ID], r)
		}
	}
	// Snapshots are copies.
	snap.People[0].Name = "mutated"
	again, _ := s.Snapshot(ctx)
	for _, p := range again.People {
		if p.Name == "mutated" {
			t.Error("mutating a snapshot changed the store")
		}
	}
}

func testReportedCounts(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	for _, tc := range []struct {
		q    atlas.CountQuery
		want []string
	}{
		{atlas.CountQuery{}, []string{"count/beta-1981", "count/alpha-2017-all", "count/alpha-2017-party"}},
		{atlas.CountQuery{FromYear: 2000}, []string{"count/alpha-2017-all", "count/alpha-2017-party"}},
		{atlas.CountQuery{ToYear: 1981}, []string{"count/beta-1981"}},
		{atlas.CountQuery{FromYear: 1982, ToYear: 2016}, nil},
	} {
		got, err := s.ReportedCounts(ctx, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs []string
		for _, c := range got {
			gotIDs = append(gotIDs, c.ID)
		}
		if !reflect.DeepEqual(gotIDs, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.q, gotIDs, tc.want)
		}
	}
	got, _ := s.ReportedCounts(ctx, atlas.CountQuery{ToYear: 1981})
	if c := got[0]; c.Value != 44 || c.Qualifier != "ABOUT" || c.Sources[0].Source != "source/beta" {
		t.Errorf("count round trip: %+v", c)
	}
	_, err := s.ReportedCounts(ctx, atlas.CountQuery{FromYear: 2020, ToYear: 2010})
	wantCode(t, err, atlas.EINVALID)
}

func testClose(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("ping: %v", err)
	}
	if err := s.Close(ctx); err != nil {
		t.Fatalf("close: %v", err)
	}
	wantCode(t, s.Ping(ctx), atlas.EUNAVAILABLE)
	_, err := s.Nodes(ctx, []string{"person/xi-jinping"})
	wantCode(t, err, atlas.EUNAVAILABLE)
}
