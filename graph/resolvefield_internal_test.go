package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// resolveFieldInOrder must answer every field as gqlgen's graphql.ResolveField does with
// no middleware: the same value or null, the same errors at the same paths, for every
// resolver outcome and every combination of the field's and the marshaler's
// non-nullness.
func TestResolveFieldInOrderIsGqlgens(t *testing.T) {
	type person struct{ name string }
	marshal := func(_ context.Context, sel ast.SelectionSet, v *person) graphql.Marshaler {
		if v == nil {
			return graphql.Null
		}
		return graphql.MarshalString(v.name + fmt.Sprint(len(sel)))
	}
	for _, c := range []struct {
		name    string
		resolve func(context.Context) (any, error)
	}{
		{"a value", func(context.Context) (any, error) { return &person{"Xi"}, nil }},
		{"a typed nil", func(context.Context) (any, error) { return (*person)(nil), nil }},
		{"nil", func(context.Context) (any, error) { return nil, nil }},
		{"an error", func(context.Context) (any, error) { return nil, errors.New("unreadable") }},
		{"a marshaler", func(context.Context) (any, error) { return graphql.MarshalString("as is"), nil }},
		{"another type", func(context.Context) (any, error) { return 42, nil }},
		{"a panic", func(context.Context) (any, error) { panic("boom") }},
	} {
		for _, nonNull := range []bool{false, true} {
			for _, fieldNonNull := range []bool{false, true} {
				name := fmt.Sprintf("%s, nonNull %v, field non-null %v", c.name, nonNull, fieldNonNull)
				t.Run(name, func(t *testing.T) {
					field := graphql.CollectedField{Field: &ast.Field{Name: "leader", Alias: "leader",
						SelectionSet: ast.SelectionSet{&ast.Field{Name: "id"}}}}
					fieldContext := func(_ context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
						return &graphql.FieldContext{Object: "Group", Field: field, IsResolver: true, NonNull: fieldNonNull}, nil
					}
					run := func(resolve func(ctx context.Context, oc *graphql.OperationContext) graphql.Marshaler) (string, []string) {
						oc := operationContext()
						oc.ResolverMiddleware = func(ctx context.Context, next graphql.Resolver) (any, error) { return next(ctx) }
						var errs []error
						ctx := responseContext(oc, &errs)
						ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query", Field: graphql.CollectedField{Field: &ast.Field{Name: "group", Alias: "group"}}})
						got := resolve(ctx, oc)
						answer := "<nil>"
						switch {
						case got == graphql.Null:
							answer = "Null"
						case got == graphql.RequiredNull:
							answer = "RequiredNull"
						case got != nil:
							var b bytes.Buffer
							got.MarshalGQL(&b)
							answer = b.String()
						}
						var reported []string
						for _, err := range errs {
							var gerr *gqlerror.Error
							if errors.As(err, &gerr) {
								reported = append(reported, fmt.Sprintf("%s at %v", gerr.Message, gerr.Path))
							} else {
								reported = append(reported, err.Error())
							}
						}
						return answer, reported
					}
					wantAnswer, wantErrs := run(func(ctx context.Context, oc *graphql.OperationContext) graphql.Marshaler {
						return graphql.ResolveField(ctx, oc, field, fieldContext, c.resolve, nil, marshal, true, nonNull)
					})
					gotAnswer, gotErrs := run(func(ctx context.Context, oc *graphql.OperationContext) graphql.Marshaler {
						return resolveFieldInOrder(ctx, oc, field, fieldContext, c.resolve, marshal, true, nonNull)
					})
					if gotAnswer != wantAnswer || fmt.Sprint(gotErrs) != fmt.Sprint(wantErrs) {
						t.Errorf("answer %s, errors %q; gqlgen's %s, %q", gotAnswer, gotErrs, wantAnswer, wantErrs)
					}
				})
			}
		}
	}
}
