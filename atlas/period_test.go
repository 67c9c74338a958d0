package atlas

import (
	"slices"
	"testing"
)

func TestHoldingDuring(t *testing.T) {
	d := DatePtr
	for _, tc := range []struct {
		name     string
		span     Span
		from, to string
		want     PeriodHolding
		mayHold  bool
	}{
		{"closed, within", Span{Start: d("2003"), End: d("2013"), ObservedUntil: d("2020")}, "2004", "2012", KnownThroughout, true},
		{"closed, over the start", Span{Start: d("2003"), End: d("2013"), ObservedUntil: d("2020")}, "2000", "2005", KnownInPart, true},
		{"closed, before it", Span{Start: d("2003"), End: d("2013")}, "1990", "2002", "", false},
		{"start within the year: known from its last possible day", Span{Start: d("2003-06"), End: d("2013")}, "2003", "2003", KnownInPart, true},
		{"open, past the latest source", Span{Start: d("2018-03"), ObservedUntil: d("2021")}, "2019", "2023", KnownInPart, true},
		{"open, no source dated", Span{Start: d("2018-03")}, "2019", "2023", PossibleOnly, true},
		{"two adjacent attestations cover the period", Span{Attested: []PartialDate{MustDate("2010"), MustDate("2011")}}, "2010", "2011", KnownThroughout, true},
		{"an attestation inside the period", Span{Attested: []PartialDate{MustDate("2010")}}, "2003", "2013", KnownInPart, true},
		{"an attestation outside", Span{Attested: []PartialDate{MustDate("2010")}}, "2011", "2013", "", false},
		{"start unknown", Span{End: d("2013"), LifetimeStart: d("1958")}, "1960", "1970", PossibleOnly, true},
		{"holder died within", Span{Start: d("2003"), ObservedUntil: d("2030"), HolderDied: d("2023-10-27")}, "2020", "2025", KnownInPart, true},
		{"day precision", Span{Start: d("2022-10-23"), End: d("2022-10-25"), ObservedUntil: d("2023")}, "2022-10-20", "2022-10-27", KnownInPart, true},
		{"day precision, throughout", Span{Start: d("2022-10-23"), End: d("2022-10-25"), ObservedUntil: d("2023")}, "2022-10-23", "2022-10-25", KnownThroughout, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Period{From: MustDate(tc.from), To: MustDate(tc.to)}
			got, ok := tc.span.HoldingDuring(p)
			if ok != tc.mayHold || got != tc.want {
				t.Errorf("HoldingDuring(%s) = %q, %v; want %q, %v", p, got, ok, tc.want, tc.mayHold)
			}
			// The same, day by day, from the asOf rule.
			lo, hi := p.Days()
			known, any := 0, false
			days := 0
			for day := lo; day <= hi; day = nextDay(day) {
				days++
				b, ok := tc.span.BasisAt(dayOf(day))
				any = any || ok
				if ok && b.Holding == Known {
					known++
				}
			}
			want := PossibleOnly
			switch {
			case known == days:
				want = KnownThroughout
			case known > 0:
				want = KnownInPart
			}
			if any != tc.mayHold || tc.mayHold && want != got {
				t.Errorf("day by day: may hold %v, %d of %d days known (%s); HoldingDuring says %q", any, known, days, want, got)
			}
		})
	}
}

func TestNewWhen(t *testing.T) {
	d := MustDate("2018")
	for _, tc := range []struct {
		name   string
		asOf   *PartialDate
		during *Period
		ok     bool
	}{
		{"nothing", nil, nil, true},
		{"a date", &d, nil, true},
		{"a period", nil, &Period{From: MustDate("2003"), To: MustDate("2013")}, true},
		{"a period of one day", nil, &Period{From: MustDate("2013-03-15"), To: MustDate("2013-03-15")}, true},
		{"both", &d, &Period{From: d, To: d}, false},
		{"ends before it starts", nil, &Period{From: MustDate("2014"), To: MustDate("2013")}, false},
		{"from a month after the day it ends", nil, &Period{From: MustDate("2013-04"), To: MustDate("2013-03-31")}, false},
		{"no end", nil, &Period{From: MustDate("2013")}, false},
	} {
		_, err := NewWhen(tc.asOf, tc.during)
		if (err == nil) != tc.ok || err != nil && ErrorCode(err) != EINVALID {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

func TestDayRanges(t *testing.T) {
	a := []dayRange{{20100101, 20101231}, {20120101, 20121231}}
	b := []dayRange{{20101201, 20120131}}
	if got := unionRanges(a, b); !slices.Equal(got, []dayRange{{20100101, 20121231}}) {
		t.Errorf("union %v", got)
	}
	if got := intersectRanges(a, b); !slices.Equal(got, []dayRange{{20101201, 20101231}, {20120101, 20120131}}) {
		t.Errorf("intersection %v", got)
	}
	if nextDay(20121231) != 20130101 || prevDay(20120301) != 20120229 {
		t.Error("day arithmetic")
	}
}

func TestKnownBy(t *testing.T) {
	sources := map[string]*Source{
		"source/a-2010":  {ID: "source/a-2010", Date: DatePtr("2010")},
		"source/b-2016":  {ID: "source/b-2016", Date: DatePtr("2016-06")},
		"source/undated": {ID: "source/undated"},
		"source/relayed": {ID: "source/relayed", CitedVia: "source/a-2010"},
	}
	k := KnownBy{Date: MustDate("2016"), Source: func(id string) *Source { return sources[id] }}
	r := Relation{ID: "r", Type: MemberOf, From: "person/x", To: "group/y", Attested: []PartialDate{MustDate("2010")},
		Sources: []Citation{{Source: "source/a-2010"}, {Source: "source/b-2016"}, {Source: "source/undated"}, {Source: "source/relayed"}}, ObservedUntil: DatePtr("2016-06")}
	got, withheld, ok := k.restrict(r)
	if !ok || len(got.Sources) != 3 || len(withheld) != 1 || withheld[0].Source != "source/undated" || got.ObservedUntil.String() != "2016-06" {
		t.Errorf("by 2016: kept %v, withheld %v, observed until %v", got.Sources, withheld, got.ObservedUntil)
	}
	k.Date = MustDate("2016-03")
	if got, withheld, _ := k.restrict(r); len(got.Sources) != 2 || len(withheld) != 2 || got.ObservedUntil.String() != "2010" {
		t.Errorf("by 2016-03 (the June 2016 source not yet out): kept %v, withheld %v, observed until %v", got.Sources, withheld, got.ObservedUntil)
	}
	k.Date = MustDate("2009")
	if _, _, ok := k.restrict(r); ok {
		t.Error("by 2009 nothing was published, yet the relation was kept")
	}
}

// TestKnownByShowsOnlyPublishedDates: a tenure whose start and end only a later
// reference page gives, attested by a source published in time, is known by then only
// as that attestation; a claim citing both keeps the published source alone, of its
// tier; and the citations keep their tiers beside them, so a tier view still applies.
func TestKnownByShowsOnlyPublishedDates(t *testing.T) {
	sources := map[string]*Source{
		"source/tip-sheet-2021": {ID: "source/tip-sheet-2021", Date: DatePtr("2021-06")},
		"source/ref-2024":       {ID: "source/ref-2024", Date: DatePtr("2024"), Tier: ReferenceTier},
		"source/book-2019":      {ID: "source/book-2019", Date: DatePtr("2019")},
	}
	tip, ref, book := Citation{Source: "source/tip-sheet-2021", Locator: "p. 2"}, Citation{Source: "source/ref-2024", Locator: "infobox"}, Citation{Source: "source/book-2019", Locator: "p. 9"}
	r := Relation{ID: "r", Type: Holds, From: "person/x", To: "position/y",
		Start: DatePtr("2018-03-19"), End: DatePtr("2023-03-12"), Attested: []PartialDate{MustDate("2021-05")},
		Sources:       []Citation{tip, ref, book},
		CitationTiers: []SourceTier{CorpusTier, ReferenceTier, CorpusTier},
		DateClaims: []DateClaim{
			{Part: StartPart, Value: MustDate("2018-03-19"), Sources: []Citation{ref}, Rank: Preferred, Tier: ReferenceTier},
			{Part: StartPart, Value: MustDate("2018"), Sources: []Citation{ref, book}, Rank: Normal, Tier: CorpusTier},
			{Part: EndPart, Value: MustDate("2023-03-12"), Sources: []Citation{ref}, Rank: Preferred, Tier: ReferenceTier},
			{Part: AttestedPart, Value: MustDate("2021-05"), Sources: []Citation{tip}, Rank: Normal, Tier: CorpusTier},
		}}
	k := KnownBy{Date: MustDate("2021"), Source: func(id string) *Source { return sources[id] }}
	got, withheld, ok := k.restrict(r)
	if !ok || !slices.Equal(withheld, []Citation{ref}) {
		t.Fatalf("kept %v, withheld %v", got.Sources, withheld)
	}
	if got.Start == nil || got.Start.String() != "2018" || got.End != nil || len(got.Attested) != 1 || got.Attested[0].String() != "2021-05" {
		t.Errorf("by 2021: start %v, end %v, attested %v; want 2018 (the book's), none, [2021-05]", got.Start, got.End, got.Attested)
	}
	if len(got.DateClaims) != 2 || !slices.Equal(got.DateClaims[0].Sources, []Citation{book}) || got.DateClaims[0].Tier != CorpusTier {
		t.Errorf("by 2021, the claims: %+v; want the book's start citing the book alone, and the attestation", got.DateClaims)
	}
	if !slices.Equal(got.CitationTiers, []SourceTier{CorpusTier, CorpusTier}) {
		t.Errorf("citation tiers %v do not follow the sources kept %v", got.CitationTiers, got.Sources)
	}
	if len(r.DateClaims[1].Sources) != 2 || r.Start.String() != "2018-03-19" {
		t.Error("restrict changed the relation it was given")
	}
	// By 2024 every source is out: the relation is as stored.
	k.Date = MustDate("2024")
	if got, withheld, _ := k.restrict(r); len(withheld) != 0 || got.Start.String() != "2018-03-19" || got.End.String() != "2023-03-12" || len(got.DateClaims) != 4 {
		t.Errorf("by 2024: start %v, end %v, %d claims, withheld %v", got.Start, got.End, len(got.DateClaims), withheld)
	}
}
