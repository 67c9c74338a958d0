package searchkey

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"lsgatlas/atlas"
)

// TestUpdate: the statistics and the text index updated with a change are those computed
// from the whole collection after it (the deletion index compared as sets: its lists are
// in no order), and those they started from are left as they were.
func TestUpdate(t *testing.T) {
	name := func(text string) Fields { return Analyse([]atlas.SearchField{{Field: "name", Text: text, Name: true}}) }
	note := func(text string) Fields { return Analyse([]atlas.SearchField{{Field: "note", Text: text}}) }
	collection := func(nodes map[string]Fields, rels map[string]Fields) *Analysed {
		a := &Analysed{}
		for id, fs := range nodes {
			a.AddNode(id, fs)
		}
		for id, fs := range rels {
			a.AddRelation(id, fs)
		}
		return a
	}
	nodes := map[string]Fields{"group/a": name("Central Foreign Affairs Commission"), "group/b": name("Leading Small Group on Taiwan"),
		"person/x": name("Xi Jinping")}
	rels := map[string]Fields{"r1": note("chairs the foreign affairs commission"), "r2": note("Tibet work")}
	before := collection(nodes, rels)
	st, ix := NewStats(before), before.TextIndex()
	for _, tc := range []struct {
		name          string
		nodes, rels   map[string]Fields // nil: deleted
		changedN, chR []string
	}{
		{"a node renamed", map[string]Fields{"group/a": name("Zanzibar Harbour Commission")}, nil, []string{"group/a"}, nil},
		{"a node added, a relationship deleted", map[string]Fields{"person/y": name("Harbourmaster Zhou")}, map[string]Fields{"r2": {}},
			[]string{"person/y"}, []string{"r2"}},
		{"a node deleted, its only terms gone", map[string]Fields{"person/x": {}}, nil, []string{"person/x"}, nil},
		{"a relationship replaced by one with the same terms", nil, map[string]Fields{"r1": note("chairs the foreign affairs commission")},
			nil, []string{"r1"}},
		{"nothing", nil, nil, nil, nil},
	} {
		afterNodes, afterRels := maps.Clone(nodes), maps.Clone(rels)
		for id, fs := range tc.nodes {
			if afterNodes[id] = fs; fs.fields == nil {
				delete(afterNodes, id)
			}
		}
		for id, fs := range tc.rels {
			if afterRels[id] = fs; fs.fields == nil {
				delete(afterRels, id)
			}
		}
		after := collection(afterNodes, afterRels)
		got, want := st.Update(before, after, tc.changedN, tc.chR), NewStats(after)
		if !sameStats(got, want) {
			t.Errorf("%s: updated statistics\n%+v\ncomputed\n%+v", tc.name, got, want)
		}
		if gotIx, wantIx := ix.Update(before, after, tc.changedN, tc.chR), after.TextIndex(); !reflect.DeepEqual(gotIx, wantIx) {
			t.Errorf("%s: updated index differs from the one built", tc.name)
		}
		if !sameStats(st, NewStats(before)) || !reflect.DeepEqual(ix, before.TextIndex()) {
			t.Fatalf("%s: Update changed what it started from", tc.name)
		}
	}
}

// sameStats compares statistics, the lists of the deletion index as sets (NewStats
// fills them in the order it ranges over a map).
func sameStats(a, b *Stats) bool {
	return a.docs == b.docs && reflect.DeepEqual(a.df, b.df) && a.lengths == b.lengths && a.fields == b.fields &&
		a.avgLen == b.avgLen && reflect.DeepEqual(sortedLists(a.deletes), sortedLists(b.deletes))
}

func sortedLists(m map[string][]string) map[string][]string {
	out := map[string][]string{}
	for k, v := range m {
		out[k] = slices.Sorted(slices.Values(v))
	}
	return out
}
