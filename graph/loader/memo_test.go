package loader

import (
	"testing"

	"lsgatlas/atlas"
)

// TestChairMemoKeepsOneRevision: a list is served only at the revision it was joined
// at; a newer revision empties the memo, an older one is not kept, and a memo past its
// bound starts again with the list that overflowed it.
func TestChairMemoKeepsOneRevision(t *testing.T) {
	a, b := chairKey{id: "group/a"}, chairKey{id: "group/b"}
	two := []atlas.Edge{{}, {}}
	type step struct {
		put  bool
		rev  int64
		key  chairKey
		want bool // for a get: found
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"kept at its revision", []step{{put: true, rev: 1, key: a}, {rev: 1, key: a, want: true}, {rev: 1, key: b}}},
		{"not served at another", []step{{put: true, rev: 1, key: a}, {rev: 2, key: a}, {rev: 0, key: a}}},
		{"a newer revision empties it", []step{{put: true, rev: 1, key: a}, {put: true, rev: 2, key: b}, {rev: 1, key: a}, {rev: 2, key: a}, {rev: 2, key: b, want: true}}},
		{"an older revision is not kept", []step{{put: true, rev: 2, key: a}, {put: true, rev: 1, key: b}, {rev: 1, key: b}, {rev: 2, key: a, want: true}}},
		{"past the bound it starts again", []step{{put: true, rev: 1, key: a}, {put: true, rev: 1, key: b}, {rev: 1, key: a}, {rev: 1, key: b, want: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := NewChairMemo(3) // room for one list of two edges, not two
			for i, s := range tc.steps {
				if s.put {
					m.put(s.rev, s.key, two)
					continue
				}
				if _, got := m.get(s.rev, s.key); got != s.want {
					t.Errorf("step %d: get(%d, %s) found %v, want %v", i, s.rev, s.key.id, got, s.want)
				}
			}
		})
	}
	if NewChairMemo(0) != nil || NewChairMemo(-1) != nil {
		t.Error("a memo bounded at 0 edges or fewer is not off")
	}
}
