package atlas_test

import (
	"fmt"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// TestChangeKeepsWhoGaveWhichDate: a change of a relationship says how it should be
// and cites one passage; the dates its sources gave before stay as their claims, so a
// source is never shown beside a date it did not give, and nothing is lost.
func TestChangeKeepsWhoGaveWhichDate(t *testing.T) {
	a1, b9 := atlas.Citation{Source: "source/a", Locator: "p. 1"}, atlas.Citation{Source: "source/b", Locator: "p. 9"}
	quoted := atlas.Citation{Source: "source/a", Locator: "p. 1", Quote: "from 1990"}
	b2 := atlas.Citation{Source: "source/b", Locator: "p. 2"}
	claim := func(part atlas.DatePart, v string, rank atlas.Rank, cites ...atlas.Citation) string {
		return fmt.Sprintf("%s %s %s %v", part, v, rank, cites)
	}
	undisputed := func() *atlas.Relation { // both sources give 1990–1995
		return &atlas.Relation{ID: "member_of/person/p/group/g", Type: atlas.MemberOf, From: "person/p", To: "group/g", Start: atlas.DatePtr("1990"), End: atlas.DatePtr("1995"),
			Confidence: atlas.Stated, Sources: []atlas.Citation{quoted, b9}}
	}
	disputed := func() *atlas.Relation { // a gives the start 1990, b 1991
		r := undisputed()
		r.DateClaims = []atlas.DateClaim{
			{Part: atlas.StartPart, Value: atlas.MustDate("1990"), Sources: []atlas.Citation{quoted}, Confidence: atlas.Stated, Rank: atlas.Preferred},
			{Part: atlas.StartPart, Value: atlas.MustDate("1991"), Sources: []atlas.Citation{b9}, Confidence: atlas.Stated, Rank: atlas.Normal},
			{Part: atlas.EndPart, Value: atlas.MustDate("1995"), Sources: []atlas.Citation{quoted, b9}, Confidence: atlas.Stated, Rank: atlas.Preferred},
		}
		return r
	}
	as := func(r *atlas.Relation, start, end string, attested ...string) *atlas.Relation {
		c := r.Clone()
		c.Sources, c.DateClaims = nil, nil
		c.Start, c.End, c.Attested = nil, nil, nil
		if start != "" {
			c.Start = atlas.DatePtr(start)
		}
		if end != "" {
			c.End = atlas.DatePtr(end)
		}
		for _, a := range attested {
			c.Attested = append(c.Attested, atlas.MustDate(a))
		}
		return &c
	}
	for _, tc := range []struct {
		name      string
		before    *atlas.Relation
		change    func(*atlas.Relation) *atlas.Relation
		cite      atlas.Citation
		claims    []string
		sources   []atlas.Citation
		startOfB2 string // the start source/b's view shows
	}{
		// A new passage that leaves the dates says nothing of them: source/b's p. 2 was
		// shown giving 1990–1995, so knownBy its date showed an end it never gave.
		{"the same dates, cited by a new passage, stay their sources' claims", undisputed(), func(r *atlas.Relation) *atlas.Relation { return as(r, "1990", "1995") }, b2,
			[]string{claim(atlas.StartPart, "1990", atlas.Preferred, quoted, b9), claim(atlas.EndPart, "1995", atlas.Preferred, quoted, b9)},
			[]atlas.Citation{quoted, b9, b2}, "1990"},
		{"the same dates, cited by a passage that gave them, keep no claims where there were none", undisputed(), func(r *atlas.Relation) *atlas.Relation { return as(r, "1990", "1995") }, a1,
			nil, []atlas.Citation{quoted, b9}, "1990"},
		{"the same dates keep the claims there were", disputed(), func(r *atlas.Relation) *atlas.Relation { return as(r, "1990", "1995") }, b2,
			[]string{claim(atlas.StartPart, "1990", atlas.Preferred, quoted), claim(atlas.StartPart, "1991", atlas.Normal, b9), claim(atlas.EndPart, "1995", atlas.Preferred, quoted, b9)},
			[]atlas.Citation{quoted, b9, b2}, "1991"},
		{"a moved start keeps the old one as its sources' claim", undisputed(), func(r *atlas.Relation) *atlas.Relation { return as(r, "1989", "1995") }, b2,
			[]string{claim(atlas.StartPart, "1990", atlas.Normal, quoted, b9), claim(atlas.EndPart, "1995", atlas.Preferred, quoted, b9), claim(atlas.StartPart, "1989", atlas.Preferred, b2)},
			[]atlas.Citation{quoted, b9, b2}, "1989"},
		{"a start some source gave already is preferred, citing the change too", disputed(), func(r *atlas.Relation) *atlas.Relation { return as(r, "1991", "1995") }, b2,
			[]string{claim(atlas.StartPart, "1990", atlas.Normal, quoted), claim(atlas.StartPart, "1991", atlas.Preferred, b9, b2), claim(atlas.EndPart, "1995", atlas.Preferred, quoted, b9)},
			[]atlas.Citation{quoted, b9, b2}, "1991"},
		{"an end taken away is kept, deprecated, so that no view shows it", disputed(), func(r *atlas.Relation) *atlas.Relation { return as(r, "1990", "") }, b2,
			[]string{claim(atlas.StartPart, "1990", atlas.Preferred, quoted), claim(atlas.StartPart, "1991", atlas.Normal, b9), claim(atlas.EndPart, "1995", atlas.Deprecated, quoted, b9)},
			[]atlas.Citation{quoted, b9, b2}, "1991"},
		{"an attestation added is the change's; one dropped is kept deprecated", func() *atlas.Relation {
			r := undisputed()
			r.Attested = []atlas.PartialDate{atlas.MustDate("1992")}
			return r
		}(),
			func(r *atlas.Relation) *atlas.Relation { return as(r, "1990", "1995", "1993") }, b2,
			[]string{claim(atlas.StartPart, "1990", atlas.Preferred, quoted, b9), claim(atlas.EndPart, "1995", atlas.Preferred, quoted, b9), claim(atlas.AttestedPart, "1992", atlas.Deprecated, quoted, b9), claim(atlas.AttestedPart, "1993", atlas.Normal, b2)},
			[]atlas.Citation{quoted, b9, b2}, "1990"},
		{"citing a passage already cited, without its quote, is that citation", undisputed(), func(r *atlas.Relation) *atlas.Relation { return as(r, "1989", "1995") }, a1,
			[]string{claim(atlas.StartPart, "1990", atlas.Normal, b9), claim(atlas.EndPart, "1995", atlas.Preferred, quoted, b9), claim(atlas.StartPart, "1989", atlas.Preferred, quoted)},
			[]atlas.Citation{quoted, b9}, "1990"},
		{"a date corrected by the only passage that gave it is that passage's new date alone", disputed(), func(r *atlas.Relation) *atlas.Relation { return as(r, "1992", "1995") }, a1,
			[]string{claim(atlas.StartPart, "1991", atlas.Normal, b9), claim(atlas.EndPart, "1995", atlas.Preferred, quoted, b9), claim(atlas.StartPart, "1992", atlas.Preferred, quoted)},
			[]atlas.Citation{quoted, b9}, "1991"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := changeBase()
			before.Relations = append(before.Relations, tc.before)
			after := before.Clone()
			next := tc.change(tc.before)
			id := atlas.DefaultRelationID(atlas.MemberOf, "person/p", "group/g")
			_, err := atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordRelationship, Target: id, Citation: &tc.cite, Relation: next}.Apply(after)
			if err == nil {
				err = atlas.CheckChange(before, after)
			}
			if err != nil {
				t.Fatal(err)
			}
			r := after.Relation(id)
			var got []string
			for _, c := range r.DateClaims {
				got = append(got, claim(c.Part, c.Value.String(), c.Rank, c.Sources...))
			}
			if !reflect.DeepEqual(got, tc.claims) {
				t.Errorf("claims\n%q\nwant\n%q", got, tc.claims)
			}
			if !reflect.DeepEqual(r.Sources, tc.sources) {
				t.Errorf("sources %v, want %v", r.Sources, tc.sources)
			}
			if v := r.CitedBy([]string{"source/b"}); v.Start == nil || v.Start.String() != tc.startOfB2 {
				t.Errorf("source/b's start %v, want %s", v.Start, tc.startOfB2)
			}
		})
	}
}
