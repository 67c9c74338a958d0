package atlas

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
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
	// One fact told by three sources: a and c date its start differently, b and c agree
	// on its end at two precisions, and attestations at two dates are no dispute.
	a, b, c := Citation{Source: "source/a"}, Citation{Source: "source/b"}, Citation{Source: "source/c"}
	rels = append(rels, &Relation{ID: "merged", Type: Holds, From: "person/m", To: "position/q", Start: DatePtr("1956"), End: DatePtr("1972"),
		Sources: []Citation{a, b, c}, DateClaims: []DateClaim{
			{Part: StartPart, Value: MustDate("1956"), Sources: []Citation{a}, Rank: Preferred},
			{Part: StartPart, Value: MustDate("1958-02-11"), Sources: []Citation{c}, Rank: Normal},
			{Part: EndPart, Value: MustDate("1972"), Sources: []Citation{b}, Rank: Preferred},
			{Part: EndPart, Value: MustDate("1972-01-06"), Sources: []Citation{c}, Rank: Normal},
			{Part: AttestedPart, Value: MustDate("1960"), Sources: []Citation{a}, Rank: Normal},
			{Part: AttestedPart, Value: MustDate("1965"), Sources: []Citation{b}, Rank: Normal},
		}})
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
		{nil, []string{"group/g VALUE 1954|1958 source/a|source/b", "group/g VALUE 1954|1958-03 source/a|source/c",
			"person/m START 1956|1958-02-11 source/a|source/c", "person/p START 1956|1958-02-11 source/a|source/c"}},
		{[]string{"source/a", "source/b"}, []string{"group/g VALUE 1954|1958 source/a|source/b"}},
		{[]string{"source/b", "source/c"}, nil},
		{[]string{"source/a", "source/c"}, []string{"group/g VALUE 1954|1958-03 source/a|source/c",
			"person/m START 1956|1958-02-11 source/a|source/c", "person/p START 1956|1958-02-11 source/a|source/c"}},
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

// sealCursorBefore is SealCursor as it was before CursorSealer (issue 24), kept verbatim
// so the tests below hold the sealer to the cursors clients already hold.
func sealCursorBefore(key []byte, list, pos string) string {
	b, _ := json.Marshal(sealedCursor{Pos: pos, List: listDigest(list)})
	m := hmac.New(sha256.New, key)
	m.Write([]byte(list))
	m.Write([]byte{0})
	m.Write([]byte(pos))
	return base64.RawURLEncoding.EncodeToString(b) + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// TestCursorSealerMatchesBefore seals a table of positions of each list with one sealer,
// in turn (so every cursor but the first reuses its MAC and buffer), and with SealCursor:
// every cursor must be the old one byte for byte, and open back to its position.
func TestCursorSealerMatchesBefore(t *testing.T) {
	store := ListQuery{Kind: GroupNode, Order: Order{Field: OrderByName}}
	positions := []string{
		store.Cursor("Central Leading Group", "group/a"), // a store's list cursor (base64url)
		EncodeCursor(Cursor{ID: "s1", Order: "supports"}),
		"member_of/group-a--person-b",
		"person/xi-jinping",
		"",
		"a<b>&c",              // escaped by encoding/json as \u003c…
		`quote " and \ slash`, // escaped
		"tab\tnewline\n",      // control characters
		"领导小组",                // not ASCII
		"line\u2028sep",       // escaped by encoding/json
		"bad\xffutf8",         // replaced by encoding/json
		strings.Repeat("x", 300),
	}
	lists := []string{
		"",
		"Query.groups||{}",
		`Query.groups||{"filter":{"kind":"COMMISSION"},"orderBy":{"direction":"DESC","field":"NAME"}}`,
		"Group.membersConnection|group/a|{}",
		"Source.supports|DATE,CLAIM",
		strings.Repeat("long list ", 40),
	}
	for _, key := range [][]byte{[]byte("k1"), make([]byte, 100)} {
		for _, list := range lists {
			s := NewCursorSealer(key, list)
			for _, pos := range positions {
				want := sealCursorBefore(key, list, pos)
				if got := s.Seal(pos); got != want {
					t.Errorf("sealer(%q).Seal(%q) = %q, want %q", list, pos, got, want)
				}
				if got := SealCursor(key, list, pos); got != want {
					t.Errorf("SealCursor(%q, %q) = %q, want %q", list, pos, got, want)
				}
				// A position that is not UTF-8 never opens, as before: its MAC covers
				// the bytes, its JSON carries them replaced. Positions are ids and
				// base64url, so none is.
				got, err := OpenCursor(key, list, want)
				if utf8.ValidString(pos) && (err != nil || got != pos) || !utf8.ValidString(pos) && err == nil {
					t.Errorf("OpenCursor(%q, sealed %q) = %q, %v", list, pos, got, err)
				}
			}
		}
	}
}

// TestSealedCursorBytes pins one cursor as clients hold it (made by the code before
// issue 24).
func TestSealedCursorBytes(t *testing.T) {
	const want = "eyJwIjoibWVtYmVyX29mL3giLCJsIjoiU2pHUG9qLVAifQ.yOSSLd8R1gWMRQYm1jSSr9d8"
	if got := SealCursor([]byte("k1"), "Group.membersConnection|group/a|{}", "member_of/x"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// FuzzCursorSealer: for any list and position, the sealer's cursor is the old one and
// opens back when it is UTF-8.
func FuzzCursorSealer(f *testing.F) {
	f.Add("Query.groups||{}", "member_of/x", "member_of/y")
	f.Add("", "<&>", "\xff")
	f.Fuzz(func(t *testing.T, list, pos1, pos2 string) {
		key := []byte("fuzz")
		s := NewCursorSealer(key, list)
		for _, pos := range []string{pos1, pos2, pos1} {
			want := sealCursorBefore(key, list, pos)
			if got := s.Seal(pos); got != want {
				t.Fatalf("Seal(%q) in %q = %q, want %q", pos, list, got, want)
			}
			if got, err := OpenCursor(key, list, want); utf8.ValidString(pos) && (err != nil || got != pos) {
				t.Fatalf("OpenCursor(%q) = %q, %v", pos, got, err)
			}
		}
	})
}

// BenchmarkSealCursor: a page of 100 cursors of one list, sealed one by one as before
// and with one sealer.
func BenchmarkSealCursor(b *testing.B) {
	key, list := []byte("k1"), `Query.groups||{"filter":{"kind":"COMMISSION"}}`
	q := ListQuery{Kind: GroupNode}
	pos := make([]string, 100)
	for i := range pos {
		pos[i] = q.Cursor("", fmt.Sprintf("group/g%d", i))
	}
	b.Run("before", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pos {
				sealCursorBefore(key, list, p)
			}
		}
	})
	b.Run("sealer", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := NewCursorSealer(key, list)
			for _, p := range pos {
				s.Seal(p)
			}
		}
	})
}
