package atlas

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSealedCursors(t *testing.T) {
	key, other := []byte("k1"), []byte("k2")
	c := SealCursor(key, "Group.membersConnection|group/a|{}", "member_of/x")
	body, mac, _ := strings.Cut(c, ".")
	for _, tc := range []struct {
		name, key, list, cursor, want string
	}{
		{"its own list", "k1", "Group.membersConnection|group/a|{}", c, ""},
		{"another list", "k1", "Group.chairsConnection|group/a|{}", c, "another list"},
		{"another filter", "k1", `Group.membersConnection|group/a|{"asOf":"2010"}`, c, "another list"},
		{"another key", "k2", "Group.membersConnection|group/a|{}", c, "not issued"},
		{"forged signature", "k1", "Group.membersConnection|group/a|{}", body + "." + strings.Repeat("A", len(mac)), "not issued"},
		{"no signature", "k1", "Group.membersConnection|group/a|{}", body, "invalid cursor"},
		{"garbage", "k1", "Group.membersConnection|group/a|{}", "%%%", "invalid cursor"},
	} {
		k := key
		if tc.key == "k2" {
			k = other
		}
		pos, err := OpenCursor(k, tc.list, tc.cursor)
		switch {
		case tc.want == "" && (err != nil || pos != "member_of/x"):
			t.Errorf("%s: %q, %v", tc.name, pos, err)
		case tc.want != "" && (ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want INVALID saying %q", tc.name, err, tc.want)
		}
	}
}

func TestPageWindow(t *testing.T) {
	items := []string{"a", "b", "c", "d", "e"}
	key, list := []byte("k"), "l"
	cur := func(s string) string { return SealCursor(key, list, s) }
	open := func(c string) (string, error) { return OpenCursor(key, list, c) }
	n := func(v int) *int { return &v }
	for _, tc := range []struct {
		args       PageArgs
		want       string
		prev, next bool
	}{
		{PageArgs{}, "abcde", false, false},
		{PageArgs{First: n(2)}, "ab", false, true},
		{PageArgs{First: n(2), After: cur("b")}, "cd", true, true},
		{PageArgs{First: n(2), After: cur("d")}, "e", true, false},
		{PageArgs{Last: n(2)}, "de", true, false},
		{PageArgs{Last: n(2), Before: cur("d")}, "bc", true, true},
		{PageArgs{Last: n(2), Before: cur("b")}, "a", false, true},
		{PageArgs{After: cur("a"), Before: cur("e")}, "bcd", true, true},
		{PageArgs{First: n(0)}, "", false, true},
	} {
		w, err := PageWindow(len(items), func(i int) string { return items[i] }, open, tc.args)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(items[w.Start:w.End], ""); got != tc.want || w.HasPreviousPage != tc.prev || w.HasNextPage != tc.next {
			t.Errorf("%+v: %q prev %v next %v; want %q %v %v", tc.args, got, w.HasPreviousPage, w.HasNextPage, tc.want, tc.prev, tc.next)
		}
	}
	for _, bad := range []PageArgs{{First: n(1), Last: n(1)}, {First: n(-1)}, {Last: n(MaxPageSize + 1)}, {After: SealCursor(key, list, "gone")}, {Before: "x"}} {
		if _, err := PageWindow(len(items), func(i int) string { return items[i] }, open, bad); ErrorCode(err) != EINVALID {
			t.Errorf("%+v: %v, want INVALID", bad, err)
		}
	}
}

func TestConflicts(t *testing.T) {
	est := PropEstablished
	g := &Group{ID: "group/g", Claims: []PropertyClaim{
		{Property: est, Value: "1954", Sources: []Citation{{Source: "source/a", Locator: "p. 1"}}},
		{Property: est, Value: "1958", Sources: []Citation{{Source: "source/b", Locator: "p. 2"}}},
		{Property: est, Value: "1958-03", Sources: []Citation{{Source: "source/c"}}}, // agrees with 1958
		{Property: PropCategory, Value: "X", Sources: []Citation{{Source: "source/a"}}},
		{Property: PropCategory, Value: "Y", Sources: []Citation{{Source: "source/b"}}}, // a list, not a dispute
	}}
	rel := func(id, start, end string, src string) *Relation {
		return &Relation{ID: id, Type: Holds, From: "person/p", To: "position/q", Start: DatePtr(start), End: DatePtr(end), Sources: []Citation{{Source: src}}}
	}
	rels := []*Relation{rel("r1", "1956", "1958", "source/a"), rel("r2", "1958-02-11", "1958", "source/c"), rel("r3", "1970", "1972", "source/b")}
	summary := func(cs []Conflict) []string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%s %s %s|%s %s|%s", c.Node, c.Aspect, c.First.Value, c.Second.Value, c.First.Sources[0].Source, c.Second.Sources[0].Source))
		}
		return out
	}
	for _, tc := range []struct {
		sources []string
		want    []string
	}{
		{nil, []string{"group/g VALUE 1954|1958 source/a|source/b", "group/g VALUE 1954|1958-03 source/a|source/c", "person/p START 1956|1958-02-11 source/a|source/c"}},
		{[]string{"source/a", "source/b"}, []string{"group/g VALUE 1954|1958 source/a|source/b"}},
		{[]string{"source/b", "source/c"}, nil},
	} {
		if got := summary(Conflicts([]Node{g}, rels, tc.sources)); !slices.Equal(got, tc.want) {
			t.Errorf("sources %v: %v, want %v", tc.sources, got, tc.want)
		}
	}
}

func TestLineage(t *testing.T) {
	groups := map[string]*Group{
		"group/a": {ID: "group/a", Established: DatePtr("1958")},
		"group/b": {ID: "group/b", Established: DatePtr("2018-03")},
		"group/c": {ID: "group/c", Established: DatePtr("2023")},
		"group/d": {ID: "group/d", Established: DatePtr("1990")},
	}
	kind := func(k SuccessionKind) *SuccessionKind { return &k }
	rels := []Relation{
		{ID: "s1", Type: SucceededBy, From: "group/a", To: "group/b", Succession: kind("UPGRADED")},
		{ID: "s2", Type: SucceededBy, From: "group/b", To: "group/c", Succession: kind("RENAMED")},
		{ID: "s3", Type: SucceededBy, From: "group/d", To: "group/b", Succession: kind("MERGED")},
	}
	of := func(id string) []Relation {
		var out []Relation
		for _, r := range rels {
			if r.From == id || r.To == id {
				out = append(out, r)
			}
		}
		return out
	}
	group := func(id string) *Group { return groups[id] }
	for _, tc := range []struct {
		kinds []SuccessionKind
		want  string
	}{
		{nil, "group/a:-1 group/d:-1 group/b:0 group/c:1"},
		{[]SuccessionKind{"UPGRADED", "RENAMED"}, "group/a:-1 group/b:0 group/c:1"},
		{[]SuccessionKind{"MERGED"}, "group/d:-1 group/b:0"},
	} {
		var got []string
		for _, b := range Lineage("group/b", group, of, tc.kinds) {
			got = append(got, fmt.Sprintf("%s:%d", b.Group.ID, b.Steps))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("kinds %v: %v, want %s", tc.kinds, got, tc.want)
		}
	}
}
