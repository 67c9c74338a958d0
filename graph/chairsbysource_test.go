package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestChairsBySourceKeepOnlyTheirLines: a source filter on a chairs list keeps only the
// lines of evidence the sources give. Zhu says Xi was General Secretary in 2015 and
// names none of the groups, so the stored chairs Thomas gives (with Thomas's 2012) stay
// out; a chair derived through the post stays only when the chairing rule's source is
// asked for too.
func TestChairsBySourceKeepOnlyTheirLines(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type chair struct {
		ID      string
		Start   *string
		Stored  bool
		Derived bool
		Sources []struct{ Source struct{ ID string } }
	}
	var got struct {
		Xi struct{ Zhu, ZhuThomas, Thomas []chair }
	}
	data(t, srv, `{ xi: person(id: "person/xi-jinping") {
	    zhu: chairs(sources: ["source/zhu-2015"]) { id start stored derived sources { source { id } } }
	    zhuThomas: chairs(sources: ["source/zhu-2015", "source/thomas-fp"]) { id start stored derived sources { source { id } } }
	    thomas: chairs(sources: ["source/thomas-fp"]) { id start stored derived sources { source { id } } } } }`, nil, &got)
	if len(got.Xi.Zhu) != 0 {
		t.Errorf("chairs citing Zhu alone: %+v, want none", got.Xi.Zhu)
	}
	lines := func(cs []chair) []string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%s stored=%v derived=%v", strings.TrimPrefix(c.ID, "chairs/person/xi-jinping/group/"), c.Stored, c.Derived))
		}
		return out
	}
	want := []string{
		"central-foreign-affairs-commission stored=true derived=false",
		"finance-and-economy-leading-small-group stored=true derived=true",
		"foreign-affairs-leading-small-group stored=true derived=true",
		"taiwan-affairs-leading-small-group stored=true derived=true",
		"comprehensively-deepening-reform-leading-small-group stored=true derived=false",
		"cybersecurity-and-information-leading-small-group stored=true derived=false",
		"national-security-commission stored=true derived=false",
		"derived/holds/person/xi-jinping/position/general-secretary+chairs/position/general-secretary/group/state-security-leading-small-group stored=false derived=true",
	}
	for name, cs := range map[string][]chair{"Thomas": got.Xi.Thomas, "Zhu and Thomas": got.Xi.ZhuThomas} {
		if got := lines(cs); !slices.Equal(got, want) {
			t.Errorf("chairs citing %s:\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestChairPermalinkAsListed: a person's chair of a group looked up by its id is the
// relationship the group's chairs list shows, with every line of evidence; the permalink
// of a chair derived through a post that the list merged into a stored chair gives that
// one relationship.
func TestChairPermalinkAsListed(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type chair struct {
		ID          string
		Stored      bool
		Derived     bool
		Derivations []struct{ Via struct{ ID string } }
		Sources     []struct{ Source struct{ ID string } }
	}
	const (
		taiwan  = "group/taiwan-affairs-leading-small-group"
		stored  = "chairs/person/xi-jinping/" + taiwan
		derived = "derived/holds/person/xi-jinping/position/general-secretary+chairs/position/general-secretary/" + taiwan
		state   = "derived/holds/person/xi-jinping/position/general-secretary+chairs/position/general-secretary/group/state-security-leading-small-group"
	)
	var got struct {
		Group                   struct{ Chairs []chair }
		Stored, Derived, Unique *chair
	}
	sel := `{ id stored derived derivations { via { id } } sources { source { id } } }`
	data(t, srv, `{ group(id: "`+taiwan+`") { chairs `+sel+` }
	  stored: relationship(id: "`+stored+`") `+sel+`
	  derived: relationship(id: "`+derived+`") `+sel+`
	  unique: relationship(id: "`+state+`") `+sel+` }`, nil, &got)
	i := slices.IndexFunc(got.Group.Chairs, func(c chair) bool { return c.ID == stored })
	if i < 0 || !got.Group.Chairs[i].Stored || !got.Group.Chairs[i].Derived {
		t.Fatalf("the Taiwan group's chairs %+v lack Xi's stored and derived chair", got.Group.Chairs)
	}
	listed := fmt.Sprintf("%+v", got.Group.Chairs[i])
	for name, c := range map[string]*chair{"stored id": got.Stored, "derived id": got.Derived} {
		if c == nil || fmt.Sprintf("%+v", *c) != listed {
			t.Errorf("relationship(%s) = %+v, want the listed %s", name, c, listed)
		}
	}
	if c := got.Unique; c == nil || c.ID != state || c.Stored || !c.Derived || len(c.Derivations) != 1 {
		t.Errorf("relationship(%s) = %+v, want the derived-only chair", state, c)
	}
}

// TestCentralityBySourceCountsTheListsChairs: with a source filter, the CHAIRS metric and
// the network's derived chairs count what the chairs list with that filter gives. Thomas
// does not date Li Keqiang's premiership, so by Thomas he chairs nothing through it.
func TestCentralityBySourceCountsTheListsChairs(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct {
		Centrality []struct{ Value float64 }
		Person     struct{ Chairs []struct{ ID string } }
		Network    struct {
			Relationships []struct {
				ID      string
				Derived bool
			}
		}
	}
	data(t, srv, `{ centrality(metric: CHAIRS, sources: ["source/thomas-fp"], ids: ["person/li-keqiang"]) { value }
	  person(id: "person/li-keqiang") { chairs(sources: ["source/thomas-fp"]) { id } }
	  network(ids: ["person/li-keqiang"], sources: ["source/thomas-fp"], derived: true) { relationships { id derived } } }`, nil, &got)
	derived := 0
	for _, r := range got.Network.Relationships {
		if r.Derived {
			derived++
		}
	}
	if len(got.Person.Chairs) != 0 || len(got.Centrality) != 1 || got.Centrality[0].Value != 0 || derived != 0 {
		t.Errorf("by Thomas: chairs %+v, CHAIRS %+v, %d derived chairs in the network; want none, 0, 0", got.Person.Chairs, got.Centrality, derived)
	}
}
