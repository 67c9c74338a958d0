package atlas_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// cloneFixture is three relations: one with every piece set (two of each list), one
// with none, one with every list empty but not nil.
func cloneFixture() []atlas.Relation {
	date := func(y int) *atlas.PartialDate { return &atlas.PartialDate{Year: y} }
	role, succession, confidence := atlas.MemberRole("DEPUTY_HEAD"), atlas.SuccessionKind("RENAMED"), atlas.Confidence("LOW")
	cites := func(s string) []atlas.Citation {
		return []atlas.Citation{{Source: s, Locator: "p. 1", Quote: "q"}, {Source: s + "-2", Locator: "p. 2"}}
	}
	full := atlas.Relation{
		ID: "r/full", Type: atlas.MemberOf, From: "person/a", To: "group/g", Role: &role, Succession: &succession,
		Start: date(2001), End: date(2002), Attested: []atlas.PartialDate{{Year: 2003}, {Year: 2004}},
		Confidence: "HIGH", DateConfidence: &confidence, Sources: cites("source/a"),
		DateClaims: []atlas.DateClaim{{Part: "START", Value: atlas.PartialDate{Year: 2001}, Sources: cites("source/b")},
			{Part: "END", Value: atlas.PartialDate{Year: 2002}, Sources: cites("source/c")}},
		LifetimeStart: date(1990), LifetimeEnd: date(2020), ObservedUntil: date(2021), NextHolderFrom: date(2005),
		HolderDeaths:  []atlas.Death{{Date: atlas.PartialDate{Year: 2030}, Tier: "PRIMARY"}, {Date: atlas.PartialDate{Year: 2031}}},
		HolderBirths:  []atlas.Death{{Date: atlas.PartialDate{Year: 1950}}, {Date: atlas.PartialDate{Year: 1951}}},
		CitationTiers: []atlas.SourceTier{"PRIMARY", "SECONDARY"}, Relays: []atlas.Relay{{Via: "source/v", Source: "source/a"}, {Via: "source/w", Source: "source/a"}},
		Tiers: []atlas.SourceTier{"PRIMARY", "SECONDARY"},
	}
	bare := atlas.Relation{ID: "r/bare", Type: atlas.Chairs, From: "position/p", To: "group/g"}
	empty := atlas.Relation{ID: "r/empty", Type: atlas.Holds, From: "person/a", To: "position/p", Attested: []atlas.PartialDate{},
		Sources: []atlas.Citation{}, DateClaims: []atlas.DateClaim{}, HolderDeaths: []atlas.Death{}, HolderBirths: []atlas.Death{},
		CitationTiers: []atlas.SourceTier{}, Relays: []atlas.Relay{}, Tiers: []atlas.SourceTier{}}
	return []atlas.Relation{full, bare, empty, full}
}

// TestCloneRelationsClonesAsCloneDoes: the copies equal Clone's, nil and empty lists
// included; changing every piece of the copies leaves the originals as they were; and
// appending to one copy's list leaves the next copy's alone.
func TestCloneRelationsClonesAsCloneDoes(t *testing.T) {
	rs := cloneFixture()
	before, err := json.Marshal(rs)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]atlas.Relation, len(rs))
	for i, r := range rs {
		want[i] = r.Clone()
	}
	ptrs := make([]*atlas.Relation, len(rs))
	for i := range rs {
		ptrs[i] = &rs[i]
	}
	got := atlas.CloneRelations(ptrs)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	for i := range got {
		if (got[i].Sources == nil) != (rs[i].Sources == nil) || (got[i].Tiers == nil) != (rs[i].Tiers == nil) {
			t.Errorf("%s: nil and empty lists differ from the original's", rs[i].ID)
		}
	}
	// Appending to a copy's list must not reach the next copy's.
	next := append([]atlas.Citation(nil), got[3].Sources...)
	got[0].Sources = append(got[0].Sources, atlas.Citation{Source: "source/appended"})
	got[0].Tiers = append(got[0].Tiers, "TERTIARY")
	if !reflect.DeepEqual(got[3].Sources, next) || !reflect.DeepEqual(got[3].Tiers, rs[3].Tiers) {
		t.Errorf("appending to one copy changed another: %v %v", got[3].Sources, got[3].Tiers)
	}
	// Changing every piece of every copy leaves the originals unchanged (and the copies
	// apart: the unexported fields json skips are compared through Clone's copies).
	for i := range got {
		r := &got[i]
		for _, d := range []*atlas.PartialDate{r.Start, r.End, r.LifetimeStart, r.LifetimeEnd, r.ObservedUntil, r.NextHolderFrom} {
			if d != nil {
				d.Year = 1
			}
		}
		for j := range r.Attested {
			r.Attested[j].Year = 1
		}
		if r.Role != nil {
			*r.Role, *r.Succession, *r.DateConfidence = "X", "X", "X"
		}
		for j := range r.Sources {
			r.Sources[j].Locator = "changed"
		}
		for j := range r.DateClaims {
			r.DateClaims[j].Value.Year = 1
			for k := range r.DateClaims[j].Sources {
				r.DateClaims[j].Sources[k].Locator = "changed"
			}
		}
		for j := range r.HolderDeaths {
			r.HolderDeaths[j].Date.Year = 1
		}
		for j := range r.HolderBirths {
			r.HolderBirths[j].Date.Year = 1
		}
		for j := range r.CitationTiers {
			r.CitationTiers[j] = "X"
		}
		for j := range r.Tiers {
			r.Tiers[j] = "X"
		}
		for j := range r.Relays {
			r.Relays[j].Via = "X"
		}
	}
	after, _ := json.Marshal(rs)
	if string(after) != string(before) {
		t.Errorf("changing the copies changed the originals:\n%s\n%s", before, after)
	}
	for i, r := range rs {
		if !reflect.DeepEqual(r, want[i]) {
			t.Errorf("%s: the original's unexported pieces changed: %+v", r.ID, r)
		}
	}
	if atlas.CloneRelations(nil) != nil {
		t.Error("CloneRelations(nil) is not nil")
	}
}
