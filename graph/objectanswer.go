package graph

import (
	"context"
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// gqlgen resolves an object's fields into a graphql.FieldSet and writes the answer
// through FieldSet.MarshalGQL, which for every object builds an iterator closure, copies
// each collected field to the heap to hand out a pointer to it, keeps a map of the
// aliases written, and escapes each alias: a seventh of the bytes and a sixth of the
// allocations of an executed two-level query. And a FieldSet is three allocations an
// object (the set, its values, and an answer that knows the fields, boxed), most of the
// set being bookkeeping for fields scheduled on goroutines, which nothing schedules here
// (graph/inorder.go). tools/inorder makes every generated object resolve into an
// objectAnswer instead, one allocation for an object of up to four fields, which writes
// the same bytes.

// objectAnswer is an object's fields as they resolve, then its answer, written as JSON.
// The generated executor uses Values, Invalids and Dispatch as it uses a FieldSet's.
type objectAnswer struct {
	fields []graphql.CollectedField // as collected
	// Values holds each field's value, at the field's index.
	Values []graphql.Marshaler
	// Invalids counts the fields whose value makes the object null.
	Invalids uint32
	// inline holds the values of an object of few fields, in the same allocation.
	inline [4]graphql.Marshaler
}

// newObjectAnswer returns an object's answer to be, with no value yet.
func newObjectAnswer(fields []graphql.CollectedField) *objectAnswer {
	a := &objectAnswer{fields: fields}
	if n := len(fields); n <= len(a.inline) {
		a.Values = a.inline[:n:n]
	} else {
		a.Values = make([]graphql.Marshaler, n)
	}
	return a
}

// Dispatch does nothing: every field resolves when the executor meets it, and a
// deferred one goes to its deferred group (resolveInOrder). gqlgen's FieldSet.Dispatch
// runs the fields scheduled on the set.
func (*objectAnswer) Dispatch(context.Context) {}

// MarshalGQL writes what FieldSet.MarshalGQL writes. An alias met again is skipped, as
// there (CollectFields merges fields of one alias, so none is). Aliases are GraphQL
// names, which have nothing to escape.
func (a *objectAnswer) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, "{")
	for i := range a.fields {
		alias := a.fields[i].Alias
		if written(a.fields[:i], alias) {
			continue
		}
		if i > 0 {
			_, _ = io.WriteString(w, ",")
		}
		_, _ = io.WriteString(w, `"`)
		_, _ = io.WriteString(w, alias)
		_, _ = io.WriteString(w, `":`)
		a.Values[i].MarshalGQL(w)
	}
	_, _ = io.WriteString(w, "}")
}

func written(before []graphql.CollectedField, alias string) bool {
	for i := range before {
		if before[i].Alias == alias {
			return true
		}
	}
	return false
}
