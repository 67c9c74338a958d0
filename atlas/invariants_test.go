package atlas

import (
	"context"
	"slices"
	"testing"
)

// invariantFixture is a small clean graph: a group living 2000-2010 chaired by a
// single-seat post, held by a (born 1950) 2001-2005 and by b (born 1960) 2006-2009,
// b sitting on the group 2003-2004. Every fact cites both sources but one membership,
// which only s1 gives.
func invariantFixture() *Dataset {
	one := 1
	both := []Citation{{Source: "source/s1", Locator: "p. 1"}, {Source: "source/s2", Locator: "row 2"}}
	return &Dataset{
		Sources: []*Source{{ID: "source/s1", Key: "s1", Title: "S1", Kind: "ANALYSIS", Date: DatePtr("2020")},
			{ID: "source/s2", Key: "s2", Title: "S2", Kind: "ANALYSIS", Date: DatePtr("2020")}},
		Groups:    []*Group{{ID: "group/g", Name: "G", Kind: LeadingSmallGroup, Established: DatePtr("2000"), Abolished: DatePtr("2010"), Sources: both}},
		Positions: []*Position{{ID: "position/p", Title: "P", Seats: &one, Sources: both}},
		People: []*Person{{ID: "person/a", Name: "A", Born: DatePtr("1950"), Sources: both},
			{ID: "person/b", Name: "B", Born: DatePtr("1960"), Sources: both}},
		Relations: []*Relation{
			{Type: Chairs, From: "position/p", To: "group/g", Start: DatePtr("2000"), Confidence: Stated, Sources: both},
			{Type: Holds, From: "person/a", To: "position/p", Start: DatePtr("2001"), End: DatePtr("2005"), Confidence: Stated, Sources: both},
			{Type: Holds, From: "person/b", To: "position/p", Start: DatePtr("2006"), End: DatePtr("2009"), Confidence: Stated, Sources: both},
			{Type: MemberOf, From: "person/b", To: "group/g", Start: DatePtr("2003"), End: DatePtr("2004"), Confidence: Stated, Sources: both[:1]},
		},
	}
}

func checkFixture(t *testing.T, ds *Dataset, read func(RelationReader) RelationReader) []string {
	t.Helper()
	p := ds.Prepared()
	r := DatasetReader(p)
	if read != nil {
		r = read(r)
	}
	got, err := CheckInvariants(context.Background(), p, r, InvariantOptions{FromYear: 1940, ToYear: 2020})
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, v := range got {
		out = append(out, v.Key())
	}
	return out
}

// TestInvariantsFailWhenARuleIsBroken breaks each rule on purpose, in the data or in
// what a store answers, and expects exactly the violations of that rule; the clean
// fixture has none.
func TestInvariantsFailWhenARuleIsBroken(t *testing.T) {
	forgetBirths := func(r RelationReader) RelationReader {
		return func(ctx context.Context, q RelationQuery) ([][]Relation, error) {
			rels, err := r(ctx, q)
			for _, rs := range rels {
				for i := range rs {
					rs[i].HolderBirths = nil // a store that does not carry the holder's birth
				}
			}
			return rels, err
		}
	}
	// restart answers relation id with start as its plain start, its claims unchanged.
	restart := func(id, start string) func(RelationReader) RelationReader {
		return func(r RelationReader) RelationReader {
			return func(ctx context.Context, q RelationQuery) ([][]Relation, error) {
				rels, err := r(ctx, q)
				for _, rs := range rels {
					for i := range rs {
						if rs[i].ID == id {
							rs[i].Start = DatePtr(start)
						}
					}
				}
				return rels, err
			}
		}
	}
	ignoreSources := func(r RelationReader) RelationReader {
		return func(ctx context.Context, q RelationQuery) ([][]Relation, error) {
			q.Sources, q.IncludeRelayed = nil, false // a store that ignores the source filter
			return r(ctx, q)
		}
	}
	for _, tc := range []struct {
		name string
		edit func(*Dataset)
		read func(RelationReader) RelationReader
		want []string
	}{
		{"clean", nil, nil, []string{}},
		{"lifetime: a store forgets births, and b's tenure dated before his birth shows",
			func(d *Dataset) {
				d.Relations = append(d.Relations, &Relation{ID: "holds/b/p/early", Type: Holds, From: "person/b", To: "position/p", Start: DatePtr("1955"), End: DatePtr("1957"), Confidence: Stated, Sources: d.Relations[0].Sources})
			}, forgetBirths,
			[]string{"LIFETIME 1955-1957 person/b holds/b/p/early", "LIFETIME 1955-1957 position/p holds/b/p/early"}},
		{"twice in a list: a's tenure told twice",
			func(d *Dataset) {
				d.Relations = append(d.Relations, &Relation{ID: "holds/a/p/again", Type: Holds, From: "person/a", To: "position/p", Start: DatePtr("2003"), End: DatePtr("2004"), Confidence: Stated, Sources: d.Relations[0].Sources})
			}, nil,
			[]string{"TWICE_IN_LIST 2003-2004 person/a holds/a/p/again", "TWICE_IN_LIST 2003-2004 position/p holds/a/p/again"}},
		{"single seat: b's tenure dated to overlap a's (both KNOWN from b's surest start, 2003-12-31)",
			func(d *Dataset) { d.Relations[2].Start = DatePtr("2003") }, nil,
			[]string{"SINGLE_SEAT 2003-2004 position/p holds/person/b/position/p"}},
		{"single seat: a few months of b inside a's tenure, never a whole year",
			func(d *Dataset) { d.Relations[2].Start, d.Relations[2].End = DatePtr("2003-02"), DatePtr("2003-05") }, nil,
			[]string{"SINGLE_SEAT 2003 position/p holds/person/b/position/p"}},
		{"single seat: handed over on a's last day, which is b's first: one KNOWN holder that day",
			func(d *Dataset) {
				d.Relations[1].End, d.Relations[2].Start = DatePtr("2005-06-30"), DatePtr("2005-06-30")
			}, nil,
			[]string{}},
		{"source filter: a store ignores it",
			nil, ignoreSources,
			[]string{"SOURCE_FILTER person/b member_of/person/b/group/g"}},
		{"known by: a store answers a start that no date claim gives",
			func(d *Dataset) {
				r := d.Relations[1]
				r.DateClaims = []DateClaim{{Part: StartPart, Value: *r.Start, Sources: r.Sources, Confidence: Stated, Rank: Preferred},
					{Part: EndPart, Value: *r.End, Sources: r.Sources, Confidence: Stated, Rank: Preferred}}
			}, restart("holds/person/a/position/p", "2002"),
			[]string{"KNOWN_BY 2020 person/a holds/person/a/position/p"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := invariantFixture()
			if tc.edit != nil {
				tc.edit(ds)
			}
			if got := checkFixture(t, ds, tc.read); !slices.Equal(got, tc.want) {
				t.Errorf("violations\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}

// TestInvariantsCatchBadDerivations hands the chairs check derived chairs that break
// the derivation rules (as a ChairList with a bug would give them) and expects exactly
// their violations.
func TestInvariantsCatchBadDerivations(t *testing.T) {
	ds := invariantFixture().Prepared()
	var holds, chairs Relation
	for _, r := range ds.Relations {
		switch r.ID {
		case "holds/person/a/position/p":
			holds = *r
		case "chairs/position/p/group/g":
			chairs = *r
		}
	}
	good, ok := DeriveChair("group/g", holds, chairs, DatePtr("2003"))
	if !ok || good.Confidence != Inferred || good.Start.String() != "2001" || good.End.String() != "2005" {
		t.Fatalf("derived %+v", good.Relation)
	}
	for _, tc := range []struct {
		name   string
		year   int
		break_ func(*Edge)
		want   []string
	}{
		{"a correct derivation", 2003, func(*Edge) {}, nil},
		{"stated", 2003, func(e *Edge) { e.Confidence = Stated }, []string{"DERIVED_STATED 2003 group/g " + good.ID}},
		{"starts before the holding", 2003, func(e *Edge) { e.Start = DatePtr("1999") }, []string{"DERIVED_OUTLIVES_PREMISE 2003 group/g " + good.ID}},
		{"ends after the holding", 2003, func(e *Edge) { e.End = nil }, []string{"DERIVED_OUTLIVES_PREMISE 2003 group/g " + good.ID}},
		{"holds in a year the holding cannot", 2007, func(*Edge) {}, []string{"DERIVED_OUTLIVES_PREMISE 2007 group/g " + good.ID}},
		{"listed twice", 2003, func(*Edge) {}, []string{"TWICE_IN_LIST 2003 group/g " + good.ID}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newChecker(ds, nil)
			e := good
			e.Relation = good.Relation.Clone()
			tc.break_(&e)
			list := []Edge{e}
			if tc.name == "listed twice" {
				list = append(list, e)
			}
			c.checkChairList(tc.year, "group/g", list)
			var got []string
			for _, v := range c.result() {
				got = append(got, v.Key())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("violations\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}

// TestATiersViewChecksItsOwnRelations: b's tenure, moved to overlap a's and cited only by
// a reference page, breaks the single seat in the view of every tier; the corpus's view
// holds a's tenure alone and the reference tier's b's alone, so neither reports it.
func TestATiersViewChecksItsOwnRelations(t *testing.T) {
	ds := invariantFixture()
	ds.Sources = append(ds.Sources, &Source{ID: "source/ref", Key: "ref", Title: "Ref", Kind: "REFERENCE_PAGE", Tier: ReferenceTier, Date: DatePtr("2020")})
	ds.Relations[2].Start = DatePtr("2003")
	ds.Relations[2].Sources = []Citation{{Source: "source/ref", Locator: "infobox"}}
	p := ds.Prepared()
	for _, tc := range []struct {
		tiers []SourceTier
		want  int
	}{{nil, 1}, {[]SourceTier{ReferenceTier}, 0}, {[]SourceTier{CorpusTier}, 0}} {
		got, err := CheckInvariants(context.Background(), p, DatasetReader(p), InvariantOptions{FromYear: 2000, ToYear: 2010, Tiers: tc.tiers})
		if err != nil {
			t.Fatal(err)
		}
		single := 0
		for _, v := range got {
			if v.Rule == RuleSingleSeat {
				single++
			}
		}
		if single != tc.want {
			t.Errorf("tiers %v: %d single-seat violations, want %d: %v", tc.tiers, single, tc.want, got)
		}
	}
}

// TestInvariantsCatchAGroupNotKnownAlive: with its founding undated, the group is known
// alive only through its relationships (its chairing rule from 2000, a's tenure from
// 2001); a group that forgot them is POSSIBLE where they are KNOWN. (b's seat, 2003 to
// 2004, is KNOWN in no whole year.)
func TestInvariantsCatchAGroupNotKnownAlive(t *testing.T) {
	ds := invariantFixture()
	ds.Groups[0].Established = nil
	p := ds.Prepared()
	if g := p.Groups[0]; g.KnownFrom == nil || g.KnownFrom.String() != "2000-12-31" {
		t.Fatalf("the group is known alive from %v, want 2000-12-31 (its chairing rule's first sure day)", g.KnownFrom)
	}
	for _, tc := range []struct {
		name   string
		forget func(*Group)
		want   []string
	}{
		{"as prepared", func(*Group) {}, []string{}},
		{"forgetting what its facts show", func(g *Group) { g.KnownFrom = nil }, []string{
			"GROUP_ALIVE 2001-2009 group/g chairs/position/p/group/g",
			"GROUP_ALIVE 2002-2004 group/g derived/holds/person/a/position/p+chairs/position/p/group/g",
			"GROUP_ALIVE 2007-2008 group/g derived/holds/person/b/position/p+chairs/position/p/group/g",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := ds.Prepared()
			tc.forget(p.Groups[0])
			vs, err := CheckInvariants(context.Background(), p, DatasetReader(p), InvariantOptions{FromYear: 1990, ToYear: 2020})
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, v := range vs {
				got = append(got, v.Key())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("violations\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}
