package graph_test

import (
	"reflect"
	"testing"
)

func TestConnections(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	type conn struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
		Edges []struct {
			Cursor string
			Node   struct{ ID string }
		}
		Nodes []struct{ ID string }
	}
	for _, tc := range []struct {
		name, query string
		want        []string
		total       int
		next        bool
	}{
		{"groups by name", `{ c: groups { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`,
			[]string{"group/deepening-reform", "group/foreign-affairs-commission", "group/foreign-affairs-lsg", "group/guangdong-group"}, 4, false},
		{"filtered and ordered", `{ c: groups(filter: {systems: [PARTY], activeAsOf: "2019"}, orderBy: {field: ESTABLISHED, direction: DESC}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`,
			[]string{"group/foreign-affairs-commission"}, 1, false},
		{"by category, first page", `{ c: groups(filter: {categories: [FOREIGN_AFFAIRS_UNITED_FRONT]}, first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`,
			[]string{"group/foreign-affairs-commission"}, 2, true},
		{"count only", `{ c: people(first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`,
			[]string{}, 4, true},
		{"people by name filter", `{ c: people(filter: {nameContains: "李克强"}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`,
			[]string{"person/li-keqiang"}, 1, false},
		{"institutions", `{ c: institutions(filter: {kinds: [PARTY_LEADERSHIP]}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`,
			[]string{"institution/standing-committee"}, 1, false},
		{"offices", `{ c: offices { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`,
			[]string{"office/commission-general-office"}, 1, false},
		{"positions", `{ c: positions(orderBy: {field: ID}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`,
			[]string{"position/general-secretary"}, 1, false},
		{"sources", `{ c: sources(filter: {kinds: [REPORT]}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`,
			[]string{"source/beta"}, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got struct{ C conn }
			data(t, srv, tc.query, nil, &got)
			var ids, nodeIDs []string
			for _, e := range got.C.Edges {
				ids = append(ids, e.Node.ID)
				if e.Cursor == "" {
					t.Error("edge without cursor")
				}
			}
			for _, n := range got.C.Nodes {
				nodeIDs = append(nodeIDs, n.ID)
			}
			if !reflect.DeepEqual(ids, nodeIDs) || (len(ids) > 0 || len(tc.want) > 0) && !reflect.DeepEqual(ids, tc.want) {
				t.Errorf("edges %v, nodes %v, want %v", ids, nodeIDs, tc.want)
			}
			if got.C.TotalCount != tc.total || got.C.PageInfo.HasNextPage != tc.next {
				t.Errorf("totalCount %d hasNextPage %v, want %d %v", got.C.TotalCount, got.C.PageInfo.HasNextPage, tc.total, tc.next)
			}
		})
	}
	// Walking pages with endCursor visits every group once.
	var seen []string
	after := any(nil)
	for range 10 {
		var got struct{ C conn }
		data(t, srv, `query($after: String) { c: groups(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`, map[string]any{"after": after}, &got)
		for _, n := range got.C.Nodes {
			seen = append(seen, n.ID)
		}
		if !got.C.PageInfo.HasNextPage {
			break
		}
		after = *got.C.PageInfo.EndCursor
	}
	if len(seen) != 4 {
		t.Errorf("walked %v", seen)
	}
}

func TestSearchAndCounts(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, text := range []string{"xi jinping", "习近平", "Xi Jinping", "XÍ JÌNPÍNG"} {
		var got struct {
			Search []struct {
				Node struct {
					ID   string
					Type string
				}
				Matched string
				Score   int
			}
		}
		data(t, srv, `query($t: String!) { search(text: $t, types: [PERSON]) { node { id type } matched score } }`, map[string]any{"t": text}, &got)
		if len(got.Search) != 1 || got.Search[0].Node.ID != "person/xi-jinping" || got.Search[0].Node.Type != "PERSON" || got.Search[0].Score != 4 {
			t.Errorf("search %q = %+v", text, got.Search)
		}
	}
	var counts struct {
		ReportedCounts []struct {
			ID, Qualifier string
			Year, Value   int
			System        *string
			Sources       []struct{ Source struct{ Key string } }
		}
	}
	data(t, srv, `{ reportedCounts(fromYear: 2017) { id year value qualifier system sources { source { key } } } }`, nil, &counts)
	if len(counts.ReportedCounts) != 2 || counts.ReportedCounts[1].Value != 26 || *counts.ReportedCounts[1].System != "PARTY" || counts.ReportedCounts[0].Sources[0].Source.Key != "alpha" {
		t.Errorf("reported counts = %+v", counts)
	}
}

func TestNodeInterfaceAndFields(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	var got struct {
		Node struct {
			ID, Name, Kind string
			NameZh         string
			Aliases        []struct {
				Name   string
				Source struct{ ID string }
			}
			Activity2010 *string
			Activity2019 *string
			Established  string
			Abolished    string
		}
		Src struct {
			Title    string
			CitedVia struct{ ID string }
			Date     string
			URL      *string
		}
	}
	data(t, srv, `{
		node(id: "group/foreign-affairs-lsg") { id ... on Group { name kind nameZh aliases { name source { id } } established abolished
			activity2010: activity(asOf: "2010") activity2019: activity(asOf: "2019") } }
		src: source(id: "source/beta") { title citedVia { id } date url }
	}`, nil, &got)
	n := got.Node
	if n.Name != "Foreign Affairs Leading Small Group" || n.Kind != "LEADING_SMALL_GROUP" || n.NameZh != "中央外事工作领导小组" ||
		n.Aliases[0].Name != "FALSG" || n.Aliases[0].Source.ID != "source/alpha" || *n.Activity2010 != "KNOWN" || n.Activity2019 != nil ||
		n.Established != "1958" || n.Abolished != "2018-03" {
		t.Errorf("node = %+v", n)
	}
	if got.Src.CitedVia.ID != "source/alpha" || got.Src.Date != "2010" || got.Src.URL != nil {
		t.Errorf("source = %+v", got.Src)
	}
}
