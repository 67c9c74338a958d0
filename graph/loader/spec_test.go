package loader

import (
	"testing"

	"lsgatlas/atlas"
)

// TestSpecIDs: specs that ask the same share a number, whether they are recognised by
// identity (the same slices and dates) or by key (equal values in other slices), and
// specs that differ in any part have numbers of their own.
func TestSpecIDs(t *testing.T) {
	asOf, other := &atlas.PartialDate{Year: 2010}, &atlas.PartialDate{Year: 2010}
	later := &atlas.PartialDate{Year: 2011}
	types := []atlas.RelType{atlas.MemberOf}
	roles := []atlas.MemberRole{"MEMBER"}
	base := Spec{Types: types, Direction: atlas.Incoming, Roles: roles, AsOf: asOf}
	for _, tc := range []struct {
		name string
		spec Spec
		same bool
	}{
		{"the same spec", base, true},
		{"equal slices and date elsewhere", Spec{Types: []atlas.RelType{atlas.MemberOf}, Direction: atlas.Incoming, Roles: []atlas.MemberRole{"MEMBER"}, AsOf: other}, true},
		{"another direction", Spec{Types: types, Direction: atlas.Outgoing, Roles: roles, AsOf: asOf}, false},
		{"another type", Spec{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming, Roles: roles, AsOf: asOf}, false},
		{"a shorter slice of the same array", Spec{Types: types[:0], Direction: atlas.Incoming, Roles: roles, AsOf: asOf}, false},
		{"no roles", Spec{Types: types, Direction: atlas.Incoming, AsOf: asOf}, false},
		{"another date", Spec{Types: types, Direction: atlas.Incoming, Roles: roles, AsOf: later}, false},
		{"no date", Spec{Types: types, Direction: atlas.Incoming, Roles: roles}, false},
		{"a period", Spec{Types: types, Direction: atlas.Incoming, Roles: roles, During: &atlas.Period{From: *asOf, To: *later}}, false},
		{"tiers", Spec{Types: types, Direction: atlas.Incoming, Roles: roles, AsOf: asOf, Tiers: []atlas.SourceTier{"PRIMARY"}}, false},
		{"sources", Spec{Types: types, Direction: atlas.Incoming, Roles: roles, AsOf: asOf, Sources: []string{"source/a"}}, false},
		{"relayed sources", Spec{Types: types, Direction: atlas.Incoming, Roles: roles, AsOf: asOf, Sources: []string{"source/a"}, IncludeRelayed: true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := New(nil)
			want := l.specID(base)
			// Asked twice, with other specs between, so that the second finds it among
			// the recent ones.
			got := l.specID(tc.spec)
			l.specID(Spec{Types: []atlas.RelType{atlas.Holds}})
			if again := l.specID(tc.spec); again != got {
				t.Errorf("asked again: %d, then %d", got, again)
			}
			if (got == want) != tc.same {
				t.Errorf("spec %d, base %d: same = %v, want %v", got, want, got == want, tc.same)
			}
			if key := l.specIDOf(tc.spec.key()); key != got {
				t.Errorf("by identity %d, by key %d", got, key)
			}
		})
	}
}
