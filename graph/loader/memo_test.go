package loader

import (
	"slices"
	"strconv"
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

// TestLevelMemoKeepsOneRevision: the memo of levels follows the chairs memo's rules,
// node by node and shape by shape, and keeps nothing that alone passes its bound.
func TestLevelMemoKeepsOneRevision(t *testing.T) {
	const shape, other = "s", "t"
	two := &levelEntry{size: 2}
	type step struct {
		put   bool
		rev   int64
		shape string
		id    string
		size  int  // for a put: the entry's relationships (two's, unless set)
		want  bool // for a get: found
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"kept at its revision and shape", []step{{put: true, rev: 1, shape: shape, id: "a"}, {rev: 1, shape: shape, id: "a", want: true}, {rev: 1, shape: shape, id: "b"}, {rev: 1, shape: other, id: "a"}}},
		{"not served at another revision", []step{{put: true, rev: 1, shape: shape, id: "a"}, {rev: 2, shape: shape, id: "a"}, {rev: 0, shape: shape, id: "a"}}},
		{"a newer revision empties it", []step{{put: true, rev: 1, shape: shape, id: "a"}, {put: true, rev: 2, shape: other, id: "b"}, {rev: 2, shape: shape, id: "a"}, {rev: 2, shape: other, id: "b", want: true}}},
		{"an older revision is not kept", []step{{put: true, rev: 2, shape: shape, id: "a"}, {put: true, rev: 1, shape: shape, id: "b"}, {rev: 1, shape: shape, id: "b"}, {rev: 2, shape: shape, id: "a", want: true}}},
		{"past the bound it starts again", []step{{put: true, rev: 1, shape: shape, id: "a"}, {put: true, rev: 1, shape: other, id: "b"}, {rev: 1, shape: shape, id: "a"}, {rev: 1, shape: other, id: "b", want: true}}},
		{"an entry past the bound is not kept", []step{{put: true, rev: 1, shape: shape, id: "a"}, {put: true, rev: 1, shape: shape, id: "b", size: 4}, {rev: 1, shape: shape, id: "b"}, {rev: 1, shape: shape, id: "a", want: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := NewLevelMemo(3) // room for one entry of two relationships, not two
			for i, s := range tc.steps {
				if s.put {
					e := two
					if s.size > 0 {
						e = &levelEntry{size: s.size}
					}
					m.put(s.rev, s.shape, []string{s.id}, []*levelEntry{e})
					continue
				}
				found, lacking := m.get(s.rev, s.shape, []string{s.id})
				if got := found[s.id] != nil; got != s.want || (len(lacking) == 0) != s.want {
					t.Errorf("step %d: get(%d, %s, %s) found %v (lacking %v), want %v", i, s.rev, s.shape, s.id, got, lacking, s.want)
				}
			}
		})
	}
	if NewLevelMemo(0) != nil || NewLevelMemo(-1) != nil {
		t.Error("a memo bounded at 0 relationships or fewer is not off")
	}
}

// TestMemosCountEmptyAnswers: a chairs list without edges, and a node without
// relationships (or an id naming nothing), still count towards the bound, so asking
// for one after another (every day of a century, every id a client makes up) restarts
// the memo rather than growing it without end.
func TestMemosCountEmptyAnswers(t *testing.T) {
	chairs := NewChairMemo(10)
	for day := range 100 {
		chairs.put(1, chairKey{"group/a", chairSpec{asOf: strconv.Itoa(day)}}, nil)
	}
	if n := len(chairs.lists); n > 10 {
		t.Errorf("the chairs memo bounded at 10 holds %d empty lists", n)
	}
	levels := NewLevelMemo(10)
	for i := range 100 {
		id := "group/made-up-" + strconv.Itoa(i)
		levels.put(1, "s", []string{id}, splitLevels([]string{id}, []atlas.Node{nil}, atlas.RelationAsks{}, atlas.RelationAnswers{}))
	}
	if n := len(levels.shapes["s"]); n > 10 {
		t.Errorf("the memo of levels bounded at 10 holds %d entries of nothing", n)
	}
}

// A request numbers each chairSpec once: asked again, after another or not, it has the
// number it had, and two specs never share one.
func TestChairRefsNumberSpecsOnce(t *testing.T) {
	l := New(nil)
	all := chairSpec{mode: atlas.IncludeDerived}
	at2015 := chairSpec{mode: atlas.IncludeDerived, asOf: "2015"}
	var got []chairRef
	for _, k := range []chairKey{{"group/a", all}, {"group/b", all}, {"group/a", at2015}, {"group/b", all}, {"group/c", at2015}} {
		got = append(got, l.chairRefOf(k))
	}
	want := []chairRef{{"group/a", 0}, {"group/b", 0}, {"group/a", 1}, {"group/b", 0}, {"group/c", 1}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
