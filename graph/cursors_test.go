package graph_test

import (
	"fmt"
	"slices"
	"testing"
)

// TestLazyCursors: a page seals only the cursors its response selects (cursors.go), and
// those are the very cursors of a response that selects them all; the end cursor of a
// response that selects nothing else pages on like the full page's.
func TestLazyCursors(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type page struct {
		PageInfo struct{ StartCursor, EndCursor *string }
		Edges    []struct{ Cursor *string }
		E        []struct{ C *string } // aliased edges { cursor }
		Nodes    []struct{ ID string }
	}
	for _, conn := range []struct {
		name, typ, query, args string
	}{
		{"groups", "GroupConnection", `{ c: groups(%s) { %s } }`, `first: 5, filter: {kinds: [LEADING_SMALL_GROUP]}`},
		{"membersConnection", "RelationshipConnection", `{ g: group(id: "group/foreign-affairs-leading-small-group") { c: membersConnection(%s) { %s } } }`, `asOf: "2010", first: 4`},
		{"ranking", "RankingConnection", `{ c: ranking(%s) { %s } }`, `by: MEMBERS, first: 5`},
	} {
		ask := func(args, sel string) page {
			var got struct {
				C page
				G struct{ C page }
			}
			data(t, srv, fmt.Sprintf(conn.query, args, sel), nil, &got)
			if conn.name == "membersConnection" {
				return got.G.C
			}
			return got.C
		}
		full := ask(conn.args, `edges { cursor } pageInfo { startCursor endCursor } nodes { id }`)
		if len(full.Edges) < 3 {
			t.Fatalf("%s: %d edges, want a page of at least 3", conn.name, len(full.Edges))
		}
		var cursors []string
		for _, e := range full.Edges {
			cursors = append(cursors, *e.Cursor)
		}
		first, last := cursors[0], cursors[len(cursors)-1]
		if *full.PageInfo.StartCursor != first || *full.PageInfo.EndCursor != last || first == last {
			t.Errorf("%s: pageInfo %q..%q, edges %q", conn.name, *full.PageInfo.StartCursor, *full.PageInfo.EndCursor, cursors)
		}
		edgesOnly := ask(conn.args, `edges { cursor }`)
		aliased := ask(conn.args, `e: edges { c: cursor }`)
		for i := range cursors {
			if *edgesOnly.Edges[i].Cursor != cursors[i] || *aliased.E[i].C != cursors[i] {
				t.Errorf("%s: edge %d's cursor %q / %q, want %q", conn.name, i, *edgesOnly.Edges[i].Cursor, *aliased.E[i].C, cursors[i])
			}
		}
		ends := ask(conn.args, `pageInfo { endCursor }`)
		start := ask(conn.args, `... on `+conn.typ+` { pageInfo { startCursor } }`)
		if *ends.PageInfo.EndCursor != last || *start.PageInfo.StartCursor != first {
			t.Errorf("%s: endCursor %q, startCursor %q, want %q and %q", conn.name, *ends.PageInfo.EndCursor, *start.PageInfo.StartCursor, last, first)
		}
		next := func(after string) []string {
			out := []string{}
			for _, n := range ask(conn.args+`, after: "`+after+`"`, `nodes { id }`).Nodes {
				out = append(out, n.ID)
			}
			return out
		}
		if a, b := next(*ends.PageInfo.EndCursor), next(last); len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("%s: the page after the lone end cursor is %q, want %q", conn.name, a, b)
		}
	}
}
