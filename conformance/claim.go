package conformance

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// falsg is the fixture group with disputed founding years.
const falsg = "group/foreign-affairs-lsg"

func groupOf(t *testing.T, s atlas.Store, id string) *atlas.Group {
	t.Helper()
	got, err := s.Nodes(context.Background(), []string{id})
	if err != nil {
		t.Fatal(err)
	}
	g, ok := got[0].(*atlas.Group)
	if !ok {
		t.Fatalf("%s: got %T", id, got[0])
	}
	return g
}

// testPropertyClaims: every value of a disputed property comes back with its own
// sources, confidence, rank and note, in the order imported; a claim can change on its
// own; a claim that contradicts its plain field is rejected and nothing is written.
func testPropertyClaims(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	g := groupOf(t, s, falsg)
	want := Fixture().Groups[0].Claims
	if !reflect.DeepEqual(g.Claims, want) {
		t.Fatalf("claims:\n got %#v\nwant %#v", g.Claims, want)
	}
	if g.Established.String() != "1958" {
		t.Errorf("established %s, want the preferred 1958", g.Established)
	}
	g.Claims[0].Sources[0].Locator = "mutated"
	if groupOf(t, s, falsg).Claims[0].Sources[0].Locator != "s1" {
		t.Error("mutating a returned claim changed the store")
	}

	ds := Fixture()
	ds.Groups[0].Claims[2].Rank = atlas.Normal
	rep, err := s.Import(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Updated != 1 {
		t.Errorf("re-ranking one claim: %+v, want one update", rep)
	}
	if got := groupOf(t, s, falsg).Claims[2].Rank; got != atlas.Normal {
		t.Errorf("rank after update %s, want NORMAL", got)
	}

	bad := Fixture()
	bad.Groups[0].Claims[0].Rank = atlas.Normal // now no claim backs the plain 1958 as preferred
	bad.Groups[1].Name = "Renamed"
	_, err = s.Import(ctx, bad)
	wantCode(t, err, atlas.EINVALID)
	if got := groupOf(t, s, "group/foreign-affairs-commission").Name; got != "Foreign Affairs Commission" {
		t.Errorf("rejected import wrote a change: name %q", got)
	}
}

// testUnknowns: "chair not known", "member list incomplete" and a date confidence apart
// from the relation's survive the round trip, as flags and as the claims behind them.
func testUnknowns(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	g := groupOf(t, s, "group/guangdong-group")
	if !g.ChairNotKnown || !g.MembersIncomplete || g.EndedDateUnknown {
		t.Errorf("flags chairNotKnown %v, membersIncomplete %v, endedDateUnknown %v; want true, true, false", g.ChairNotKnown, g.MembersIncomplete, g.EndedDateUnknown)
	}
	if c, ok := atlas.PreferredClaim(g, atlas.PropChairNotKnown); !ok || c.Sources[0].Locator != "provinces, footnote" {
		t.Errorf("chair-not-known claim %+v", c)
	}
	rels, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{"group/deepening-reform"}, Types: []atlas.RelType{atlas.MemberOf}})
	if err != nil {
		t.Fatal(err)
	}
	var dated *atlas.Confidence
	for _, r := range rels[0] {
		if r.ID == "member_of/li-keqiang/deepening-reform/deputy" {
			dated = r.DateConfidence
		}
	}
	if dated == nil || *dated != atlas.Inferred || rels[0][0].Confidence != atlas.Disputed {
		t.Errorf("date confidence %v, want INFERRED beside the relation's DISPUTED", dated)
	}
	bad := Fixture()
	bad.Relations = append(bad.Relations, &atlas.Relation{Type: atlas.Chairs, From: "person/hu-jintao", To: "group/guangdong-group", Confidence: atlas.Stated, Sources: cite("source/gamma", "x")})
	_, err = s.Import(ctx, bad)
	wantCode(t, err, atlas.EINVALID)
}
