package graph_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/inprocess"
)

func TestServiceSDL(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	var got struct {
		Service struct{ SDL string } `json:"_service"`
	}
	data(t, srv, `{ _service { sdl } }`, nil, &got)
	for _, want := range []string{
		`@link(url: "https://specs.apollo.dev/federation/v2.7"`,
		`type Group implements Node & GraphNode @key(fields: "id")`,
		`type Person implements Node & GraphNode @key(fields: "id")`,
		`type ReportedCount implements Node & GraphNode @key(fields: "id")`,
	} {
		if !strings.Contains(got.Service.SDL, want) {
			t.Errorf("SDL lacks %q", want)
		}
	}
}

const entitiesQuery = `query($reps: [_Any!]!) { _entities(representations: $reps) {
	__typename
	... on Group { id name }
	... on Person { id name chairs { node { id } } }
	... on Source { id title }
	... on Institution { id name }
} }`

func TestEntitiesResolveByID(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	reps := []map[string]any{
		{"__typename": "Person", "id": "person/xi-jinping"},
		{"__typename": "Group", "id": "group/foreign-affairs-lsg"},
		{"__typename": "Group", "id": "group/no-such-group"},
		{"__typename": "Person", "id": "not an id"},
		{"__typename": "Group", "id": "person/li-keqiang"},
		{"__typename": "Source", "id": "source/alpha"},
	}
	r := post(t, srv, entitiesQuery, map[string]any{"reps": reps})
	want := `{"_entities":[{"__typename":"Person","id":"person/xi-jinping","name":"Xi Jinping","chairs":[{"node":{"id":"group/foreign-affairs-commission"}},{"node":{"id":"group/foreign-affairs-lsg"}}]},` +
		`{"__typename":"Group","id":"group/foreign-affairs-lsg","name":"Foreign Affairs Leading Small Group"},null,null,null,` +
		`{"__typename":"Source","id":"source/alpha","title":"Alpha Study"}]}`
	if string(r.Data) != want {
		t.Errorf("data = %s\nwant   %s", r.Data, want)
	}
	// Each error sits at the path of its representation, so a gateway can attach it to
	// the right entity.
	codes := map[string]string{}
	for _, e := range r.Errors {
		codes[fmt.Sprint(e.Path)] = fmt.Sprint(e.Extensions["code"])
	}
	if codes["[_entities 2]"] != "NOT_FOUND" || codes["[_entities 3]"] != "INVALID" || codes["[_entities 4]"] != "INVALID" || len(r.Errors) != 3 {
		t.Errorf("errors = %+v", r.Errors)
	}
}

// TestEntitiesAreBatched extends the counting-store proof to _entities: 100
// representations of mixed types cost a fixed number of store calls.
func TestEntitiesAreBatched(t *testing.T) {
	store := syntheticStore(t, 60)
	srv := newServer(t, store)
	var reps []map[string]any
	for i := range 50 {
		reps = append(reps, map[string]any{"__typename": "Group", "id": fmt.Sprintf("group/g%d", i)},
			map[string]any{"__typename": "Person", "id": fmt.Sprintf("person/p%d-0", i)})
	}
	store.reset()
	var got struct {
		Entities []struct{ ID string } `json:"_entities"`
	}
	data(t, srv, entitiesQuery, map[string]any{"reps": reps}, &got)
	calls := store.reset()
	if len(got.Entities) != 100 || got.Entities[99].ID != "person/p49-0" {
		t.Fatalf("entities = %+v", got.Entities)
	}
	// One Nodes call for the representations; the persons' chairs cost Relations
	// calls (direct, holdings, positions' chairs) and one more Nodes call.
	if calls["Nodes"] > 3 || calls["Relations"] > 4 || calls["List"] != 0 {
		t.Errorf("store calls for 100 representations: %v", calls)
	}
	t.Logf("calls: %v", calls)
}

// identifiedStore is the fixture with invented Wikidata QIDs on a person and a group
// (test data only: the dataset carries a QID only where a reference page gives it).
func identifiedStore(t *testing.T) atlas.Store {
	t.Helper()
	ds := conformance.Fixture()
	cite := []atlas.Citation{{Source: "source/alpha", Locator: "fixture identifier"}}
	for _, p := range ds.People {
		if p.ID == "person/xi-jinping" {
			p.Identifiers = []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q900000001", Sources: cite}}
		}
	}
	for _, g := range ds.Groups {
		if g.ID == "group/foreign-affairs-lsg" {
			g.Identifiers = []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q900000002", Sources: cite}}
		}
	}
	s := inprocess.New()
	if _, err := s.Import(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestEntitiesResolveByWikidata(t *testing.T) {
	srv := newServer(t, identifiedStore(t))
	var sdl struct {
		Service struct{ SDL string } `json:"_service"`
	}
	data(t, srv, `{ _service { sdl } }`, nil, &sdl)
	for _, want := range []string{`type Person implements Node & GraphNode @key(fields: "id") @key(fields: "wikidata")`, `type Group implements Node & GraphNode @key(fields: "id") @key(fields: "wikidata")`} {
		if !strings.Contains(sdl.Service.SDL, want) {
			t.Errorf("SDL lacks %q", want)
		}
	}
	reps := []map[string]any{
		{"__typename": "Person", "wikidata": "Q900000001"},
		{"__typename": "Group", "wikidata": "Q900000002"},
		{"__typename": "Group", "wikidata": "Q900000001"}, // a person's QID is no group's
		{"__typename": "Person", "id": "person/xi-jinping"},
	}
	r := post(t, srv, `query($reps: [_Any!]!) { _entities(representations: $reps) { __typename
		... on Person { id wikidata identifiers { scheme value url sources { source { id } locator } } }
		... on Group { id wikidata } } }`, map[string]any{"reps": reps})
	want := `{"_entities":[{"__typename":"Person","id":"person/xi-jinping","wikidata":"Q900000001","identifiers":[{"scheme":"WIKIDATA","value":"Q900000001","url":"https://www.wikidata.org/wiki/Q900000001","sources":[{"source":{"id":"source/alpha"},"locator":"fixture identifier"}]}]},` +
		`{"__typename":"Group","id":"group/foreign-affairs-lsg","wikidata":"Q900000002"},null,` +
		`{"__typename":"Person","id":"person/xi-jinping","wikidata":"Q900000001","identifiers":[{"scheme":"WIKIDATA","value":"Q900000001","url":"https://www.wikidata.org/wiki/Q900000001","sources":[{"source":{"id":"source/alpha"},"locator":"fixture identifier"}]}]}]}`
	if string(r.Data) != want {
		t.Errorf("data = %s\nwant   %s", r.Data, want)
	}
	if len(r.Errors) != 1 || fmt.Sprint(r.Errors[0].Path) != "[_entities 2]" || r.Errors[0].Extensions["code"] != "NOT_FOUND" {
		t.Errorf("errors = %+v", r.Errors)
	}
	// Search finds a node by its identifier, as a whole name.
	var got struct {
		Search []struct {
			Node         struct{ ID string }
			MatchedField string
			Score        int
		}
	}
	data(t, srv, `{ search(text: "Q900000002") { node { id } matchedField score } }`, nil, &got)
	if len(got.Search) != 1 || got.Search[0].Node.ID != "group/foreign-affairs-lsg" || got.Search[0].MatchedField != "identifier" || got.Search[0].Score != 4 {
		t.Errorf("search by QID: %+v", got.Search)
	}
}

// A representation that gives both keys names one entity by them: gqlgen resolves it by
// its id and reads no other key, so an id given with another entity's QID (or with a QID
// where the entity has none) was answered as the id's entity, silently. Such a
// representation is malformed, INVALID at its index, as the other malformed ones are;
// an id with its own QID still resolves.
func TestEntityKeysThatNameTwoEntities(t *testing.T) {
	srv := newServer(t, identifiedStore(t))
	const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on Node { id } } }`
	agreeing := []map[string]any{
		{"__typename": "Person", "id": "person/xi-jinping", "wikidata": "Q900000001"},
		{"__typename": "Group", "id": "group/foreign-affairs-lsg", "wikidata": "Q900000002"},
		{"__typename": "Person", "id": "person/xi-jinping"},
	}
	r := post(t, srv, query, map[string]any{"reps": agreeing})
	want := `{"_entities":[{"__typename":"Person","id":"person/xi-jinping"},{"__typename":"Group","id":"group/foreign-affairs-lsg"},{"__typename":"Person","id":"person/xi-jinping"}]}`
	if string(r.Data) != want || len(r.Errors) != 0 {
		t.Errorf("keys that agree: %s %+v\nwant %s", r.Data, r.Errors, want)
	}
	for _, tc := range []struct {
		name string
		rep  map[string]any
		has  string
	}{
		{"another entity's QID", map[string]any{"__typename": "Person", "id": "person/xi-jinping", "wikidata": "Q900000002"}, `person/xi-jinping has Wikidata QID "Q900000001", not "Q900000002"; give one key, or the keys of one person`},
		{"a QID where the entity has none", map[string]any{"__typename": "Person", "id": "person/li-keqiang", "wikidata": "Q900000001"}, `person/li-keqiang has no Wikidata QID, not "Q900000001"; give one key, or the keys of one person`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, query, map[string]any{"reps": append(slices.Clone(agreeing), tc.rep)})
			message := "invalid entity representation 3: its keys name two entities: " + tc.has
			if string(r.Data) != `null` || len(r.Errors) != 1 || fmt.Sprint(r.Errors[0].Path) != "[_entities representations 3]" ||
				r.Errors[0].Extensions["code"] != "INVALID" || r.Errors[0].Message != message {
				t.Errorf("got %s %+v\nwant the message %q", r.Data, r.Errors, message)
			}
		})
	}
}

// An error is reported at its own representation, not at the first one with the same id:
// a Person and a Group representation of one person id, and two identical bad
// representations, each get their own index.
func TestEntityErrorsAtTheirOwnIndex(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	reps := []map[string]any{
		{"__typename": "Person", "id": "person/li-keqiang"},
		{"__typename": "Group", "id": "person/li-keqiang"},
		{"__typename": "Group", "id": "group/no-such-group"},
		{"__typename": "Group", "id": "group/no-such-group"},
	}
	r := post(t, srv, entitiesQuery, map[string]any{"reps": reps})
	codes := map[string]string{}
	for _, e := range r.Errors {
		codes[fmt.Sprint(e.Path)] = fmt.Sprint(e.Extensions["code"])
	}
	want := map[string]string{"[_entities 1]": "INVALID", "[_entities 2]": "NOT_FOUND", "[_entities 3]": "NOT_FOUND"}
	if !reflect.DeepEqual(codes, want) || len(r.Errors) != 3 {
		t.Errorf("errors at %v, want %v (%+v)", codes, want, r.Errors)
	}
}

// A representation that is not an object is the caller's mistake: INVALID at its index,
// whatever its company, never an internal error.
func TestEntityRepresentationsThatAreNotObjects(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, bad := range []any{"str", 1, true, []any{map[string]any{"__typename": "Person", "id": "person/li-keqiang"}}} {
		reps := []any{map[string]any{"__typename": "Person", "id": "person/li-keqiang"}, bad}
		r := post(t, srv, entitiesQuery, map[string]any{"reps": reps})
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" || fmt.Sprint(r.Errors[0].Path) != "[_entities representations 1]" {
			t.Errorf("%v: %+v", bad, r.Errors)
		}
	}
}

// A malformed representation (no __typename, a type that is no entity, no key field, a
// key that is not a string) is INVALID at its own index, in words a gateway's operator
// can act on, and the field answers nothing: gqlgen's runtime reported these at
// ["_entities"] with no index, and read a numeric id as a string.
func TestMalformedRepresentationsAtTheirIndex(t *testing.T) {
	t.Run("a single representation, which GraphQL reads as a list of one", func(t *testing.T) {
		srv := newServer(t, fixtureStore(t))
		for _, q := range []string{`{ _entities(representations: {__typename: "Group", id: 5}) { __typename } }`,
			`query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`} {
			r := post(t, srv, q, map[string]any{"r": map[string]any{"__typename": "Group", "id": 5}})
			if len(r.Errors) != 1 || fmt.Sprint(r.Errors[0].Path) != "[_entities representations 0]" ||
				r.Errors[0].Message != `invalid entity representation 0: the key field "id" of Group must be a string, got a number` {
				t.Errorf("%s: %+v", q, r.Errors)
			}
		}
	})
	srv := newServer(t, fixtureStore(t))
	good := map[string]any{"__typename": "Group", "id": "group/foreign-affairs-lsg"}
	for _, tc := range []struct {
		name string
		bad  any
		want string
	}{
		{"no typename", map[string]any{"id": "group/foreign-affairs-lsg"}, "__typename must be a string naming an entity type"},
		{"typename not a string", map[string]any{"__typename": 7, "id": "group/foreign-affairs-lsg"}, "__typename must be a string naming an entity type"},
		{"not an entity type", map[string]any{"__typename": "Relationship", "id": "x"}, `"Relationship" is not an entity type here; entity types: Document, Group, Institution, Office, Person, Position, ReportedCount, Source, Statement, Topic`},
		{"no key", map[string]any{"__typename": "Group", "name": "Foreign Affairs"}, "a representation of Group needs one of its key fields: id, wikidata"},
		{"a key its type lacks", map[string]any{"__typename": "Source", "wikidata": "Q1"}, "a representation of Source needs one of its key fields: id"},
		{"numeric id", map[string]any{"__typename": "Group", "id": 5}, `the key field "id" of Group must be a string, got a number`},
		{"null wikidata", map[string]any{"__typename": "Person", "wikidata": nil}, `the key field "wikidata" of Person must be a string, got null`},
		{"empty wikidata", map[string]any{"__typename": "Group", "wikidata": ""}, `the key field "wikidata" of Group must be a Wikidata QID such as Q123, got ""`},
		{"blank wikidata", map[string]any{"__typename": "Group", "wikidata": "  "}, `the key field "wikidata" of Group must be a Wikidata QID such as Q123, got "  "`},
		{"not a QID", map[string]any{"__typename": "Person", "wikidata": "xi jinping"}, `the key field "wikidata" of Person must be a Wikidata QID such as Q123, got "xi jinping"`},
		{"not an object", []any{good}, "want an object with __typename and a key field, got a list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, entitiesQuery, map[string]any{"reps": []any{good, tc.bad}})
			if len(r.Errors) != 1 {
				t.Fatalf("errors: %+v", r.Errors)
			}
			e := r.Errors[0]
			if got := fmt.Sprint(e.Path); got != "[_entities representations 1]" || e.Extensions["code"] != "INVALID" ||
				e.Message != "invalid entity representation 1: "+tc.want {
				t.Errorf("error at %s, %v: %q\nwant INVALID at [_entities representations 1]: %q", got, e.Extensions["code"], e.Message, "invalid entity representation 1: "+tc.want)
			}
			if string(r.Data) != "null" {
				t.Errorf("data = %s, want null", r.Data)
			}
		})
	}
}
