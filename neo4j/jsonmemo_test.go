package neo4j

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

// TestRelationJSONMemo: every relationship of the fixture decodes to itself the first time
// (from the text) and the second (from the memo); what a caller does to one decoded
// relationship never shows in another; the memo keeps one entry per distinct set of
// texts.
func TestRelationJSONMemo(t *testing.T) {
	saved := relationJSONs
	defer func() { relationJSONs = saved }()
	relationJSONs = newJSONMemo(1 << 20)
	distinct := map[string]bool{}
	for _, r := range conformance.Fixture().Prepared().Relations {
		stored := storedRel(t, r)
		m := stored["props"].(map[string]any)
		key := ""
		for _, k := range relationJSONKeys {
			s, _ := m[k].(string)
			key += s + "\x00"
		}
		distinct[key] = true
		for _, pass := range []string{"from the text", "from the memo"} {
			got, err := decodeRelation(string(r.Type), r.From, r.To, m)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, *r) {
				t.Fatalf("%s, %s:\n got %#v\nwant %#v", r.ID, pass, got, *r)
			}
			// Scribble over what was handed out; the next decode must not see it.
			for i := range got.Sources {
				got.Sources[i].Locator = "scribbled"
			}
			for i := range got.DateClaims {
				got.DateClaims[i].Note = "scribbled"
				for k := range got.DateClaims[i].Sources {
					got.DateClaims[i].Sources[k].Source = "scribbled"
				}
			}
			for i := range got.HolderDeaths {
				got.HolderDeaths[i].Tier = "scribbled"
			}
			for i := range got.Relays {
				got.Relays[i].Via = "scribbled"
			}
		}
	}
	if got := relationJSONs.size(); got != len(distinct) {
		t.Errorf("the memo keeps %d texts, want %d", got, len(distinct))
	}
}

// TestRelationJSONMemoIsBounded: past its limit the memo starts again empty, and still
// decodes right.
func TestRelationJSONMemoIsBounded(t *testing.T) {
	saved := relationJSONs
	defer func() { relationJSONs = saved }()
	r := &atlas.Relation{ID: "member_of/a/b", Type: atlas.MemberOf, From: "person/a", To: "group/b",
		Sources: []atlas.Citation{{Source: "source/alpha", Locator: "p. 1"}}}
	for _, tc := range []struct {
		name  string
		limit int
		want  int
	}{
		{"room for both", 1 << 10, 2},
		{"room for one", 50, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			relationJSONs = newJSONMemo(tc.limit)
			for _, locator := range []string{"p. 1", "p. 2"} {
				r.Sources[0].Locator = locator
				got, err := decodeRelation(string(r.Type), r.From, r.To, storedRel(t, r)["props"].(map[string]any))
				if err != nil {
					t.Fatal(err)
				}
				if got.Sources[0].Locator != locator {
					t.Errorf("decoded locator %q, want %q", got.Sources[0].Locator, locator)
				}
			}
			if got := relationJSONs.size(); got != tc.want {
				t.Errorf("the memo keeps %d texts, want %d", got, tc.want)
			}
		})
	}
}

// size reports how many texts the memo keeps.
func (c *jsonMemo) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.byText)
}
