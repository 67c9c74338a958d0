package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"

	"lsgatlas/tools/bench/gqlgenpeer"
)

// The fixture is read from the service itself, so the peers hold exactly the data its
// answers carry (derived chairs included) without reimplementing any of its rules.
const (
	groupOrderQuery = `{ groups(first: 100) { nodes { id } } }`
	relationship    = `{ node { id } role holding derived }`
	fixtureQuery    = `query Fixture($ids: [ID!]!) { nodes(ids: $ids) { id
		... on GraphNode { type label }
		... on Group { name chairs ` + relationship + ` members ` + relationship + ` }
		... on Person { chairs ` + relationship + ` memberships ` + relationship + ` } } }`
)

// readFixture reads the groups in list order and every node their relationships reach,
// and the relationships of those nodes that the queries select, until nothing new is
// reached.
func readFixture(client *http.Client, url string) (gqlgenpeer.Fixture, error) {
	var f gqlgenpeer.Fixture
	var list struct {
		Extensions map[string]json.RawMessage `json:"extensions"`
		Data       struct {
			Groups struct {
				Nodes []struct{ ID string } `json:"nodes"`
			} `json:"groups"`
		} `json:"data"`
	}
	if err := postJSON(client, url, requestBody(groupOrderQuery, nil), &list); err != nil {
		return f, err
	}
	f.Extensions = list.Extensions
	for _, g := range list.Data.Groups.Nodes {
		f.Groups = append(f.Groups, g.ID)
	}
	seen := map[string]bool{}
	next := slices.Clone(f.Groups)
	for len(next) > 0 {
		for _, id := range next {
			seen[id] = true
		}
		var page struct {
			Data struct {
				Nodes []*answeredNode `json:"nodes"`
			} `json:"data"`
		}
		asked := next
		if err := postJSON(client, url, requestBody(fixtureQuery, map[string][]string{"ids": asked}), &page); err != nil {
			return f, err
		}
		next = nil
		for i, n := range page.Data.Nodes {
			if n == nil {
				return f, fmt.Errorf("fixture: the service has no node %s", asked[i])
			}
			node := gqlgenpeer.FixtureNode{ID: n.ID, Type: n.Type, Label: n.Label, Name: n.Name,
				Chairs: n.Chairs.fixture(), Members: n.Members.fixture(), Memberships: n.Memberships.fixture()}
			f.Nodes = append(f.Nodes, node)
			for _, rs := range [][]gqlgenpeer.FixtureRelationship{node.Chairs, node.Members, node.Memberships} {
				for _, r := range rs {
					if !seen[r.Node] && !slices.Contains(next, r.Node) {
						next = append(next, r.Node)
					}
				}
			}
		}
	}
	return f, nil
}

// answeredNode is a node as fixtureQuery's answer has it.
type answeredNode struct {
	ID, Type, Label, Name        string
	Chairs, Members, Memberships answeredRelationships
}

type answeredRelationships []struct {
	Node    struct{ ID string }
	Role    *string
	Holding *string
	Derived bool
}

func (rs answeredRelationships) fixture() []gqlgenpeer.FixtureRelationship {
	out := make([]gqlgenpeer.FixtureRelationship, len(rs))
	for i, r := range rs {
		out[i] = gqlgenpeer.FixtureRelationship{Node: r.Node.ID, Role: r.Role, Holding: r.Holding, Derived: r.Derived}
	}
	return out
}

// postJSON posts a GraphQL request and decodes an answer that has no errors.
func postJSON(client *http.Client, url string, body []byte, into any) error {
	b, err := post(client, url, body)
	if err != nil {
		return err
	}
	var errs struct{ Errors []json.RawMessage }
	if err := json.Unmarshal(b, &errs); err != nil {
		return err
	}
	if len(errs.Errors) > 0 {
		return fmt.Errorf("the service answered with errors: %.500s", b)
	}
	return json.Unmarshal(b, into)
}
