package atlas_test

import (
	"testing"

	"lsgatlas/atlas"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in               string
		earliest, latest int
		wantErr          bool
	}{
		{in: "2018", earliest: 20180101, latest: 20181231},
		{in: "2018-02", earliest: 20180201, latest: 20180228},
		{in: "2016-02", earliest: 20160201, latest: 20160229},
		{in: "2018-03-21", earliest: 20180321, latest: 20180321},
		{in: "2018-13", wantErr: true},
		{in: "2018-00", wantErr: true},
		{in: "2018-02-30", wantErr: true},
		{in: "20xx", wantErr: true},
		{in: "", wantErr: true},
		{in: "18", wantErr: true},
		{in: "2018/03", wantErr: true},
		{in: "0000", wantErr: true},
		{in: "+201", wantErr: true},
		{in: "2018-3-01", wantErr: true},
	} {
		d, err := atlas.ParseDate(tc.in)
		if tc.wantErr {
			if atlas.ErrorCode(err) != atlas.EINVALID {
				t.Errorf("ParseDate(%q): err %v, want EINVALID", tc.in, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", tc.in, err)
		}
		if d.Earliest() != tc.earliest || d.Latest() != tc.latest || d.String() != tc.in {
			t.Errorf("ParseDate(%q) = %d..%d %q, want %d..%d", tc.in, d.Earliest(), d.Latest(), d.String(), tc.earliest, tc.latest)
		}
	}
}

func TestHoldingAt(t *testing.T) {
	d := atlas.DatePtr
	for _, tc := range []struct {
		name string
		span atlas.Span
		asOf string
		want atlas.Holding // "" = cannot hold
	}{
		{"inside a closed interval", atlas.Span{Start: d("2013"), End: d("2018-03")}, "2015", atlas.Known},
		{"straddles the start", atlas.Span{Start: d("2013-03"), End: d("2018")}, "2013", atlas.Possible},
		{"straddles the end", atlas.Span{Start: d("2013"), End: d("2018-03")}, "2018", atlas.Possible},
		{"after the end", atlas.Span{Start: d("2013"), End: d("2018-03")}, "2018-04", ""},
		{"unknown start", atlas.Span{End: d("2018")}, "2010", atlas.Possible},
		{"open end within what sources saw", atlas.Span{Start: d("2018-03"), ObservedUntil: d("2021-11")}, "2020", atlas.Known},
		{"open end in the year of a year-dated source", atlas.Span{Start: d("2010"), ObservedUntil: d("2018")}, "2018-12", atlas.Possible},
		{"open end past what sources saw", atlas.Span{Start: d("2018-03"), ObservedUntil: d("2021-11")}, "2022", atlas.Possible},
		{"open end, no dated source", atlas.Span{Start: d("2018-03")}, "2019", atlas.Possible},
		{"open end past the group's end", atlas.Span{Start: d("2010"), LifetimeEnd: d("2018-03"), ObservedUntil: d("2021")}, "2018", atlas.Possible},
		{"open end after the group's end", atlas.Span{Start: d("2010"), LifetimeEnd: d("2018-03"), ObservedUntil: d("2021")}, "2019", ""},
		{"attested year, asked a day in it", atlas.Span{Attested: []atlas.PartialDate{atlas.MustDate("2010")}}, "2010-06-01", atlas.Known},
		{"attested month, asked its year", atlas.Span{Attested: []atlas.PartialDate{atlas.MustDate("2010-06")}}, "2010", atlas.Possible},
		{"attested, asked another year", atlas.Span{Attested: []atlas.PartialDate{atlas.MustDate("2010")}}, "2011", ""},
		{"no dates at all", atlas.Span{}, "1990", atlas.Possible},
		{"undated, before the group existed", atlas.Span{LifetimeStart: d("2018-03")}, "2010", ""},
		{"undated, in the group's first year", atlas.Span{LifetimeStart: d("2018-03")}, "2018", atlas.Possible},
		{"undated, while the group existed", atlas.Span{LifetimeStart: d("2018-03"), ObservedUntil: d("2021")}, "2019", atlas.Possible},
		{"interval unknown at D but attested there", atlas.Span{Start: d("2005"), Attested: []atlas.PartialDate{atlas.MustDate("2010")}}, "2010", atlas.Known},
	} {
		h, ok := tc.span.HoldingAt(atlas.MustDate(tc.asOf))
		if !ok {
			h = ""
		}
		if h != tc.want {
			t.Errorf("%s: HoldingAt(%s) = %q, want %q", tc.name, tc.asOf, h, tc.want)
		}
	}
}

func TestDeriveChair(t *testing.T) {
	d := atlas.DatePtr
	holds := atlas.Relation{ID: "h", Type: atlas.Holds, From: "person/a", To: "position/p", Start: d("2012-11"), End: d("2022-10"), Confidence: atlas.Stated,
		Sources: []atlas.Citation{{Source: "source/x", Locator: "1"}}}
	chairs := atlas.Relation{ID: "c", Type: atlas.Chairs, From: "position/p", To: "group/g", Start: d("2014"), Confidence: atlas.Reported,
		Sources: []atlas.Citation{{Source: "source/y", Locator: "2"}}, ObservedUntil: d("2021")}
	e, ok := atlas.DeriveChair("group/g", holds, chairs, nil)
	if !ok {
		t.Fatal("no derived chair")
	}
	if e.From != "person/a" || e.To != "group/g" || e.Direction != atlas.Incoming || e.Start.String() != "2014" || e.End.String() != "2022-10" ||
		e.Confidence != atlas.Inferred || len(e.Sources) != 2 || e.Derivations[0].Position != "position/p" {
		t.Errorf("derived edge = %+v", e)
	}
	if _, ok := atlas.DeriveChair("group/g", holds, chairs, d("2013")); ok {
		t.Error("derived a chair before the position chaired the group")
	}
	e, ok = atlas.DeriveChair("person/a", holds, chairs, d("2016"))
	if !ok || *e.Holding != atlas.Known || e.Direction != atlas.Outgoing {
		t.Errorf("asOf 2016: ok=%v %+v", ok, e)
	}
	e, _ = atlas.DeriveChair("person/a", holds, chairs, d("2022"))
	if *e.Holding != atlas.Possible {
		t.Errorf("asOf 2022: holding %v, want POSSIBLE", *e.Holding)
	}
	// A rule ending the day before the holding does: the derived chair ends with the
	// rule, and in that year it is POSSIBLE because of its own end, the rule's.
	rule := chairs
	rule.End = d("2022-10-09")
	e, _ = atlas.DeriveChair("person/a", atlas.Relation{ID: "h", Type: atlas.Holds, From: "person/a", To: "position/p", Start: d("2012-11"), End: d("2022-10-10"),
		Confidence: atlas.Stated, Sources: holds.Sources}, rule, d("2022"))
	if e.End.String() != "2022-10-09" || *e.Holding != atlas.Possible || *e.HoldingReason != atlas.ReasonEndsDuring || e.HoldingReasonDate.String() != "2022-10-09" {
		t.Errorf("asOf 2022, the rule ending first: end %s, %s %s %s", e.End, *e.Holding, *e.HoldingReason, e.HoldingReasonDate)
	}
	e, _ = atlas.DeriveChair("person/a", atlas.Relation{ID: "h", Type: atlas.Holds, From: "person/a", To: "position/p", Start: d("2012-11"), End: d("2022-10-10"),
		Confidence: atlas.Stated, Sources: holds.Sources}, rule, d("2018"))
	if *e.Holding != atlas.Known || *e.HoldingReason != atlas.ReasonWithinDates || e.HoldingReasonDate.String() != "2022-10-09" {
		t.Errorf("asOf 2018, known within the rule's dates: %s %s %s", *e.Holding, *e.HoldingReason, e.HoldingReasonDate)
	}
	// A chairing known only from a 2016 attestation gives a derived chair attested in
	// 2016 only, not one running from the holding's start.
	snapshot := chairs
	snapshot.Start, snapshot.Attested = nil, []atlas.PartialDate{atlas.MustDate("2016")}
	e, ok = atlas.DeriveChair("group/g", holds, snapshot, nil)
	if !ok || e.Start != nil || e.End != nil || len(e.Attested) != 1 || e.Attested[0].String() != "2016" {
		t.Errorf("derived from an attestation: ok=%v start=%v end=%v attested=%v", ok, e.Start, e.End, e.Attested)
	}
	if _, ok := e.Span().HoldingAt(atlas.MustDate("2014")); ok {
		t.Error("a chair attested in 2016 was derived as holding in 2014")
	}
	late := holds
	late.Start, late.End = d("1990"), d("2000")
	if _, ok := atlas.DeriveChair("group/g", late, chairs, nil); ok {
		t.Error("derived a chair from a holding that ended before the chairing began")
	}
}
