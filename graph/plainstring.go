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
