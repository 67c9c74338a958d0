package graph_test

import (
	"fmt"
	"slices"
	"testing"
)

// TestCountsAgreeWithTheLists: a node's counts are the distinct nodes its chairs and
// members (or memberships) list with the same date, period, roles and tiers; and the
// ranking lists the same numbers, highest first.
func TestCountsAgreeWithTheLists(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type seat struct{ Node struct{ ID string } }
	distinct := func(es []seat) int {
		var ids []string
		for _, e := range es {
			ids = append(ids, e.Node.ID)
		}
		return len(slices.Compact(slices.Sorted(slices.Values(ids))))
	}
	type counts struct{ Members, Chairs, Seats, GroupsChaired int }
	for _, when := range []string{``, `asOf: "2010"`, `asOf: "2018-03"`, `during: {from: "2003", to: "2013"}`, `asOf: "2016", tiers: [CORPUS]`, `asOf: "2012", roles: [MEMBER]`, `knownBy: "2016"`, `during: {from: "2010", to: "2020"}, knownBy: "2021"`} {
		listArgs, countArgs := when, when
		if listArgs == "" {
			listArgs, countArgs = `sources: null`, `tiers: null`
		}
		var ranked struct {
			Ranking struct {
				TotalCount int
				Edges      []struct {
					Node  struct{ ID string }
					Count int
				}
			}
		}
		data(t, srv, fmt.Sprintf(`{ ranking(by: MEMBERS, %s, first: 8) { totalCount edges { node { id } count } } }`, countArgs), nil, &ranked)
		if ranked.Ranking.TotalCount == 0 {
			t.Fatalf("%s: nothing ranked", when)
		}
		for i, e := range ranked.Ranking.Edges {
			if i > 0 && e.Count > ranked.Ranking.Edges[i-1].Count {
				t.Errorf("%s: ranking not in descending order at %d", when, i)
			}
			var got struct {
				Group struct {
					Counts  counts
					Members []seat
					Chairs  []seat
				}
			}
			data(t, srv, fmt.Sprintf(`{ group(id: %q) { counts(%s) { members chairs seats groupsChaired } members(%s) { node { id } } chairs(%s) { node { id } } } }`,
				e.Node.ID, countArgs, listArgs, withoutRoles(listArgs)), nil, &got)
			g := got.Group
			if g.Counts.Members != e.Count || g.Counts.Members != distinct(g.Members) || g.Counts.Chairs != distinct(g.Chairs) {
				t.Errorf("%s %s: counts %+v, ranking %d, lists %d members %d chairs", when, e.Node.ID, g.Counts, e.Count, distinct(g.Members), distinct(g.Chairs))
			}
		}
		var people struct {
			Ranking struct {
				Edges []struct {
					Node  struct{ ID string }
					Count int
				}
			}
		}
		data(t, srv, fmt.Sprintf(`{ ranking(by: SEATS, types: [PERSON], %s, first: 8) { edges { node { id } count } } }`, countArgs), nil, &people)
		for _, e := range people.Ranking.Edges {
			var got struct {
				Person struct {
					Counts      counts
					Memberships []seat
					Chairs      []seat
				}
			}
			data(t, srv, fmt.Sprintf(`{ person(id: %q) { counts(%s) { members chairs seats groupsChaired } memberships(%s) { node { id } } chairs(%s) { node { id } } } }`,
				e.Node.ID, countArgs, listArgs, withoutRoles(listArgs)), nil, &got)
			p := got.Person
			if p.Counts.Seats != e.Count || p.Counts.Seats != distinct(slices.Concat(p.Memberships, p.Chairs)) || p.Counts.GroupsChaired != distinct(p.Chairs) {
				t.Errorf("%s %s: counts %+v, ranking %d, lists %d memberships %d chairs", when, e.Node.ID, p.Counts, e.Count, distinct(p.Memberships), distinct(p.Chairs))
			}
		}
	}
}

// withoutRoles drops a roles argument, which chairs do not take.
func withoutRoles(args string) string {
	if args == `asOf: "2012", roles: [MEMBER]` {
		return `asOf: "2012"`
	}
	return args
}

// TestRankingPagesBothWays: the ranking's pages, forward and backward, are the whole
// ranking; its cursors do not page another ranking.
func TestRankingPagesBothWays(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type page struct {
		Ranking struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage, HasPreviousPage bool
				StartCursor, EndCursor       *string
			}
			Nodes []struct{ ID string }
		}
	}
	var all page
	data(t, srv, `{ ranking(by: SEATS, asOf: "2016", first: 100) { totalCount nodes { id } } }`, nil, &all)
	var fwd, back []string
	var after, before any
	for range 50 {
		var p page
		data(t, srv, `query($a: String) { ranking(by: SEATS, asOf: "2016", first: 4, after: $a) { pageInfo { hasNextPage endCursor } nodes { id } } }`, map[string]any{"a": after}, &p)
		for _, n := range p.Ranking.Nodes {
			fwd = append(fwd, n.ID)
		}
		if !p.Ranking.PageInfo.HasNextPage {
			break
		}
		after = *p.Ranking.PageInfo.EndCursor
	}
	for range 50 {
		var p page
		data(t, srv, `query($b: String) { ranking(by: SEATS, asOf: "2016", last: 3, before: $b) { pageInfo { hasPreviousPage startCursor } nodes { id } } }`, map[string]any{"b": before}, &p)
		var ids []string
		for _, n := range p.Ranking.Nodes {
			ids = append(ids, n.ID)
		}
		back = append(ids, back...)
		if !p.Ranking.PageInfo.HasPreviousPage {
			break
		}
		before = *p.Ranking.PageInfo.StartCursor
	}
	var want []string
	for _, n := range all.Ranking.Nodes {
		want = append(want, n.ID)
	}
	if len(want) != all.Ranking.TotalCount || !slices.Equal(fwd, want) || !slices.Equal(back, want) {
		t.Errorf("forward %v, backward %v, want %v", fwd, back, want)
	}
	r := post(t, srv, `query($a: String) { ranking(by: SEATS, asOf: "2016", direction: ASC, first: 4, after: $a) { totalCount } }`, map[string]any{"a": after})
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" {
		t.Errorf("a cursor of the descending ranking on the ascending one: %+v", r.Errors)
	}
}
