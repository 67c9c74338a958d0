package analytics_test

import (
	"context"
	"slices"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// chairGraph: position/p chairs group/g from 2005 (source/c); the group was abolished in
// 2008 (source/g). person/a held p 2000 (source/a) to 2010 (source/b); person/t held it
// 2005 (source/a) to 2007 (source/a); person/s held it 2006–2007 and chairs g by a
// stored relation from 2006 (source/d).
func chairGraph(tb testing.TB) *analytics.Projection {
	tb.Helper()
	cite := func(s string) []atlas.Citation { return []atlas.Citation{{Source: s, Locator: "p. 1"}} }
	claim := func(part atlas.DatePart, v, s string) atlas.DateClaim {
		return atlas.DateClaim{Part: part, Value: atlas.MustDate(v), Sources: cite(s), Confidence: atlas.Stated, Rank: atlas.Preferred}
	}
	claimed := func(cs ...atlas.DateClaim) func(*atlas.Relation) {
		return func(r *atlas.Relation) {
			r.DateClaims, r.Sources = cs, nil
			for _, c := range cs {
				if !slices.Contains(r.Sources, c.Sources[0]) {
					r.Sources = append(r.Sources, c.Sources[0])
				}
			}
		}
	}
	ds := &atlas.Dataset{
		Groups:    []*atlas.Group{{ID: "group/g", Name: "G", Kind: atlas.LeadingSmallGroup, Abolished: atlas.DatePtr("2008"), Sources: cite("source/g")}},
		Positions: []*atlas.Position{{ID: "position/p", Title: "P", Sources: cite("source/c")}},
		Relations: []*atlas.Relation{
			rel(atlas.Chairs, "position/p", "group/g", withID("c"), start("2005"), claimed(claim(atlas.StartPart, "2005", "source/c"))),
			rel(atlas.Holds, "person/a", "position/p", withID("h-a"), start("2000"), end("2010"),
				claimed(claim(atlas.StartPart, "2000", "source/a"), claim(atlas.EndPart, "2010", "source/b"))),
			rel(atlas.Holds, "person/t", "position/p", withID("h-t"), start("2005"), end("2007"),
				claimed(claim(atlas.StartPart, "2005", "source/a"), claim(atlas.EndPart, "2007", "source/a"))),
			rel(atlas.Holds, "person/s", "position/p", withID("h-s"), start("2006"), end("2007")),
			rel(atlas.Chairs, "person/s", "group/g", withID("c-s"), start("2006"), claimed(claim(atlas.StartPart, "2006", "source/d"))),
		},
	}
	for _, id := range []string{"person/a", "person/t", "person/s"} {
		ds.People = append(ds.People, &atlas.Person{ID: id, Name: id, Sources: cite("source/a")})
	}
	for _, id := range []string{"source/a", "source/b", "source/c", "source/d", "source/g", testSource} {
		ds.Sources = append(ds.Sources, &atlas.Source{ID: id, Title: id, Kind: "OTHER"})
	}
	return analytics.Build(ds)
}

// describe is an event as a reader checks it: kind, date, other end, relation, date
// confidence, cited sources and, for a chair the list derives, whether it is stored too
// and the post it runs through.
func describe(e analytics.Event) string {
	s := string(e.Kind) + " " + e.Date.String() + " " + e.Other.NodeID() + " " + e.Relation.ID
	if e.DateConfidence != nil {
		s += " " + string(*e.DateConfidence)
	}
	s += " [" + cited(e.Sources) + "]"
	if e.Chair != nil {
		s += " chair"
		if e.Chair.Stored {
			s += " stored"
		}
		for _, d := range e.Chair.Derivations {
			s += " via " + d.Position
		}
	}
	return s
}

// TestTimelineDerivedChairs: a chair the chairs list derives is in the timeline of the
// person and of the group, bounded as the list bounds it, each date citing what gives
// it: the chairing's start (2005), the group's abolition (2008), the holding's end, both
// premises when both give the date; a chair also stored is one series, the stored one.
func TestTimelineDerivedChairs(t *testing.T) {
	p := chairGraph(t)
	const (
		da = "derived/h-a+c"
		dt = "derived/h-t+c"
	)
	for _, tc := range []struct {
		name, id string
		sources  []string
		want     []string
	}{
		{"a holder: from the chairing's start to the group's end", "person/a", nil, []string{
			"ROLE_STARTED 2000 position/p h-a STATED [source/a]",
			"ROLE_STARTED 2005 group/g " + da + " INFERRED [source/c] chair via position/p",
			"ROLE_ENDED 2008 group/g " + da + " INFERRED [source/g] chair via position/p",
			"ROLE_ENDED 2010 position/p h-a STATED [source/b]",
		}},
		{"both premises give the start", "person/t", nil, []string{
			"ROLE_STARTED 2005 group/g " + dt + " INFERRED [source/a,source/c] chair via position/p",
			"ROLE_STARTED 2005 position/p h-t STATED [source/a]",
			"ROLE_ENDED 2007 group/g " + dt + " INFERRED [source/a] chair via position/p",
			"ROLE_ENDED 2007 position/p h-t STATED [source/a]",
		}},
		{"stored and derived: the stored series, carrying both", "person/s", nil, []string{
			"ROLE_STARTED 2006 group/g c-s STATED [source/d] chair stored via position/p",
			"ROLE_STARTED 2006 position/p h-s STATED [" + testSource + "]",
			"ROLE_ENDED 2007 position/p h-s STATED [" + testSource + "]",
		}},
		{"the group", "group/g", nil, []string{
			"ROLE_STARTED 2005 position/p c STATED [source/c]",
			"ROLE_STARTED 2005 person/a " + da + " INFERRED [source/c] chair via position/p",
			"ROLE_STARTED 2005 person/t " + dt + " INFERRED [source/a,source/c] chair via position/p",
			"ROLE_STARTED 2006 person/s c-s STATED [source/d] chair stored via position/p",
			"ROLE_ENDED 2007 person/t " + dt + " INFERRED [source/a] chair via position/p",
			"ROLE_ENDED 2008 person/a " + da + " INFERRED [source/g] chair via position/p",
			"ABOLISHED 2008",
		}},
		{"a source of one premise only derives nothing", "group/g", []string{"source/a"}, nil},
		{"sources of both premises: the events they cite", "group/g", []string{"source/a", "source/c"}, []string{
			"ROLE_STARTED 2005 position/p c STATED [source/c]",
			"ROLE_STARTED 2005 person/a " + da + " INFERRED [source/c] chair via position/p",
			"ROLE_STARTED 2005 person/t " + dt + " INFERRED [source/a,source/c] chair via position/p",
			"ROLE_ENDED 2007 person/t " + dt + " INFERRED [source/a] chair via position/p",
		}},
	} {
		events, err := p.TimelineRelayed(context.Background(), tc.id, tc.sources, false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range events {
			if e.Relation == nil {
				got = append(got, string(e.Kind)+" "+e.Date.String())
				continue
			}
			got = append(got, describe(e))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestSeedTimelineDerivedChairs: the chairs the tester found missing. Li Keqiang
// chairs the Energy and the Finance and Economy LSGs through his post as Premier, by
// Thomas's table (2018-03 to 2023-03-10, the dates the curators infer for its rules); Xi
// Jinping the State Security LSG through the General Secretary's; the Energy LSG's
// timeline names Li Keqiang.
func TestSeedTimelineDerivedChairs(t *testing.T) {
	p := seedProjection(t)
	const (
		energy   = "group/energy-leading-small-group"
		finance  = "group/finance-and-economy-leading-small-group"
		security = "group/state-security-leading-small-group"
		thomas   = "source/thomas-fp"
		li       = "derived/holds/person/li-keqiang/position/premier+chairs/position/premier/"
		xi       = "derived/holds/person/xi-jinping/position/general-secretary+chairs/position/general-secretary/"
	)
	for _, tc := range []struct {
		id, other string
		want      []string
	}{
		{"person/li-keqiang", energy, []string{
			"ROLE_STARTED 2018-03 " + energy + " " + li + energy + " INFERRED [" + thomas + "] chair via position/premier",
			"ROLE_ENDED 2023-03-10 " + energy + " " + li + energy + " INFERRED [" + thomas + "] chair via position/premier",
		}},
		// The Premier's chairing of it is DISPUTED, and so is the chair it derives.
		{"person/li-keqiang", finance, []string{
			"ROLE_STARTED 2018-03 " + finance + " " + li + finance + "/thomas-table-1 DISPUTED [" + thomas + "] chair via position/premier",
			"ROLE_ENDED 2023-03-10 " + finance + " " + li + finance + "/thomas-table-1 DISPUTED [" + thomas + "] chair via position/premier",
		}},
		{"person/xi-jinping", security, []string{
			"ROLE_STARTED 2018-03 " + security + " " + xi + security + " INFERRED [" + thomas + "] chair via position/general-secretary",
			"ROLE_ENDED 2023-03-10 " + security + " " + xi + security + " INFERRED [" + thomas + "] chair via position/general-secretary",
		}},
		{energy, "person/li-keqiang", []string{
			"ROLE_STARTED 2018-03 person/li-keqiang " + li + energy + " INFERRED [" + thomas + "] chair via position/premier",
			"ROLE_ENDED 2023-03-10 person/li-keqiang " + li + energy + " INFERRED [" + thomas + "] chair via position/premier",
		}},
	} {
		events, err := p.Timeline(context.Background(), tc.id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range events {
			if e.Other != nil && e.Other.NodeID() == tc.other {
				got = append(got, describe(e))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s with %s:\n got %q\nwant %q", tc.id, tc.other, got, tc.want)
		}
	}
}
