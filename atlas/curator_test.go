package atlas_test

import (
	"context"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/inprocess"
)

// TestAcceptRefusesAWiderChange: a proposal that would now demote a PREFERRED value
// added after it was made is CONFLICT, even though none of the records it was made
// against moved: what would be applied is not what was reviewed.
func TestAcceptRefusesAWiderChange(t *testing.T) {
	store := inprocess.New()
	if _, err := store.Import(context.Background(), changeBase()); err != nil {
		t.Fatal(err)
	}
	cur := atlas.NewCurator(store, store, nil)
	alice := atlas.WithPrincipal(context.Background(), atlas.Principal{Subject: "alice", Role: atlas.RoleContributor})
	carol := atlas.WithPrincipal(context.Background(), atlas.Principal{Subject: "carol", Role: atlas.RoleCurator})
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
