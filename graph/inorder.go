package graph

import (
	"context"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// The generated executor calls these functions instead of gqlgen's concurrent
// scheduling (tools/inorder rewrites the calls after gqlgen runs): a request is resolved
// in its own goroutine, one field and one list element after another. Every value is
// already in the request's loaders when it is resolved, so gqlgen's goroutines overlapped
// no I/O; each function keeps gqlgen's field contexts, nulls, invalid counts and panic
// recovery, so the answers and errors are the same.

// marshalSliceInOrder is graphql.MarshalSliceConcurrently without a goroutine per
// element. Each element gets its own field context with its index, and a panicking
// element is recovered into an error and a null, as gqlgen does. workerLimit has no use
// here.
func marshalSliceInOrder(ctx context.Context, length int, _ int64, omitPanicHandler bool,
	marshalElement func(ctx context.Context, i int) graphql.Marshaler,
) graphql.Array {
	ret := make(graphql.Array, length)
	// One allocation for every element's field context, index and context, rather than
	// three each.
	elements := make([]listElement, length)
	parent := graphql.GetFieldContext(ctx)
	for i := range length {
		e := &elements[i]
		e.index = i
		e.fc.Index, e.fc.Parent = &e.index, parent
		e.ctx = elementContext{ctx, &e.fc}
		childCtx := context.Context(&e.ctx)
		if fieldContextKey == nil { // a gqlgen that reads field contexts another way
			childCtx = graphql.WithFieldContext(ctx, &e.fc)
		}
		if omitPanicHandler {
			ret[i] = marshalElement(childCtx, i)
			continue
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(childCtx, graphql.Recover(childCtx, r))
					ret[i] = graphql.Null
				}
			}()
			ret[i] = marshalElement(childCtx, i)
		}()
	}
	return ret
}

// listElement is what marshalSliceInOrder makes for one element of a list.
type listElement struct {
	index int
	fc    graphql.FieldContext
	ctx   elementContext
}

// elementContext is graphql.WithFieldContext(parent, fc) for a list element, made with
// the list's other elements' rather than by a context.WithValue of its own: a list's
// elements were a tenth of the allocations of a varied request.
type elementContext struct {
	context.Context
	fc *graphql.FieldContext
}

func (c *elementContext) Value(key any) any {
	if key == fieldContextKey {
		return c.fc
	}
	return c.Context.Value(key)
}

// fieldContextKey is the context key gqlgen keeps a field context under, which it does
// not export: the key graphql.GetFieldContext asks a context for.
var fieldContextKey = func() any {
	spy := &keySpy{Context: context.Background()}
	graphql.GetFieldContext(spy)
	return spy.asked
}()

// keySpy is a context that notes the key it is asked for.
type keySpy struct {
	context.Context
	asked any
}

func (s *keySpy) Value(key any) any {
	s.asked = key
	return nil
}

// resolveInOrder is FieldSet.ResolveConcurrently resolving the field at once instead of
// scheduling it for FieldSet.Dispatch, which starts a goroutine for every scheduled field
// but one. A deferred field still goes to gqlgen, which delivers it in a later payload;
// the object's deferred group is made then, with the object's context, as gqlgen makes
// it for every object (tools/inorder leaves it empty until this).
func resolveInOrder(ctx context.Context, out *objectAnswer, field graphql.CollectedField,
	oc *graphql.OperationContext, deferred *graphql.DeferredGroup, i int,
	recoverFromPanic, nonNull bool, resolve func(ctx context.Context) graphql.Marshaler,
) {
	if field.IsDeferred() {
		if deferred.FieldSet == nil {
			*deferred = graphql.NewDeferredGroup(ctx)
		}
		// gqlgen adds the field to the group's own field set and leaves Null in the
		// object's, which it reads the field from: a set of the object's fields lends it
		// them.
		graphql.NewFieldSet(out.fields).ResolveConcurrently(oc, deferred, i, recoverFromPanic, nonNull, resolve)
		out.Values[i] = graphql.Null
		return
	}
	settle(out, i, nonNull, recoverToNull(ctx, oc, recoverFromPanic, resolve))
}

// resolveObjectFieldInOrder is resolveInOrder for a field of an object that the
// executor's method resolve answers. The generated executor passes the object and the
// method (a method expression: a static function) rather than a closure over them
// (tools/inorder): a closure handed to resolveInOrder escapes through its deferred
// branch, so it was an allocation for every resolver field of every object. Here only
// a deferred field makes one.
func resolveObjectFieldInOrder[O any](ctx context.Context, out *objectAnswer, field graphql.CollectedField,
	oc *graphql.OperationContext, deferred *graphql.DeferredGroup, i int, recoverFromPanic, nonNull bool,
	ec *executionContext, obj O, resolve func(*executionContext, context.Context, graphql.CollectedField, O) graphql.Marshaler,
) {
	if field.IsDeferred() {
		resolveInOrder(ctx, out, field, oc, deferred, i, recoverFromPanic, nonNull, func(ctx context.Context) graphql.Marshaler {
			return resolve(ec, ctx, field, obj)
		})
		return
	}
	settle(out, i, nonNull, recoverToNull(ctx, oc, recoverFromPanic, func(ctx context.Context) graphql.Marshaler {
		return resolve(ec, ctx, field, obj)
	}))
}

// resolveRootInOrder is FieldSet.ResolveRootConcurrently resolving a Query field at once,
// under the operation's root resolver middleware and the field's own root context.
func resolveRootInOrder(ctx context.Context, out *objectAnswer, oc *graphql.OperationContext, i int,
	recoverFromPanic, nonNull bool, resolve func(ctx context.Context) graphql.Marshaler,
) {
	settle(out, i, nonNull, oc.RootResolverMiddleware(ctx, func(ctx context.Context) graphql.Marshaler {
		return recoverToNull(ctx, oc, recoverFromPanic, resolve)
	}))
}

// settle stores a field's value and counts it against its object as gqlgen does: a null
// in a non-null field, or a required null in a nullable one, makes the object null.
func settle(out *objectAnswer, i int, nonNull bool, value graphql.Marshaler) {
	out.Values[i] = value
	invalid := graphql.Marshaler(graphql.RequiredNull)
	if nonNull {
		invalid = graphql.Null
	}
	if value == invalid {
		atomic.AddUint32(&out.Invalids, 1)
	}
}

// recoverToNull runs resolve, reporting a panic as the field's error and resolving it to
// null when recoverFromPanic is set, as gqlgen's scheduled fields do.
func recoverToNull(ctx context.Context, oc *graphql.OperationContext, recoverFromPanic bool,
	resolve func(ctx context.Context) graphql.Marshaler,
) (res graphql.Marshaler) {
	if recoverFromPanic {
		defer func() {
			if r := recover(); r != nil {
				oc.Error(ctx, oc.Recover(ctx, r))
				res = graphql.Null
			}
		}()
	}
	return resolve(ctx)
}

// resolveFieldInOrder is graphql.ResolveField for a field without field middleware
// (internal/gqlhttp refuses any; tools/inorder renames only calls that pass none), with
// the same field context, errors, nulls and panic recovery. gqlgen's hands the resolver
// to the middleware chain inside a closure and wraps the marshaler in another, so every
// function the generated code passes it escapes to the heap, and it boxes the result
// into an interface twice, once from the resolver and once into the field context's
// Result, which nothing reads: allocations for each resolver field of each object.
// Called directly, with the resolver returning the marshaler's type (tools/inorder types
// it), the generated closures stay on the stack and the value is never boxed. A nil
// result is null only where gqlgen's is: an interface type's nil (a nil slice or
// pointer boxed was never nil there, and goes to the marshaler as before).
func resolveFieldInOrder[T any](ctx context.Context, oc *graphql.OperationContext, field graphql.CollectedField,
	initializeFieldContext func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error),
	fieldResolver func(ctx context.Context) (T, error),
	marshal func(ctx context.Context, sel ast.SelectionSet, v T) graphql.Marshaler,
	recoverFromPanic, nonNull bool,
) (ret graphql.Marshaler) {
	fc, err := initializeFieldContext(ctx, field)
	if err != nil {
		return graphql.Null
	}
	ctx = graphql.WithFieldContext(ctx, fc)
	if recoverFromPanic {
		defer func() {
			if r := recover(); r != nil {
				oc.Error(ctx, oc.Recover(ctx, r))
				ret = graphql.Null
			}
		}()
	}
	res, err := fieldResolver(ctx)
	if err != nil {
		oc.Error(ctx, graphql.AddFieldLocationToError(ctx, err))
		if fc.NonNull && !nonNull {
			return graphql.RequiredNull
		}
		return graphql.Null
	}
	if any(res) == nil {
		if nonNull || fc.NonNull {
			graphql.AddInvalidNullError(ctx, "")
		}
		if fc.NonNull && !nonNull {
			return graphql.RequiredNull
		}
		return graphql.Null
	}
	return marshal(ctx, field.Selections, res)
}
