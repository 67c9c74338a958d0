package main

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// resolveField is gqlgen's resolution of a field read from a struct field of obj.
func resolveField(value, marshal, v string) string {
	return resolveFieldThrough("graphql.ResolveField", "\t\tnil,\n", value, marshal, v)
}

// resolveFieldThrough is the resolution of a field by the function named, passing it the
// middleware argument given (none when empty). gqlgen's resolver returns any;
// resolveFieldInOrder's returns the marshaler's type.
func resolveFieldThrough(function, middleware, value, marshal, v string) string {
	result := "any"
	if function == "resolveFieldInOrder" {
		result = v
	}
	return "\treturn " + function + "(\n\t\tctx,\n\t\tec.OperationContext,\n\t\tfield,\n" +
		"\t\tfunc(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {\n\t\t\treturn ec.fieldContext_Person_x(ctx, field)\n\t\t},\n" +
		"\t\tfunc(ctx context.Context) (" + result + ", error) {\n\t\t\treturn obj." + value + ", nil\n\t\t},\n" + middleware +
		"\t\tfunc(ctx context.Context, selections ast.SelectionSet, v " + v + ") graphql.Marshaler {\n\t\t\treturn ec." + marshal + "(ctx, selections, v)\n\t\t},\n" +
		"\t\ttrue,\n\t\ttrue,\n\t)\n"
}

// objectFieldCall is gqlgen's scheduling of an object's field (call: the call's name and
// first arguments), a closure over the object resolving it.
func objectFieldCall(call string) string {
	return call + "\n\t\t\t\ttrue, false,\n\t\t\t\tfunc(ctx context.Context) graphql.Marshaler {\n\t\t\t\t\treturn ec._Group_chairs(ctx, field, obj)\n\t\t\t\t})\n"
}

// middleware is a middleware chain argument (a field with a directive).
const middleware = "\t\tfunc(ctx context.Context, next graphql.Resolver) graphql.Resolver {\n\t\t\treturn next\n\t\t},\n"

// Generated marshalers: two plain ones (a scalar, an enum in a pointer) and two that
// are not (a float reports through its context; an object has fields of its own).
const marshalers = `func (ec *executionContext) marshalNString2string(ctx context.Context, sel ast.SelectionSet, v string) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalString(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "String!")
	}
	return res
}
func (ec *executionContext) marshalOHolding2ᚖlsgatlasᚋatlasᚐHolding(ctx context.Context, sel ast.SelectionSet, v *atlas.Holding) graphql.Marshaler {
	if v == nil {
		return graphql.Null
	}
	_ = sel
	_ = ctx
	res := graphql.MarshalString(string(*v))
	return res
}
func (ec *executionContext) marshalNBoolean2bool(ctx context.Context, sel ast.SelectionSet, v bool) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalBoolean(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "Boolean!")
	}
	return res
}
func (ec *executionContext) marshalNFloat2float64(ctx context.Context, sel ast.SelectionSet, v float64) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalFloatContext(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "Float!")
	}
	return graphql.WrapContextMarshaler(ctx, res)
}
func (ec *executionContext) marshalNPerson2lsgatlasᚋatlasᚐPerson(ctx context.Context, sel ast.SelectionSet, v atlas.Person) graphql.Marshaler {
	return ec._Person(ctx, sel, &v)
}
`

// elements are two list elements: one of an object (given to its executor in place), one
// of a scalar (left as it is).
const elements = "\t\treturn ec.marshalNPerson2lsgatlasᚋatlasᚐPerson(ctx, sel, v[i])\n\t\treturn ec.marshalNString2string(ctx, sel, v[i])\n"

// inputLists are a list of IDs (its elements read in the list's context first) and a
// list of input objects (left as it is), with their elements' unmarshalers.
const inputLists = `func (ec *executionContext) unmarshalNID2string(ctx context.Context, v any) (string, error) {
	res, err := graphql.UnmarshalID(v)
	return res, graphql.ErrorOnPath(ctx, err)
}
func (ec *executionContext) unmarshalNClaimInput2model(ctx context.Context, v any) (model.ClaimInput, error) {
	res, err := ec.unmarshalInputClaimInput(ctx, v)
	return res, graphql.ErrorOnPath(ctx, err)
}
`

// elementRead is a list unmarshaler's reading of element i with unmarshaler.
func elementRead(unmarshaler string) string {
	return "\t\tctx := graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i))\n\t\tres[i], err = ec." + unmarshaler + "(ctx, vSlice[i])\n"
}

func TestRewrite(t *testing.T) {
	fields := resolveField("Name", "marshalNString2string", "string") + resolveField("Label()", "marshalNString2string", "string") +
		resolveField("Holding", "marshalOHolding2ᚖlsgatlasᚋatlasᚐHolding", "*atlas.Holding") +
		resolveField("Derived()", "marshalNBoolean2bool", "bool") +
		resolveField("Score", "marshalNFloat2float64", "float64") + resolveField("Leader", "marshalNPerson2lsgatlasᚋatlasᚐPerson", "atlas.Person") +
		resolveFieldThrough("graphql.ResolveField", middleware, "Rank", "marshalNFloat2float64", "float64")
	gqlgen := "deferred := graphql.NewDeferredGroup(ctx)\ngraphql.MarshalSliceConcurrently(ctx, n)\n" + objectFieldCall("out.ResolveConcurrently(ec.OperationContext, &deferred, i,") + "out.ResolveRootConcurrently(innerCtx, ec.OperationContext, i)\n" +
		"fields := graphql.CollectFields(ec.OperationContext, sel, groupImplementors)\nout := graphql.NewFieldSet(fields)\n\treturn out\n}\n" + queryAnswer +
		"\tctx = graphql.WithFieldContext(ctx, fc)\n\tif fc.Args, err = ec.field_Group_chairs_args(ctx, field.ArgumentMap(ec.Variables)); err != nil {\n" + fields + marshalers + elements +
		inputLists + elementRead("unmarshalNID2string") + elementRead("unmarshalNClaimInput2model")
	rewritten := "var deferred graphql.DeferredGroup // made by resolveInOrder for a deferred field\nmarshalSliceInOrder(ctx, n)\nresolveObjectFieldInOrder(ctx, out, field, ec.OperationContext, &deferred, i,\n\t\t\t\ttrue, false,\n\t\t\t\tec, obj, (*executionContext)._Group_chairs)\nresolveRootInOrder(innerCtx, out, ec.OperationContext, i)\n" +
		"fields := collectAdmitted(ctx, ec.OperationContext, sel, groupImplementors)\nout := newObjectAnswer(fields)\n\treturn out\n}\n" +
		"\t\t\tresponse.Data = writeAnswer(data)\n" +
		"\tif fc.Args, ctx, err = fieldArgs(ctx, fc, ec.OperationContext, field, ec.field_Group_chairs_args); err != nil {\n" +
		"\treturn stringAt{&obj.Name} // plain: tools/inorder\n" +
		"\treturn ec.marshalNString2string(ctx, field.Selections, obj.Label()) // plain: tools/inorder\n" +
		"\treturn optionalString(obj.Holding) // plain: tools/inorder\n" +
		"\treturn boolAnswer(obj.Derived()) // plain: tools/inorder\n" +
		resolveFieldThrough("resolveFieldInOrder", "", "Score", "marshalNFloat2float64", "float64") +
		resolveFieldThrough("resolveFieldInOrder", "", "Leader", "marshalNPerson2lsgatlasᚋatlasᚐPerson", "atlas.Person") +
		resolveFieldThrough("graphql.ResolveField", middleware, "Rank", "marshalNFloat2float64", "float64") + marshalers +
		"\t\treturn ec._Person(ctx, sel, &v[i]) // in place: tools/inorder\n\t\treturn ec.marshalNString2string(ctx, sel, v[i])\n" + inputLists +
		"\t\tres[i], err = ec.unmarshalNID2string(ctx, vSlice[i])\n\t\tif err != nil { // again, at the element's path: tools/inorder\n" +
		"\t\t\tres[i], err = ec.unmarshalNID2string(graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i)), vSlice[i])\n\t\t}\n" +
		elementRead("unmarshalNClaimInput2model")
	for _, c := range []struct {
		name, src, want, wantErr string
	}{
		{name: "gqlgen's output", src: gqlgen, want: rewritten},
		{name: "already rewritten", src: rewritten, want: rewritten},
		{name: "a call renamed upstream", src: strings.Replace(gqlgen, "out.ResolveRootConcurrently(", "out.ResolveRoot(", 1), wantErr: `"out.ResolveRootConcurrently(innerCtx,"`},
		{name: "arguments parsed another way upstream", src: strings.Replace(gqlgen, "field.ArgumentMap(ec.Variables)", "field.Arguments", 1), wantErr: `"field.ArgumentMap(ec.Variables)"`},
		{name: "fields collected another way upstream", src: strings.Replace(gqlgen, "graphql.CollectFields(", "graphql.Collect(", 1), wantErr: `"fields := graphql.CollectFields(ec.OperationContext, sel,"`},
		{name: "objects' field sets made another way upstream", src: strings.Replace(gqlgen, "graphql.NewFieldSet(fields)", "graphql.NewFieldSet(fields...)", 1), wantErr: `"out := graphql.NewFieldSet(fields)"`},
		{name: "input lists read another way upstream", src: strings.ReplaceAll(gqlgen, "graphql.NewPathWithIndex(i)", "graphql.NewPathWithIndex(j)"), wantErr: "no list of scalars"},
		{name: "answers written another way upstream", src: strings.Replace(gqlgen, "data.MarshalGQL(&buf)", "data.MarshalGQL(buf)", 1), wantErr: `"\t\t\tvar buf bytes.Buffer`},
		{name: "list elements marshalled another way upstream", src: strings.ReplaceAll(gqlgen, "sel, v[i])", "sel, &v[i])"), wantErr: "no list element"},
		{name: "struct fields resolved another way upstream", src: strings.ReplaceAll(gqlgen, "graphql.ResolveField(", "graphql.Resolve("), wantErr: "no plain field"},
		{name: "object fields scheduled another way upstream", src: strings.Replace(gqlgen, "return ec._Group_chairs(ctx, field, obj)", "return ec._Group_chairs(ctx, field, obj, true)", 1), wantErr: "no object field"},
		{name: "no resolver field without middleware", src: strings.NewReplacer("obj.Score, nil\n\t\t},\n\t\tnil,\n", "obj.Score, nil\n\t\t},\n"+middleware,
			"obj.Leader, nil\n\t\t},\n\t\tnil,\n", "obj.Leader, nil\n\t\t},\n"+middleware).Replace(gqlgen), wantErr: "no resolver field"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := rewrite([]byte(c.src))
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err %v, want one naming %s", err, c.wantErr)
				}
				return
			}
			if err != nil || string(got) != c.want {
				t.Errorf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

// A plain marshaler's null check is skipped with the field's context: it holds only if
// the graphql marshalers plainLine allows never return Null, whatever the value.
func TestPlainMarshalersNeverNull(t *testing.T) {
	for _, c := range []struct {
		name string
		m    graphql.Marshaler
	}{
		{"MarshalString empty", graphql.MarshalString("")},
		{"MarshalString invalid UTF-8", graphql.MarshalString("\xff")},
		{"MarshalID empty", graphql.MarshalID("")},
		{"MarshalBoolean false", graphql.MarshalBoolean(false)},
		{"MarshalInt 0", graphql.MarshalInt(0)},
		{"MarshalInt min", graphql.MarshalInt(math.MinInt)},
		{"MarshalInt64 max", graphql.MarshalInt64(math.MaxInt64)},
		{"MarshalInt32 min", graphql.MarshalInt32(math.MinInt32)},
	} {
		if c.m == graphql.Null {
			t.Errorf("%s is Null", c.name)
			continue
		}
		var b bytes.Buffer
		c.m.MarshalGQL(&b)
		if b.String() == "null" {
			t.Errorf("%s writes null", c.name)
		}
	}
}
