package atlas_test

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/inprocess"
)

// Who proposes and who reviews in these tests.
var (
	alice = atlas.WithPrincipal(context.Background(), atlas.Principal{Subject: "alice", Role: atlas.RoleContributor})
	carol = atlas.WithPrincipal(context.Background(), atlas.Principal{Subject: "carol", Role: atlas.RoleCurator})
)

// curatedStore is an embedded store holding ds, and the workflow over it.
func curatedStore(t *testing.T, ds *atlas.Dataset) (*inprocess.Store, *atlas.Curator) {
	t.Helper()
	store := inprocess.New()
	if _, err := store.Import(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return store, atlas.NewCurator(store, store, nil)
}

// TestAcceptRefusesAWiderChange: a proposal that would now demote a PREFERRED value
// added after it was made is CONFLICT, even though none of the records it was made
// against moved: what would be applied is not what was reviewed.
func TestAcceptRefusesAWiderChange(t *testing.T) {
	_, cur := curatedStore(t, changeBase())
	addNameZh := func(v string) atlas.Change {
		return atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordClaim, Citation: citeA, Claim: claimOf(atlas.PropNameZh, v, atlas.Preferred)}
	}
	p, err := cur.Propose(alice, addNameZh("甲"), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cur.Edit(carol, addNameZh("乙"), 1, "a curator's own"); err != nil {
		t.Fatal(err)
	}
	_, err = cur.Accept(carol, p.ID, "ok")
	if atlas.ErrorCode(err) != atlas.ECONFLICT || !strings.Contains(atlas.ErrorMessage(err), "now also changes "+atlas.ClaimID("group/g", atlas.PropNameZh, "乙")) {
		t.Fatalf("accept = %v", err)
	}
}

// nodeRecordWithout is group/g as the store holds it, in the dataset format, without its
// claims and with edit applied: what a client sends to change the node.
func nodeRecordWithout(t *testing.T, s atlas.Store, edit func(map[string]any)) json.RawMessage {
	t.Helper()
	ds, err := s.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(ds.Node("group/g"))
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "claims")
	edit(m)
	out, _ := json.Marshal(m)
	return out
}

// TestNodeChangeKeepsTheClaimsItLeaves: a node changed without its claims keeps every
// claim of a value it leaves as it was, sources and all; the name it changes gets a claim
// citing the change and the old one is demoted; each claim that changed is a record of
// the change, with its version bumped.
func TestNodeChangeKeepsTheClaimsItLeaves(t *testing.T) {
	store, cur := curatedStore(t, changeBase())
	before, _ := store.Snapshot(context.Background())
	record := nodeRecordWithout(t, store, func(m map[string]any) { m["name"] = "G2" })
	e, err := cur.Edit(carol, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordNode, Target: "group/g", Record: record, Citation: citeA}, 1, "renamed")
	if err != nil {
		t.Fatal(err)
	}
	nameG, nameG2 := atlas.ClaimID("group/g", atlas.PropName, "G"), atlas.ClaimID("group/g", atlas.PropName, "G2")
	if got, want := e.Records, []string{"group/g", nameG, nameG2}; !slices.Equal(recordIDs(got), want) {
		t.Errorf("records %q, want %q", recordIDs(got), want)
	}
	after, _ := store.Snapshot(context.Background())
	claims := func(ds *atlas.Dataset) map[string]atlas.PropertyClaim {
		out := map[string]atlas.PropertyClaim{}
		for _, c := range atlas.ClaimsOf(ds.Node("group/g")) {
			out[atlas.ClaimID("group/g", c.Property, c.Value)] = c
		}
		return out
	}
	was, now := claims(before), claims(after)
	for id, c := range was {
		if id == nameG {
			continue
		}
		if !reflect.DeepEqual(now[id], c) {
			t.Errorf("%s, a value the change left, became %+v (was %+v)", id, now[id], c)
		}
	}
	if g := now[nameG]; g.Rank != atlas.Normal || !slices.Equal(g.Sources, was[nameG].Sources) {
		t.Errorf("the old name: %+v", g)
	}
	if g2 := now[nameG2]; g2.Rank != atlas.Preferred || !slices.Equal(g2.Sources, []atlas.Citation{*citeA}) {
		t.Errorf("the new name: %+v", g2)
	}
	if vs, _ := store.Versions(context.Background(), []string{"group/g", nameG, nameG2, atlas.ClaimID("group/g", atlas.PropEstablished, "1958")}); !slices.Equal(vs, []int64{2, 2, 2, 1}) {
		t.Errorf("versions of the node, the old name, the new name and the founding left alone: %v", vs)
	}
}

// TestNodeProposalMeetsALaterClaimEdit: a node change proposed before a curator edited
// one of its claims would undo that edit when accepted; it is CONFLICT instead, and the
// edit stands.
func TestNodeProposalMeetsALaterClaimEdit(t *testing.T) {
	store, cur := curatedStore(t, changeBase())
	record := nodeRecordWithout(t, store, func(m map[string]any) { m["name"] = "G2" })
	p, err := cur.Propose(alice, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordNode, Target: "group/g", Record: record, Citation: citeA}, "rename")
	if err != nil {
		t.Fatal(err)
	}
	est1954 := atlas.ClaimID("group/g", atlas.PropEstablished, "1954")
	if _, err := cur.Edit(carol, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: est1954, Citation: citeA, Claim: claimOf("", "1954", atlas.Preferred)}, 1, "1954 it is"); err != nil {
		t.Fatal(err)
	}
	if _, err := cur.Accept(carol, p.ID, "ok"); atlas.ErrorCode(err) != atlas.ECONFLICT {
		t.Fatalf("accept = %v, want CONFLICT", err)
	}
	ds, _ := store.Snapshot(context.Background())
	if g := ds.Node("group/g").(*atlas.Group); g.Established.String() != "1954" || g.Name != "G" {
		t.Errorf("after the refused accept: founded %s, named %s; want the edit's 1954 and the old name", g.Established, g.Name)
	}
}

// TestNodeEditMeetsALaterClaimEdit: the direct edit's twin of the proposal's. A node
// edited from a read older than a claim edit would undo it; the claim edit moved the
// node's version, so the edit is CONFLICT and the claim edit stands.
func TestNodeEditMeetsALaterClaimEdit(t *testing.T) {
	store, cur := curatedStore(t, changeBase())
	record := nodeRecordWithout(t, store, func(m map[string]any) { m["name"] = "G2" })
	est1954 := atlas.ClaimID("group/g", atlas.PropEstablished, "1954")
	if _, err := cur.Edit(carol, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: est1954, Citation: citeA, Claim: claimOf("", "1954", atlas.Preferred)}, 1, "1954 it is"); err != nil {
		t.Fatal(err)
	}
	if vs, _ := store.Versions(context.Background(), []string{"group/g", est1954}); !slices.Equal(vs, []int64{2, 2}) {
		t.Errorf("versions of the node and its claim edited: %v, want [2 2]", vs)
	}
	_, err := cur.Edit(carol, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordNode, Target: "group/g", Record: record, Citation: citeA}, 1, "rename, read before")
	if atlas.ErrorCode(err) != atlas.ECONFLICT {
		t.Fatalf("edit = %v, want CONFLICT", err)
	}
	ds, _ := store.Snapshot(context.Background())
	if g := ds.Node("group/g").(*atlas.Group); g.Established.String() != "1954" || g.Name != "G" {
		t.Errorf("after the refused edit: founded %s, named %s; want the claim edit's 1954 and the old name", g.Established, g.Name)
	}
}

func recordIDs(rs []atlas.RecordChange) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// TestAProblemFixedIsNotForgivenAgain: a write is checked against the problems of the
// data as it stands, carried from write to write: a single-seat post with two holders
// at once, imported so, may be curated; once a curator has retracted one tenure, adding
// it back is refused as the new problem it is.
func TestAProblemFixedIsNotForgivenAgain(t *testing.T) {
	ds := changeBase()
	one := 1
	ds.Positions = []*atlas.Position{{ID: "position/s", Title: "S", Seats: &one, Sources: cite("source/a")}}
	ds.People = append(ds.People, &atlas.Person{ID: "person/q", Name: "Q", Sources: cite("source/a"),
		Claims: []atlas.PropertyClaim{{Property: atlas.PropName, Value: "Q", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred}}})
	tenure := func(who, from, to string) *atlas.Relation {
		return &atlas.Relation{Type: atlas.Holds, From: who, To: "position/s", Start: atlas.DatePtr(from), End: atlas.DatePtr(to), Confidence: atlas.Stated, Sources: cite("source/a")}
	}
	ds.Relations = append(ds.Relations, tenure("person/p", "1990", "1999"), tenure("person/q", "1995", "2000"))
	_, cur := curatedStore(t, ds)
	// The data's own problem does not stop an unrelated change.
	if _, err := cur.Edit(carol, atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordClaim, Citation: citeA, Claim: claimOf(atlas.PropNameZh, "甲", atlas.Preferred)}, 1, "a name"); err != nil {
		t.Fatalf("an unrelated change to data with a problem: %v", err)
	}
	q := "holds/person/q/position/s"
	if _, err := cur.Edit(carol, atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordRelationship, Target: q, Citation: citeA}, 1, "one holder"); err != nil {
		t.Fatal(err)
	}
	_, err := cur.Edit(carol, atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: citeA, Relation: tenure("person/q", "1995", "2000")}, 2, "back")
	if atlas.ErrorCode(err) != atlas.EINVALID || !strings.Contains(atlas.ErrorMessage(err), "SINGLE_SEAT") {
		t.Fatalf("adding the second holder back: %v, want INVALID naming SINGLE_SEAT", err)
	}
}

// TestCheckRecordID: what version, history and auditLog(record:) take as a record's id.
func TestCheckRecordID(t *testing.T) {
	for _, tc := range []struct {
		id, want string // want: "" for a record id, else the message
	}{
		{"person/xi-jinping", ""},
		{"group/foreign-affairs-lsg/claims/name-zh/3f0c9d2e1a7b", ""},
		{"chairs/person/xi-jinping/group/foreign-affairs-lsg", ""},
		{"holds/person/wang-yi/position/foreign-minister/reference-2023", ""},
		{"", `"" is not the id of a node, relationship or claim`},
		{"bogus", `"bogus" is not the id of a node, relationship or claim`},
		{"spies/person/a/group/b", `"spies/person/a/group/b" is not the id of a node, relationship or claim`},
		{"chairs/person/xi-jinping/group", `"chairs/person/xi-jinping/group" is not the id of a node, relationship or claim`},
		{"nobody/claims/name/000000000000", `"nobody/claims/name/000000000000" is not the id of a node, relationship or claim`},
		{"derived/a+b", `"derived/a+b" is a derived chair: an inference from its premises, not a record; see the premises (derivedFrom)`},
	} {
		err := atlas.CheckRecordID(tc.id)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.id, err)
		case tc.want != "" && (atlas.ErrorCode(err) != atlas.EINVALID || atlas.ErrorMessage(err) != tc.want):
			t.Errorf("%q: %v, want INVALID: %s", tc.id, err, tc.want)
		}
	}
}
