package conformance

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

func relIDs(rels []atlas.Relation) []string {
	out := []string{}
	for _, r := range rels {
		out = append(out, r.ID)
	}
	return out
}

func testRelations(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	const (
		fac = "group/foreign-affairs-commission"
		lsg = "group/foreign-affairs-lsg"
	)
	for _, tc := range []struct {
		name string
		q    atlas.RelationQuery
		want [][]string
	}{
		{"incoming chairs of two groups, in key order",
			atlas.RelationQuery{IDs: []string{lsg, fac}, Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming},
			[][]string{{"chairs/position/general-secretary/group/foreign-affairs-lsg"}, {"chairs/person/xi-jinping/group/foreign-affairs-commission"}}},
		{"outgoing only",
			atlas.RelationQuery{IDs: []string{fac}, Direction: atlas.Outgoing},
			[][]string{{"has_office/group/foreign-affairs-commission/office/commission-general-office", "reports_to/group/foreign-affairs-commission/institution/standing-committee", "supervises/group/foreign-affairs-commission/institution/ministry-of-foreign-affairs"}}},
		{"both directions, ordered by type, start, id",
			atlas.RelationQuery{IDs: []string{"person/li-keqiang"}},
			[][]string{{"member_of/li-keqiang/deepening-reform/deputy", "member_of/li-keqiang/deepening-reform/member", "member_of/person/li-keqiang/group/foreign-affairs-commission"}}},
		{"roles filter MEMBER_OF only",
			atlas.RelationQuery{IDs: []string{lsg}, Types: []atlas.RelType{atlas.MemberOf, atlas.SucceededBy}, Roles: []atlas.MemberRole{"MEMBER"}},
			[][]string{{"member_of/institution/ministry-of-foreign-affairs/group/foreign-affairs-lsg", "member_of/person/yang-jiechi/group/foreign-affairs-lsg", "succeeded_by/group/foreign-affairs-lsg/group/foreign-affairs-commission"}}},
		{"role that nobody has",
			atlas.RelationQuery{IDs: []string{fac}, Types: []atlas.RelType{atlas.MemberOf}, Roles: []atlas.MemberRole{"SECRETARY_GENERAL"}},
			[][]string{{}}},
		{"unknown and repeated ids",
			atlas.RelationQuery{IDs: []string{"person/nobody", "person/hu-jintao", "person/hu-jintao"}, Types: []atlas.RelType{atlas.Holds}},
			[][]string{{}, {"holds/person/hu-jintao/position/general-secretary"}, {"holds/person/hu-jintao/position/general-secretary"}}},
		{"several types", atlas.RelationQuery{IDs: []string{"office/commission-general-office"}, Types: []atlas.RelType{atlas.HostedBy, atlas.Directs}},
			[][]string{{"directs/person/yang-jiechi/office/commission-general-office", "hosted_by/office/commission-general-office/institution/standing-committee"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Relations(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d result lists, want %d", len(got), len(tc.want))
			}
			for i := range got {
				if g := relIDs(got[i]); !reflect.DeepEqual(g, tc.want[i]) {
					t.Errorf("list %d: got %v, want %v", i, g, tc.want[i])
				}
			}
		})
	}
	for _, bad := range []atlas.RelationQuery{
		{IDs: []string{"bad id"}},
		{IDs: []string{fac}, Types: []atlas.RelType{"LIKES"}},
		{IDs: []string{fac}, Direction: "SIDEWAYS"},
		{IDs: []string{fac}, Roles: []atlas.MemberRole{"KING"}},
	} {
		_, err := s.Relations(ctx, bad)
		if atlas.ErrorCode(err) != atlas.EINVALID {
			t.Errorf("Relations(%+v): code %q, want EINVALID", bad, atlas.ErrorCode(err))
		}
	}
}

// testRelationsRoundTrip checks that every field of every relation, including what
// import derives (lifetime bounds, ObservedUntil, the holder's deaths), comes back as it
// went in.
func testRelationsRoundTrip(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	want := Fixture().Prepared().Relations
	var from []string
	for _, r := range want {
		from = append(from, r.From)
	}
	got, err := s.Relations(ctx, atlas.RelationQuery{IDs: from, Direction: atlas.Outgoing})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		found := false
		for _, g := range got[i] {
			if g.ID == w.ID {
				found = true
				if !reflect.DeepEqual(g, *w) {
					t.Errorf("relation %s:\n got %#v\nwant %#v", w.ID, g, *w)
				}
			}
		}
		if !found {
			t.Errorf("relation %s not returned", w.ID)
		}
	}
	// Derived at import: an open relation of an abolished group is bounded by it.
	for _, r := range want {
		switch r.ID {
		case "chairs/position/general-secretary/group/foreign-affairs-lsg":
			if r.LifetimeEnd == nil || r.LifetimeEnd.String() != "2018-03" || r.LifetimeStart == nil || r.LifetimeStart.String() != "1958" {
				t.Errorf("lifetime of %s = %v..%v, want 1958..2018-03", r.ID, r.LifetimeStart, r.LifetimeEnd)
			}
		case "member_of/person/yang-jiechi/group/foreign-affairs-lsg":
			if r.ObservedUntil == nil || r.ObservedUntil.String() != "2010" {
				t.Errorf("observedUntil of %s = %v, want 2010", r.ID, r.ObservedUntil)
			}
		case "member_of/li-keqiang/deepening-reform/deputy":
			// A seat of a person who died carries the death, with its tier, so that
			// atlas can end the open seat there whatever store answered.
			if want := []atlas.Death{{Date: atlas.MustDate("2023-10-27"), Tier: atlas.CorpusTier}}; !reflect.DeepEqual(r.HolderDeaths, want) {
				t.Errorf("holder deaths of %s = %v, want %v", r.ID, r.HolderDeaths, want)
			}
		}
	}
	// Relations are copies.
	got[0][0].Sources[0].Locator = "mutated"
	again, _ := s.Relations(ctx, atlas.RelationQuery{IDs: from[:1], Direction: atlas.Outgoing})
	if again[0][0].Sources[0].Locator == "mutated" {
		t.Error("mutating a returned relation changed the store")
	}
}

// testRelationsAsOf pins the asOf rule on partial dates: a relation is kept when its
// validity may include some day of the date asked about.
func testRelationsAsOf(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	type probe struct {
		asOf string
		want bool
	}
	for _, tc := range []struct {
		name   string
		node   string
		rel    string
		probes []probe
	}{
		{"open end from a month", "group/foreign-affairs-commission", "chairs/person/xi-jinping/group/foreign-affairs-commission",
			[]probe{{"2017", false}, {"2018-02", false}, {"2018-02-28", false}, {"2018", true}, {"2018-03", true}, {"2018-03-01", true}, {"2045", true}}},
		{"closed interval of months", "person/li-keqiang", "member_of/person/li-keqiang/group/foreign-affairs-commission",
			[]probe{{"2018-02", false}, {"2018-03-31", true}, {"2023", true}, {"2023-03", true}, {"2023-03-31", true}, {"2023-04", false}, {"2024", false}}},
		{"undated, within the lifetime of its group", "group/foreign-affairs-lsg", "chairs/position/general-secretary/group/foreign-affairs-lsg",
			[]probe{{"1900", false}, {"1957-12-31", false}, {"1958", true}, {"2018", true}, {"2018-03-31", true}, {"2018-04", false}, {"2019", false}}},
		{"attested once", "person/yang-jiechi", "member_of/person/yang-jiechi/group/foreign-affairs-lsg",
			[]probe{{"2009-12-31", false}, {"2010", true}, {"2010-07-04", true}, {"2011", false}}},
		{"attested twice", "institution/ministry-of-foreign-affairs", "member_of/institution/ministry-of-foreign-affairs/group/foreign-affairs-lsg",
			[]probe{{"2010", true}, {"2012", false}, {"2013", true}, {"2013-05", false}, {"2013-06-30", true}}},
		{"closed interval to the day", "office/commission-general-office", "directs/person/yang-jiechi/office/commission-general-office",
			[]probe{{"2022-10-23", true}, {"2022-10-24", false}, {"2022-10", true}, {"2018-03", true}}},
		{"undated, from a day-precise establishment", "group/guangdong-group", "supervises/group/deepening-reform/group/guangdong-group",
			[]probe{{"2013-12-29", false}, {"2013-12", true}, {"2013-12-30", true}, {"2024-02-29", true}}},
		{"undated and unbounded", "office/commission-general-office", "hosted_by/office/commission-general-office/institution/standing-committee",
			[]probe{{"0001", true}, {"2024-02-29", true}}},
		// The store does not apply the holder's death: whether it bounds depends on the
		// tiers asked for, so atlas applies it to what the store returns (below).
		{"open seat of a person who died", "person/li-keqiang", "member_of/li-keqiang/deepening-reform/deputy",
			[]probe{{"2013-11", false}, {"2013-12", true}, {"2024", true}}},
	} {
		for _, p := range tc.probes {
			asOf := atlas.MustDate(p.asOf)
			got, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{tc.node}, AsOf: &asOf})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, r := range got[0] {
				found = found || r.ID == tc.rel
			}
			if found != p.want {
				t.Errorf("%s: asOf %s kept=%v, want %v", tc.name, p.asOf, found, p.want)
			}
		}
	}
	// What the store returns carries the death, so the seat ends there: it cannot hold
	// in 2024, may hold in 2023 (the death falls within it), and outlives the death only
	// for a reader of tiers that do not give it.
	seat := "member_of/li-keqiang/deepening-reform/deputy"
	for _, p := range []struct {
		asOf   string
		tiers  []atlas.SourceTier
		want   string
		reason atlas.HoldingReason
	}{
		{"2024", nil, "", ""},
		{"2023", nil, "POSSIBLE", atlas.ReasonOpenEndedAfterLast}, // the sources end in 2020, before the death
		{"2022", nil, "POSSIBLE", atlas.ReasonOpenEndedAfterLast},
		{"2024", []atlas.SourceTier{atlas.ReferenceTier}, "POSSIBLE", atlas.ReasonOpenEndedAfterLast},
	} {
		asOf := atlas.MustDate(p.asOf)
		got, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{"person/li-keqiang"}, AsOf: &asOf})
		if err != nil {
			t.Fatal(err)
		}
		holding, reason := "", atlas.HoldingReason("")
		for _, e := range atlas.EdgesFrom("person/li-keqiang", got[0], &asOf, p.tiers...) {
			if e.ID == seat {
				holding, reason = string(*e.Holding), *e.HoldingReason
			}
		}
		if holding != p.want || reason != p.reason {
			t.Errorf("%s at %s in tiers %v: holding %q (%s), want %q (%s)", seat, p.asOf, p.tiers, holding, reason, p.want, p.reason)
		}
	}
}
