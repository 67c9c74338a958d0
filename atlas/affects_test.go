package atlas_test

import (
	"encoding/json"
	"slices"
	"testing"

	"lsgatlas/atlas"
)

// A post p (one seat) that chairs group g, held by x and before him y; x also sits on h.
func affectsBase() *atlas.Dataset {
	one := 1
	ds := changeBase()
	ds.Groups = append(ds.Groups, &atlas.Group{ID: "group/h", Name: "H", Kind: atlas.GroupKind("OTHER"), Sources: cite("source/a")})
	ds.People = append(ds.People,
		&atlas.Person{ID: "person/x", Name: "X", Sources: cite("source/a")},
		&atlas.Person{ID: "person/y", Name: "Y", Sources: cite("source/a")})
	ds.Positions = []*atlas.Position{{ID: "position/p", Title: "P", Seats: &one, Sources: cite("source/a")}}
	ds.Relations = append(ds.Relations,
		&atlas.Relation{Type: atlas.Chairs, From: "position/p", To: "group/g", Start: atlas.DatePtr("1990"), Confidence: atlas.Stated, Sources: cite("source/a")},
		&atlas.Relation{Type: atlas.Holds, From: "person/y", To: "position/p", Start: atlas.DatePtr("1990"), End: atlas.DatePtr("1994"), Confidence: atlas.Stated, Sources: cite("source/a")},
		&atlas.Relation{Type: atlas.Holds, From: "person/x", To: "position/p", Start: atlas.DatePtr("1995"), End: atlas.DatePtr("1999"), Confidence: atlas.Stated, Sources: cite("source/a")},
		&atlas.Relation{Type: atlas.MemberOf, From: "person/x", To: "group/h", Start: atlas.DatePtr("1995"), Confidence: atlas.Stated, Sources: cite("source/a")})
	return ds
}

// TestChangeEventsNameWhatTheyAffect: each event of a change names, beside its record's
// own nodes, every node whose answers it may alter, so a cache that drops them keeps no
// stale answer (a derived chair, a single seat's other holder, a neighbour's list).
func TestChangeEventsNameWhatTheyAffect(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change atlas.Change
		want   []string // the first event's affects
	}{
		{"a post's chairing reaches its holders", atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordRelationship, Target: "chairs/position/p/group/g", Citation: citeA,
			Relation: &atlas.Relation{Start: atlas.DatePtr("1991"), Confidence: atlas.Stated}},
			[]string{"position/p", "group/g", "person/x", "person/y"}},
		{"a holding reaches the post's other holders and the groups it chairs", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: citeA,
			Relation: &atlas.Relation{Type: atlas.Holds, From: "person/p", To: "position/p", Start: atlas.DatePtr("1980"), End: atlas.DatePtr("1985"), Confidence: atlas.Stated}},
			[]string{"person/p", "position/p", "group/g", "person/x", "person/y"}},
		{"a death reaches every neighbour, and through the post its derivations", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordClaim, Citation: citeA,
			Claim: &atlas.ClaimChange{Node: "person/x", PropertyClaim: atlas.PropertyClaim{Property: atlas.PropDied, Value: "2005", Confidence: atlas.Stated, Rank: atlas.Preferred}}},
			[]string{"person/x", "group/g", "group/h", "person/y", "position/p"}},
		{"a source's date reaches every node whose facts cite it", atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordSource, Target: "source/b", Citation: citeA,
			Record: json.RawMessage(`{"id": "source/b", "title": "B", "kind": "REPORT", "date": "2011"}`)},
			[]string{"source/b", "group/g"}},
		{"a membership reaches its ends only", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordRelationship, Target: "member_of/person/x/group/h", Citation: citeA},
			[]string{"person/x", "group/h"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, cur := curatedStore(t, affectsBase())
			e, err := cur.Edit(carol, tc.change, 1, tc.name)
			if err != nil {
				t.Fatal(err)
			}
			events := atlas.ChangesOf(e)
			if len(events) == 0 || !slices.Equal(events[0].Affects, tc.want) {
				t.Fatalf("events %+v, want the first to affect %q", events, tc.want)
			}
			if f := (atlas.ChangeFilter{IDs: []string{tc.want[len(tc.want)-1]}}); !f.Matches(events[0]) {
				t.Errorf("a filter on %q does not keep the event", f.IDs)
			}
		})
	}
}
