package graph_test

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

type relConn struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	Edges []struct {
		Cursor string
		Node   struct{ ID string }
	}
	Nodes []struct{ ID string }
}

const relConnFields = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } nodes { id }`

func ids(c relConn) []string {
	out := []string{}
	for _, n := range c.Nodes {
		out = append(out, n.ID)
	}
	return out
}

// TestRelationshipConnections pages a group's members forward and backward: the pages
// put together are the members list, in its order or in orderBy's.
func TestRelationshipConnections(t *testing.T) {
	srv := newServer(t, seedStore(t))
	const g = `group(id: "group/foreign-affairs-leading-small-group")`
	for _, order := range []string{"", `orderBy: {field: START, direction: DESC}`, `orderBy: {field: ID}`} {
		var all struct {
			G struct{ Members []struct{ ID string } }
		}
		data(t, srv, `{ g: `+g+` { members(asOf: "2010") { id } } }`, nil, &all)
		want := []string{}
		for _, m := range all.G.Members {
			want = append(want, m.ID)
		}
		if order == `orderBy: {field: ID}` {
			slices.Sort(want)
		}
		if len(want) < 5 {
			t.Fatalf("only %d members in 2010", len(want))
		}
		// Forward, three at a time.
		var fwd []string
		after := any(nil)
		for range 20 {
			var got struct {
				G struct{ MembersConnection relConn }
			}
			data(t, srv, `query($after: String) { g: `+g+` { membersConnection(asOf: "2010", first: 3, after: $after `+order+`) { `+relConnFields+` } } }`, map[string]any{"after": after}, &got)
			c := got.G.MembersConnection
			if c.TotalCount != len(want) || c.PageInfo.HasPreviousPage != (after != nil) {
				t.Errorf("%s: totalCount %d hasPreviousPage %v", order, c.TotalCount, c.PageInfo.HasPreviousPage)
			}
			fwd = append(fwd, ids(c)...)
			if !c.PageInfo.HasNextPage {
				break
			}
			after = *c.PageInfo.EndCursor
		}
		// Backward, two at a time.
		var back []string
		before := any(nil)
		for range 20 {
			var got struct {
				G struct{ MembersConnection relConn }
			}
			data(t, srv, `query($before: String) { g: `+g+` { membersConnection(asOf: "2010", last: 2, before: $before `+order+`) { `+relConnFields+` } } }`, map[string]any{"before": before}, &got)
			c := got.G.MembersConnection
			back = append(ids(c), back...)
			if !c.PageInfo.HasPreviousPage {
				break
			}
			before = *c.PageInfo.StartCursor
		}
		if order == "" && !slices.Equal(fwd, want) {
			t.Errorf("forward pages %v, want the members list %v", fwd, want)
		}
		if !slices.Equal(back, fwd) || len(fwd) != len(want) {
			t.Errorf("%s: backward pages %v, forward pages %v", order, back, fwd)
		}
	}
}

// TestCursorsAreBoundToTheirList: a cursor works only on the list, arguments and order it
// came from, and a forged or altered one is refused.
func TestCursorsAreBoundToTheirList(t *testing.T) {
	srv := newServer(t, seedStore(t))
	const g = `group(id: "group/foreign-affairs-leading-small-group")`
	var got struct {
		G struct{ MembersConnection relConn }
	}
	data(t, srv, `{ g: `+g+` { membersConnection(asOf: "2010", first: 2) { `+relConnFields+` } } }`, nil, &got)
	cursor := *got.G.MembersConnection.PageInfo.EndCursor
	body, mac, _ := strings.Cut(cursor, ".")
	for _, tc := range []struct{ name, query, cursor, want string }{
		{"the same list", `membersConnection(asOf: "2010", first: 2, after: $c)`, cursor, ""},
		{"another list", `relationshipsConnection(asOf: "2010", first: 2, after: $c)`, cursor, "another list"},
		{"another filter", `membersConnection(asOf: "2011", first: 2, after: $c)`, cursor, "another list"},
		{"another order", `membersConnection(asOf: "2010", first: 2, after: $c, orderBy: {field: ID})`, cursor, "another list"},
		{"another node", `membersConnection(asOf: "2010", first: 2, after: $c)`, cursor, "another list"},
		{"forged", `membersConnection(asOf: "2010", first: 2, after: $c)`, body + "." + strings.Repeat("A", len(mac)), "not issued by this service"},
		{"altered position", `membersConnection(asOf: "2010", first: 2, after: $c)`, swapPosition(t, cursor), "not issued by this service"},
		{"not a cursor", `membersConnection(asOf: "2010", first: 2, after: $c)`, "nope", "invalid cursor"},
		{"backward, another order", `membersConnection(asOf: "2010", last: 2, before: $c, orderBy: {field: START})`, cursor, "another list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			node := g
			if tc.name == "another node" {
				node = `group(id: "group/central-foreign-affairs-commission")`
			}
			r := post(t, srv, `query($c: String) { g: `+node+` { `+tc.query+` { totalCount } } }`, map[string]any{"c": tc.cursor})
			switch {
			case tc.want == "" && len(r.Errors) > 0:
				t.Errorf("errors %+v", r.Errors)
			case tc.want != "" && (len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" || !strings.Contains(r.Errors[0].Message, tc.want)):
				t.Errorf("got %+v, want one INVALID error saying %q", r.Errors, tc.want)
			}
		})
	}
}

// swapPosition rewrites the position a cursor names, keeping its signature.
func swapPosition(t *testing.T, c string) string {
	body, mac, _ := strings.Cut(c, ".")
	b, err := base64URL.DecodeString(body)
	if err != nil {
		t.Fatal(err)
	}
	var sc map[string]string
	if err := json.Unmarshal(b, &sc); err != nil {
		t.Fatal(err)
	}
	sc["p"] = "member_of/someone-else"
	b, _ = json.Marshal(sc)
	return base64URL.EncodeToString(b) + "." + mac
}

var base64URL = base64.RawURLEncoding

// TestListCursorsAreBoundToTheirList: the node lists' cursors are sealed the same way.
func TestListCursorsAreBoundToTheirList(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct{ C relConn }
	data(t, srv, `{ c: groups(filter: {levels: [CENTRAL]}, first: 2) { totalCount pageInfo { endCursor } } }`, nil, &got)
	cursor := *got.C.PageInfo.EndCursor
	body, mac, _ := strings.Cut(cursor, ".")
	for _, tc := range []struct{ name, query, cursor, want string }{
		{"the same list", `groups(filter: {levels: [CENTRAL]}, first: 2, after: $c)`, cursor, ""},
		{"another list", `people(first: 2, after: $c)`, cursor, "another list"},
		{"another filter", `groups(filter: {levels: [PROVINCIAL]}, first: 2, after: $c)`, cursor, "another list"},
		{"another order", `groups(filter: {levels: [CENTRAL]}, first: 2, after: $c, orderBy: {field: ESTABLISHED})`, cursor, "another list"},
		{"forged", `groups(filter: {levels: [CENTRAL]}, first: 2, after: $c)`, body + "." + strings.Repeat("A", len(mac)), "not issued by this service"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, `query($c: String) { c: `+tc.query+` { totalCount } }`, map[string]any{"c": tc.cursor})
			switch {
			case tc.want == "" && len(r.Errors) > 0:
				t.Errorf("errors %+v", r.Errors)
			case tc.want != "" && (len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" || !strings.Contains(r.Errors[0].Message, tc.want)):
				t.Errorf("got %+v, want one INVALID error saying %q", r.Errors, tc.want)
			}
		})
	}
}

// TestSupportsCursorsAreSealed: a source's supports page with sealed cursors that page
// every source alike, and refuse another kind filter or a forged cursor.
func TestSupportsCursorsAreSealed(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct {
		Source struct {
			Supports struct {
				TotalCount int
				PageInfo   struct{ EndCursor *string }
				Nodes      []struct{ Kind string }
			}
		}
	}
	data(t, srv, `{ source(id: "source/rana-2021") { supports(first: 3) { totalCount pageInfo { endCursor } nodes { kind } } } }`, nil, &got)
	cursor := *got.Source.Supports.PageInfo.EndCursor
	body, mac, _ := strings.Cut(cursor, ".")
	for _, tc := range []struct{ name, query, cursor, want string }{
		{"the same list", `source(id: "source/rana-2021") { supports(first: 3, after: $c) { totalCount } }`, cursor, ""},
		{"another kind filter", `source(id: "source/rana-2021") { supports(kinds: [RELATIONSHIP], first: 3, after: $c) { totalCount } }`, cursor, "another list"},
		{"another list", `groups(first: 3, after: $c) { totalCount }`, cursor, "another list"},
		{"forged", `source(id: "source/rana-2021") { supports(first: 3, after: $c) { totalCount } }`, body + "." + strings.Repeat("A", len(mac)), "not issued"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, `query($c: String) { `+tc.query+` }`, map[string]any{"c": tc.cursor})
			switch {
			case tc.want == "" && len(r.Errors) > 0:
				t.Errorf("errors %+v", r.Errors)
			case tc.want != "" && (len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" || !strings.Contains(r.Errors[0].Message, tc.want)):
				t.Errorf("got %+v, want one INVALID error saying %q", r.Errors, tc.want)
			}
		})
	}
}
