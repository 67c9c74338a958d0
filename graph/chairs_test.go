package graph_test

import (
	"fmt"
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
