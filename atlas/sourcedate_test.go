package atlas_test

import (
	"encoding/json"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

// TestSourceDateHoldsEveryDateItGives: a source redated to before the seats it attests
// was accepted, and afterwards every ordinary edit of those seats failed; a statement
// dated after its only source was accepted too. A source gives no date later than its
// own, and the rule is checked for every record citing it, whichever record the change
// writes. Only the dates its citation supports count: a relation's date claims say which.
func TestSourceDateHoldsEveryDateItGives(t *testing.T) {
	a1, b1 := atlas.Citation{Source: "source/a", Locator: "p. 1"}, atlas.Citation{Source: "source/b", Locator: "p. 1"}
	q := &atlas.Person{ID: "person/q", Name: "Q", Sources: cite("source/a"), Claims: []atlas.PropertyClaim{
		{Property: atlas.PropName, Value: "Q", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred}}}
	seat := func() *atlas.Relation {
		return &atlas.Relation{Type: atlas.MemberOf, From: "person/q", To: "group/g", Attested: []atlas.PartialDate{atlas.MustDate("2008")}, Confidence: atlas.Stated, Sources: []atlas.Citation{a1}}
	}
	// a gives the start, b (undated) the later attestation: a gives no 2008.
	claimed := &atlas.Relation{Type: atlas.MemberOf, From: "person/q", To: "group/g", Start: atlas.DatePtr("2001"), Attested: []atlas.PartialDate{atlas.MustDate("2008")},
		Confidence: atlas.Stated, Sources: []atlas.Citation{a1, b1}, DateClaims: []atlas.DateClaim{
			{Part: atlas.StartPart, Value: atlas.MustDate("2001"), Sources: []atlas.Citation{a1}, Confidence: atlas.Stated, Rank: atlas.Preferred},
			{Part: atlas.AttestedPart, Value: atlas.MustDate("2008"), Sources: []atlas.Citation{b1}, Confidence: atlas.Stated, Rank: atlas.Normal}}}
	statement := func(date string) *atlas.Statement {
		return &atlas.Statement{ID: "statement/s", Text: "It met.", Date: atlas.DatePtr(date), Confidence: atlas.Stated, Sources: []atlas.Citation{a1}}
	}
	redateA := func(date string) atlas.Change {
		return atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordSource, Target: "source/a", Citation: &atlas.Citation{Source: "source/a", Locator: "cover"},
			Record: json.RawMessage(`{"id": "source/a", "title": "A", "kind": "REPORT", "date": "` + date + `"}`)}
	}
	for _, tc := range []struct {
		name   string
		setup  func(*atlas.Dataset)
		change atlas.Change
		msg    string // the rule broken, "" for none
	}{
		{"a source redated before a seat it attests", func(ds *atlas.Dataset) { ds.People = append(ds.People, q); ds.Relations = append(ds.Relations, seat()) },
			redateA("2005"), "relation member_of/person/q/group/g: cites source/a, dated 2005, for a later attested date 2008"},
		{"a source redated before a statement's date", func(ds *atlas.Dataset) { ds.Statements = append(ds.Statements, statement("2008")) },
			redateA("2005"), "STATEMENT statement/s: cites source/a, dated 2005, for a later date 2008"},
		{"a source redated before a founding it gives", func(*atlas.Dataset) {},
			redateA("2004"), "GROUP group/late claim ESTABLISHED=2005: cites source/a, dated 2004, for a later date"},
		{"a source redated, still after every date its passages give", func(ds *atlas.Dataset) {
			ds.People = append(ds.People, q)
			ds.Relations = append(ds.Relations, claimed)
		},
			redateA("2006"), ""},
		{"a statement dated after its source", func(*atlas.Dataset) {},
			atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordStatement, Citation: &a1, Record: json.RawMessage(`{"id": "statement/t", "text": "It met.", "date": "2012", "confidence": "STATED"}`)},
			"STATEMENT statement/t: cites source/a, dated 2010, for a later date 2012"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := changeBase()
			tc.setup(before)
			if err := before.Validate(); err != nil {
				t.Fatal(err)
			}
			_, err := appliedAndChecked(before, tc.change)
			switch {
			case tc.msg == "" && err != nil:
				t.Fatal(err)
			case tc.msg != "" && (atlas.ErrorCode(err) != atlas.EINVALID || !strings.Contains(atlas.ErrorMessage(err), tc.msg)):
				t.Fatalf("err = %v, want INVALID with %q", err, tc.msg)
			}
		})
	}
}

// TestSeedGivesNoDateLaterThanItsSource: the seed keeps the rule the writes are held
// to, so a change to it is never refused for what the seed already broke.
func TestSeedGivesNoDateLaterThanItsSource(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if p := ds.CitedDateProblems(); len(p) != 0 {
		t.Errorf("%d problem(s), want 0:\n%s", len(p), strings.Join(p, "\n"))
	}
}
