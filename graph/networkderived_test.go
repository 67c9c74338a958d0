package graph_test

import (
	"encoding/json"
	"testing"
)

// network(derived: true) adds the chairs derived through a post between people and
// groups, marked derived with the post in via; without it a people-and-groups network
// has none. networkFrames gives the same ids in its network and its frames.
func TestNetworkDerivedAndFrames(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	const q = `query($d: Boolean) { network(ids: ["group/foreign-affairs-lsg"], nodeTypes: [PERSON, GROUP], derived: $d) {
		relationships { id type derived stored via { id } from { id } to { id } } } }`
	type rel struct {
		ID, Type        string
		Derived, Stored bool
		Via             *struct{ ID string }
		From, To        struct{ ID string }
	}
	derivedOf := func(d bool) (out []rel) {
		r := post(t, srv, q, map[string]any{"d": d})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		var data struct{ Network struct{ Relationships []rel } }
		if err := json.Unmarshal(r.Data, &data); err != nil {
			t.Fatal(err)
		}
		for _, x := range data.Network.Relationships {
			if x.Derived {
				out = append(out, x)
			}
		}
		return out
	}
	if got := derivedOf(false); len(got) != 0 {
		t.Errorf("derived chairs without asking: %+v", got)
	}
	got := derivedOf(true)
	if len(got) == 0 {
		t.Fatal("no derived chair with derived: true")
	}
	for _, x := range got {
		if x.Type != "CHAIRS" || x.Stored || x.Via == nil || x.Via.ID != "position/general-secretary" || x.To.ID != "group/foreign-affairs-lsg" {
			t.Errorf("derived chair %+v", x)
		}
	}

	r := post(t, srv, `{ networkFrames(ids: ["group/foreign-affairs-lsg"], nodeTypes: [PERSON, GROUP], derived: true, during: {from: "2000", to: "2015"}) {
		network { relationships { id } } frames { year relationships { id holding } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	var frames struct {
		NetworkFrames struct {
			Network struct{ Relationships []struct{ ID string } }
			Frames  []struct {
				Year          int
				Relationships []struct{ ID, Holding string }
			}
		}
	}
	if err := json.Unmarshal(r.Data, &frames); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, x := range frames.NetworkFrames.Network.Relationships {
		ids[x.ID] = true
	}
	if fr := frames.NetworkFrames.Frames; len(fr) != 16 || fr[0].Year != 2000 || fr[15].Year != 2015 {
		t.Fatalf("frames %+v", fr)
	}
	for _, f := range frames.NetworkFrames.Frames {
		for _, x := range f.Relationships {
			if !ids[x.ID] || (x.Holding != "KNOWN" && x.Holding != "POSSIBLE") {
				t.Errorf("%d: %+v is not in the period's network", f.Year, x)
			}
		}
	}
}
