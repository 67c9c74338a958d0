package graph_test

import (
	"testing"
)

// datedCite is a citation as the knownBy tests read it: its source's id and date.
type datedCite struct {
	Source struct {
		ID   string
		Date *string
	}
}

// TestKnownBy: as known by a date, every citation kept is from a source published by
// then, the rest are withheld, and a chair is derived only from premises known by then.
func TestKnownBy(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type rel struct {
		Node     struct{ ID string }
		Derived  bool
		Sources  []datedCite
		Withheld []datedCite
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

// TestKnownByDatesArePublished sweeps every person's posts and seats: as known by a
// date, each start, end and attestation shown is the value of a date claim shown beside
// it, and every source a claim cites was published by then. A tenure whose dates only a
// later source gives was shown with them (Han Zheng's post known by 2021, dated by a
// reference page of 2023).
func TestKnownByDatesArePublished(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type rel struct {
		ID         string
		Start, End *string
		Attested   []string
		Sources    []datedCite
		DateClaims []struct {
			Part, Value string
			Sources     []datedCite
		}
	}
	var people struct {
		People struct{ Nodes []struct{ ID string } }
	}
	data(t, srv, `{ people(first: 100) { nodes { id } } }`, nil, &people)
	sel := `id start end attested sources { source { id date } } dateClaims { part value sources { source { id date } } }`
	for _, by := range []string{"2010", "2016", "2021"} {
		var rels []rel
		for _, p := range people.People.Nodes {
			var got struct {
				Person struct{ Positions, Membership []rel }
			}
			data(t, srv, `query($id: ID!, $by: PartialDate) { person(id: $id) {
				positions(knownBy: $by) { `+sel+` } membership: memberships(knownBy: $by) { `+sel+` } } }`, map[string]any{"id": p.ID, "by": by}, &got)
			rels = append(append(rels, got.Person.Positions...), got.Person.Membership...)
		}
		claimed := 0
		for _, r := range rels {
			if len(r.DateClaims) == 0 {
				continue
			}
			claimed++
			kept := map[string]bool{}
			for _, s := range r.Sources {
				kept[s.Source.ID] = true
			}
			shown := map[string]bool{}
			for _, c := range r.DateClaims {
				shown[c.Part+" "+c.Value] = true
				for _, s := range c.Sources {
					if !kept[s.Source.ID] || s.Source.Date != nil && *s.Source.Date > by+"-99" {
						t.Errorf("knownBy %s: %s: the %s claim %s cites %s, not published by then", by, r.ID, c.Part, c.Value, s.Source.ID)
					}
				}
			}
			dates := map[string]*string{"START": r.Start, "END": r.End}
			for part, d := range dates {
				if d != nil && !shown[part+" "+*d] {
					t.Errorf("knownBy %s: %s shows %s %s, which no claim of a source published by then gives", by, r.ID, part, *d)
				}
			}
			for _, a := range r.Attested {
				if !shown["ATTESTED "+a] {
					t.Errorf("knownBy %s: %s shows attested %s, which no claim of a source published by then gives", by, r.ID, a)
				}
			}
		}
		if claimed == 0 {
			t.Errorf("knownBy %s: no relationship with date claims was checked", by)
		}
	}
}
