package atlas_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"lsgatlas/atlas"
)

// premiseGraph: post/gs chairs group/g and is held by a and b; a also chairs g directly;
// a holds post/vice, which chairs group/h; an institution's relation touches g too.
var premiseGraph = []atlas.Relation{
	{ID: "c/gs", Type: atlas.Chairs, From: "position/gs", To: "group/g"},
	{ID: "c/a", Type: atlas.Chairs, From: "person/a", To: "group/g"},
	{ID: "h/a", Type: atlas.Holds, From: "person/a", To: "position/gs"},
	{ID: "h/b", Type: atlas.Holds, From: "person/b", To: "position/gs"},
	{ID: "h/a-vice", Type: atlas.Holds, From: "person/a", To: "position/vice"},
	{ID: "c/vice", Type: atlas.Chairs, From: "position/vice", To: "group/h"},
	{ID: "m/a", Type: atlas.MemberOf, From: "person/a", To: "group/g"},
}

// premiseReads is a reader over premiseGraph that writes down every read it is asked.
func premiseReads(reads *[]string, fail string) atlas.PremiseReader {
	return func(id string, step atlas.PremiseStep, next *atlas.PremiseStep) ([]atlas.Relation, error) {
		read := fmt.Sprintf("%s %s %s", id, step.Type, step.Direction)
		if next != nil {
			read += fmt.Sprintf(" then %s %s", next.Type, next.Direction)
		}
		*reads = append(*reads, read)
		if id == fail {
			return nil, errors.New("store down")
		}
		var out []atlas.Relation
		for _, r := range premiseGraph {
			end := r.To
			if step.Direction == atlas.Outgoing {
				end = r.From
			}
			if r.Type == step.Type && end == id {
				out = append(out, r)
			}
		}
		return out, nil
	}
}

func TestChairPremisesReadsWhatTheJoinNeeds(t *testing.T) {
	for _, tc := range []struct {
		name, self    string
		mode          atlas.DerivedChairs
		fail          string
		reads         []string
		direct        []string
		candidates    []string // holds+chairs
		code, message string
	}{
		{
			name: "a group: its chairs, then the holders of each post among them", self: "group/g", mode: atlas.IncludeDerived,
			reads:      []string{"group/g CHAIRS INCOMING then HOLDS INCOMING", "position/gs HOLDS INCOMING"},
			direct:     []string{"c/gs", "c/a"},
			candidates: []string{"h/a+c/gs", "h/b+c/gs"},
		},
		{
			name: "a group without derived chairs: its stored chairs alone", self: "group/g", mode: atlas.ExcludeDerived,
			reads:  []string{"group/g CHAIRS INCOMING"},
			direct: []string{"c/gs", "c/a"},
		},
		{
			name: "a person: their chairs, their posts, and what each post chairs", self: "person/a", mode: atlas.OnlyDerived,
			reads: []string{"person/a CHAIRS OUTGOING", "person/a HOLDS OUTGOING then CHAIRS OUTGOING",
				"position/gs CHAIRS OUTGOING", "position/vice CHAIRS OUTGOING"},
			direct:     []string{"c/a"},
			candidates: []string{"h/a+c/gs", "h/a-vice+c/vice"},
		},
		{
			name: "a position: what it chairs, nothing derived", self: "position/gs", mode: atlas.IncludeDerived,
			reads:  []string{"position/gs CHAIRS OUTGOING"},
			direct: []string{"c/gs"},
		},
		{
			name: "an institution chairs nothing", self: "institution/x", mode: atlas.IncludeDerived,
			code: atlas.EINVALID, message: "institution/x cannot chair or be chaired",
		},
		{
			name: "a failed read stops the gathering", self: "group/g", mode: atlas.IncludeDerived, fail: "position/gs",
			reads:   []string{"group/g CHAIRS INCOMING then HOLDS INCOMING", "position/gs HOLDS INCOMING"},
			message: "store down",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var reads []string
			direct, candidates, err := atlas.ChairPremises(tc.self, tc.mode, premiseReads(&reads, tc.fail))
			if !slices.Equal(reads, tc.reads) {
				t.Errorf("reads %q, want %q", reads, tc.reads)
			}
			if tc.message != "" {
				message := atlas.ErrorMessage(err)
				if tc.code == "" && err != nil {
					message = err.Error() // the reader's own error, as it was
				}
				if err == nil || message != tc.message || (tc.code != "" && atlas.ErrorCode(err) != tc.code) {
					t.Fatalf("err %v (%s), want %s %q", err, atlas.ErrorCode(err), tc.code, tc.message)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var gotDirect, gotCandidates []string
			for _, r := range direct {
				gotDirect = append(gotDirect, r.ID)
			}
			for _, c := range candidates {
				gotCandidates = append(gotCandidates, c.Holds.ID+"+"+c.Chairs.ID)
			}
			if !slices.Equal(gotDirect, tc.direct) || !slices.Equal(gotCandidates, tc.candidates) {
				t.Errorf("direct %q candidates %q, want %q and %q", gotDirect, gotCandidates, tc.direct, tc.candidates)
			}
		})
	}
}

// A position's chairs list is what it chairs, stored, whichever mode is asked: nothing
// is derived for a position, so ONLY would otherwise leave it empty.
func TestChairsOfAPositionAreItsStoredChairs(t *testing.T) {
	for _, mode := range atlas.DerivedChairsModes {
		var reads []string
		edges, err := atlas.ChairsOf("position/gs", atlas.When{}, mode, nil, false, premiseReads(&reads, ""))
		if err != nil || len(edges) != 1 || edges[0].ID != "c/gs" || edges[0].Derived() {
			t.Errorf("%s: %+v %v, want the stored c/gs", mode, edges, err)
		}
	}
}
