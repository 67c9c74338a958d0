package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// resolveFieldInOrder must answer every field as gqlgen's graphql.ResolveField does with
// no middleware, given gqlgen's resolver returning its value as an any: the same value or
// null, the same errors at the same paths, for every resolver outcome, for a pointer and
// an interface type, and every combination of the field's and the marshaler's
// non-nullness.
func TestResolveFieldInOrderIsGqlgens(t *testing.T) {
	type person struct{ name string }
	marshalPerson := func(_ context.Context, sel ast.SelectionSet, v *person) graphql.Marshaler {
		if v == nil {
			return graphql.Null
		}
		return graphql.MarshalString(v.name + fmt.Sprint(len(sel)))
	}
	marshalStringer := func(_ context.Context, sel ast.SelectionSet, v fmt.Stringer) graphql.Marshaler {
		return graphql.MarshalString(v.String() + fmt.Sprint(len(sel)))
	}
	cases := []struct {
		name string
		same func(t *testing.T, nonNull, fieldNonNull bool)
	}{}
	add := func(name string, same func(t *testing.T, nonNull, fieldNonNull bool)) {
		cases = append(cases, struct {
			name string
			same func(t *testing.T, nonNull, fieldNonNull bool)
		}{name, same})
	}
	for _, c := range []struct {
		name    string
		resolve func(context.Context) (*person, error)
	}{
		{"a value", func(context.Context) (*person, error) { return &person{"Xi"}, nil }},
		{"a nil pointer", func(context.Context) (*person, error) { return nil, nil }},
		{"an error", func(context.Context) (*person, error) { return nil, errors.New("unreadable") }},
		{"a panic", func(context.Context) (*person, error) { panic("boom") }},
	} {
		add("pointer: "+c.name, func(t *testing.T, nonNull, fieldNonNull bool) {
			sameAsGqlgens(t, c.resolve, marshalPerson, nonNull, fieldNonNull)
		})
	}
	for _, c := range []struct {
		name    string
		resolve func(context.Context) (fmt.Stringer, error)
	}{
		{"a value", func(context.Context) (fmt.Stringer, error) { return time.Duration(3), nil }},
		{"nil", func(context.Context) (fmt.Stringer, error) { return nil, nil }},
		{"an error", func(context.Context) (fmt.Stringer, error) { return nil, errors.New("unreadable") }},
	} {
		add("interface: "+c.name, func(t *testing.T, nonNull, fieldNonNull bool) {
			sameAsGqlgens(t, c.resolve, marshalStringer, nonNull, fieldNonNull)
		})
	}
	for _, c := range cases {
		for _, nonNull := range []bool{false, true} {
			for _, fieldNonNull := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s, nonNull %v, field non-null %v", c.name, nonNull, fieldNonNull), func(t *testing.T) {
					c.same(t, nonNull, fieldNonNull)
				})
			}
		}
	}
}

// sameAsGqlgens checks resolveFieldInOrder with resolve against graphql.ResolveField with
// resolve's value as an any.
func sameAsGqlgens[T any](t *testing.T, resolve func(context.Context) (T, error),
	marshal func(context.Context, ast.SelectionSet, T) graphql.Marshaler, nonNull, fieldNonNull bool,
) {
	t.Helper()
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
		untyped := func(ctx context.Context) (any, error) {
			v, err := resolve(ctx)
			if err != nil {
				return nil, err // gqlgen's generated resolvers return the error with no value
			}
			return v, nil
		}
		return graphql.ResolveField(ctx, oc, field, fieldContext, untyped, nil, marshal, true, nonNull)
	})
	gotAnswer, gotErrs := run(func(ctx context.Context, oc *graphql.OperationContext) graphql.Marshaler {
		return resolveFieldInOrder(ctx, oc, field, fieldContext, resolve, marshal, true, nonNull)
	})
	if gotAnswer != wantAnswer || fmt.Sprint(gotErrs) != fmt.Sprint(wantErrs) {
		t.Errorf("answer %s, errors %q; gqlgen's %s, %q", gotAnswer, gotErrs, wantAnswer, wantErrs)
	}
}

// Each list element's context gives gqlgen the element's own field context, as
// graphql.WithFieldContext would: its index, the list's field context as its parent (so
// an error's path ends in the index), and every other value of the list's context.
func TestListElementContextsAreGqlgens(t *testing.T) {
	type other struct{}
	list := &graphql.FieldContext{Field: graphql.CollectedField{Field: &ast.Field{Alias: "members"}}}
	ctx := context.WithValue(graphql.WithFieldContext(context.Background(), list), other{}, "kept")
	var got []string
	marshalSliceInOrder(ctx, 3, 0, true, func(ctx context.Context, i int) graphql.Marshaler {
		fc := graphql.GetFieldContext(ctx)
		got = append(got, fmt.Sprintf("%d %d %v %s %v", i, *fc.Index, fc.Parent == list, fc.Path(), ctx.Value(other{})))
		return graphql.Null
	})
	want := []string{"0 0 true members[0] kept", "1 1 true members[1] kept", "2 2 true members[2] kept"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// The key is gqlgen's: a field context gqlgen puts in a context is the one read.
	if fieldContextKey == nil || graphql.GetFieldContext(context.WithValue(context.Background(), fieldContextKey, list)) != list {
		t.Errorf("fieldContextKey %v is not the key gqlgen reads", fieldContextKey)
	}
}
