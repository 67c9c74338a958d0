package graph_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

type chairEdge struct {
	ID            string
	Stored        bool
	Derived       bool
	Holding       *string
	HoldingReason *string
	Node          struct{ ID string }
	Derivations   []struct {
		Via   struct{ ID string }
		Holds struct {
			Start, End *string
			Attested   []string
		}
	}
}

// TestChairsAgreeWithCentrality: on the real dataset, the groups each person chairs
// (stored or derived, the chairs field) are exactly what centrality(metric: CHAIRS)
// counts, with and without a date: both go through atlas.ChairList.
func TestChairsAgreeWithCentrality(t *testing.T) {
	srv := newServer(t, seedStore(t))
	for _, asOf := range []any{nil, "1980", "2010", "2015", "2021"} {
		var got struct {
			People struct {
				Nodes []struct {
					ID     string
					Chairs []chairEdge
				}
			}
			Centrality []struct {
				Node  struct{ ID string }
				Value float64
			}
		}
		data(t, srv, `query($asOf: PartialDate) {
			people(first: 100) { nodes { id chairs(asOf: $asOf) { node { id } } } }
			centrality(metric: CHAIRS, rank: [PERSON], asOf: $asOf, first: 100) { node { id } value }
		}`, map[string]any{"asOf": asOf}, &got)
		if len(got.People.Nodes) == 100 {
			t.Fatal("more than one page of people: page through them")
		}
		byPerson := map[string]float64{}
		for _, s := range got.Centrality {
			byPerson[s.Node.ID] = s.Value
		}
		for _, p := range got.People.Nodes {
			groups := map[string]bool{}
			for _, c := range p.Chairs {
				if groups[c.Node.ID] {
					t.Errorf("asOf %v: %s's chairs list %s twice", asOf, p.ID, c.Node.ID)
				}
				groups[c.Node.ID] = true
			}
			if float64(len(groups)) != byPerson[p.ID] {
				t.Errorf("asOf %v: %s chairs %d groups, centrality says %v", asOf, p.ID, len(groups), byPerson[p.ID])
			}
		}
	}
}

// TestDerivedChairsOnTheRealDataset: at every date, no chair list names a person twice,
// and every derived chair rests on a holding that is itself dated and may hold then.
func TestDerivedChairsOnTheRealDataset(t *testing.T) {
	srv := newServer(t, seedStore(t))
	for _, asOf := range []any{nil, "1958", "1976", "1990", "2010", "2012", "2015", "2018-03", "2021-05", "2024"} {
		var got struct {
			Groups struct {
				Nodes []struct {
					ID     string
					Chairs []chairEdge
				}
			}
		}
		data(t, srv, `query($asOf: PartialDate) { groups(first: 100) { nodes { id
			chairs(asOf: $asOf) { id stored derived holding holdingReason node { id }
				derivations { via { id } holds { start end attested } } } } } }`, map[string]any{"asOf": asOf}, &got)
		for _, g := range got.Groups.Nodes {
			seen := map[string]bool{}
			for _, c := range g.Chairs {
				if seen[c.Node.ID] {
					t.Errorf("asOf %v: %s lists %s twice", asOf, g.ID, c.Node.ID)
				}
				seen[c.Node.ID] = true
				if !c.Stored && !c.Derived {
					t.Errorf("asOf %v: %s chair %s is neither stored nor derived", asOf, g.ID, c.ID)
				}
				if (asOf == nil) != (c.Holding == nil) || (c.Holding == nil) != (c.HoldingReason == nil) {
					t.Errorf("asOf %v: %s chair %s holding %v reason %v", asOf, g.ID, c.ID, c.Holding, c.HoldingReason)
				}
				for _, d := range c.Derivations {
					if err := checkDatedHolding(d.Holds.Start, d.Holds.End, d.Holds.Attested, asOf); err != nil {
						t.Errorf("asOf %v: %s chair %s via %s: %v", asOf, g.ID, c.Node.ID, d.Via.ID, err)
					}
				}
			}
		}
	}
}

func checkDatedHolding(start, end *string, attested []string, asOf any) error {
	if start == nil && end == nil && len(attested) == 0 {
		return fmt.Errorf("derived from an undated holding")
	}
	if asOf == nil {
		return nil
	}
	d := atlas.MustDate(asOf.(string))
	r := atlas.Relation{}
	if start != nil {
		r.Start = atlas.DatePtr(*start)
	}
	if end != nil {
		r.End = atlas.DatePtr(*end)
	}
	for _, a := range attested {
		r.Attested = append(r.Attested, atlas.MustDate(a))
	}
	if _, ok := r.Span().HoldingAt(d); !ok {
		return fmt.Errorf("the holding (%v–%v, attested %v) cannot hold at %s", start, end, attested, d)
	}
	return nil
}

// TestDerivedChairPermalinks: every derived chair of every person resolves by its id
// through relationship(id:) to the same chair, dates, sources and premises; an id whose
// premises derive nothing, or name no relation, resolves to null.
func TestDerivedChairPermalinks(t *testing.T) {
	srv := newServer(t, seedStore(t))
	const sel = `id derived stored start end attested from { id } to { id } sources { source { id } locator } derivedFrom { id }`
	var people struct {
		People struct{ Nodes []struct{ ID string } }
	}
	data(t, srv, `{ people(first: 100) { nodes { id } } }`, nil, &people)
	resolved := 0
	for _, p := range people.People.Nodes {
		var got struct {
			Person struct{ Chairs []map[string]any }
		}
		data(t, srv, `query($id: ID!) { person(id: $id) { chairs(derived: ONLY) { `+sel+` } } }`, map[string]any{"id": p.ID}, &got)
		for _, c := range got.Person.Chairs {
			id := c["id"].(string)
			if !strings.HasPrefix(id, "derived/") {
				continue // a chair also stored shows its stored id
			}
			var one struct{ Relationship map[string]any }
			data(t, srv, `query($id: ID!) { relationship(id: $id) { `+sel+` } }`, map[string]any{"id": id}, &one)
			if !reflect.DeepEqual(one.Relationship, c) {
				t.Errorf("%s:\n resolves to %v\nlisted as   %v", id, one.Relationship, c)
			}
			resolved++
		}
	}
	if resolved == 0 {
		t.Fatal("no derived chair with a derived id in the seed")
	}
	for _, id := range []string{
		// a HOLDS and a CHAIRS of different posts derive nothing
		"derived/holds/person/xi-jinping/position/general-secretary+chairs/position/premier/group/financial-and-economic-affairs-leading-small-group",
		"derived/holds/person/nobody/position/general-secretary+chairs/position/general-secretary/group/state-security-leading-small-group",
		"derived/", "derived/+",
	} {
		var one struct{ Relationship *map[string]any }
		data(t, srv, `query($id: ID!) { relationship(id: $id) { id } }`, map[string]any{"id": id}, &one)
		if one.Relationship != nil {
			t.Errorf("%s resolves to %v, want null", id, *one.Relationship)
		}
	}
}

// TestNetworkChairsAreTheChairsLists: a chair both stored and derived (Xi Jinping's of
// the Foreign Affairs LSG, through the General Secretary's chairing) is one edge with
// both lines of evidence in every consumer. network(derived: true), which the exports
// write, showed it as stored alone, without the post or the sources of the derivation.
func TestNetworkChairsAreTheChairsLists(t *testing.T) {
	srv := newServer(t, seedStore(t))
	const sel = `id stored derived via { id } start end confidence sources { source { id } locator } derivedFrom { id }`
	var got struct {
		Person  struct{ Chairs []map[string]any }
		Network struct{ Relationships []map[string]any }
	}
	data(t, srv, `{ person(id: "person/xi-jinping") { chairs { `+sel+` } }
		network(ids: ["person/xi-jinping"], derived: true, relationshipTypes: [CHAIRS], nodeTypes: [PERSON, GROUP]) { relationships { `+sel+` } } }`, nil, &got)
	inNetwork := map[string]map[string]any{}
	for _, r := range got.Network.Relationships {
		inNetwork[r["id"].(string)] = r
	}
	both := 0
	for _, c := range got.Person.Chairs {
		if c["stored"] == true && c["derived"] == true {
			both++
		}
		if n := inNetwork[c["id"].(string)]; !reflect.DeepEqual(n, c) {
			t.Errorf("%s:\n network %v\n chairs  %v", c["id"], n, c)
		}
	}
	if both < 3 || len(inNetwork) != len(got.Person.Chairs) {
		t.Errorf("%d chairs both stored and derived, %d in the network against %d listed", both, len(inNetwork), len(got.Person.Chairs))
	}
}
