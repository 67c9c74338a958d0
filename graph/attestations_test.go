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

// TestATierViewIsNoSurerThanItsClaims: Dai Bingguo's post as State Councilor is STATED
// by a reference page, but the corpus has it only second-hand (SIPRI, through Rana):
// in the corpus's view it is REPORTED, STATED again with every tier.
func TestATierViewIsNoSurerThanItsClaims(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type post struct {
		Node       struct{ ID string }
		Confidence string
	}
	var got struct {
		P struct{ Corpus, All []post }
	}
	data(t, srv, `{ p: person(id: "person/dai-bingguo") {
	    corpus: positions(tiers: [CORPUS]) { node { id } confidence }
	    all: positions { node { id } confidence } } }`, nil, &got)
	for _, tc := range []struct {
		view  string
		posts []post
		want  string
	}{{"corpus", got.P.Corpus, "REPORTED"}, {"every tier", got.P.All, "STATED"}} {
		found := false
		for _, p := range tc.posts {
			if p.Node.ID == "position/state-councilor" {
				found = true
				if p.Confidence != tc.want {
					t.Errorf("State Councilor in the %s view: %s, want %s", tc.view, p.Confidence, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("no State Councilor in the %s view: %+v", tc.view, tc.posts)
		}
	}
}
