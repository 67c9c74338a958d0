package gqlgenpeer

import (
	"encoding/json"
	"fmt"

	"lsgatlas/tools/bench/gqlgenpeer/generated"
)

// Fixture is the data the peers answer from: the service's own answers for every node the
// benchmark's queries reach, written by tools/bench before it starts the peers, so their
// answers can be byte-identical to the service's.
type Fixture struct {
	// Groups are the group ids in the order the service lists them (groups(first:)).
	Groups []string      `json:"groups"`
	Nodes  []FixtureNode `json:"nodes"`
	// Extensions are the service's response extensions (the dataset's version and
	// revision), which the peers add to every answer as the service does.
	Extensions map[string]json.RawMessage `json:"extensions,omitempty"`
}

// FixtureNode is one node with the relationships the queries select on it.
type FixtureNode struct {
	ID          string                `json:"id"`
	Type        string                `json:"type"` // GROUP, PERSON, POSITION, OFFICE or INSTITUTION
	Label       string                `json:"label"`
	Name        string                `json:"name,omitempty"`
	Chairs      []FixtureRelationship `json:"chairs,omitempty"`
	Members     []FixtureRelationship `json:"members,omitempty"`
	Memberships []FixtureRelationship `json:"memberships,omitempty"`
}

// FixtureRelationship is one relationship as the service answers it, its node by id.
type FixtureRelationship struct {
	Node    string  `json:"node"`
	Role    *string `json:"role"`
	Holding *string `json:"holding"`
	Derived bool    `json:"derived"`
}

// graph is the fixture as gqlgen's generated models: plain structs, linked by pointers.
type graph struct {
	groups []*generated.Group
	byID   map[string]generated.Node
}

func build(f Fixture) (*graph, error) {
	g := &graph{byID: make(map[string]generated.Node, len(f.Nodes))}
	groups := map[string]*generated.Group{}
	people := map[string]*generated.Person{}
	for _, n := range f.Nodes {
		var node generated.Node
		switch n.Type {
		case "GROUP":
			grp := &generated.Group{ID: n.ID, Label: n.Label, Name: n.Name}
			groups[n.ID], node = grp, grp
		case "PERSON":
			p := &generated.Person{ID: n.ID, Label: n.Label}
			people[n.ID], node = p, p
		case "POSITION":
			node = &generated.Position{ID: n.ID, Label: n.Label}
		case "OFFICE":
			node = &generated.Office{ID: n.ID, Label: n.Label}
		case "INSTITUTION":
			node = &generated.Institution{ID: n.ID, Label: n.Label}
		default:
			return nil, fmt.Errorf("fixture: node %s has type %q", n.ID, n.Type)
		}
		g.byID[n.ID] = node
	}
	relationships := func(rs []FixtureRelationship) ([]*generated.Relationship, error) {
		out := make([]*generated.Relationship, len(rs))
		for i, r := range rs {
			node, ok := g.byID[r.Node].(generated.GraphNode)
			if !ok {
				return nil, fmt.Errorf("fixture: a relationship points at %s, which the fixture lacks", r.Node)
			}
			out[i] = &generated.Relationship{Node: node, Derived: r.Derived}
			if r.Role != nil {
				role := generated.MemberRole(*r.Role)
				out[i].Role = &role
			}
			if r.Holding != nil {
				holding := generated.Holding(*r.Holding)
				out[i].Holding = &holding
			}
		}
		return out, nil
	}
	var err error
	for _, n := range f.Nodes {
		if grp := groups[n.ID]; grp != nil {
			if grp.Chairs, err = relationships(n.Chairs); err != nil {
				return nil, err
			}
			if grp.Members, err = relationships(n.Members); err != nil {
				return nil, err
			}
		}
		if p := people[n.ID]; p != nil {
			if p.Chairs, err = relationships(n.Chairs); err != nil {
				return nil, err
			}
			if p.Memberships, err = relationships(n.Memberships); err != nil {
				return nil, err
			}
		}
	}
	for _, id := range f.Groups {
		grp := groups[id]
		if grp == nil {
			return nil, fmt.Errorf("fixture: group %s is listed but not among the nodes", id)
		}
		g.groups = append(g.groups, grp)
	}
	return g, nil
}
