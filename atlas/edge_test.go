package atlas_test

import (
	"testing"

	"lsgatlas/atlas"
)

// chairFixture: position/gs chairs group/g from 2000 (open-ended, latest source 2021-11);
// person/a holds the post 2012-11 to 2022-10 and also chairs group/g directly from 2013;
// person/b holds it with no dates at all; person/c is attested holding it in 2010 only.
func chairFixture() (direct []atlas.Relation, candidates []atlas.HoldsChairs) {
	d := atlas.DatePtr
	cite := func(s string) []atlas.Citation { return []atlas.Citation{{Source: s, Locator: "p"}} }
	chairs := atlas.Relation{ID: "c/gs", Type: atlas.Chairs, From: "position/gs", To: "group/g", Start: d("2000"),
		Confidence: atlas.Stated, Sources: cite("source/x"), ObservedUntil: d("2021-11")}
	holdA := atlas.Relation{ID: "h/a", Type: atlas.Holds, From: "person/a", To: "position/gs", Start: d("2012-11"), End: d("2022-10"),
		Confidence: atlas.Stated, Sources: cite("source/y")}
	holdB := atlas.Relation{ID: "h/b", Type: atlas.Holds, From: "person/b", To: "position/gs", Confidence: atlas.Stated, Sources: cite("source/y")}
	holdC := atlas.Relation{ID: "h/c", Type: atlas.Holds, From: "person/c", To: "position/gs", Attested: []atlas.PartialDate{atlas.MustDate("2010")},
		Confidence: atlas.Reported, Sources: cite("source/z")}
	directA := atlas.Relation{ID: "c/a", Type: atlas.Chairs, From: "person/a", To: "group/g", Start: d("2013"),
		Confidence: atlas.Stated, Sources: cite("source/x"), ObservedUntil: d("2021-11")}
	direct = []atlas.Relation{chairs, directA}
	for _, h := range []atlas.Relation{holdA, holdB, holdC} {
		candidates = append(candidates, atlas.HoldsChairs{Holds: &h, Chairs: &chairs})
	}
	return direct, candidates
}

type chairRow struct {
	from    string
	stored  bool
	derived bool
	holding atlas.Holding
	reason  atlas.HoldingReason
}

func TestChairListAtTheEdgesOfTenures(t *testing.T) {
	direct, candidates := chairFixture()
	gs := chairRow{from: "position/gs", stored: true}
	for _, tc := range []struct {
		name string
		asOf string // "" = no date
		mode atlas.DerivedChairs
		want []chairRow
	}{
		{"no date: the undated holder is never a chair", "", atlas.IncludeDerived, []chairRow{gs,
			{from: "person/a", stored: true, derived: true}, {from: "person/c", derived: true}}},
		{"stored only", "", atlas.ExcludeDerived, []chairRow{gs, {from: "person/a", stored: true}}},
		{"derived only keeps the merged edge", "", atlas.OnlyDerived, []chairRow{
			{from: "person/a", stored: true, derived: true}, {from: "person/c", derived: true}}},
		{"attested year: only the attested holder", "2010", atlas.IncludeDerived, []chairRow{
			{from: "position/gs", stored: true, holding: atlas.Known, reason: atlas.ReasonOpenEndedWithinLast},
			{from: "person/c", derived: true, holding: atlas.Known, reason: atlas.ReasonAttestedAtDate}}},
		{"tenure starts within the year", "2012", atlas.OnlyDerived, []chairRow{
			{from: "person/a", derived: true, holding: atlas.Possible, reason: atlas.ReasonStartsDuring}}},
		{"inside the tenure, the stored chair is known from 2013 and carries the derivation", "2016", atlas.IncludeDerived, []chairRow{
			{from: "position/gs", stored: true, holding: atlas.Known, reason: atlas.ReasonOpenEndedWithinLast},
			{from: "person/a", stored: true, derived: true, holding: atlas.Known, reason: atlas.ReasonOpenEndedWithinLast}}},
		{"past the latest source the chairing is only possible", "2022-01", atlas.OnlyDerived, []chairRow{
			{from: "person/a", stored: true, derived: true, holding: atlas.Possible, reason: atlas.ReasonOpenEndedAfterLast}}},
		{"tenure ends within the month", "2022-10", atlas.OnlyDerived, []chairRow{
			{from: "person/a", stored: true, derived: true, holding: atlas.Possible, reason: atlas.ReasonOpenEndedAfterLast}}},
		{"after the tenure nobody is derived", "2023", atlas.OnlyDerived, nil},
		{"before the chairing began nobody is derived", "1999", atlas.OnlyDerived, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var asOf *atlas.PartialDate
			if tc.asOf != "" {
				asOf = atlas.DatePtr(tc.asOf)
			}
			got := atlas.ChairList("group/g", direct, candidates, asOf, tc.mode)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d chairs %+v, want %+v", len(got), rows(got), tc.want)
			}
			for i, e := range got {
				if r := rows(got)[i]; r != tc.want[i] {
					t.Errorf("chair %d = %+v, want %+v", i, r, tc.want[i])
				}
				if e.Direction != atlas.Incoming || e.OtherID() != e.From {
					t.Errorf("chair %d seen from the group: direction %s, other %s", i, e.Direction, e.OtherID())
				}
			}
		})
	}
}

func rows(es []atlas.Edge) []chairRow {
	out := make([]chairRow, len(es))
	for i, e := range es {
		out[i] = chairRow{from: e.From, stored: e.Stored, derived: e.Derived()}
		if e.Holding != nil {
			out[i].holding, out[i].reason = *e.Holding, *e.HoldingReason
		}
	}
	return out
}

func TestMergedChairCarriesBothLinesOfEvidence(t *testing.T) {
	direct, candidates := chairFixture()
	got := atlas.ChairList("person/a", direct[1:], candidates, nil, atlas.IncludeDerived)
	if len(got) != 1 {
		t.Fatalf("person/a chairs %d edges, want one merged edge", len(got))
	}
	e := got[0]
	if e.ID != "c/a" || !e.Stored || len(e.Derivations) != 1 || e.Derivations[0].Position != "position/gs" ||
		e.Start.String() != "2013" || e.Direction != atlas.Outgoing || len(e.Sources) != 2 {
		t.Errorf("merged edge = %+v", e)
	}
	if h := e.Derivations[0].Holds; h.ID != "h/a" || h.Self != "position/gs" || h.Direction != atlas.Incoming {
		t.Errorf("derivation's HOLDS = %+v", h)
	}
}

func TestBasisAtGivesTheDateItRestsOn(t *testing.T) {
	r := atlas.Relation{Start: atlas.DatePtr("2012"), ObservedUntil: atlas.DatePtr("2021-11")}
	for _, tc := range []struct {
		asOf   string
		holds  atlas.Holding
		reason atlas.HoldingReason
		date   string
	}{
		{"2012", atlas.Possible, atlas.ReasonStartsDuring, "2012"},
		{"2016", atlas.Known, atlas.ReasonOpenEndedWithinLast, "2021-11"},
		{"2021-11", atlas.Possible, atlas.ReasonOpenEndedAfterLast, "2021-11"},
		{"2021-11-01", atlas.Known, atlas.ReasonOpenEndedWithinLast, "2021-11"},
	} {
		b, ok := r.Span().BasisAt(atlas.MustDate(tc.asOf))
		if !ok || b.Holding != tc.holds || b.Reason != tc.reason || b.Date.String() != tc.date {
			t.Errorf("asOf %s: %v %+v, want %s %s %s", tc.asOf, ok, b, tc.holds, tc.reason, tc.date)
		}
	}
}

func TestKindOfIDSlugs(t *testing.T) {
	for id, want := range map[string]atlas.NodeKind{
		"group/a": atlas.GroupNode, "person/xi-jinping": atlas.PersonNode, "count/2019-a1": atlas.ReportedCountNode,
		"document/d": atlas.DocumentNode, "position/p": atlas.PositionNode,
		"group/": "", "group/-a": "", "group/a-": "", "group/a--b": "", "group/A": "", "group/a_b": "",
		"group/a b": "", "nothing/a": "", "": "", "group/a/b": "", "/a": "", "group": "", "GROUP/a": "",
		"reported_count/a": "",
	} {
		got, err := atlas.KindOfID(id)
		if got != want || (err == nil) != (want != "") {
			t.Errorf("KindOfID(%q) = %q, %v; want %q", id, got, err, want)
		}
	}
}
