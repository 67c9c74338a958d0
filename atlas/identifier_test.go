package atlas_test

import (
	"strings"
	"testing"

	"lsgatlas/atlas"
)

func TestIdentifierProblems(t *testing.T) {
	for _, tc := range []struct {
		name string
		ids  []atlas.Identifier
		want string // "" means valid
	}{
		{"a cited QID", []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q42", Sources: cite("source/a")}}, ""},
		{"a QID and a VIAF id", []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q42", Sources: cite("source/a")}, {Scheme: atlas.VIAF, Value: "113230702", Sources: cite("source/b")}}, ""},
		{"malformed QID", []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "42", Sources: cite("source/a")}}, `WIKIDATA identifier "42" is malformed`},
		{"QID with a leading zero", []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q042", Sources: cite("source/a")}}, `WIKIDATA identifier "Q042" is malformed`},
		{"unknown scheme", []atlas.Identifier{{Scheme: "ORCID", Value: "0000", Sources: cite("source/a")}}, `identifier scheme "ORCID" is not one of`},
		{"no source", []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q42"}}, `WIKIDATA identifier "Q42" has no source`},
		{"unknown source", []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q42", Sources: cite("source/nowhere")}}, "source/nowhere"},
		{"two QIDs", []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q42", Sources: cite("source/a")}, {Scheme: atlas.Wikidata, Value: "Q43", Sources: cite("source/a")}}, "more than one WIKIDATA identifier"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &atlas.Group{ID: "group/g", Name: "G", Kind: atlas.GroupKind("OTHER"), Sources: cite("source/a"), Identifiers: tc.ids}
			err := claimDataset(g).Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
	p := &atlas.Person{ID: "person/p", Identifiers: []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q42"}}}
	if got := atlas.WikidataID(p); got != "Q42" || !atlas.HasIdentifier(p, atlas.Wikidata, "Q42") || p.Identifiers[0].URL() != "https://www.wikidata.org/wiki/Q42" {
		t.Errorf("WikidataID %q, URL %q", got, p.Identifiers[0].URL())
	}
}
