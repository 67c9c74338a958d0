package conformance

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"

	"lsgatlas/atlas"
)

// Import cases beyond the basic ones in dataset.go: an import makes the store equal its
// dataset, imports at once cannot duplicate anything, and reads after an import see it.

// withoutLiKeqiang is the fixture without one person (and the three claims about him) and
// without one claim between groups: five records fewer.
func withoutLiKeqiang() *atlas.Dataset {
	ds := Fixture()
	ds.People = slices.DeleteFunc(ds.People, func(p *atlas.Person) bool { return p.ID == "person/li-keqiang" })
	ds.Relations = slices.DeleteFunc(ds.Relations, func(r *atlas.Relation) bool {
		return r.From == "person/li-keqiang" || (r.Type == atlas.Supervises && r.To == "group/guangdong-group")
	})
	return ds
}

const withoutLiKeqiangDropped = 5

// withoutLiKeqiangOutlived are the groups his relationships show alive later than their
// own sources do (atlas's ObservedUntil: the foreign affairs commission to 2023-03-01
// rather than 2020-06, deepening reform to 2020-06-01 rather than never): dropping him
// changes what they answer, so the import updates them.
const withoutLiKeqiangOutlived = 2

func testImportDeletes(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	total := FixtureNodeCount + FixtureRelationCount
	for _, step := range []struct {
		name string
		ds   *atlas.Dataset
		want atlas.ImportReport
	}{
		{"records the dataset dropped are deleted", withoutLiKeqiang(),
			atlas.ImportReport{Updated: withoutLiKeqiangOutlived, Unchanged: total - withoutLiKeqiangDropped - withoutLiKeqiangOutlived, Deleted: withoutLiKeqiangDropped}},
		{"importing the smaller dataset again changes nothing", withoutLiKeqiang(),
			atlas.ImportReport{Unchanged: total - withoutLiKeqiangDropped}},
		{"the records come back when the dataset has them again", Fixture(),
			atlas.ImportReport{Created: withoutLiKeqiangDropped, Updated: withoutLiKeqiangOutlived, Unchanged: total - withoutLiKeqiangDropped - withoutLiKeqiangOutlived}},
		{"an empty dataset empties the store", &atlas.Dataset{}, atlas.ImportReport{Deleted: total}},
	} {
		before, _ := s.Revision(ctx)
		got, err := s.Import(ctx, step.ds)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if got != step.want {
			t.Errorf("%s: report = %+v, want %+v", step.name, got, step.want)
		}
		after, _ := s.Revision(ctx)
		if changed := after != before; changed != got.Changed() {
			t.Errorf("%s: revision %d -> %d, want a change: %v", step.name, before, after, got.Changed())
		}
		// Read at once, by every method: each sees exactly what was imported.
		wantHolds(t, s, step.ds, step.name)
	}
}

// wantHolds checks that every read of s reflects exactly ds.
func wantHolds(t *testing.T, s atlas.Store, ds *atlas.Dataset, step string) {
	t.Helper()
	ctx := context.Background()
	want := ds.Prepared()
	snap, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatalf("%s: snapshot: %v", step, err)
	}
	if got, w := recordsByID(snap), recordsByID(want); !reflect.DeepEqual(got, w) {
		t.Errorf("%s: the store holds %d records, want exactly the dataset's %d", step, len(got), len(w))
		for id, r := range w {
			if !reflect.DeepEqual(got[id], r) {
				t.Errorf("%s: %s = %+v, want %+v", step, id, got[id], r)
			}
		}
		for id := range got {
			if _, ok := w[id]; !ok {
				t.Errorf("%s: %s is still stored", step, id)
			}
		}
	}
	nodes, err := s.Nodes(ctx, []string{"person/li-keqiang"})
	if err != nil {
		t.Fatal(err)
	}
	if stored, inDataset := nodes[0] != nil, slices.ContainsFunc(want.People, func(p *atlas.Person) bool { return p.ID == "person/li-keqiang" }); stored != inDataset {
		t.Errorf("%s: Nodes finds Li Keqiang: %v, want %v", step, stored, inDataset)
	}
	rels, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{"group/deepening-reform"}})
	if err != nil {
		t.Fatal(err)
	}
	var wantRels []string
	for _, r := range want.Relations {
		if r.From == "group/deepening-reform" || r.To == "group/deepening-reform" {
			wantRels = append(wantRels, r.ID)
		}
	}
	if got := relIDs(rels[0]); !sameSet(got, wantRels) {
		t.Errorf("%s: relations of the reform group: %v, want %v", step, got, wantRels)
	}
	page, err := s.List(ctx, atlas.ListQuery{Kind: atlas.PersonNode, First: 100})
	if err != nil {
		t.Fatal(err)
	}
	if page.TotalCount != len(want.People) || len(page.Nodes) != len(want.People) {
		t.Errorf("%s: List people: total %d, %d nodes, want %d", step, page.TotalCount, len(page.Nodes), len(want.People))
	}
	res, err := s.Search(ctx, atlas.SearchQuery{Text: "keqiang"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range res.Hits {
		found = found || h.Node.NodeID() == "person/li-keqiang"
	}
	if found != (nodes[0] != nil) {
		t.Errorf("%s: Search finds Li Keqiang: %v, Nodes: %v", step, found, nodes[0] != nil)
	}
}

func recordsByID(ds *atlas.Dataset) map[string]any {
	out := map[string]any{}
	for _, n := range ds.Nodes() {
		out[n.NodeID()] = n
	}
	for _, r := range ds.Relations {
		out[r.ID] = r
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// testImportConcurrent: imports that run at once (two replicas seeding at start, `seed`
// during a start-up seed) take effect one after the other: exactly one creates, the
// others find everything in place, and nothing is duplicated.
func testImportConcurrent(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	const imports = 4
	total := FixtureNodeCount + FixtureRelationCount
	reports := make([]atlas.ImportReport, imports)
	errs := make([]error, imports)
	var wg sync.WaitGroup
	for i := range imports {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reports[i], errs[i] = s.Import(ctx, Fixture())
		}()
	}
	wg.Wait()
	creators := 0
	for i, r := range reports {
		if errs[i] != nil {
			t.Fatalf("import %d: %v", i, errs[i])
		}
		switch r {
		case atlas.ImportReport{Created: total}:
			creators++
		case atlas.ImportReport{Unchanged: total}:
		default:
			t.Errorf("import %d: report %+v: it saw another import half done", i, r)
		}
	}
	if creators != 1 {
		t.Errorf("%d imports created the data, want exactly 1: %+v", creators, reports)
	}
	if rev, _ := s.Revision(ctx); rev != 1 {
		t.Errorf("revision %d after one effective import, want 1", rev)
	}
	wantHolds(t, s, Fixture(), "after concurrent imports")

	// Two different datasets at once: the store ends equal to one of them, whole.
	var reduced, full atlas.ImportReport
	var errReduced, errFull error
	wg.Add(2)
	go func() { defer wg.Done(); reduced, errReduced = s.Import(ctx, withoutLiKeqiang()) }()
	go func() { defer wg.Done(); full, errFull = s.Import(ctx, Fixture()) }()
	wg.Wait()
	if errReduced != nil || errFull != nil {
		t.Fatalf("imports: %v, %v", errReduced, errFull)
	}
	snap, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	switch got := recordsByID(snap); {
	case reflect.DeepEqual(got, recordsByID(Fixture().Prepared())):
	case reflect.DeepEqual(got, recordsByID(withoutLiKeqiang().Prepared())):
	default:
		t.Errorf("after two different imports at once the store holds %d records, neither dataset (reports %+v, %+v)", len(got), reduced, full)
	}
}
