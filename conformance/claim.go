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
