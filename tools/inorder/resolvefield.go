package main

import (
	"fmt"
	"regexp"
)

// A resolver field (one that is not plain) goes through gqlgen's graphql.ResolveField,
// which runs the resolver inside the field middleware chain and wraps the marshaler in a
// closure of its own, so every function the generated code hands it escapes to the heap,
// and it boxes the result again into the field context. With no field middleware
// (internal/gqlhttp refuses any, and the calls renamed pass none) graph/inorder.go's
// resolveFieldInOrder does the same work with the generated closures on the stack:
//
//	return graphql.ResolveField(ctx, ec.OperationContext, field, fieldContext, resolver, nil, marshal, …)
//	                                 → return resolveFieldInOrder(ctx, ec.OperationContext, field, fieldContext, resolver, marshal, …)
//
// A call with a middleware chain (a field with a directive) is left to gqlgen.

// resolverField is gqlgen's resolution of a field with no middleware chain, up to its
// middleware argument: the call, and the arguments before the middleware.
var resolverField = regexp.MustCompile(`\treturn graphql\.ResolveField\((
		ctx,
		ec\.OperationContext,
		field,
		func\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{
(?:			.*
)+?		\},
		func\(ctx context\.Context\) \(any, error\) \{
(?:			.*
)+?		\},
)		nil,
`)

// objectField is an object's field resolved in order (main.go's rewrite of gqlgen's
// scheduling), with a closure over the object and the field's executor method.
// resolveInOrder lets a closure escape (for a deferred field), so every such field of
// every object made one; resolveObjectFieldInOrder takes the object and the method
// instead, as a method expression, which allocates nothing:
//
//	resolveInOrder(ctx, out, field, ec.OperationContext, &deferred, i, true, true,
//		func(ctx context.Context) graphql.Marshaler { return ec._Group_chairs(ctx, field, obj) })
//	                                 → resolveObjectFieldInOrder(ctx, out, field, ec.OperationContext, &deferred, i, true, true,
//	                                   ec, obj, (*executionContext)._Group_chairs)
var objectField = regexp.MustCompile(`resolveInOrder\(ctx, out, field, ec\.OperationContext, &deferred, i,
(\t+)(true|false), (true|false),
\t+func\(ctx context\.Context\) graphql\.Marshaler \{
\t+return ec\.(_\w+)\(ctx, field, obj\)
\t+\}\)`)

// objectFieldDone is an object's field once rewritten.
var objectFieldDone = regexp.MustCompile(`resolveObjectFieldInOrder\(ctx, out, field, ec\.OperationContext, &deferred, i,\n`)

// resolverFieldDone is a call once renamed.
var resolverFieldDone = regexp.MustCompile(`\treturn resolveFieldInOrder\(\n`)

// untypedResolver is a renamed call's resolver, which returns its value as an any, up
// to the type the call's marshaler takes (group 3): gqlgen boxes every value into an
// interface on its way to the marshaler, an allocation for a list or a struct value of
// every resolver field of every object. resolveFieldInOrder takes the resolver typed
// as the marshaler is, so the value goes to the marshaler as it is:
//
//	func(ctx context.Context) (any, error) { return ec.Resolvers.Group().Members(…) }
//	                                 → func(ctx context.Context) ([]atlas.Edge, error) { … }
var untypedResolver = regexp.MustCompile(`(\treturn resolveFieldInOrder\(
		ctx,
		ec\.OperationContext,
		field,
		func\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{
(?:			.*
)+?		\},
		func\(ctx context\.Context\) \()any(, error\) \{
(?:			.*
)+?		\},
		func\(ctx context\.Context, selections ast\.SelectionSet, v ([^)]+)\) graphql\.Marshaler \{)`)

// rewriteResolverFields renames src's calls of graphql.ResolveField without middleware,
// types their resolvers, and hands objects' fields to resolveObjectFieldInOrder.
func rewriteResolverFields(src []byte) ([]byte, error) {
	if !resolverField.Match(src) && !resolverFieldDone.Match(src) {
		return nil, fmt.Errorf("finds no resolver field (%q): has gqlgen changed how it resolves fields?", "return graphql.ResolveField(")
	}
	src = resolverField.ReplaceAll(src, []byte("\treturn resolveFieldInOrder($1"))
	src = untypedResolver.ReplaceAllFunc(src, func(call []byte) []byte {
		m := untypedResolver.FindSubmatchIndex(call)
		// The resolver's result type (the text "any") becomes the marshaler's value type.
		typ := call[m[6]:m[7]]
		out := append([]byte{}, call[:m[3]]...)
		out = append(out, typ...)
		return append(out, call[m[4]:]...)
	})
	if !objectField.Match(src) && !objectFieldDone.Match(src) {
		return nil, fmt.Errorf("finds no object field resolved in order (%q): has gqlgen changed how it schedules an object's fields?", "return ec._Type_field(ctx, field, obj)")
	}
	return objectField.ReplaceAll(src, []byte("resolveObjectFieldInOrder(ctx, out, field, ec.OperationContext, &deferred, i,\n${1}${2}, ${3},\n${1}ec, obj, (*executionContext).${4})")), nil
}
