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

// Each frame is its year cut to the period, so it shows only what network over the
// period holds: a seat that ended in March is in no frame of a period from April, and
// one that starts after the period in its last year is in none either. A frame's
// holding is KNOWN only when known on every day of it. A year's neighbourhood that the
// period's node limit cut is cut the same way, and the frame says so.
func TestFramesCutToThePeriod(t *testing.T) {
	ctx := context.Background()
	p := analytics.Build(graphOf(t,
		member("person/a", "group/g", start("2000"), end("2000-03"), withID("a")),
		member("person/b", "group/g", start("2000-04-15"), end("2001-06"), withID("b")),
		member("person/c", "group/g", start("1999"), end("2005"), withID("c")),
		member("person/d", "group/g", start("2001-09"), end("2005"), withID("d")),
	))
	for _, tc := range []struct {
		from, to string
		limit    int
		network  []string // nodes, then relations (CompareRelations: by start)
		frames   []string
	}{
		{"2000-04", "2000-05", 100, []string{"group/g", "person/b", "person/c", "c", "b"}, []string{
			"2000 [group/g person/b person/c] [{c KNOWN} {b POSSIBLE}] false",
		}},
		{"2000-03-15", "2001-07", 100, []string{"group/g", "person/a", "person/b", "person/c", "c", "a", "b"}, []string{
			"2000 [group/g person/a person/b person/c] [{c KNOWN} {a POSSIBLE} {b POSSIBLE}] false",
			"2001 [group/g person/b person/c] [{c KNOWN} {b POSSIBLE}] false",
		}},
		{"2000-02-10", "2000-02-10", 100, []string{"group/g", "person/a", "person/c", "c", "a"}, []string{
			"2000 [group/g person/a person/c] [{c KNOWN} {a POSSIBLE}] false",
		}},
		// Whole years are as of the year, as before.
		{"2000", "2001", 100, []string{"group/g", "person/a", "person/b", "person/c", "person/d", "c", "a", "b", "d"}, []string{
			"2000 [group/g person/a person/b person/c] [{c KNOWN} {a POSSIBLE} {b POSSIBLE}] false",
			"2001 [group/g person/b person/c person/d] [{c KNOWN} {b POSSIBLE} {d POSSIBLE}] false",
		}},
		// The period's limit keeps person/a; 2001's own would keep person/b, left out.
		{"2000", "2001", 2, []string{"group/g", "person/a", "a"}, []string{
			"2000 [group/g person/a] [{a POSSIBLE}] true",
			"2001 [group/g] [] true",
		}},
	} {
		period := atlas.Period{From: atlas.MustDate(tc.from), To: atlas.MustDate(tc.to)}
		fr, err := p.Frames(ctx, []string{"group/g"}, 1, analytics.Filter{During: &period}, tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		network := append(ids(t, fr.Network.Nodes), relIDs(t, fr.Network.Relations)...)
		var frames []string
		for _, f := range fr.Frames {
			frames = append(frames, fmt.Sprintf("%d %v %v %v", f.Year, f.Nodes, f.Relations, f.Truncated))
		}
		if !reflect.DeepEqual(network, tc.network) || !reflect.DeepEqual(frames, tc.frames) {
			t.Errorf("%s/%s limit %d: network %v, frames\n%v\nwant %v, frames\n%v", tc.from, tc.to, tc.limit, network, frames, tc.network, tc.frames)
		}
	}
}

// The tester's cases on the dataset: no frame names a node or relationship its network
// lacks, such as Xi's chair of the Deepening Reform LSG (ended March 2018) in a frame of
// April and May 2018.
func TestSeedFramesStayInTheNetwork(t *testing.T) {
	p := seedProjection(t)
	const ended = "chairs/person/xi-jinping/group/comprehensively-deepening-reform-leading-small-group"
	for _, tc := range []struct {
		ids      []string
		from, to string
		derived  bool
	}{
		{[]string{"person/xi-jinping"}, "2018-04", "2018-05", false},
		{[]string{"person/xi-jinping"}, "2018-04", "2018-05", true},
		{nil, "2013-03-15", "2013-03-15", false},
		{nil, "2023-03-11", "2023-12", true},
	} {
		period := atlas.Period{From: atlas.MustDate(tc.from), To: atlas.MustDate(tc.to)}
		fr, err := p.Frames(context.Background(), tc.ids, 1, analytics.Filter{During: &period, DerivedChairs: tc.derived}, analytics.DefaultNetworkLimit)
		if err != nil {
			t.Fatal(err)
		}
		in := map[string]bool{}
		for _, id := range append(ids(t, fr.Network.Nodes), relIDs(t, fr.Network.Relations)...) {
			in[id] = true
		}
		for _, e := range fr.Network.Derived {
			in[e.ID] = true
		}
		for _, f := range fr.Frames {
			for _, id := range f.Nodes {
				if !in[id] {
					t.Errorf("%v %s/%s: frame %d has node %s, not in the network", tc.ids, tc.from, tc.to, f.Year, id)
				}
			}
			for _, r := range f.Relations {
				if !in[r.ID] || r.ID == ended && tc.from == "2018-04" {
					t.Errorf("%v %s/%s: frame %d has relationship %s, not in the network", tc.ids, tc.from, tc.to, f.Year, r.ID)
				}
			}
		}
	}
}
