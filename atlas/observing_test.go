package atlas_test

import (
	"testing"

	"lsgatlas/atlas"
)

// TestObservedOnlyBySourcesThatDoNotDateTheStart: an open-ended tenure is KNOWN only as
// far as the dated sources that show it lasting reach. A source that dates its start
// tells of its beginning (Rana, 2021, on Chen Yi's becoming Foreign Minister in 1956),
// unless it also attests it later; as known by any later date the rule is the same.
func TestObservedOnlyBySourcesThatDoNotDateTheStart(t *testing.T) {
	sources := []*atlas.Source{
		{ID: "source/late", Title: "Late", Kind: "ANALYSIS", Date: atlas.DatePtr("2021")},
		{ID: "source/mid", Title: "Mid", Kind: "ANALYSIS", Date: atlas.DatePtr("2010")},
	}
	late := atlas.Citation{Source: "source/late", Locator: "p. 1"}
	mid := atlas.Citation{Source: "source/mid", Locator: "p. 2"}
	claim := func(part atlas.DatePart, v string, c atlas.Citation) atlas.DateClaim {
		return atlas.DateClaim{Part: part, Value: atlas.MustDate(v), Sources: []atlas.Citation{c}, Confidence: atlas.Stated, Rank: atlas.Preferred}
	}
	for _, tc := range []struct {
		name   string
		claims []atlas.DateClaim
		cites  []atlas.Citation
		want   map[string]string // asOf → holding and reason, without and with knownBy 2030
	}{
		{"the late source dates the start; the mid one attests", []atlas.DateClaim{claim(atlas.StartPart, "1956", late), claim(atlas.AttestedPart, "2010", mid)},
			[]atlas.Citation{late, mid},
			map[string]string{"2009": "KNOWN OPEN_ENDED_WITHIN_LATEST_SOURCE", "2015": "POSSIBLE OPEN_ENDED_AFTER_LATEST_SOURCE"}},
		{"the late source dates the start and attests it too", []atlas.DateClaim{claim(atlas.StartPart, "1956", late), claim(atlas.AttestedPart, "2021", late)},
			[]atlas.Citation{late},
			map[string]string{"2009": "KNOWN OPEN_ENDED_WITHIN_LATEST_SOURCE", "2015": "KNOWN OPEN_ENDED_WITHIN_LATEST_SOURCE"}},
		{"only the start's source", []atlas.DateClaim{claim(atlas.StartPart, "1956", late)},
			[]atlas.Citation{late},
			map[string]string{"2009": "POSSIBLE OPEN_ENDED_UNDATED_SOURCES", "2015": "POSSIBLE OPEN_ENDED_UNDATED_SOURCES"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := &atlas.Dataset{Sources: sources,
				Positions: []*atlas.Position{{ID: "position/p", Title: "P", Sources: tc.cites}},
				People:    []*atlas.Person{{ID: "person/a", Name: "A", Sources: tc.cites}},
				Relations: []*atlas.Relation{{Type: atlas.Holds, From: "person/a", To: "position/p", Start: atlas.DatePtr("1956"),
					Confidence: atlas.Stated, Sources: tc.cites, DateClaims: tc.claims}}}
			for _, a := range tc.claims {
				if a.Part == atlas.AttestedPart {
					ds.Relations[0].Attested = append(ds.Relations[0].Attested, a.Value)
				}
			}
			r := *ds.Prepared().Relations[0]
			source := func(id string) *atlas.Source {
				for _, s := range sources {
					if s.ID == id {
						return s
					}
				}
				return nil
			}
			for asOf, want := range tc.want {
				d := atlas.MustDate(asOf)
				for _, known := range []*atlas.KnownBy{nil, {Date: atlas.MustDate("2030"), Source: source}} {
					es := atlas.EdgesWhen("person/a", []atlas.Relation{r}, atlas.When{AsOf: &d, Known: known})
					got := "none"
					if len(es) == 1 && es[0].Holding != nil {
						got = string(*es[0].Holding) + " " + string(*es[0].HoldingReason)
					}
					if got != want {
						t.Errorf("asOf %s, knownBy %v: %s, want %s", asOf, known != nil, got, want)
					}
				}
			}
		})
	}
}
