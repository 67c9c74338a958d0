package atlas_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

// TestNodeAddCitesOnlyItsPassage: a node ADD given with claims, sources or identifiers
// citing passages its change does not cite was taken, and showed those sources giving
// the node and its values though no one had cited them. Everything a new node cites is
// the change's passage (with or without its quote); anything else is INVALID.
func TestNodeAddCitesOnlyItsPassage(t *testing.T) {
	a2 := *citeA // source/a, p. 2: the change's passage
	quoted := atlas.Citation{Source: "source/a", Locator: "p. 2", Quote: "set up in 2005"}
	made := atlas.Citation{Source: "source/b", Locator: "made-up"}
	a1 := atlas.Citation{Source: "source/a", Locator: "p. 1"}
	group := func(sources []atlas.Citation, claims ...atlas.PropertyClaim) json.RawMessage {
		raw, _ := json.Marshal(atlas.Group{ID: "group/new", Name: "New", Kind: atlas.GroupKind("OTHER"), Established: atlas.DatePtr("2005"), Sources: sources, Claims: claims})
		return raw
	}
	est := func(cs ...atlas.Citation) atlas.PropertyClaim {
		return atlas.PropertyClaim{Property: atlas.PropEstablished, Value: "2005", Sources: cs, Confidence: atlas.Stated, Rank: atlas.Preferred}
	}
	withQID := func(cs ...atlas.Citation) json.RawMessage {
		raw, _ := json.Marshal(atlas.Person{ID: "person/q", Name: "Q", Identifiers: []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q42", Sources: cs}}})
		return raw
	}
	for _, tc := range []struct {
		name    string
		record  json.RawMessage
		msg     string   // the INVALID message, "" for none
		sources []string // the new node's sources after
		claims  []string // its ESTABLISHED claims after, as "value RANK [sources]"
	}{
		{"a claim citing another source's passage", group(nil, est(made)),
			`group/new: the ESTABLISHED claim "2005" cites source/b (made-up), which this change (source/a, p. 2) does not cite; a new node cites only the passage its change cites, so cite another passage in a change of its own`, nil, nil},
		{"a claim citing another passage of the change's source beside its own", group(nil, est(a2, a1)),
			`group/new: the ESTABLISHED claim "2005" cites source/a (p. 1), which this change (source/a, p. 2) does not cite`, nil, nil},
		{"the record citing another passage", group([]atlas.Citation{made}),
			`group/new: the record cites source/b (made-up), which this change (source/a, p. 2) does not cite`, nil, nil},
		{"an identifier citing another passage", withQID(made),
			`person/q: the WIKIDATA identifier "Q42" cites source/b (made-up), which this change (source/a, p. 2) does not cite`, nil, nil},
		{"a claim citing the change's passage, quoted", group(nil, est(quoted)),
			"", []string{"source/a p. 2"}, []string{fmt.Sprintf("2005 PREFERRED %v", []atlas.Citation{quoted})}},
		{"the record citing the change's passage, quoted: cited once", group([]atlas.Citation{quoted}),
			"", []string{"source/a p. 2"}, []string{fmt.Sprintf("2005 PREFERRED %v", []atlas.Citation{a2})}},
		{"no claims: the values cite the change", group(nil),
			"", []string{"source/a p. 2"}, []string{fmt.Sprintf("2005 PREFERRED %v", []atlas.Citation{a2})}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := changeBase()
			after := before.Clone()
			var id struct{ ID string }
			_ = json.Unmarshal(tc.record, &id)
			_, err := atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordNode, Citation: &a2, Record: tc.record}.Apply(after)
			if err == nil {
				err = atlas.CheckChange(before, after)
			}
			if tc.msg != "" {
				if atlas.ErrorCode(err) != atlas.EINVALID || atlas.ErrorMessage(err) != tc.msg && !strings.HasPrefix(atlas.ErrorMessage(err), tc.msg+";") {
					t.Fatalf("err = %v, want INVALID: %s", err, tc.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var sources []string
			for _, c := range after.Node(id.ID).Citations() {
				sources = append(sources, c.Source+" "+c.Locator)
			}
			if !slices.Equal(sources, tc.sources) {
				t.Errorf("sources %q, want %q", sources, tc.sources)
			}
			if got := claimsOf(t, after, id.ID, atlas.PropEstablished); !slices.Equal(got, tc.claims) {
				t.Errorf("claims\n got %q\nwant %q", got, tc.claims)
			}
		})
	}
}
