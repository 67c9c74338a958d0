package atlas_test

import (
	"strings"
	"testing"

	"lsgatlas/atlas"
)

func oneFactDataset(rels ...*atlas.Relation) *atlas.Dataset {
	cite := func(s string) []atlas.Citation { return []atlas.Citation{{Source: s, Locator: "p. 1"}} }
	return &atlas.Dataset{
		Sources: []*atlas.Source{{ID: "source/c", Key: "c", Title: "Corpus", Kind: "ANALYSIS", Date: atlas.DatePtr("2021")},
			{ID: "source/r", Key: "r", Title: "Reference", Kind: "ENCYCLOPEDIA", Tier: atlas.ReferenceTier, Date: atlas.DatePtr("2022")}},
		Positions: []*atlas.Position{{ID: "position/p", Title: "P", Sources: cite("source/c")}},
		People:    []*atlas.Person{{ID: "person/a", Name: "A", Sources: cite("source/c")}},
		Relations: rels,
	}
}

// TestOneFactOneRelationship: the loader refuses one fact told by two relations at times
// that may overlap (an undated mention beside a dated tenure, two datings of one tenure),
// accepts two tenures of one post that cannot share a day, and checks that date claims
// agree with the plain dates.
func TestOneFactOneRelationship(t *testing.T) {
	c := []atlas.Citation{{Source: "source/c", Locator: "p. 1"}}
	r := []atlas.Citation{{Source: "source/r", Locator: "row 1"}}
	both := append(append([]atlas.Citation{}, c...), r...)
	holds := func(id string, start, end string, cs []atlas.Citation) *atlas.Relation {
		rel := &atlas.Relation{ID: id, Type: atlas.Holds, From: "person/a", To: "position/p", Confidence: atlas.Stated, Sources: cs}
		if start != "" {
			rel.Start = atlas.DatePtr(start)
		}
		if end != "" {
			rel.End = atlas.DatePtr(end)
		}
		return rel
	}
	claim := func(part atlas.DatePart, v string, rank atlas.Rank, cs []atlas.Citation) atlas.DateClaim {
		return atlas.DateClaim{Part: part, Value: atlas.MustDate(v), Rank: rank, Confidence: atlas.Stated, Sources: cs}
	}
	merged := holds("", "1956", "1972", both)
	merged.DateClaims = []atlas.DateClaim{claim(atlas.StartPart, "1956", atlas.Preferred, c), claim(atlas.StartPart, "1958", atlas.Normal, r), claim(atlas.EndPart, "1972", atlas.Preferred, r)}
	badClaims := holds("", "1958", "1972", both)
	badClaims.DateClaims = []atlas.DateClaim{claim(atlas.StartPart, "1956", atlas.Preferred, c), claim(atlas.EndPart, "1972", atlas.Preferred, []atlas.Citation{{Source: "source/r", Locator: "elsewhere"}})}
	for _, tc := range []struct {
		name string
		rels []*atlas.Relation
		want []string // fragments of the problems, in order; none means valid
	}{
		{"an undated mention beside a dated tenure", []*atlas.Relation{holds("", "", "", c), holds("holds/a/p/ref", "2013", "2023", r)},
			[]string{"relation holds/a/p/ref: tells the same fact (HOLDS person/a → position/p) as relation holds/person/a/position/p"}},
		{"two datings of one tenure", []*atlas.Relation{holds("", "1949", "1956", c), holds("holds/a/p/ref", "1949-10", "1958-02", r)},
			[]string{"tells the same fact"}},
		{"two attestations of one fact, years apart", []*atlas.Relation{
			{Type: atlas.Holds, From: "person/a", To: "position/p", Attested: []atlas.PartialDate{atlas.MustDate("2006-12")}, Confidence: atlas.Stated, Sources: r},
			{ID: "holds/a/p/2010", Type: atlas.Holds, From: "person/a", To: "position/p", Attested: []atlas.PartialDate{atlas.MustDate("2010")}, Confidence: atlas.Reported, Sources: c}},
			[]string{"tells the same fact"}},
		{"two tenures that cannot share a day", []*atlas.Relation{holds("", "2013-03-16", "2022-12-30", c), holds("holds/a/p/2023", "2023-07-25", "", r)}, nil},
		{"one relation, each source's dates as claims", []*atlas.Relation{merged}, nil},
		{"claims that disagree with the plain dates or cite what the relation does not", []*atlas.Relation{badClaims},
			[]string{"start 1958 needs exactly one PREFERRED date claim equal to it, has [1956]", `cites "source/r" (elsewhere), which the relation does not cite`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems := oneFactDataset(tc.rels...).Problems()
			if len(problems) != len(tc.want) {
				t.Fatalf("problems %q, want %d", problems, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(problems[i], w) {
					t.Errorf("problem %q, want it to say %q", problems[i], w)
				}
			}
		})
	}
}

// TestMergedFactInTiersAndSources: a merged fact shows, in one tier or for one source,
// only the dates and citations those give.
func TestMergedFactInTiersAndSources(t *testing.T) {
	c := []atlas.Citation{{Source: "source/c", Locator: "p. 1"}}
	r := []atlas.Citation{{Source: "source/r", Locator: "row 1"}}
	rel := &atlas.Relation{Type: atlas.Holds, From: "person/a", To: "position/p", Confidence: atlas.Stated, Sources: append(append([]atlas.Citation{}, c...), r...),
		Start: atlas.DatePtr("1956"), End: atlas.DatePtr("1972"),
		DateClaims: []atlas.DateClaim{
			{Part: atlas.StartPart, Value: atlas.MustDate("1956"), Rank: atlas.Preferred, Confidence: atlas.Stated, Sources: c},
			{Part: atlas.StartPart, Value: atlas.MustDate("1958"), Rank: atlas.Normal, Confidence: atlas.Stated, Sources: r},
			{Part: atlas.EndPart, Value: atlas.MustDate("1972"), Rank: atlas.Preferred, Confidence: atlas.Stated, Sources: r}}}
	p := oneFactDataset(rel).Prepared().Relations[0]
	show := func(v atlas.Relation) string {
		s := "?"
		if v.Start != nil {
			s = v.Start.String()
		}
		e := "?"
		if v.End != nil {
			e = v.End.String()
		}
		return s + ".." + e + " " + strings.Join(atlas.CitedSources(nil, &v), ",")
	}
	for _, tc := range []struct {
		name string
		view atlas.Relation
		want string
	}{
		{"every tier", p.InTiers(nil), "1956..1972 source/c,source/r"},
		{"the corpus", p.InTiers([]atlas.SourceTier{atlas.CorpusTier}), "1956..? source/c"},
		{"the reference tier", p.InTiers([]atlas.SourceTier{atlas.ReferenceTier}), "1958..1972 source/r"},
		{"filtered by the reference page", p.CitedBy([]string{"source/r"}), "1958..1972 source/c,source/r"},
	} {
		if got := show(tc.view); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestDateConfidenceOfAnEnd: each end of a relation is as sure as its own claims, and
// DISPUTED exactly when another live claim of that end gives a date that cannot also be
// right. Chen Yi's tenure as Foreign Minister was shown with the dispute on its end,
// which one source alone gives, and none on its start, which two sources give apart.
func TestDateConfidenceOfAnEnd(t *testing.T) {
	claim := func(part atlas.DatePart, value string, conf atlas.Confidence, rank atlas.Rank) atlas.DateClaim {
		return atlas.DateClaim{Part: part, Value: atlas.MustDate(value), Confidence: conf, Rank: rank}
	}
	r := &atlas.Relation{Type: atlas.Holds, From: "person/a", To: "position/p", Confidence: atlas.Stated, DateConfidence: new(atlas.Disputed),
		DateClaims: []atlas.DateClaim{
			claim(atlas.StartPart, "1956", atlas.Stated, atlas.Preferred),
			claim(atlas.StartPart, "1958-02-11", atlas.Stated, atlas.Normal),
			claim(atlas.EndPart, "1972-01-06", atlas.Disputed, atlas.Preferred),
			claim(atlas.EndPart, "1972", atlas.Stated, atlas.Normal),
			claim(atlas.EndPart, "1980", atlas.Stated, atlas.Deprecated),
			claim(atlas.AttestedPart, "1960", atlas.Stated, atlas.Normal),
			claim(atlas.AttestedPart, "1965", atlas.Reported, atlas.Normal),
		}}
	for _, tc := range []struct {
		part  atlas.DatePart
		date  string
		want  atlas.Confidence
		about string
	}{
		{atlas.StartPart, "1956", atlas.Disputed, "contradicted by 1958-02-11"},
		{atlas.StartPart, "1958-02-11", atlas.Disputed, "contradicted by 1956"},
		{atlas.EndPart, "1972-01-06", atlas.Disputed, "its own claim says so, and 1972 contains it"},
		{atlas.EndPart, "1972", atlas.Stated, "contains 1972-01-06; the deprecated 1980 is no one's claim"},
		{atlas.EndPart, "1999", atlas.Disputed, "no claim gives it: the relation's date confidence"},
		{atlas.AttestedPart, "1960", atlas.Stated, "another attestation is another observation, not a dispute"},
		{atlas.AttestedPart, "1965", atlas.Reported, "as its claim says"},
	} {
		if got := r.DateConfidenceOf(tc.part, atlas.MustDate(tc.date)); got != tc.want {
			t.Errorf("%s %s (%s) = %s, want %s", tc.part, tc.date, tc.about, got, tc.want)
		}
	}
}
