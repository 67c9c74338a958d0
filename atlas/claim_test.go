package atlas_test

import (
	"strings"
	"testing"

	"lsgatlas/atlas"
)

func claimDataset(g *atlas.Group) *atlas.Dataset {
	d2010 := atlas.MustDate("2010")
	return &atlas.Dataset{
		Sources: []*atlas.Source{{ID: "source/a", Title: "A", Kind: "REPORT", Date: &d2010}, {ID: "source/b", Title: "B", Kind: "REPORT"}},
		Groups:  []*atlas.Group{g},
	}
}

func cite(src string) []atlas.Citation { return []atlas.Citation{{Source: src, Locator: "p. 1"}} }

func TestPropertyClaimProblems(t *testing.T) {
	d1958, d2018 := atlas.MustDate("1958"), atlas.MustDate("2018")
	base := func() *atlas.Group {
		return &atlas.Group{ID: "group/g", Name: "G", Kind: atlas.GroupKind("OTHER"), Established: &d1958, Sources: cite("source/a"),
			Aliases: []atlas.Alias{{Name: "GG", Source: "source/b"}},
			Claims: []atlas.PropertyClaim{
				{Property: atlas.PropName, Value: "G", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred},
				{Property: atlas.PropEstablished, Value: "1958", Sources: cite("source/a"), Confidence: atlas.Disputed, Rank: atlas.Preferred},
				{Property: atlas.PropEstablished, Value: "1954", Sources: cite("source/b"), Confidence: atlas.Disputed, Rank: atlas.Normal},
				{Property: atlas.PropAlias, Value: "GG", Sources: cite("source/b"), Confidence: atlas.Stated, Rank: atlas.Normal},
			}}
	}
	for _, tc := range []struct {
		name   string
		change func(g *atlas.Group)
		want   string // "" means valid
	}{
		{"disputed values side by side", func(*atlas.Group) {}, ""},
		{"plain value not the preferred claim", func(g *atlas.Group) { g.Claims[1].Value, g.Claims[2].Value = "1954", "1958" }, `ESTABLISHED is "1958" but the PREFERRED claim says "1954"`},
		{"two preferred", func(g *atlas.Group) { g.Claims[2].Rank = atlas.Preferred }, "ESTABLISHED has 2 PREFERRED claims"},
		{"preferred claim of an unset property", func(g *atlas.Group) { g.Established = nil }, `ESTABLISHED is unset but claim "1958" is PREFERRED`},
		{"no preferred claim", func(g *atlas.Group) { g.Claims[1].Rank = atlas.Normal }, `ESTABLISHED is "1958" but no claim of it is PREFERRED`},
		{"claim without a source", func(g *atlas.Group) { g.Claims[0].Sources = nil }, "claim NAME=G: has no source"},
		{"unknown rank", func(g *atlas.Group) { g.Claims[0].Rank = "BEST" }, `rank "BEST" is not one of`},
		{"property of another kind", func(g *atlas.Group) { g.Claims[0].Property = atlas.PropTitle }, `property "TITLE" is not one of`},
		{"bad date value", func(g *atlas.Group) { g.Claims[2].Value = "1954-13" }, `value "1954-13" is not a valid ESTABLISHED`},
		{"source older than the date", func(g *atlas.Group) { g.Established = &d2018; g.Claims[1].Value = "2018" }, "cites source/a, dated 2010, for a later date"},
		{"duplicate claim", func(g *atlas.Group) { g.Claims = append(g.Claims, g.Claims[0]) }, "duplicate claim"},
		{"inferred without a note", func(g *atlas.Group) { g.Claims[0].Confidence = atlas.Inferred }, "INFERRED claims must explain"},
		{"alias claim missing its source", func(g *atlas.Group) { g.Claims[3].Sources = cite("source/a") }, `alias "GG" names source "source/b", which its claim does not cite`},
		{"list claim the plain list lacks", func(g *atlas.Group) { g.Aliases = nil }, `ALIAS claim "GG" is not DEPRECATED but the plain field lacks it`},
		{"deprecated alias kept", func(g *atlas.Group) { g.Aliases = nil; g.Claims[3].Rank = atlas.Deprecated }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := base()
			tc.change(g)
			err := claimDataset(g).Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("valid dataset rejected: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestMissingClaims(t *testing.T) {
	g := &atlas.Group{ID: "group/g", Name: "G", Kind: "OTHER", CrossSystem: true, Description: "own words", Sources: cite("source/a"),
		Claims: []atlas.PropertyClaim{{Property: atlas.PropName, Value: "G", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred}}}
	got := claimDataset(g).MissingClaims()
	want := []string{`GROUP group/g: KIND "OTHER" has no claim`, `GROUP group/g: CROSS_SYSTEM "true" has no claim`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("missing %q, want %q", got, want)
	}
}

// TestEndedAtAnUnknownDate: a group known to have ended, date unknown, is not known to
// exist up to its latest source, and neither are its open-ended ties.
func TestEndedAtAnUnknownDate(t *testing.T) {
	for _, ended := range []bool{false, true} {
		g := &atlas.Group{ID: "group/g", Name: "G", Kind: "OTHER", Established: atlas.DatePtr("2008"), EndedDateUnknown: ended, Sources: cite("source/b")}
		ds := &atlas.Dataset{
			Sources: []*atlas.Source{{ID: "source/b", Title: "B", Kind: "REPORT", Date: atlas.DatePtr("2021")}},
			Groups:  []*atlas.Group{g},
			People:  []*atlas.Person{{ID: "person/p", Name: "P", Sources: cite("source/b")}},
			Relations: []*atlas.Relation{{Type: atlas.MemberOf, From: "person/p", To: "group/g", Start: atlas.DatePtr("2008"),
				Confidence: atlas.Stated, Sources: cite("source/b")}},
		}
		p := ds.Prepared()
		want := atlas.Known
		if ended {
			want = atlas.Possible
		}
		if h, _ := p.Groups[0].Span().HoldingAt(atlas.MustDate("2015")); h != want {
			t.Errorf("ended %v: group in 2015 %s, want %s", ended, h, want)
		}
		if h, _ := p.Relations[0].Span().HoldingAt(atlas.MustDate("2015")); h != want {
			t.Errorf("ended %v: membership in 2015 %s, want %s", ended, h, want)
		}
	}
}
