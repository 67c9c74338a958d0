package difftest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/httpapi"
	"lsgatlas/neo4j/neo4jtest"
)

// synthetic is n groups, each chaired by a person and by a position two people held in
// turn, with three members.
func synthetic(n int) *atlas.Dataset {
	cite := []atlas.Citation{{Source: "source/s", Locator: "x"}}
	ds := &atlas.Dataset{Sources: []*atlas.Source{{ID: "source/s", Title: "S", Kind: "REPORT", Date: atlas.DatePtr("2020")}}}
	rel := func(t atlas.RelType, from, to string, start, end string) *atlas.Relation {
		return &atlas.Relation{ID: fmt.Sprintf("%s/%s/%s", t, from, to), Type: t, From: from, To: to,
			Start: atlas.DatePtr(start), End: atlas.DatePtr(end), Confidence: atlas.Stated, Sources: cite}
	}
	for i := range n {
		g, pos := fmt.Sprintf("group/g%03d", i), fmt.Sprintf("position/p%03d", i)
		ds.Groups = append(ds.Groups, &atlas.Group{ID: g, Name: fmt.Sprintf("Group %03d", i), Kind: atlas.LeadingSmallGroup, Sources: cite})
		ds.Positions = append(ds.Positions, &atlas.Position{ID: pos, Title: fmt.Sprintf("Post %d", i), Sources: cite})
		ds.Relations = append(ds.Relations, rel(atlas.Chairs, pos, g, "2000", ""))
		for j := range 6 {
			p := fmt.Sprintf("person/p%03d-%d", i, j)
			ds.People = append(ds.People, &atlas.Person{ID: p, Name: fmt.Sprintf("Person %d %d", i, j), Sources: cite})
			switch j {
			case 0:
				ds.Relations = append(ds.Relations, rel(atlas.Chairs, p, g, "2010", ""))
			case 1, 2:
				ds.Relations = append(ds.Relations, rel(atlas.Holds, p, pos, fmt.Sprintf("%d", 2000+10*(j-1)), fmt.Sprintf("%d", 2009+10*(j-1))))
			default:
				r := rel(atlas.MemberOf, p, g, "2012", "")
				role := atlas.MemberRole("MEMBER")
				r.Role = &role
				ds.Relations = append(ds.Relations, r)
			}
		}
	}
	return ds
}

// TestLiveStatementsPerRequest counts the Cypher statements one GraphQL request sends to
// Neo4j: groups with their chairs (direct, and derived through the chairing position's
// holders), members and the members' memberships, four levels deep. 5 groups and 50 cost
// a few statements set by the query's depth (7 and 8 on an idle machine); a statement per
// group would be hundreds. The bound leaves room for a loader flushing one level's asks in
// two or three batches when a loaded machine makes them straddle its wait window.
func TestLiveStatementsPerRequest(t *testing.T) {
	store := neo4jtest.Open(t)
	if _, err := store.Import(context.Background(), synthetic(50)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{Log: zerolog.Nop()}))
	defer srv.Close()
	// 1 list, then per level at most three batches each of Relations and Nodes: far below
	// the 50 a statement per group would cost.
	const limit = 1 + 3*4 + 3*3
	for _, n := range []int{5, 50} {
		query := fmt.Sprintf(`{ groups(first: %d) { nodes { id
			chairs { derived node { label } via { title } }
			members(roles: [MEMBER]) { node { ... on Person { label memberships { node { label } } } } } } } }`, n)
		before := store.Statements()
		body, status := ask(t, srv, request{gql: query})
		after := store.Statements()
		var resp struct {
			Data struct {
				Groups struct {
					Nodes []struct {
						Chairs  []json.RawMessage
						Members []json.RawMessage
					}
				}
			}
			Errors []any
		}
		if err := json.Unmarshal(body, &resp); err != nil || status != 200 || len(resp.Errors) > 0 {
			t.Fatalf("%d groups: %d %s", n, status, clip(body))
		}
		if got := len(resp.Data.Groups.Nodes); got != n {
			t.Fatalf("%d groups asked, %d returned", n, got)
		}
		for _, g := range resp.Data.Groups.Nodes {
			if len(g.Chairs) != 4 || len(g.Members) != 3 {
				t.Fatalf("a group has %d chairs and %d members, want 4 and 3", len(g.Chairs), len(g.Members))
			}
		}
		var total int64
		var by []string
		for name, c := range after {
			if d := c - before[name]; d > 0 {
				total += d
				by = append(by, fmt.Sprintf("%s×%d", name, d))
			}
		}
		t.Logf("%d groups: %d statements (%s)", n, total, strings.Join(by, ", "))
		if total > limit {
			t.Errorf("%d groups: %d statements, want at most %d", n, total, limit)
		}
	}
}
