package analytics_test

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// coMembers flattens a CoMembers answer to "person: group, group".
func coMembers(tb testing.TB, cms []analytics.CoMember) map[string][]string {
	tb.Helper()
	out := map[string][]string{}
	for _, cm := range cms {
		for _, g := range cm.Groups {
			out[cm.Person.ID] = append(out[cm.Person.ID], g.Group.ID)
		}
	}
	return out
}

func TestCoMembers(t *testing.T) {
	tests := []struct {
		name   string
		graph  func(testing.TB) *analytics.Projection
		person string
		asOf   *atlas.PartialDate
		want   []string // co-member ids in order
		groups map[string][]string
	}{
		{
			name:  "xi: Li on the commission; Hu through the General Secretary, whose terms touch in 2012-11",
			graph: fixture, person: "person/xi-jinping",
			want: []string{"person/hu-jintao", "person/li-keqiang"},
			groups: map[string][]string{
				"person/hu-jintao":  {"group/foreign-affairs-lsg"},
				"person/li-keqiang": {"group/foreign-affairs-commission"},
			},
		},
		{
			name:  "yang: the 2010 member list overlaps Hu's term, not Xi's",
			graph: fixture, person: "person/yang-jiechi",
			want:   []string{"person/hu-jintao"},
			groups: map[string][]string{"person/hu-jintao": {"group/foreign-affairs-lsg"}},
		},
		{
			name: "asOf 2015: Yang's attested seat does not hold", graph: fixture, person: "person/yang-jiechi",
			asOf: date("2015"), want: []string{},
		},
		{
			name: "asOf 2024: Li's seat on the commission has ended", graph: fixture, person: "person/li-keqiang",
			asOf: date("2024"), want: []string{},
		},
		{
			name: "diamond: two shared groups", graph: diamond, person: "person/s",
			want: []string{"person/t"}, groups: map[string][]string{"person/t": {"group/g1", "group/g2"}},
		},
		{
			name: "ordered by shared groups, then id", graph: func(tb testing.TB) *analytics.Projection {
				return analytics.Build(graphOf(tb,
					member("person/me", "group/one"), member("person/me", "group/two"),
					member("person/zed", "group/one"), member("person/zed", "group/two"),
					member("person/amy", "group/one"), member("person/bob", "group/two")))
			},
			person: "person/me", want: []string{"person/zed", "person/amy", "person/bob"},
		},
		{
			name: "seats that never overlap do not count", graph: func(tb testing.TB) *analytics.Projection {
				return analytics.Build(graphOf(tb,
					member("person/early", "group/g", start("1990"), end("1995")),
					member("person/late", "group/g", start("2000")),
					member("person/undated", "group/g")))
			},
			person: "person/early", want: []string{"person/undated"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.graph(t).CoMembers(context.Background(), tt.person, tt.asOf)
			if err != nil {
				t.Fatal(err)
			}
			order := []string{}
			for _, cm := range got {
				order = append(order, cm.Person.ID)
			}
			if !reflect.DeepEqual(order, tt.want) {
				t.Errorf("co-members = %q, want %q", order, tt.want)
			}
			if tt.groups != nil {
				if g := coMembers(t, got); !reflect.DeepEqual(g, tt.groups) {
					t.Errorf("groups = %v, want %v", g, tt.groups)
				}
			}
		})
	}
}

func TestCoMembersEvidence(t *testing.T) {
	got, err := fixture(t).CoMembers(context.Background(), "person/xi-jinping", date("2012-11"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Person.ID != "person/hu-jintao" {
		t.Fatalf("co-members as of 2012-11 = %+v, want Hu Jintao only", got)
	}
	shared := got[0].Groups[0]
	for who, seats := range map[string][]atlas.Edge{"person/xi-jinping": shared.PersonSeats, "person/hu-jintao": shared.CoMemberSeats} {
		if len(seats) != 1 {
			t.Fatalf("%s has %d seats, want 1", who, len(seats))
		}
		e := seats[0]
		if e.Self != who || e.Type != atlas.Chairs || !e.Derived() || e.Derivations[0].Position != "position/general-secretary" {
			t.Errorf("%s's seat = %+v, want a chair derived through the General Secretary", who, e)
		}
		if e.Holding == nil || *e.Holding != atlas.Possible {
			t.Errorf("%s's seat holding = %v, want POSSIBLE (the terms only meet within the month)", who, e.Holding)
		}
		if len(e.Sources) == 0 {
			t.Errorf("%s's derived seat cites nothing", who)
		}
	}
}

func TestCoMembersErrors(t *testing.T) {
	p := fixture(t)
	tests := []struct {
		name, person string
		asOf         *atlas.PartialDate
		code, what   string
	}{
		{"not a person", "group/foreign-affairs-lsg", nil, atlas.EINVALID, "not a person"},
		{"malformed", "person/", nil, atlas.EINVALID, "invalid id"},
		{"unknown", "person/nobody", nil, atlas.ENOTFOUND, "person/nobody"},
		{"bad date", "person/xi-jinping", &atlas.PartialDate{Year: 2020, Month: 2, Day: 30}, atlas.EINVALID, "asOf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.CoMembers(context.Background(), tt.person, tt.asOf)
			wantCode(t, err, tt.code, tt.what)
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		_, err := p.CoMembers(cancelled(), "person/xi-jinping", nil)
		wantCanceled(t, err)
	})
}
