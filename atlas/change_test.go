package atlas_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

// changeBase is a small valid graph: a group with a disputed founding year and an
// alias, a person who died in 2000, and the two sources.
func changeBase() *atlas.Dataset {
	d1958, d2000 := atlas.MustDate("1958"), atlas.MustDate("2000")
	ds := claimDataset(&atlas.Group{ID: "group/g", Name: "G", Kind: atlas.GroupKind("OTHER"), Established: &d1958, Sources: cite("source/a"),
		Aliases: []atlas.Alias{{Name: "GG", Source: "source/b"}},
		Claims: []atlas.PropertyClaim{
			{Property: atlas.PropName, Value: "G", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred},
			{Property: atlas.PropEstablished, Value: "1958", Sources: cite("source/a"), Confidence: atlas.Disputed, Rank: atlas.Preferred},
			{Property: atlas.PropEstablished, Value: "1954", Sources: cite("source/b"), Confidence: atlas.Disputed, Rank: atlas.Normal},
			{Property: atlas.PropAlias, Value: "GG", Sources: cite("source/b"), Confidence: atlas.Stated, Rank: atlas.Normal},
		}})
	ds.Groups = append(ds.Groups, &atlas.Group{ID: "group/late", Name: "Late", Kind: atlas.GroupKind("OTHER"), Established: atlas.DatePtr("2005"), Sources: cite("source/a"),
		Claims: []atlas.PropertyClaim{{Property: atlas.PropEstablished, Value: "2005", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred}}})
	ds.People = []*atlas.Person{{ID: "person/p", Name: "P", Died: &d2000, Sources: cite("source/a"), Claims: []atlas.PropertyClaim{
		{Property: atlas.PropName, Value: "P", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred},
		{Property: atlas.PropDied, Value: "2000", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred},
	}}}
	return ds
}

var citeA = &atlas.Citation{Source: "source/a", Locator: "p. 2"}

func claimOf(property atlas.PropertyName, value string, rank atlas.Rank) *atlas.ClaimChange {
	return &atlas.ClaimChange{Node: "group/g", PropertyClaim: atlas.PropertyClaim{Property: property, Value: value, Confidence: atlas.Stated, Rank: rank}}
}

// TestChangeApply applies one change to a copy of the graph and checks it with
// CheckChange, as the Curator does: the records it reports, the plain field it implies,
// or the error, with its code.
func TestChangeApply(t *testing.T) {
	est1954 := atlas.ClaimID("group/g", atlas.PropEstablished, "1954")
	est1958 := atlas.ClaimID("group/g", atlas.PropEstablished, "1958")
	for _, tc := range []struct {
		name    string
		change  atlas.Change
		records []string // the ids of the records changed
		plain   string   // the group's established date after, when checked
		code    string   // the error code, "" for none
		msg     string   // a part of the error message
	}{
		{"a new preferred value demotes the old one", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordClaim, Citation: citeA, Claim: claimOf(atlas.PropEstablished, "1957", atlas.Preferred)},
			[]string{est1958, atlas.ClaimID("group/g", atlas.PropEstablished, "1957")}, "1957", "", ""},
		{"promoting a claim changes the plain field", atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: est1954, Citation: citeA, Claim: claimOf("", "1954", atlas.Preferred)},
			[]string{est1954, est1958}, "1954", "", ""},
		{"retracting the preferred founding date while another source gives one would unbound the lifetime", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordClaim, Target: est1958, Citation: citeA},
			nil, "", atlas.EINVALID, "ESTABLISHED is unset, yet claims [1954] give it"},
		{"retracting the preferred value of a founding date no one else gives unsets the field", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordClaim, Target: atlas.ClaimID("group/late", atlas.PropEstablished, "2005"), Citation: citeA},
			[]string{atlas.ClaimID("group/late", atlas.PropEstablished, "2005")}, "1958", "", ""},
		{"an alias is a claim with its plain entry", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordAlias, Citation: citeA, Claim: &atlas.ClaimChange{Node: "group/g", PropertyClaim: atlas.PropertyClaim{Value: "Gee", Confidence: atlas.Stated}}},
			[]string{atlas.ClaimID("group/g", atlas.PropAlias, "Gee")}, "1958", "", ""},
		{"no citation", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordClaim, Target: est1954}, nil, "", atlas.EINVALID, "cites a source with a locator"},
		{"no locator", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordClaim, Target: est1954, Citation: &atlas.Citation{Source: "source/a"}}, nil, "", atlas.EINVALID, "locator"},
		{"an unknown source", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordClaim, Target: est1954, Citation: &atlas.Citation{Source: "source/zz", Locator: "x"}}, nil, "", atlas.EINVALID, ""},
		{"an unknown claim", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordClaim, Target: "group/g/claims/name/000000000000", Citation: citeA}, nil, "", atlas.ENOTFOUND, ""},
		{"a duplicate value", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordClaim, Citation: citeA, Claim: claimOf(atlas.PropEstablished, "1954", atlas.Normal)}, nil, "", atlas.EINVALID, "change that claim instead"},
		{"a bad value, by the loader's rule", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordClaim, Citation: citeA, Claim: claimOf(atlas.PropEstablished, "1954-13", atlas.Normal)}, nil, "", atlas.EINVALID, `value "1954-13" is not a valid ESTABLISHED`},
		{"a seat after the holder's death", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: citeA,
			Relation: &atlas.Relation{Type: atlas.MemberOf, From: "person/p", To: "group/g", Start: atlas.DatePtr("2001"), Confidence: atlas.Stated}},
			nil, "", atlas.EINVALID, "starts 2001, after person/p died (2000)"},
		{"a seat before the group", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: citeA,
			Relation: &atlas.Relation{Type: atlas.MemberOf, From: "person/p", To: "group/g", End: atlas.DatePtr("1950"), Start: atlas.DatePtr("1949"), Confidence: atlas.Stated}},
			nil, "", atlas.EINVALID, "lies outside the lifetime of group/g"},
		{"a seat ending after the holder's death", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: citeA,
			Relation: &atlas.Relation{Type: atlas.MemberOf, From: "person/p", To: "group/g", Start: atlas.DatePtr("1990"), End: atlas.DatePtr("2001"), Confidence: atlas.Stated}},
			nil, "", atlas.EINVALID, "ends 2001, after person/p died (2000)"},
		{"an undated seat on a group founded after the holder's death", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: citeA,
			Relation: &atlas.Relation{Type: atlas.MemberOf, From: "person/p", To: "group/late", Confidence: atlas.Stated}},
			nil, "", atlas.EINVALID, "person/p died (2000) before group/late was established (2005)"},
		{"an open seat starting before the group", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: citeA,
			Relation: &atlas.Relation{Type: atlas.MemberOf, From: "person/p", To: "group/g", Start: atlas.DatePtr("1950"), Confidence: atlas.Stated}},
			nil, "", atlas.EINVALID, "starts 1950, before group/g was established (1958)"},
		{"a relationship gets the one id", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: citeA,
			Relation: &atlas.Relation{Type: atlas.MemberOf, From: "person/p", To: "group/g", Start: atlas.DatePtr("1990"), Confidence: atlas.Stated}},
			[]string{"member_of/person/p/group/g"}, "1958", "", ""},
		{"a node with claims for its values", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordNode, Citation: citeA, Record: json.RawMessage(`{"id": "person/q", "name": "Q", "sources": []}`)},
			[]string{"person/q", "person/q/claims/name/4ae81572f06e"}, "1958", "", ""},
		// A node's claims are records of their own: retracted with it.
		{"a node retracted with its claims", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordNode, Target: "group/late", Citation: citeA},
			[]string{"group/late", atlas.ClaimID("group/late", atlas.PropEstablished, "2005")}, "1958", "", ""},
		{"a node of another kind", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordSource, Citation: citeA, Record: json.RawMessage(`{"id": "person/q", "name": "Q", "sources": []}`)},
			nil, "", atlas.EINVALID, "use the person mutation"},
		{"an unknown field", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordNode, Citation: citeA, Record: json.RawMessage(`{"id": "person/q", "name": "Q", "age": 3}`)},
			nil, "", atlas.EINVALID, `unknown field "age"`},
		{"retracting a node its relationships need", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordNode, Target: "source/b", Citation: citeA}, nil, "", atlas.EINVALID, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := changeBase()
			after := before.Clone()
			applied, err := tc.change.Apply(after)
			if err == nil {
				err = atlas.CheckChange(before, after)
			}
			if got := atlas.ErrorCode(err); got != tc.code || !strings.Contains(atlas.ErrorMessage(err), tc.msg) {
				t.Fatalf("error %v, want code %q with %q", err, tc.code, tc.msg)
			}
			if err != nil {
				return
			}
			if got := applied.RecordIDs(); !slices.Equal(got, tc.records) {
				t.Fatalf("records %q, want %q", got, tc.records)
			}
			g := after.Node("group/g").(*atlas.Group)
			got := ""
			if g.Established != nil {
				got = g.Established.String()
			}
			if got != tc.plain {
				t.Fatalf("established = %q, want %q", got, tc.plain)
			}
		})
	}
}

// TestChangeRecordsBeforeAndAfter: promoting a claim to PREFERRED records the claim
// promoted and the one demoted, each with its own before and after (the audit log and
// the change feed are written from these).
func TestChangeRecordsBeforeAndAfter(t *testing.T) {
	est1954 := atlas.ClaimID("group/g", atlas.PropEstablished, "1954")
	est1958 := atlas.ClaimID("group/g", atlas.PropEstablished, "1958")
	applied, err := atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: est1954, Citation: citeA, Claim: claimOf("", "1954", atlas.Preferred)}.Apply(changeBase())
	if err != nil {
		t.Fatal(err)
	}
	rank := func(raw json.RawMessage) string {
		if raw == nil {
			return "none"
		}
		var c atlas.PropertyClaim
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatal(err)
		}
		return c.Value + " " + string(c.Rank)
	}
	var got []string
	for _, r := range applied.Records {
		got = append(got, r.ID+": "+rank(r.Before)+" -> "+rank(r.After))
	}
	want := []string{est1954 + ": 1954 NORMAL -> 1954 PREFERRED", est1958 + ": 1958 PREFERRED -> 1958 NORMAL"}
	if !slices.Equal(got, want) {
		t.Errorf("records\n got %q\nwant %q", got, want)
	}
}

func TestRoles(t *testing.T) {
	for _, tc := range []struct {
		p    atlas.Principal
		min  atlas.Role
		code string
	}{
		{atlas.Anonymous, atlas.RoleReader, ""},
		{atlas.Anonymous, atlas.RoleContributor, atlas.EUNAUTHORIZED},
		{atlas.Principal{Subject: "c", Role: atlas.RoleCurator}, atlas.RoleContributor, ""},
		{atlas.Principal{Subject: "c", Role: atlas.RoleContributor}, atlas.RoleCurator, atlas.EUNAUTHORIZED},
		{atlas.Principal{Subject: "a", Role: atlas.RoleAdmin}, atlas.RoleCurator, ""},
		{atlas.Principal{Subject: "x", Role: "ROOT"}, atlas.RoleReader, atlas.EUNAUTHORIZED},
		{atlas.Principal{Subject: "a", Role: atlas.RoleAdmin, WritesRefused: "a foreign origin"}, atlas.RoleContributor, atlas.EUNAUTHORIZED},
		{atlas.Principal{Subject: "a", Role: atlas.RoleAdmin, WritesRefused: "a foreign origin"}, atlas.RoleReader, ""},
	} {
		if got := atlas.ErrorCode(tc.p.Require(tc.min, "x")); got != tc.code {
			t.Errorf("%+v needing %s: %q, want %q", tc.p, tc.min, got, tc.code)
		}
	}
}

// TestClaimIDIsStable: a claim's permalink depends on its node, property and value
// only, never on its rank, sources or note.
func TestClaimIDIsStable(t *testing.T) {
	const want = "group/g/claims/name-zh/b864a6a4edbf"
	if got := atlas.ClaimID("group/g", atlas.PropNameZh, "中央"); got != want {
		t.Fatalf("ClaimID = %q, want %q", got, want)
	}
	if owner, ok := atlas.ClaimOwner(want); !ok || owner != "group/g" {
		t.Fatalf("ClaimOwner = %q, %v", owner, ok)
	}
}

// TestChangeRefusesWhatItWouldIgnore: an ADD with a target, or a RETRACT with the record
// as it should be, was applied with that part ignored while the audit log kept the
// change as sent. Each is INVALID and leaves the graph as it was.
func TestChangeRefusesWhatItWouldIgnore(t *testing.T) {
	const addTarget = "an ADD takes no target (it is for CHANGE and RETRACT); the new record's id is its own"
	const retractBody = "a RETRACT takes only its target and a citation: the record as it should be is for ADD and CHANGE"
	rel := &atlas.Relation{Type: atlas.Holds, From: "person/p", To: "position/x", Confidence: atlas.Stated}
	for _, tc := range []struct {
		name   string
		change atlas.Change
		want   string
	}{
		{"an ADD of a claim with a target", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordClaim, Target: "group/g/claims/name/000000000000", Claim: claimOf(atlas.PropAlias, "G2", atlas.Normal), Citation: citeA}, addTarget},
		{"an ADD of a relationship with a target", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Target: "holds/person/p/position/x", Relation: rel, Citation: citeA}, addTarget},
		{"an ADD of a node with a target", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordNode, Target: "person/p", Record: json.RawMessage(`{"id":"person/q","name":"Q"}`), Citation: citeA}, addTarget},
		{"a RETRACT with a claim", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordClaim, Target: atlas.ClaimID("group/g", atlas.PropEstablished, "1954"), Claim: claimOf(atlas.PropBorn, "1850", atlas.Normal), Citation: citeA}, retractBody},
		{"a RETRACT with a relationship", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordRelationship, Target: "holds/person/p/position/x", Relation: rel, Citation: citeA}, retractBody},
		{"a RETRACT with a node", atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordNode, Target: "person/p", Record: json.RawMessage(`{"id":"group/g","name":"G"}`), Citation: citeA}, retractBody},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := changeBase()
			before, _ := json.Marshal(ds)
			_, err := tc.change.Apply(ds)
			if atlas.ErrorCode(err) != atlas.EINVALID || atlas.ErrorMessage(err) != tc.want {
				t.Errorf("err = %v, want INVALID: %s", err, tc.want)
			}
			if after, _ := json.Marshal(ds); string(after) != string(before) {
				t.Error("the graph changed")
			}
		})
	}
}

// appliedAndChecked applies ch to a copy of before and holds the result to the checks a
// write must pass (atlas.CheckChange), as the curator does.
func appliedAndChecked(before *atlas.Dataset, ch atlas.Change) (*atlas.Dataset, error) {
	after := before.Clone()
	_, err := ch.Apply(after)
	if err == nil {
		err = atlas.CheckChange(before, after)
	}
	return after, err
}
