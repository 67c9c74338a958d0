package graph_test

import (
	"fmt"
	"testing"
)

// TestEachAttestationCitesThePageThatGivesIt: Wang Jiarui heads the International
// Department at the end of 2006 by the 2006 interview, and on 2009-01-14 by the page
// dated that day; neither page is cited for the other's date, and the 2009 date is not
// lost.
func TestEachAttestationCitesThePageThatGivesIt(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct {
		Position struct {
			Holders []struct{ Node struct{ ID string } }
		}
		Person struct {
			Positions []struct {
				Node       struct{ ID string }
				DateClaims []struct {
					Part, Value string
					Sources     []struct{ Source struct{ ID string } }
				}
			}
		}
	}
	data(t, srv, `{ position(id: "position/head-of-the-international-department") { holders(asOf: "2009-01-14") { node { id } } }
	  person(id: "person/wang-jiarui") { positions { node { id } dateClaims { part value sources { source { id } } } } } }`, nil, &got)
	if len(got.Position.Holders) != 1 || got.Position.Holders[0].Node.ID != "person/wang-jiarui" {
		t.Errorf("holders on 2009-01-14: %+v, want Wang Jiarui", got.Position.Holders)
	}
	var claims []string
	for _, p := range got.Person.Positions {
		if p.Node.ID != "position/head-of-the-international-department" {
			continue
		}
		for _, c := range p.DateClaims {
			claims = append(claims, fmt.Sprintf("%s %s %v", c.Part, c.Value, c.Sources))
		}
	}
	want := fmt.Sprint([]string{
		"ATTESTED 2010 [{{source/sipri-2010}}]",
		"ATTESTED 2006-12 [{{source/ref-idcpc-2006-wang-jiarui}}]",
		"ATTESTED 2009-01-14 [{{source/ref-idcpc-2008-wang-jiarui}}]",
	})
	if fmt.Sprint(claims) != want {
		t.Errorf("date claims %v, want %s", claims, want)
	}
}
