package conformance

import (
	"context"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

func testSearch(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	for _, tc := range []struct {
		name    string
		q       atlas.SearchQuery
		want    []string // ids in order
		matched string   // the name that matched the first hit
		score   int      // the first hit's score
	}{
		{"romanised name", atlas.SearchQuery{Text: "Xi Jinping"}, []string{"person/xi-jinping"}, "Xi Jinping", 3},
		{"lower case without space", atlas.SearchQuery{Text: "xijinping"}, []string{"person/xi-jinping"}, "Xi Jinping", 3},
		{"Chinese", atlas.SearchQuery{Text: "习近平"}, []string{"person/xi-jinping"}, "习近平", 3},
		{"tone marks", atlas.SearchQuery{Text: "Xí Jìnpíng"}, []string{"person/xi-jinping"}, "Xi Jinping", 3},
		{"given name only", atlas.SearchQuery{Text: "jinping"}, []string{"person/xi-jinping"}, "Xi Jinping", 1},
		{"pinyin of a Chinese-only name", atlas.SearchQuery{Text: "zongshuji"}, []string{"position/general-secretary"}, "总书记", 3},
		{"abbreviation", atlas.SearchQuery{Text: "cfac"}, []string{"group/foreign-affairs-commission"}, "CFAC", 3},
		{"prefix beats substring, then name order", atlas.SearchQuery{Text: "foreign affairs"},
			[]string{"group/foreign-affairs-commission", "group/foreign-affairs-lsg", "institution/ministry-of-foreign-affairs"}, "Foreign Affairs Commission", 2},
		{"kinds filter", atlas.SearchQuery{Text: "foreign affairs", Kinds: []atlas.NodeKind{atlas.InstitutionNode}},
			[]string{"institution/ministry-of-foreign-affairs"}, "Ministry of Foreign Affairs", 1},
		{"limit", atlas.SearchQuery{Text: "foreign affairs", Limit: 1}, []string{"group/foreign-affairs-commission"}, "Foreign Affairs Commission", 2},
		{"source titles", atlas.SearchQuery{Text: "beta"}, []string{"source/beta"}, "beta", 3},
		{"nothing", atlas.SearchQuery{Text: "zzzz"}, nil, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Node.NodeID())
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
			if len(hits) > 0 && (hits[0].Matched != tc.matched || hits[0].Score != tc.score) {
				t.Errorf("first hit matched %q with score %d, want %q with %d", hits[0].Matched, hits[0].Score, tc.matched, tc.score)
			}
		})
	}
}

func testSearchInvalid(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	for _, q := range []atlas.SearchQuery{
		{Text: ""}, {Text: "  -- "}, {Text: strings.Repeat("x", atlas.MaxSearchText+1)}, {Text: "xi", Limit: -1}, {Text: "xi", Limit: 101}, {Text: "xi", Kinds: []atlas.NodeKind{"DRAGON"}},
	} {
		_, err := s.Search(ctx, q)
		if atlas.ErrorCode(err) != atlas.EINVALID {
			t.Errorf("Search(%+v): code %q, want EINVALID", q, atlas.ErrorCode(err))
		}
	}
}
