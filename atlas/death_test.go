package atlas_test

import (
	"testing"

	"lsgatlas/atlas"
)

// A post held "since 1958" with no end, by someone who died in 1972 (a reference page
// says so) and whose sources reach 2021: Chen Yi as Foreign Minister, reduced.
func heldUntilDeath() atlas.Relation {
	return atlas.Relation{ID: "h/chen", Type: atlas.Holds, From: "person/chen", To: "position/fm", Start: atlas.DatePtr("1958"),
		Confidence: atlas.Stated, ObservedUntil: atlas.DatePtr("2021"),
		HolderDeaths: []atlas.Death{{Date: atlas.MustDate("1972-01-06"), Tier: atlas.ReferenceTier}}}
}

func TestDeathEndsAnOpenTenure(t *testing.T) {
	corpus := []atlas.SourceTier{atlas.CorpusTier}
	for _, tc := range []struct {
		name   string
		asOf   string
		tiers  []atlas.SourceTier
		ok     bool
		holds  atlas.Holding
		reason atlas.HoldingReason
		date   string
	}{
		{"alive and in office", "1965", nil, true, atlas.Known, atlas.ReasonOpenEndedWithinLast, "2021"},
		{"the year of the death: possible, resting on the death", "1972", nil, true, atlas.Possible, atlas.ReasonHolderDiesDuring, "1972-01-06"},
		{"the day before the death", "1972-01-05", nil, true, atlas.Known, atlas.ReasonOpenEndedWithinLast, "2021"},
		{"the day of the death", "1972-01-06", nil, true, atlas.Known, atlas.ReasonOpenEndedWithinLast, "2021"},
		{"the day after", "1972-01-07", nil, false, "", "", ""},
		{"decades later", "2015", nil, false, "", "", ""},
		{"the corpus does not give the death, so it does not bound", "2015", corpus, true, atlas.Known, atlas.ReasonOpenEndedWithinLast, "2021"},
		{"the reference tier does", "2015", []atlas.SourceTier{atlas.ReferenceTier}, false, "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := heldUntilDeath()
			b, ok := r.SpanIn(tc.tiers).BasisAt(atlas.MustDate(tc.asOf))
			if ok != tc.ok || b.Holding != tc.holds || b.Reason != tc.reason || (ok && b.Date.String() != tc.date) {
				t.Errorf("%v %+v, want %v %s %s %s", ok, b, tc.ok, tc.holds, tc.reason, tc.date)
			}
			if got := r.SpanIn(tc.tiers).MayHoldAt(atlas.MustDate(tc.asOf)); got != tc.ok {
				t.Errorf("MayHoldAt = %v, want %v", got, tc.ok)
			}
			// The stores filter on the fact's own dates: the death is applied after.
			if !r.Span().Bounds().MayHoldAt(atlas.MustDate(tc.asOf)) {
				t.Error("Bounds should not apply the death")
			}
		})
	}
}

// Of disputed deaths (1972-01-06 on a reference page, 1975 in the corpus) the latest
// bounds where the tenure may hold and the earliest where it is known: after the first
// death a source gives, nobody can say he was still in office.
func TestDisputedDeathsBoundAtTheLatestAndAreKnownBeforeTheEarliest(t *testing.T) {
	r := heldUntilDeath()
	r.HolderDeaths = append(r.HolderDeaths, atlas.Death{Date: atlas.MustDate("1975"), Tier: atlas.CorpusTier})
	for _, tc := range []struct {
		asOf   string
		tiers  []atlas.SourceTier
		ok     bool
		holds  atlas.Holding
		reason atlas.HoldingReason
		date   string
	}{
		{"1971", nil, true, atlas.Known, atlas.ReasonOpenEndedWithinLast, "2021"},
		{"1972", nil, true, atlas.Possible, atlas.ReasonHolderDiesDuring, "1972-01-06"},
		{"1974", nil, true, atlas.Possible, atlas.ReasonHolderDeathDisputed, "1972-01-06"}, // he may have lived until 1975
		{"1975", nil, true, atlas.Possible, atlas.ReasonHolderDeathDisputed, "1972-01-06"},
		{"1976", nil, false, "", "", ""},
		{"1974", []atlas.SourceTier{atlas.ReferenceTier}, false, "", "", ""},
		{"1974", []atlas.SourceTier{atlas.CorpusTier}, true, atlas.Known, atlas.ReasonOpenEndedWithinLast, "2021"},
		{"1976", []atlas.SourceTier{atlas.CorpusTier}, false, "", "", ""},
	} {
		b, ok := r.SpanIn(tc.tiers).BasisAt(atlas.MustDate(tc.asOf))
		if ok != tc.ok || b.Holding != tc.holds || b.Reason != tc.reason || (ok && b.Date.String() != tc.date) {
			t.Errorf("asOf %s in %v: %v %+v, want %v %s %s %s", tc.asOf, tc.tiers, ok, b, tc.ok, tc.holds, tc.reason, tc.date)
		}
	}
	// Over a period, the known days end with the earliest death.
	if h, ok := r.Span().HoldingDuring(atlas.Period{From: atlas.MustDate("1970"), To: atlas.MustDate("1974")}); !ok || h != atlas.KnownInPart {
		t.Errorf("1970–1974: %v %v, want KNOWN_IN_PART", h, ok)
	}
}

// A DEPRECATED death is kept as a claim but not believed: it bounds nothing, and the
// death the preferred claim gives is the holder's only one.
func TestADeprecatedDeathBoundsNothing(t *testing.T) {
	cite := func(s string) []atlas.Citation { return []atlas.Citation{{Source: s, Locator: "p"}} }
	ds := &atlas.Dataset{
		Sources: []*atlas.Source{{ID: "source/c"}},
		People: []*atlas.Person{{ID: "person/a", Sources: cite("source/c"), Died: atlas.DatePtr("2019-05"),
			Claims: []atlas.PropertyClaim{
				{Property: atlas.PropDied, Value: "2019-05", Sources: cite("source/c"), Rank: atlas.Preferred},
				{Property: atlas.PropDied, Value: "2023", Sources: cite("source/c"), Rank: atlas.Deprecated},
			}}},
		Positions: []*atlas.Position{{ID: "position/p", Sources: cite("source/c")}},
		Relations: []*atlas.Relation{{Type: atlas.Holds, From: "person/a", To: "position/p", Start: atlas.DatePtr("2013"), End: atlas.DatePtr("2023-03"), Sources: cite("source/c")}},
	}
	r := ds.Prepared().Relations[0]
	if want := []atlas.Death{{Date: atlas.MustDate("2019-05"), Tier: atlas.CorpusTier}}; len(r.HolderDeaths) != 1 || r.HolderDeaths[0] != want[0] {
		t.Errorf("deaths %v, want %v", r.HolderDeaths, want)
	}
	if r.Span().MayHoldAt(atlas.MustDate("2021")) {
		t.Error("the post is held in 2021, after the only death believed")
	}
}

// A post that chairs a group from 1980: a holder who died in 1972 never chairs it through
// the post, except for a reader of the corpus alone, which does not know of the death.
func TestNobodyChairsThroughAPostAfterDeath(t *testing.T) {
	holds := heldUntilDeath()
	chairs := atlas.Relation{ID: "c/fm", Type: atlas.Chairs, From: "position/fm", To: "group/g", Start: atlas.DatePtr("1980"),
		Confidence: atlas.Stated, ObservedUntil: atlas.DatePtr("2021")}
	candidates := []atlas.HoldsChairs{{Holds: &holds, Chairs: &chairs}}
	asOf := atlas.DatePtr("1990")
	for _, tc := range []struct {
		name  string
		asOf  *atlas.PartialDate
		tiers []atlas.SourceTier
		want  int
	}{
		{"ever", nil, nil, 0},
		{"in 1990", asOf, nil, 0},
		{"ever, on the corpus alone", nil, []atlas.SourceTier{atlas.CorpusTier}, 1},
		{"in 1990, on the corpus alone", asOf, []atlas.SourceTier{atlas.CorpusTier}, 1},
	} {
		got := atlas.ChairList("group/g", []atlas.Relation{chairs}, candidates, tc.asOf, atlas.OnlyDerived, tc.tiers...)
		if len(got) != tc.want {
			t.Errorf("%s: %d derived chairs, want %d", tc.name, len(got), tc.want)
		}
	}
}

func TestPreparedCarriesTheHoldersDeaths(t *testing.T) {
	cite := func(s string) []atlas.Citation { return []atlas.Citation{{Source: s, Locator: "p"}} }
	ds := &atlas.Dataset{
		Sources: []*atlas.Source{{ID: "source/c"}, {ID: "source/r", Tier: atlas.ReferenceTier}},
		People: []*atlas.Person{{ID: "person/a", Sources: cite("source/c"), Died: atlas.DatePtr("1972"),
			Claims: []atlas.PropertyClaim{{Property: atlas.PropDied, Value: "1972", Sources: cite("source/r")}}}},
		Positions:  []*atlas.Position{{ID: "position/p", Sources: cite("source/c")}},
		Statements: []*atlas.Statement{{ID: "statement/s", Sources: cite("source/c")}},
		Relations: []*atlas.Relation{
			{Type: atlas.Holds, From: "person/a", To: "position/p", Sources: cite("source/c")},
			{Type: atlas.About, From: "statement/s", To: "person/a", Sources: cite("source/c")},
		},
	}
	rels := ds.Prepared().Relations
	if want := []atlas.Death{{Date: atlas.MustDate("1972"), Tier: atlas.ReferenceTier}}; len(rels[0].HolderDeaths) != 1 || rels[0].HolderDeaths[0] != want[0] {
		t.Errorf("holding: deaths %v, want %v", rels[0].HolderDeaths, want)
	}
	if rels[1].HolderDeaths != nil {
		t.Errorf("a statement about a person who died still holds: deaths %v", rels[1].HolderDeaths)
	}
}
