package atlas

import (
	"reflect"
	"testing"
)

func TestMayHoldDays(t *testing.T) {
	p := func(s string) *PartialDate { return DatePtr(s) }
	lo, hi := 20100101, 20191231
	for _, tc := range []struct {
		name string
		s    Span
		want []DayRun
	}{
		{"dated, inside", Span{Start: p("2012-03"), End: p("2014")}, []DayRun{{20120301, 20141231}}},
		{"open start and end: the whole period", Span{}, []DayRun{{lo, hi}}},
		{"clipped at both ends", Span{Start: p("2005"), End: p("2030")}, []DayRun{{lo, hi}}},
		{"outside", Span{Start: p("1990"), End: p("2000")}, nil},
		{"group lifetime stands in for an open end", Span{Start: p("2013"), LifetimeEnd: p("2016-06")}, []DayRun{{20130101, 20160630}}},
		{"the holder's death ends it", Span{Start: p("2011"), HolderDied: p("2015-02-03")}, []DayRun{{20110101, 20150203}}},
		{"attestations only, overlapping ones merged", Span{Attested: []PartialDate{MustDate("2016"), MustDate("2012-05"), MustDate("2016-07"), MustDate("2017")}},
			[]DayRun{{20120501, 20120531}, {20160101, 20171231}}},
	} {
		if got := tc.s.MayHoldDays(lo, hi); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		// The runs agree with the asOf rule on every year of the period.
		for y := 2010; y <= 2019; y++ {
			d := MustDate(itoa4(y))
			covered := false
			for _, r := range tc.s.MayHoldDays(lo, hi) {
				covered = covered || (r.First <= d.Latest() && r.Last >= d.Earliest())
			}
			if covered != tc.s.MayHoldAt(d) {
				t.Errorf("%s: %d covered %v, MayHoldAt %v", tc.name, y, covered, !covered)
			}
		}
	}
}

func itoa4(y int) string {
	return string([]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)})
}
