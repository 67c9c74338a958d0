package analytics_test

import (
	"context"
	"slices"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// Chen Yi became Foreign Minister in 1956 by Rana, on 1958-02-11 by the reference page:
// one relationship, two date claims. A development or timeline event shows the date the
// sources asked for give, and cites only the sources that give it.
const (
	rana      = "source/rana-2021"
	chenYiRef = "source/ref-cloudfront-chen-yi"
)

func TestDevelopmentsCiteTheSourcesOfTheirDate(t *testing.T) {
	p := seedProjection(t)
	for _, tc := range []struct {
		name    string
		sources []string
		want    []string // "KIND date node cited"
	}{
		{"preferred dates", nil, []string{
			"STARTED 1949 person/zhou-enlai " + rana, "STARTED 1956 person/chen-yi " + rana,
			"ENDED 1956 person/zhou-enlai " + rana, "ENDED 1972-01-06 person/chen-yi " + chenYiRef}},
		{"as the reference page tells it", []string{chenYiRef}, []string{
			"STARTED 1958-02-11 person/chen-yi " + chenYiRef, "ENDED 1972-01-06 person/chen-yi " + chenYiRef}},
		{"as Rana tells it", []string{rana}, []string{
			"STARTED 1949 person/zhou-enlai " + rana, "STARTED 1956 person/chen-yi " + rana, "ENDED 1956 person/zhou-enlai " + rana}},
	} {
		devs, _, err := p.Developments(context.Background(), analytics.DevelopmentQuery{Period: atlas.Period{From: atlas.MustDate("1949"), To: atlas.MustDate("1980")},
			IDs: []string{"position/foreign-minister"}, Sources: tc.sources, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range devs {
			got = append(got, string(d.Kind)+" "+d.Date.String()+" "+d.Node.NodeID()+" "+cited(d.Sources))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestDevelopmentsDatesAreClaimed sweeps every development of the seed, as a whole and
// in each tier: each cites only sources of a live claim of its date.
func TestDevelopmentsDatesAreClaimed(t *testing.T) {
	p := seedProjection(t)
	for _, tiers := range [][]atlas.SourceTier{nil, {atlas.CorpusTier}, {atlas.ReferenceTier}} {
		devs, _, err := p.Developments(context.Background(), analytics.DevelopmentQuery{Period: atlas.Period{From: atlas.MustDate("1940"), To: atlas.MustDate("2026")},
			Tiers: tiers, Limit: analytics.MaxNetworkNodes})
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, d := range devs {
			if d.Relation == nil || len(d.Relation.DateClaims) == 0 {
				continue
			}
			part := atlas.StartPart
			if d.Kind == analytics.DevEnded {
				part = atlas.EndPart
			}
			checked++
			if !claimedBy(d.Relation, part, d.Date, d.Sources) {
				t.Errorf("tiers %v: %s %s of %s cites %s, not the sources of a claim of that date", tiers, d.Kind, d.Date, d.Relation.ID, cited(d.Sources))
			}
		}
		if checked == 0 {
			t.Errorf("tiers %v: no development with date claims", tiers)
		}
	}
}

func TestTimelineKeepsOnlyTheSourcesEvents(t *testing.T) {
	p := seedProjection(t)
	evs, err := p.Timeline(context.Background(), "person/chen-yi", chenYiRef)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range evs {
		if e.Other.NodeID() == "position/foreign-minister" {
			got = append(got, string(e.Kind)+" "+e.Date.String()+" "+cited(e.Sources))
		}
		if !slices.ContainsFunc(e.Sources, func(c atlas.Citation) bool { return c.Source == chenYiRef }) {
			t.Errorf("%s %s of %s does not cite %s", e.Kind, e.Date, e.Relation.ID, chenYiRef)
		}
	}
	if want := []string{"ROLE_STARTED 1958-02-11 " + chenYiRef, "ROLE_ENDED 1972-01-06 " + chenYiRef}; !slices.Equal(got, want) {
		t.Errorf("Chen Yi's foreign ministry as the reference page tells it:\n got %q\nwant %q", got, want)
	}
}

// claimedBy reports whether sources are those of a live claim of r giving date as part.
func claimedBy(r *atlas.Relation, part atlas.DatePart, date atlas.PartialDate, sources []atlas.Citation) bool {
	return slices.ContainsFunc(r.DateClaims, func(c atlas.DateClaim) bool {
		return c.Part == part && c.Value == date && c.Rank != atlas.Deprecated && slices.Equal(c.Sources, sources)
	})
}

func cited(cs []atlas.Citation) string {
	out := ""
	for i, c := range cs {
		if i > 0 {
			out += ","
		}
		out += c.Source
	}
	return out
}

// TestDevelopmentsWithinLifetimes: a start dated before the group existed, or an end
// after the holder died (data validation refuses both; this is what an answer does if
// such data is there), is shown at the lifetime's bound, as the timeline shows it.
func TestDevelopmentsWithinLifetimes(t *testing.T) {
	ds := &atlas.Dataset{
		Groups: []*atlas.Group{{ID: "group/g", Name: "G", Kind: atlas.LeadingSmallGroup, Established: atlas.DatePtr("2018-03")}},
		People: []*atlas.Person{{ID: "person/p", Name: "P", Died: atlas.DatePtr("2018")}},
		Relations: []*atlas.Relation{
			member("person/p", "group/g", start("2010")),
			rel(atlas.Holds, "person/p", "position/x", start("2013"), func(r *atlas.Relation) { r.End = atlas.DatePtr("2023-03") }),
		},
		Positions: []*atlas.Position{{ID: "position/x", Title: "X"}},
	}
	p := analytics.Build(ds)
	devs, _, err := p.Developments(context.Background(), analytics.DevelopmentQuery{Period: atlas.Period{From: atlas.MustDate("2000"), To: atlas.MustDate("2030")},
		IDs: []string{"person/p"}, Types: []atlas.RelType{atlas.MemberOf, atlas.Holds}, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range devs {
		got = append(got, string(d.Kind)+" "+d.Date.String()+" "+d.Other.NodeID())
	}
	if want := []string{"STARTED 2013 position/x", "ENDED 2018 position/x", "STARTED 2018-03 group/g"}; !slices.Equal(got, want) {
		t.Errorf("developments %q, want %q", got, want)
	}
	events, err := p.TimelineRelayed(context.Background(), "person/p", nil, false)
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, e := range events {
		if e.Date != nil {
			dates = append(dates, string(e.Kind)+" "+e.Date.String())
		}
	}
	if want := []string{"ROLE_STARTED 2013", "ROLE_ENDED 2018", "ROLE_STARTED 2018-03"}; !slices.Equal(dates, want) {
		t.Errorf("timeline %q, want %q", dates, want)
	}
}

// TestEventsSayHowSurelyTheirDateIsKnown: the renaming of the Foreign Affairs LSG is
// dated 2018-03 by Rana and 2018 by Thomas, and each event cites only the source of the
// date it shows; the end of Thomas's table rule (2023-03-10) is the curators' inference,
// and its events say so.
func TestEventsSayHowSurelyTheirDateIsKnown(t *testing.T) {
	p := seedProjection(t)
	describe := func(kind, date string, conf *atlas.Confidence, cites []atlas.Citation) string {
		c := "none"
		if conf != nil {
			c = string(*conf)
		}
		return kind + " " + date + " " + c + " " + cited(cites)
	}
	for _, tc := range []struct {
		id      string
		sources []string
		kind    analytics.EventKind
		want    string
	}{
		{"group/foreign-affairs-leading-small-group", nil, analytics.Succeeded, "SUCCEEDED 2018-03 STATED " + rana},
		{"group/central-foreign-affairs-commission", []string{"source/thomas-fp"}, analytics.Preceded, "PRECEDED 2018 STATED source/thomas-fp,source/thomas-fp"},
		{"group/energy-leading-small-group", nil, analytics.RoleEnded, "ROLE_ENDED 2023-03-10 INFERRED source/thomas-fp"},
	} {
		events, err := p.TimelineRelayed(context.Background(), tc.id, tc.sources, false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range events {
			if e.Kind == tc.kind && e.Date != nil {
				got = append(got, describe(string(e.Kind), e.Date.String(), e.DateConfidence, e.Sources))
			}
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("%s: events %q, want one %q", tc.id, got, tc.want)
		}
	}
	devs, _, err := p.Developments(context.Background(), analytics.DevelopmentQuery{Period: atlas.Period{From: atlas.MustDate("2023-03-10"), To: atlas.MustDate("2023-03-10")},
		IDs: []string{"group/energy-leading-small-group"}, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range devs {
		if d.Kind == analytics.DevEnded && d.DateConfidence != atlas.Inferred {
			t.Errorf("the rule's end %s is %s, want INFERRED", d.Date, d.DateConfidence)
		}
	}
	if len(devs) == 0 {
		t.Error("no development on 2023-03-10")
	}
}
