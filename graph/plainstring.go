package graph

import (
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// stringAt is a plain String or ID field read from a struct field (tools/inorder,
// plain.go), written as graphql.MarshalString writes it. gqlgen's marshaler returns a
// closure holding the string, one allocation per field of the answer (5% of an executed
// two-level query's); a pointer to the field is a value the field set holds as it is,
// and the closure made while writing stays on the stack. The object is never changed
// while its request runs (resolvers only read their objects), so the field still holds
// the value read when the answer is written.
type stringAt struct{ p *string }

func (s stringAt) MarshalGQL(w io.Writer) { graphql.MarshalString(*s.p).MarshalGQL(w) }

// optionalString is a plain nullable enum field, a pointer to a string type read from a
// struct field (tools/inorder, plain.go), written as its generated marshaler writes it:
// null, or the string. Its marshaler returns a closure holding the string; a pointer is
// held as it is.
func optionalString[T ~string](v *T) graphql.Marshaler {
	if v == nil {
		return graphql.Null
	}
	return stringPointer[T]{v}
}

type stringPointer[T ~string] struct{ p *T }

func (s stringPointer[T]) MarshalGQL(w io.Writer) { graphql.MarshalString(string(*s.p)).MarshalGQL(w) }

// boolAnswer is a plain Boolean field (tools/inorder, plain.go), written as
// graphql.MarshalBoolean writes it: a one-byte value is held in an interface without
// an allocation, where MarshalBoolean's closure is one.
type boolAnswer bool

func (b boolAnswer) MarshalGQL(w io.Writer) { graphql.MarshalBoolean(bool(b)).MarshalGQL(w) }
