package graph_test

import (
	"fmt"
	"testing"
)

// An element of an input list that does not read is reported at its own index, as a
// literal and as a variable: tools/inorder reads the elements of a list of scalars in the
// list's context and reads a failing one again in its own, which must give gqlgen's path.
func TestListElementErrorsAtTheirIndex(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	const message = `invalid date "2019-13": month must be 01 to 12 (want YYYY, YYYY-MM or YYYY-MM-DD)`
	for _, tc := range []struct {
		name, query string
		variables   map[string]any
	}{
		{"a literal", `mutation { proposeRelationship(op: ADD, relationship: {confidence: STATED, attested: ["2019", "2019-13"]}) { id } }`, nil},
		{"a variable", `mutation($r: RelationshipInput) { proposeRelationship(op: ADD, relationship: $r) { id } }`,
			map[string]any{"r": map[string]any{"confidence": "STATED", "attested": []any{"2019", "2019-13"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.query, tc.variables)
			if len(r.Errors) != 1 || r.Errors[0].Message != message || fmt.Sprint(r.Errors[0].Path) != "[proposeRelationship relationship attested 1]" ||
				r.Errors[0].Extensions["code"] != "INVALID" {
				t.Errorf("errors %+v", r.Errors)
			}
		})
	}
}
