// Command inorder runs after gqlgen (see graph/resolver.go's go:generate lines): it makes
// the generated executor resolve a request in the request's goroutine, one field and one
// list element after another, instead of starting goroutines for them, and parse each
// field's arguments once per operation.
//
// gqlgen v0.17 starts a goroutine per element of a list of objects
// (graphql.MarshalSliceConcurrently) and, in FieldSet.Dispatch, one per resolver field
// of an object beyond the first (a group's chairs and members, a relationship's node and
// via). It offers no option to stop either: exec.worker_limit only caps the per-element
// goroutines (each is still started, with a semaphore added); an object's
// DisableConcurrency, which a plugin could set, would also resolve @defer fragments
// inline, so the multipart answers the Explorer shows would stop arriving in parts; and
// its exec templates cannot be replaced. Every value here is already in the request's
// loaders when it is resolved (the planner fetches each level ahead), so the goroutines
// overlap no I/O: starting them, growing their stacks and waiting for them is pure cost.
//
// The rewrite renames three calls to functions of graph/inorder.go with the same
// results, nulls, error counts and panic recovery:
//
//	graphql.MarshalSliceConcurrently(             → marshalSliceInOrder(
//	out.ResolveConcurrently(ec.OperationContext,   → resolveInOrder(ctx, out, field, ec.OperationContext,
//	out.ResolveRootConcurrently(innerCtx,          → resolveRootInOrder(innerCtx, out,
//
// A deferred field still goes through gqlgen's ResolveConcurrently, which delivers it
// later. And every object's group of deferred fields is left empty until its first
// deferred field (resolveInOrder makes it then):
//
//	deferred := graphql.NewDeferredGroup(ctx)      → var deferred graphql.DeferredGroup
//
// gqlgen makes the group for every object of the answer, with the object's path (a
// slice built up the field contexts), a field set and a map, though almost no request
// defers anything: in graph's BenchmarkExecutor, making them cost about a tenth of the
// two-level query's CPU. Every field context parses its field's arguments through
// graph/fieldargs.go, once per field of the operation rather than once per object:
//
//	ec.field_Group_chairs_args(ctx, field.ArgumentMap(ec.Variables))
//	                                               → fieldArgs(ctx, ec.OperationContext, field, ec.field_Group_chairs_args)
//
// Every object asks the request's limits before its fields resolve (graph/admission.go),
// once per object instead of in a field middleware around every field:
//
//	fields := graphql.CollectFields(ec.OperationContext, sel,
//	                                               → fields := collectAdmitted(ctx, ec.OperationContext, sel,
//
// every object resolves into graph/objectanswer.go's answer, which writes itself,
// rather than into a FieldSet, three allocations an object that allocates again for
// each field it writes:
//
//	out := graphql.NewFieldSet(fields)             → out := newObjectAnswer(fields)
//
// the elements of an input list of scalars are read in the list's context, and in one
// of their own only for an error (lists.go);
//
// a query's answer is written once into a pooled buffer, and kept in one copy of its
// size, rather than into a buffer grown from nothing (queryAnswer);
//
// and plain fields, read from a struct field and marshalled as a scalar or an enum, are
// written without gqlgen's per-field machinery (plain.go); list elements of struct
// types go to their object's executor in place rather than copied (elements.go); and
// every other field without middleware resolves with no closure on the heap and its
// value never boxed: gqlgen's ResolveField and an object's scheduling of its resolver
// fields both let the closures they are handed escape, and its resolvers return an any
// (resolvefield.go).
//
// The command fails when it finds none of a call and none of its
// replacement, so a gqlgen upgrade that renames one is noticed at once. An upstream option (a
// "sequential execution" exec setting) would make this step unnecessary.
package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
)

// rewrites are the calls replaced, each with its replacement (and, where a later step
// rewrites the replacement again, what that step makes of it).
var rewrites = []struct{ from, to, then string }{
	{"graphql.MarshalSliceConcurrently(", "marshalSliceInOrder(", ""},
	{"out.ResolveConcurrently(ec.OperationContext,", "resolveInOrder(ctx, out, field, ec.OperationContext,", "resolveObjectFieldInOrder(ctx, out, field, ec.OperationContext,"},
	{"out.ResolveRootConcurrently(innerCtx,", "resolveRootInOrder(innerCtx, out,", ""},
	{"deferred := graphql.NewDeferredGroup(ctx)", "var deferred graphql.DeferredGroup // made by resolveInOrder for a deferred field", ""},
	{"fields := graphql.CollectFields(ec.OperationContext, sel,", "fields := collectAdmitted(ctx, ec.OperationContext, sel,", ""},
	{"out := graphql.NewFieldSet(fields)", "out := newObjectAnswer(fields)", ""},
	{queryAnswer, "\t\t\tresponse.Data = writeAnswer(data)\n", ""},
}

// queryAnswer is how a query's answer is written: into a buffer of its own, grown from
// nothing by doubling, so an answer of 10 KB allocated twice that and copied each
// time it grew. writeAnswer (graph/answer.go) writes into a pooled buffer and keeps one
// copy of the answer's exact size.
const queryAnswer = "\t\t\tvar buf bytes.Buffer\n\t\t\tdata.MarshalGQL(&buf)\n\t\t\tresponse.Data = buf.Bytes()\n"

// argsCall is a field context's parse of its field's arguments, in a context of the
// field's own made for the parse, and argsRewrite its replacement: fieldArgs makes that
// context only when it parses, which is once per field of the operation, and hands it
// back for the error it reports (it was an allocation per field of every object).
var (
	argsCall    = regexp.MustCompile("\tctx = graphql\\.WithFieldContext\\(ctx, fc\\)\n\tif fc\\.Args, err = ec\\.(field_\\w+_args)\\(ctx, field\\.ArgumentMap\\(ec\\.Variables\\)\\); err != nil \\{")
	argsRewrite = "\tif fc.Args, ctx, err = fieldArgs(ctx, fc, ec.OperationContext, field, ec.$1); err != nil {"
	argsDone    = regexp.MustCompile(`fieldArgs\(ctx, fc, ec\.OperationContext, field, ec\.field_\w+_args\)`)
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: inorder path/to/generated.go")
		os.Exit(2)
	}
	path := os.Args[1]
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := rewrite(src)
	if err != nil {
		fmt.Fprintf(os.Stderr, "inorder: %s: %v\n", path, err)
		os.Exit(1)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// rewrite applies every rewrite to src. Running it twice changes nothing more.
func rewrite(src []byte) ([]byte, error) {
	for _, r := range rewrites {
		from, to := []byte(r.from), []byte(r.to)
		if !bytes.Contains(src, from) && !bytes.Contains(src, to) && (r.then == "" || !bytes.Contains(src, []byte(r.then))) {
			return nil, fmt.Errorf("finds neither %q nor %q: has gqlgen changed how it schedules fields and lists?", r.from, r.to)
		}
		src = bytes.ReplaceAll(src, from, to)
	}
	if !argsCall.Match(src) && !argsDone.Match(src) {
		return nil, fmt.Errorf("finds no field context parsing %q: has gqlgen changed how it parses arguments?", "field.ArgumentMap(ec.Variables)")
	}
	src, err := rewritePlainFields(argsCall.ReplaceAll(src, []byte(argsRewrite)))
	if err != nil {
		return nil, err
	}
	if src, err = rewriteElements(src); err != nil {
		return nil, err
	}
	if src, err = rewriteListElements(src); err != nil {
		return nil, err
	}
	return rewriteResolverFields(src)
}
