package graph

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The generated executor must schedule nothing on goroutines of its own, ask the
// request's limits once per object and write plain fields directly: go generate rewrites
// gqlgen's output (tools/inorder). Regenerating without that step fails here.
func TestGeneratedExecutorResolvesInOrder(t *testing.T) {
	src, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		call string
		want bool
	}{
		{"graphql.MarshalSliceConcurrently(", false},
		{"out.ResolveConcurrently(", false},
		{"out.ResolveRootConcurrently(", false},
		{"marshalSliceInOrder(", true},
		{"resolveInOrder(ctx, out, field, ec.OperationContext,", false},
		{"ec, obj, (*executionContext)._Group_chairs)", true},
		{"graphql.ResolveField(", false},
		{"return resolveFieldInOrder(", true},
		{"\t\tfunc(ctx context.Context) ([]atlas.Edge, error) {\n\t\t\tfc := graphql.GetFieldContext(ctx)\n\t\t\treturn ec.Resolvers.Group().Members(", true},
		{"resolveRootInOrder(innerCtx, out, ec.OperationContext,", true},
		{"field.ArgumentMap(ec.Variables)", false},
		{"if fc.Args, ctx, err = fieldArgs(ctx, fc, ec.OperationContext, field, ec.field_Group_chairs_args)", true},
		{"ctx = graphql.WithFieldContext(ctx, fc)\n\tif fc.Args", false},
		{"response.Data = writeAnswer(data)", true},
		{"if err != nil { // again, at the element's path: tools/inorder", true},
		{"return optionalString(obj.Role) // plain: tools/inorder", true},
		{"return boolAnswer(obj.Derived()) // plain: tools/inorder", true},
		{"graphql.CollectFields(", false},
		{"\n\treturn out\n}\n", true},
		{"out := newObjectAnswer(fields)", true},
		{"graphql.NewFieldSet(", false},
		{"fields := collectAdmitted(ctx, ec.OperationContext, sel, groupImplementors)", true},
		{"return ec.marshalNString2string(ctx, field.Selections, obj.Name) // plain: tools/inorder", false},
		{"return stringAt{&obj.Name} // plain: tools/inorder", true},
		{"return stringAt{&obj.ID} // plain: tools/inorder", true},
		{"return ec._Relationship(ctx, sel, &v[i]) // in place: tools/inorder", true},
		{"return ec.marshalNString2string(ctx, field.Selections, obj.Label()) // plain: tools/inorder", true},
		{"return ec.marshalOPartialDate2ᚖlsgatlasᚋatlasᚐPartialDate(ctx, field.Selections, obj.Abolished) // plain: tools/inorder", true},
	} {
		if got := bytes.Contains(src, []byte(c.call)); got != c.want {
			t.Errorf("generated.go calls %s: %v, want %v (run go generate ./graph)", c.call, got, c.want)
		}
	}
}

func operationContext() *graphql.OperationContext {
	return &graphql.OperationContext{
		RootResolverMiddleware: func(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
			return next(ctx)
		},
		RecoverFunc: func(_ context.Context, r any) error { return errors.New(r.(string)) },
	}
}

// responseContext collects the errors a field reports into errs.
func responseContext(oc *graphql.OperationContext, errs *[]error) context.Context {
	return graphql.WithResponseContext(context.Background(), func(_ context.Context, err error) *gqlerror.Error {
		*errs = append(*errs, err)
		return &gqlerror.Error{Message: err.Error()}
	}, oc.RecoverFunc)
}

// comparableValue is a field value the test can compare (gqlgen's own are functions).
type comparableValue string

func (v comparableValue) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(string(v))) }

// Each field is resolved during the call, in the caller's goroutine, and counted against
// its object exactly as gqlgen's scheduled fields are.
func TestResolveInOrder(t *testing.T) {
	var value graphql.Marshaler = comparableValue("v")
	for _, c := range []struct {
		name         string
		nonNull      bool
		resolve      func(context.Context) graphql.Marshaler
		want         graphql.Marshaler
		wantInvalids uint32
		wantErrors   int
	}{
		{"a value", true, func(context.Context) graphql.Marshaler { return value }, value, 0, 0},
		{"null in a non-null field", true, func(context.Context) graphql.Marshaler { return graphql.Null }, graphql.Null, 1, 0},
		{"null in a nullable field", false, func(context.Context) graphql.Marshaler { return graphql.Null }, graphql.Null, 0, 0},
		{"required null in a nullable field", false, func(context.Context) graphql.Marshaler { return graphql.RequiredNull }, graphql.RequiredNull, 1, 0},
		{"a panic", true, func(context.Context) graphql.Marshaler { panic("boom") }, graphql.Null, 1, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			var errs []error
			oc := operationContext()
			fields := []graphql.CollectedField{{Field: &ast.Field{Name: "f", Alias: "f"}}}
			ctx := responseContext(oc, &errs)
			ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Field: fields[0]})
			ways := []string{"closure", "root", "object's method"}
			for _, way := range ways {
				out := newObjectAnswer(fields)
				deferred := graphql.NewDeferredGroup(ctx)
				switch way {
				case "closure":
					resolveInOrder(ctx, out, fields[0], oc, &deferred, 0, true, c.nonNull, c.resolve)
				case "root":
					resolveRootInOrder(ctx, out, oc, 0, true, c.nonNull, c.resolve)
				default:
					resolveObjectFieldInOrder(ctx, out, fields[0], oc, &deferred, 0, true, c.nonNull, nil, c.resolve,
						func(_ *executionContext, ctx context.Context, _ graphql.CollectedField, resolve func(context.Context) graphql.Marshaler) graphql.Marshaler {
							return resolve(ctx)
						})
				}
				// Read before any Dispatch: resolved at once, nothing left scheduled.
				if out.Values[0] != c.want || out.Invalids != c.wantInvalids {
					t.Errorf("%s: value %v, invalids %d; want %v, %d", way, out.Values[0], out.Invalids, c.want, c.wantInvalids)
				}
			}
			if len(errs) != len(ways)*c.wantErrors {
				t.Errorf("errors %v, want %d", errs, len(ways)*c.wantErrors)
			}
		})
	}
}

// A deferred field is left to gqlgen, which resolves it for a later payload: nothing is
// resolved during the call.
func TestResolveInOrderLeavesDeferredFieldsToGqlgen(t *testing.T) {
	var errs []error
	oc := operationContext()
	fields := []graphql.CollectedField{{Field: &ast.Field{Name: "f", Alias: "f"}, Deferrables: []*graphql.Deferrable{{Label: "later"}}}}
	ctx := graphql.WithFieldContext(responseContext(oc, &errs), &graphql.FieldContext{Field: fields[0]})
	out := newObjectAnswer(fields)
	deferred := graphql.NewDeferredGroup(ctx)
	resolved := false
	resolveInOrder(ctx, out, fields[0], oc, &deferred, 0, true, true, func(context.Context) graphql.Marshaler {
		resolved = true
		return graphql.MarshalString("v")
	})
	if resolved || out.Values[0] != graphql.Null || len(deferred.Defers) != 1 || deferred.Defers["later"] == nil {
		t.Errorf("resolved %v, value %v, defers %v; want a deferred field left for later", resolved, out.Values[0], deferred.Defers)
	}

	// And so is a deferred field of an object resolved by its executor's method.
	out, deferred = newObjectAnswer(fields), graphql.NewDeferredGroup(ctx)
	resolveObjectFieldInOrder(ctx, out, fields[0], oc, &deferred, 0, true, true, nil, &resolved,
		func(_ *executionContext, _ context.Context, _ graphql.CollectedField, resolved *bool) graphql.Marshaler {
			*resolved = true
			return graphql.MarshalString("v")
		})
	if resolved || out.Values[0] != graphql.Null || len(deferred.Defers) != 1 || deferred.Defers["later"] == nil {
		t.Errorf("object's method: resolved %v, value %v, defers %v; want a deferred field left for later", resolved, out.Values[0], deferred.Defers)
	}
}
