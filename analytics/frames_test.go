package analytics_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// Frames lays a neighbourhood out year by year: the period's network holds every node and
// relation any frame shows (not person/c, whose seat ended before), and each frame the
// ids that may hold that year, with their holding then.
func TestFrames(t *testing.T) {
	ctx := context.Background()
	p := analytics.Build(graphOf(t,
		member("person/a", "group/g", start("2000"), end("2003"), withID("a")),
		member("person/b", "group/g", start("2002-06"), end("2003"), withID("b")),
		member("person/c", "group/g", start("1990"), end("1995"), withID("c")),
	))
	period := atlas.Period{From: atlas.MustDate("2000"), To: atlas.MustDate("2003")}
	fr, err := p.Frames(ctx, []string{"group/g"}, 1, analytics.Filter{During: &period}, 100)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(t, fr.Network.Nodes); !reflect.DeepEqual(got, []string{"group/g", "person/a", "person/b"}) {
		t.Errorf("network nodes %v", got)
	}
	var got []string
	for _, f := range fr.Frames {
		got = append(got, fmt.Sprintf("%d %v %v", f.Year, f.Nodes, f.Relations))
	}
	want := []string{
		// A fact that starts or ends within a year is only possible for that year.
		"2000 [group/g person/a] [{a POSSIBLE}]",
		"2001 [group/g person/a] [{a KNOWN}]",
		"2002 [group/g person/a person/b] [{a KNOWN} {b POSSIBLE}]",
		"2003 [group/g person/a person/b] [{a POSSIBLE} {b POSSIBLE}]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("frames\n%v\nwant\n%v", got, want)
	}
	for _, tc := range []struct {
		f    analytics.Filter
		code string
	}{
		{analytics.Filter{}, atlas.EINVALID},
		{analytics.Filter{During: &atlas.Period{From: atlas.MustDate("1700"), To: atlas.MustDate("2000")}}, atlas.ELIMIT},
	} {
		if _, err := p.Frames(ctx, []string{"group/g"}, 1, tc.f, 100); atlas.ErrorCode(err) != tc.code {
			t.Errorf("%+v: %v, want %s", tc.f, err, tc.code)
		}
	}
}
