package analytics_test

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// event is an Event reduced to what a reader checks: kind, date, other node, relation.
type event struct {
	kind         analytics.EventKind
	date, other  string
	relation     string
	sourcesCount int
}

func eventsOf(tb testing.TB, evs []analytics.Event) []event {
	tb.Helper()
	out := make([]event, len(evs))
	for i, e := range evs {
		out[i] = event{kind: e.Kind, sourcesCount: len(e.Sources)}
		if e.Date != nil {
			out[i].date = e.Date.String()
		}
		if e.Other != nil {
			out[i].other = e.Other.NodeID()
		}
		if e.Relation != nil {
			out[i].relation = e.Relation.ID
		}
	}
	return out
}

func TestTimeline(t *testing.T) {
	p := fixture(t)
	const (
		falsg = "group/foreign-affairs-lsg"
		cfac  = "group/foreign-affairs-commission"
		mfa   = "institution/ministry-of-foreign-affairs"
		// The chairs derived through the General Secretary's post, which chairs the group.
		gsChairs = "chairs/position/general-secretary/" + falsg
		hu       = atlas.DerivedIDPrefix + "holds/person/hu-jintao/position/general-secretary"
		xi       = atlas.DerivedIDPrefix + "holds/person/xi-jinping/position/general-secretary"
	)
	tests := []struct {
		name string
		id   string
		want []event
	}{
		{
			name: "an upgraded group: attestations, chairs derived through the post, succession before abolition, undated chair last",
			id:   falsg,
			want: []event{
				{analytics.Established, "1958", "", "", 1},
				{analytics.RoleStarted, "2002-11", "person/hu-jintao", hu + "+" + gsChairs, 1},
				{analytics.Attested, "2010", mfa, "member_of/" + mfa + "/" + falsg, 1},
				{analytics.Attested, "2010", "person/yang-jiechi", "member_of/person/yang-jiechi/" + falsg, 1},
				{analytics.RoleStarted, "2012-11", "person/xi-jinping", xi + "+" + gsChairs, 1},
				{analytics.RoleEnded, "2012-11", "person/hu-jintao", hu + "+" + gsChairs, 1},
				{analytics.Attested, "2013-06", mfa, "member_of/" + mfa + "/" + falsg, 1},
				// Xi's holding has no end: the chair ends with the group.
				{analytics.RoleEnded, "2018-03", "person/xi-jinping", xi + "+" + gsChairs, 1},
				{analytics.Succeeded, "2018-03", cfac, "succeeded_by/" + falsg + "/" + cfac, 1},
				{analytics.Abolished, "2018-03", "", "", 1},
				{analytics.RoleStarted, "", "position/general-secretary", "chairs/position/general-secretary/" + falsg, 1},
			},
		},
		{
			name: "the commission: a year-precise start sorts before a month in it",
			id:   cfac,
			want: []event{
				{analytics.RoleStarted, "2018", "office/commission-general-office", "has_office/" + cfac + "/office/commission-general-office", 1},
				{analytics.Established, "2018-03", "", "", 1},
				{analytics.Preceded, "2018-03", falsg, "succeeded_by/" + falsg + "/" + cfac, 1},
				{analytics.RoleStarted, "2018-03", "person/xi-jinping", "chairs/person/xi-jinping/" + cfac, 1},
				{analytics.RoleStarted, "2018-03", "person/li-keqiang", "member_of/person/li-keqiang/" + cfac, 1},
				{analytics.RoleStarted, "2018-03", mfa, "supervises/" + cfac + "/" + mfa, 1},
				{analytics.RoleEnded, "2023-03", "person/li-keqiang", "member_of/person/li-keqiang/" + cfac, 1},
				{analytics.RoleStarted, "", "institution/standing-committee", "reports_to/" + cfac + "/institution/standing-committee", 1},
			},
		},
		{
			name: "a person: start and end of a post, and of the chair it gives",
			id:   "person/hu-jintao",
			want: []event{
				{analytics.RoleStarted, "2002-11", falsg, hu + "+" + gsChairs, 1},
				{analytics.RoleStarted, "2002-11", "position/general-secretary", "holds/person/hu-jintao/position/general-secretary", 1},
				{analytics.RoleEnded, "2012-11", falsg, hu + "+" + gsChairs, 1},
				{analytics.RoleEnded, "2012-11", "position/general-secretary", "holds/person/hu-jintao/position/general-secretary", 1},
			},
		},
		{
			name: "a group with no dates and one undated relation",
			id:   "group/guangdong-group",
			want: []event{
				{analytics.RoleStarted, "", "group/deepening-reform", "supervises/group/deepening-reform/group/guangdong-group", 1},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := p.Timeline(context.Background(), tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if g := eventsOf(t, got); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("timeline =\n%v\nwant\n%v", g, tt.want)
			}
		})
	}
}

func TestTimelineSuccession(t *testing.T) {
	got, err := fixture(t).Timeline(context.Background(), "group/foreign-affairs-commission")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range got {
		if e.Kind == analytics.Preceded {
			if e.Succession == nil || *e.Succession != "UPGRADED" {
				t.Errorf("PRECEDED succession = %v, want UPGRADED", e.Succession)
			}
			return
		}
	}
	t.Error("no PRECEDED event")
}

func TestTimelineErrors(t *testing.T) {
	p := fixture(t)
	tests := []struct{ name, id, code, what string }{
		{"unknown", "group/nothing", atlas.ENOTFOUND, "group/nothing"},
		{"malformed", "Group/X", atlas.EINVALID, "invalid id"},
		{"source", "source/alpha", atlas.EINVALID, "SOURCE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Timeline(context.Background(), tt.id)
			wantCode(t, err, tt.code, tt.what)
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		_, err := p.Timeline(cancelled(), "group/foreign-affairs-lsg")
		wantCanceled(t, err)
	})
}
