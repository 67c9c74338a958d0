package analytics_test

import (
	"context"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// countOf finds key in a breakdown.
func countOf(tb testing.TB, counts []analytics.Count, key string) analytics.Count {
	tb.Helper()
	for _, c := range counts {
		if c.Key == key {
			return c
		}
	}
	tb.Fatalf("no %s in %v", key, counts)
	return analytics.Count{}
}

func TestStatistics(t *testing.T) {
	st, err := fixture(t).Statistics(context.Background(), atlas.MustDate("2015"))
	if err != nil {
		t.Fatal(err)
	}
	// 2015: the Foreign Affairs LSG (1958 to 2018-03) is known active, and so is the
	// reform group (open since 2013-12-30, its own sources undated): Li Keqiang's seat
	// on it, which Alpha (2020-06) gives from 2013-12 on, is KNOWN then, so the group was
	// alive. The undated Guangdong group may be; the commission (2018-03) is not yet.
	if st.Groups.Known != 2 || st.Groups.Possible != 1 {
		t.Errorf("groups known, possible = %d, %d; want 2, 1", st.Groups.Known, st.Groups.Possible)
	}
	tests := []struct {
		name   string
		counts []analytics.Count
		key    string
		want   analytics.Count
	}{
		{"system", st.Groups.BySystem, "PARTY", analytics.Count{Key: "PARTY", Known: 1}},
		{"system", st.Groups.BySystem, "JOINT", analytics.Count{Key: "JOINT", Known: 1}},
		{"system, none", st.Groups.BySystem, "MILITARY", analytics.Count{Key: "MILITARY"}},
		{"category", st.Groups.ByCategory, "FOREIGN_AFFAIRS_UNITED_FRONT", analytics.Count{Key: "FOREIGN_AFFAIRS_UNITED_FRONT", Known: 1}},
		{"category, each of several", st.Groups.ByCategory, "PARTY_BUILDING", analytics.Count{Key: "PARTY_BUILDING", Known: 1}},
		{"category, unclassified", st.Groups.ByCategory, analytics.UnclassifiedKey, analytics.Count{Key: analytics.UnclassifiedKey, Possible: 1}},
		{"kind", st.Groups.ByKind, "LEADING_SMALL_GROUP", analytics.Count{Key: "LEADING_SMALL_GROUP", Known: 2}},
		{"level", st.Groups.ByLevel, "PROVINCIAL", analytics.Count{Key: "PROVINCIAL", Possible: 1}},
		{"level, unknown", st.Groups.ByLevel, analytics.UnknownKey, analytics.Count{Key: analytics.UnknownKey}},
		{"relations: Xi's post, known", st.RelationsByType, "HOLDS", analytics.Count{Key: "HOLDS", Known: 1}},
		{"relations: none yet", st.RelationsByType, "HAS_OFFICE", analytics.Count{Key: "HAS_OFFICE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.key, func(t *testing.T) {
			if got := countOf(t, tt.counts, tt.key); got != tt.want {
				t.Errorf("%+v, want %+v", got, tt.want)
			}
		})
	}
	if len(st.Groups.BySystem) != len(atlas.Systems)+1 || len(st.Groups.ByCategory) != len(atlas.Categories)+1 {
		t.Errorf("breakdowns should list every value: %d systems, %d categories", len(st.Groups.BySystem), len(st.Groups.ByCategory))
	}
	wantNodes := map[atlas.NodeKind]int{atlas.GroupNode: 4, atlas.OfficeNode: 1, atlas.InstitutionNode: 2,
		atlas.PositionNode: 1, atlas.PersonNode: 4, atlas.SourceNode: 3, atlas.ReportedCountNode: 3,
		atlas.StatementNode: 1, atlas.TopicNode: 1, atlas.DocumentNode: 2}
	for _, nc := range st.NodesByKind {
		if nc.Count != wantNodes[nc.Kind] {
			t.Errorf("%s nodes = %d, want %d", nc.Kind, nc.Count, wantNodes[nc.Kind])
		}
	}
}

func TestActiveSeries(t *testing.T) {
	p := fixture(t)
	party := analytics.GroupFilter{Systems: []atlas.System{atlas.PartySystem}}
	got, err := p.ActiveSeries(context.Background(), 2017, 2019, party)
	if err != nil {
		t.Fatal(err)
	}
	// The Foreign Affairs LSG ends and the commission begins within 2018-03: in 2018
	// both only possibly cover the year.
	want := []struct{ year, known, possible int }{{2017, 1, 0}, {2018, 0, 2}, {2019, 1, 0}}
	if len(got) != len(want) {
		t.Fatalf("got %d years, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Year != w.year || g.Groups.Known != w.known || g.Groups.Possible != w.possible {
			t.Errorf("year %d: known %d, possible %d; want %d: %d, %d", g.Year, g.Groups.Known, g.Groups.Possible, w.year, w.known, w.possible)
		}
	}
	all, err := p.ActiveSeries(context.Background(), 2019, 2019, analytics.GroupFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if g := all[0].Groups; g.Known+g.Possible != 3 {
		t.Errorf("2019, every group: %d known + %d possible, want 3 in all", g.Known, g.Possible)
	}
	if _, err := p.ActiveSeries(context.Background(), 1800, 1999, analytics.GroupFilter{}); err != nil {
		t.Errorf("200 years should be allowed: %v", err)
	}
}

func TestStatisticsErrors(t *testing.T) {
	p := fixture(t)
	ctx := context.Background()
	tests := []struct {
		name       string
		call       func() error
		code, what string
	}{
		{"bad date", func() error { _, err := p.Statistics(ctx, atlas.PartialDate{}); return err }, atlas.EINVALID, "asOf"},
		{"year 0", func() error { _, err := p.ActiveSeries(ctx, 0, 10, analytics.GroupFilter{}); return err }, atlas.EINVALID, "fromYear must be between 1 and 9999"},
		{"backwards", func() error { _, err := p.ActiveSeries(ctx, 2020, 2010, analytics.GroupFilter{}); return err }, atlas.EINVALID, "toYear must be between 2020 and 9999"},
		{"201 years", func() error { _, err := p.ActiveSeries(ctx, 1800, 2000, analytics.GroupFilter{}); return err }, atlas.ELIMIT, "limit of 200"},
		{"bad system", func() error {
			_, err := p.ActiveSeries(ctx, 2000, 2001, analytics.GroupFilter{Systems: []atlas.System{"ARMY"}})
			return err
		}, atlas.EINVALID, "ARMY"},
		{"bad level", func() error {
			_, err := p.ActiveSeries(ctx, 2000, 2001, analytics.GroupFilter{Levels: []atlas.Level{"TOWN"}})
			return err
		}, atlas.EINVALID, "TOWN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), tt.code, tt.what) })
	}
	t.Run("cancelled", func(t *testing.T) {
		_, err := p.Statistics(cancelled(), atlas.MustDate("2015"))
		wantCanceled(t, err)
		_, err = p.ActiveSeries(cancelled(), 2000, 2010, analytics.GroupFilter{})
		wantCanceled(t, err)
	})
}
