package graph_test

import (
	"testing"

	"lsgatlas/graph"
)

// TestExplicitNullTakesTheSchemaDefault: an argument passed as null answers as if it
// were left out, with the default the schema gives it (the resolvers read it from the
// parsed schema rather than keeping a copy).
func TestExplicitNullTakesTheSchemaDefault(t *testing.T) {
	srv := newServer(t, seedStore(t))
	for _, tc := range []struct{ name, omitted, null string }{
		{"network depth",
			`{ network(ids: ["group/foreign-affairs-leading-small-group"]) { nodes { id } } }`,
			`{ network(ids: ["group/foreign-affairs-leading-small-group"], depth: null) { nodes { id } } }`},
		{"shortest paths maxLength and first",
			`{ shortestPaths(from: "person/li-keqiang", to: "person/yang-jiechi") { length paths { nodes { id } } } }`,
			`{ shortestPaths(from: "person/li-keqiang", to: "person/yang-jiechi", maxLength: null, first: null) { length paths { nodes { id } } } }`},
		{"centrality first",
			`{ centrality(metric: DEGREE) { node { id } value } }`,
			`{ centrality(metric: DEGREE, first: null) { node { id } value } }`},
		{"fragile facts claims and first",
			`{ fragileFacts(restsOn: SINGLE_SOURCE) { __typename } }`,
			`{ fragileFacts(restsOn: SINGLE_SOURCE, claims: null, first: null) { __typename } }`},
		{"search first",
			`{ search(text: "foreign affairs") { node { id } } }`,
			`{ search(text: "foreign affairs", first: null) { node { id } } }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			omitted, null := post(t, srv, tc.omitted, nil), post(t, srv, tc.null, nil)
			if len(omitted.Errors) > 0 || len(null.Errors) > 0 {
				t.Fatalf("errors: %+v %+v", omitted.Errors, null.Errors)
			}
			if string(omitted.Data) != string(null.Data) {
				t.Errorf("with null:\n%s\nomitted:\n%s", null.Data, omitted.Data)
			}
		})
	}
}

func TestIntArgDefaultReadsTheSchema(t *testing.T) {
	for _, tc := range []struct {
		typ, field, arg string
		want            int
	}{
		{"Query", "network", "depth", 1},
		{"Query", "shortestPaths", "maxLength", 4},
		{"Query", "network", "limit", 0}, // no default in the schema
		{"Query", "noSuchField", "depth", 0},
	} {
		if got := graph.IntArgDefault(tc.typ, tc.field, tc.arg); got != tc.want {
			t.Errorf("IntArgDefault(%s, %s, %s) = %d, want %d", tc.typ, tc.field, tc.arg, got, tc.want)
		}
	}
}
