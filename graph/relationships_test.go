package graph_test

import (
	"reflect"
	"testing"
)

func TestChairs(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, tc := range []struct {
		name  string
		query string
		vars  map[string]any
		want  []string
	}{
		{"group chaired by a position, with its holders derived",
			`query($asOf: PartialDate) { x: group(id: "group/foreign-affairs-lsg") { chairs(asOf: $asOf) { ` + edgeFields + ` } } }`, nil,
			[]string{"position/general-secretary", "person/hu-jintao (via position/general-secretary)", "person/xi-jinping (via position/general-secretary)"}},
		{"as of 2010 only the holder then",
			`query($asOf: PartialDate) { x: group(id: "group/foreign-affairs-lsg") { chairs(asOf: $asOf) { ` + edgeFields + ` } } }`, map[string]any{"asOf": "2010"},
			[]string{"position/general-secretary POSSIBLE", "person/hu-jintao (via position/general-secretary) POSSIBLE"}},
		{"the year both held it gives both",
			`query($asOf: PartialDate) { x: group(id: "group/foreign-affairs-lsg") { chairs(asOf: $asOf) { ` + edgeFields + ` } } }`, map[string]any{"asOf": "2012"},
			[]string{"position/general-secretary POSSIBLE", "person/hu-jintao (via position/general-secretary) POSSIBLE", "person/xi-jinping (via position/general-secretary) POSSIBLE"}},
		{"after the group's abolition nobody",
			`query($asOf: PartialDate) { x: group(id: "group/foreign-affairs-lsg") { chairs(asOf: $asOf) { ` + edgeFields + ` } } }`, map[string]any{"asOf": "2019"},
			[]string{}},
		{"without derivation",
			`{ x: group(id: "group/foreign-affairs-lsg") { chairs(derived: EXCLUDE) { ` + edgeFields + ` } } }`, nil,
			[]string{"position/general-secretary"}},
		{"a person's chairs, direct and through a position",
			`query($asOf: PartialDate) { x: person(id: "person/xi-jinping") { chairs(asOf: $asOf) { ` + edgeFields + ` } } }`, nil,
			[]string{"group/foreign-affairs-commission", "group/foreign-affairs-lsg (via position/general-secretary)"}},
		{"known within what the source saw",
			`query($asOf: PartialDate) { x: person(id: "person/xi-jinping") { chairs(asOf: $asOf) { ` + edgeFields + ` } } }`, map[string]any{"asOf": "2019-05"},
			[]string{"group/foreign-affairs-commission KNOWN"}},
		{"only possible past the source's date",
			`query($asOf: PartialDate) { x: person(id: "person/xi-jinping") { chairs(asOf: $asOf) { ` + edgeFields + ` } } }`, map[string]any{"asOf": "2021"},
			[]string{"group/foreign-affairs-commission POSSIBLE"}},
		{"members by role",
			`{ x: group(id: "group/foreign-affairs-lsg") { members(roles: [MEMBER]) { ` + edgeFields + ` } } }`, nil,
			[]string{"institution/ministry-of-foreign-affairs", "person/yang-jiechi"}},
		{"successors",
			`{ x: group(id: "group/foreign-affairs-lsg") { successors { ` + edgeFields + ` } } }`, nil,
			[]string{"group/foreign-affairs-commission"}},
		{"predecessors",
			`{ x: group(id: "group/foreign-affairs-commission") { predecessors { ` + edgeFields + ` } } }`, nil,
			[]string{"group/foreign-affairs-lsg"}},
		{"offices, reporting line, supervision",
			`{ x: group(id: "group/foreign-affairs-commission") { a: offices { ` + edgeFields + ` } } }`, nil,
			[]string{"office/commission-general-office"}},
		{"institution seats",
			`{ x: institution(id: "institution/ministry-of-foreign-affairs") { seats(asOf: "2013") { ` + edgeFields + ` } } }`, nil,
			[]string{"group/foreign-affairs-lsg POSSIBLE"}},
		{"office directors",
			`{ x: office(id: "office/commission-general-office") { directors(asOf: "2020") { ` + edgeFields + ` } } }`, nil,
			[]string{"person/yang-jiechi KNOWN"}},
		{"position holders",
			`{ x: position(id: "position/general-secretary") { holders { ` + edgeFields + ` } } }`, nil,
			[]string{"person/hu-jintao", "person/xi-jinping"}},
		{"generic relationships, outgoing",
			`{ x: person(id: "person/li-keqiang") { relationships(direction: OUTGOING, types: [MEMBER_OF], roles: [DEPUTY_LEADER]) { ` + edgeFields + ` } } }`, nil,
			[]string{"group/deepening-reform", "group/foreign-affairs-commission"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got struct {
				X map[string][]edge
			}
			data(t, srv, tc.query, tc.vars, &got)
			var edges []edge
			for _, v := range got.X {
				edges = v
			}
			if g := nodeIDs(edges); !reflect.DeepEqual(g, tc.want) {
				t.Errorf("got %v, want %v", g, tc.want)
			}
		})
	}
}

func TestEdgeQualifiers(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	var got struct {
		Group struct{ Chairs []edge }
	}
	data(t, srv, `{ group(id: "group/foreign-affairs-lsg") { chairs(asOf: "2015") { `+edgeFields+` } } }`, nil, &got)
	if len(got.Group.Chairs) != 2 {
		t.Fatalf("chairs = %+v", got.Group.Chairs)
	}
	derived := got.Group.Chairs[1]
	if !derived.Derived || derived.Type != "CHAIRS" || derived.Direction != "INCOMING" || *derived.Start != "2012-11" ||
		derived.Node.Type != "PERSON" || derived.Node.Label != "Xi Jinping" || len(derived.DerivedFrom) != 2 ||
		derived.DerivedFrom[0].Type != "HOLDS" || derived.DerivedFrom[1].Type != "CHAIRS" || len(derived.Sources) != 2 {
		t.Errorf("derived chair = %+v", derived)
	}
	var yang struct {
		Person struct{ Memberships []edge }
	}
	data(t, srv, `{ person(id: "person/yang-jiechi") { memberships(asOf: "2010-05") { `+edgeFields+` } } }`, nil, &yang)
	m := yang.Person.Memberships[0]
	if m.Attested[0] != "2010" || *m.Holding != "KNOWN" || m.Confidence != "REPORTED" || *m.Role != "MEMBER" ||
		m.Sources[0].Source.ID != "source/beta" || m.Sources[0].Locator != "member list" || m.Direction != "OUTGOING" {
		t.Errorf("attested membership = %+v", m)
	}
}

// TestDerivedFromIsSeenFromThePosition: the stored facts behind a derived chair meet at
// the position, so HOLDS comes in from the person and CHAIRS goes out to the group,
// whichever end the derived chair was asked from.
func TestDerivedFromIsSeenFromThePosition(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	type basis struct {
		Type, Direction string
		Node            struct{ ID string }
	}
	var got struct {
		Person struct {
			Chairs []struct {
				Derived     bool
				DerivedFrom []basis
			}
		}
	}
	data(t, srv, `{ person(id: "person/xi-jinping") { chairs { derived derivedFrom { type direction node { id } } } } }`, nil, &got)
	want := []basis{
		{"HOLDS", "INCOMING", struct{ ID string }{"person/xi-jinping"}},
		{"CHAIRS", "OUTGOING", struct{ ID string }{"group/foreign-affairs-lsg"}},
	}
	for _, c := range got.Person.Chairs {
		if c.Derived && !reflect.DeepEqual(c.DerivedFrom, want) {
			t.Errorf("derivedFrom = %+v, want %+v", c.DerivedFrom, want)
		}
	}
}
