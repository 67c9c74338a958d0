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
