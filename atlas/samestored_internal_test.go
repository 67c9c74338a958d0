package atlas

import "testing"

// TestSameStored: empty and nil slices and maps are the same record; any other
// difference, in a field import derives too, is not.
func TestSameStored(t *testing.T) {
	base := func() *Relation {
		return &Relation{Type: Holds, From: "person/a", To: "position/p", Start: DatePtr("2001"), Confidence: Stated,
			Sources: []Citation{{Source: "source/s", Locator: "p. 1"}}, ObservedUntil: DatePtr("2010")}
	}
	for _, tc := range []struct {
		name string
		edit func(r *Relation)
		same bool
	}{
		{"as it was", func(*Relation) {}, true},
		{"empty attestations for nil", func(r *Relation) { r.Attested = []PartialDate{} }, true},
		{"empty date claims for nil", func(r *Relation) { r.DateClaims = []DateClaim{} }, true},
		{"another start", func(r *Relation) { r.Start = DatePtr("2002") }, false},
		{"no start", func(r *Relation) { r.Start = nil }, false},
		{"an attestation", func(r *Relation) { r.Attested = []PartialDate{MustDate("2005")} }, false},
		{"another derived ObservedUntil", func(r *Relation) { r.ObservedUntil = DatePtr("2021") }, false},
		{"another locator", func(r *Relation) { r.Sources[0].Locator = "p. 2" }, false},
	} {
		r := base()
		tc.edit(r)
		if got := sameStored(base(), r); got != tc.same {
			t.Errorf("%s: sameStored = %v, want %v", tc.name, got, tc.same)
		}
	}
}
