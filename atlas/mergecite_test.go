package atlas

import "testing"

// TestMergedChairCitesAPassageOnce: a stored chair quoting a passage and a derivation
// citing the same passage without the quote are one chair citing the passage once.
func TestMergedChairCitesAPassageOnce(t *testing.T) {
	quoted := Citation{Source: "source/s1", Locator: "table 1", Quote: "the leader chairs"}
	bare := Citation{Source: "source/s1", Locator: "table 1"}
	other := Citation{Source: "source/s2", Locator: "p. 2"}
	direct := []Relation{{ID: "chairs/person/a/group/g", Type: Chairs, From: "person/a", To: "group/g", Start: DatePtr("2001"), End: DatePtr("2005"), Confidence: Stated, Sources: []Citation{quoted}}}
	holds := Relation{ID: "holds/person/a/position/p", Type: Holds, From: "person/a", To: "position/p", Start: DatePtr("2001"), End: DatePtr("2005"), Confidence: Stated, Sources: []Citation{other}}
	chairs := Relation{ID: "chairs/position/p/group/g", Type: Chairs, From: "position/p", To: "group/g", Start: DatePtr("2000"), Confidence: Stated, Sources: []Citation{bare}}
	list := ChairList("group/g", direct, []HoldsChairs{{Holds: &holds, Chairs: &chairs}}, nil, IncludeDerived)
	if len(list) != 1 || !list[0].Stored || !list[0].Derived() {
		t.Fatalf("chairs %+v, want one stored and derived chair", list)
	}
	if got := list[0].Sources; len(got) != 2 || got[0] != quoted || got[1] != other {
		t.Errorf("sources %+v, want the quoted passage once, then s2", got)
	}
}
