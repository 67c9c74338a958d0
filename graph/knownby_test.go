package graph_test

import (
	"testing"
)

// TestKnownBy: as known by a date, every citation kept is from a source published by
// then, the rest are withheld, and a chair is derived only from premises known by then.
func TestKnownBy(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type cite struct {
		Source struct {
			ID   string
			Date *string
		}
	}
	type rel struct {
		Node     struct{ ID string }
		Derived  bool
		Sources  []cite
		Withheld []cite
	}
	for _, by := range []string{"2003", "2010", "2016", "2021-11"} {
		var got struct {
			Group struct {
				Members, Chairs, All []rel
			}
		}
		q := `query($by: PartialDate) { group(id: "group/foreign-affairs-leading-small-group") {
			members(knownBy: $by) { node { id } derived sources { source { id date } } withheld { source { id date } } }
			chairs(knownBy: $by) { node { id } derived sources { source { id date } } withheld { source { id date } } }
			all: members { node { id } } } }`
		data(t, srv, q, map[string]any{"by": by}, &got)
		for _, r := range append(got.Group.Members, got.Group.Chairs...) {
			if len(r.Sources) == 0 {
				t.Errorf("knownBy %s: %s kept without a source", by, r.Node.ID)
			}
			for _, c := range r.Sources {
				if c.Source.Date != nil && *c.Source.Date > by+"-99" {
					t.Errorf("knownBy %s: %s cites %s of %s", by, r.Node.ID, c.Source.ID, *c.Source.Date)
				}
			}
		}
		if by == "2003" && len(got.Group.Members)+len(got.Group.Chairs) != 0 {
			t.Errorf("knownBy 2003: %d members and %d chairs, but no dated source about the group is that old", len(got.Group.Members), len(got.Group.Chairs))
		}
		if by == "2016" && (len(got.Group.Members) != 8 || len(got.Group.All) <= 8) {
			t.Errorf("knownBy 2016: %d of %d members, want the 8 of the SIPRI 2010 list", len(got.Group.Members), len(got.Group.All))
		}
	}
	r := post(t, srv, `{ group(id: "group/foreign-affairs-leading-small-group") { members(knownBy: "2016-13") { id } } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" {
		t.Errorf("a bad knownBy date: %+v", r.Errors)
	}
}
