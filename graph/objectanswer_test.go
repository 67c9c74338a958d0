package graph

import (
	"bytes"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// An objectAnswer writes the bytes gqlgen's FieldSet.MarshalGQL writes for the same
// fields and values.
func TestObjectAnswerWritesWhatFieldSetWrites(t *testing.T) {
	field := func(alias string) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Alias: alias, Name: alias}}
	}
	for _, c := range []struct {
		name   string
		fields []graphql.CollectedField
		values []graphql.Marshaler
	}{
		{"no field", nil, nil},
		{"one", []graphql.CollectedField{field("id")}, []graphql.Marshaler{graphql.MarshalString("group/a")}},
		{"several, a null among them", []graphql.CollectedField{field("id"), field("__typename"), field("abolished"), field("_entities")},
			[]graphql.Marshaler{graphql.MarshalString("x\"y"), graphql.MarshalString("Group"), graphql.Null, graphql.MarshalInt(3)}},
		{"more fields than it holds inline", []graphql.CollectedField{field("a"), field("b"), field("c"), field("d"), field("e")},
			[]graphql.Marshaler{graphql.MarshalInt(1), graphql.MarshalInt(2), graphql.MarshalInt(3), graphql.MarshalInt(4), graphql.MarshalInt(5)}},
		{"an alias met again", []graphql.CollectedField{field("a"), field("b"), field("a"), field("c")},
			[]graphql.Marshaler{graphql.MarshalInt(1), graphql.MarshalInt(2), graphql.MarshalInt(3), graphql.MarshalInt(4)}},
		{"the first met again", []graphql.CollectedField{field("a"), field("a")},
			[]graphql.Marshaler{graphql.MarshalInt(1), graphql.MarshalInt(2)}},
	} {
		set, answer := graphql.NewFieldSet(c.fields), newObjectAnswer(c.fields)
		copy(set.Values, c.values)
		copy(answer.Values, c.values)
		var want, got bytes.Buffer
		set.MarshalGQL(&want)
		answer.MarshalGQL(&got)
		if got.String() != want.String() {
			t.Errorf("%s: wrote %s, FieldSet writes %s", c.name, got.String(), want.String())
		}
	}
}
