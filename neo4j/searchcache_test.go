package neo4j

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
	"lsgatlas/seed"
)

// TestAnalysisChangedIsRebuilt: the analysis a commit derives from the one before it and
// its change (analysis.changed, which searchCache.advance runs) ranks every query as the
// analysis rebuilt from all the records after the change does, so a search right after a
// curator's edit answers as one after a full rebuild.
func TestAnalysisChangedIsRebuilt(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	ds = ds.Prepared() // as stored: relationships have their ids
	nodes, rels := ds.Nodes(), ds.Relations
	if len(ds.Groups) < 2 || len(rels) < 3 {
		t.Fatal("the seed is too small for this test")
	}
	renamed := *ds.Groups[0]
	renamed.Name = "Zanzibar Harbour Coordination Group"
	added := &atlas.Person{ID: "person/zanzibar-harbourmaster", Name: "Zanzibar Harbourmaster"}
	noted := *rels[1]
	noted.Note = "harbourmaster of zanzibar, says the appendix"
	change := &atlas.DataChange{
		UpsertNodes:     []atlas.Node{&renamed, added},
		UpsertRelations: []*atlas.Relation{&noted},
		DeleteRelations: []*atlas.Relation{rels[0]},
	}
	// After the change, as a snapshot would read it.
	after := map[string]atlas.Node{}
	for _, n := range nodes {
		after[n.NodeID()] = n
	}
	after[renamed.ID], after[added.ID] = &renamed, added
	afterRels := []*atlas.Relation{&noted}
	for _, r := range rels[2:] {
		afterRels = append(afterRels, r)
	}

	empty := analysis{analysed: &searchkey.Analysed{}, index: &searchIndex{}}
	before := empty.changed(1, &atlas.DataChange{UpsertNodes: nodes, UpsertRelations: rels})
	changed := before.changed(2, change)
	rebuilt := empty.changed(2, &atlas.DataChange{UpsertNodes: slices.Collect(maps.Values(after)), UpsertRelations: afterRels})
	noop := before.changed(2, &atlas.DataChange{})

	for _, text := range []string{"zanzibar", "harbour coordination", "harbourmaster appendix", "foreign affairs",
		"领导小组", "xi jinping", ds.Groups[0].Name, "zanzibr"} {
		q, err := atlas.SearchQuery{Text: text, Limit: 100}.Normalized()
		if err != nil {
			t.Fatal(err)
		}
		pq := searchkey.ParseQuery(q.Text)
		rank := func(an analysis) atlas.SearchResult {
			ns, rs := an.index.candidates(pq, an.stats)
			return searchkey.Rank(q, pq, an.stats, an.analysed, ns, rs)
		}
		got, want := rank(changed), rank(rebuilt)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: changed analysis ranks\n%+v\nthe rebuilt one\n%+v", text, got, want)
		}
		if text == "zanzibar" && len(got.Hits) < 2 {
			t.Errorf("%q: %d hits, want the renamed group and the added person at least", text, len(got.Hits))
		}
		if b, n := rank(before), rank(noop); !reflect.DeepEqual(b, n) {
			t.Errorf("%q: a change of nothing changed the ranking", text)
		}
	}
	if changed.index.revision != 2 || before.index.revision != 1 {
		t.Errorf("revisions %d and %d, want 2 and 1", changed.index.revision, before.index.revision)
	}
	// The analysis changed from is left as it was: searches may still be using it.
	if _, ok := before.index.nodes[added.ID]; ok || before.analysed.HasNode(added.ID) {
		t.Error("changed wrote into the analysis it started from")
	}
}

// TestImportAdoptsItsDerivation: the analysis an import derives while its transaction
// runs (derive) is the one kept after it commits (advance), when the analysis it was
// derived from is still the kept one; otherwise advance derives it again from the kept
// one. derive starts nothing when the kept analysis is not at the import's revision.
func TestImportAdoptsItsDerivation(t *testing.T) {
	person := func(id, name string) *atlas.DataChange {
		return &atlas.DataChange{UpsertNodes: []atlas.Node{&atlas.Person{ID: id, Name: name}}}
	}
	empty := analysis{analysed: &searchkey.Analysed{}, index: &searchIndex{}}
	at1 := empty.changed(1, person("person/a", "Zanzibar Harbourmaster"))
	change := person("person/b", "Pemba Pilot")
	for _, tc := range []struct {
		name    string
		between func(c *searchCache) // after derive, before advance
		adopted bool                 // the kept analysis is the derivation's
	}{
		{"kept unchanged: the derivation is kept", func(*searchCache) {}, true},
		{"kept replaced meanwhile: derived again", func(c *searchCache) {
			c.reset()
			<-c.rebuild(1, func() (analysis, error) { return empty.changed(1, person("person/a", "Zanzibar Harbourmaster")), nil }).done
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c searchCache
			<-c.rebuild(1, func() (analysis, error) { return at1, nil }).done
			dv := c.derive(1, 2, change)
			if dv == nil {
				t.Fatal("derive started nothing")
			}
			tc.between(&c)
			c.advance(1, 2, change, dv)
			c.mu.Lock()
			b := c.pending
			c.mu.Unlock()
			<-b.done
			<-dv.done
			kept, ok := c.get(2)
			if !ok {
				t.Fatal("no analysis kept at revision 2")
			}
			if adopted := kept.index == dv.index; adopted != tc.adopted {
				t.Errorf("the derivation was kept: %v, want %v", adopted, tc.adopted)
			}
			if !kept.analysed.HasNode("person/a") || !kept.analysed.HasNode("person/b") {
				t.Error("the kept analysis lacks a record")
			}
		})
	}
	var c searchCache
	<-c.rebuild(1, func() (analysis, error) { return at1, nil }).done
	if dv := c.derive(3, 4, change); dv != nil {
		t.Error("derive started from revision 3 with the analysis of 1 kept")
	}
}
