// Command inorderlists runs after gqlgen (see graph/resolver.go's go:generate lines): it
// makes the generated executor marshal list elements one after another, in the request's
// goroutine, instead of starting a goroutine per element.
//
// gqlgen v0.17 offers no option for this: exec.worker_limit only caps how many of the
// per-element goroutines run at once (each is still started, with a semaphore added), and
// its templates cannot be replaced from gqlgen.yml. Every list element here is already in
// the request's loaders when it is marshalled (the planner fetches each level ahead), so
// the goroutines buy no overlap of I/O; starting them, growing their stacks and waiting
// for them cost about 30% of an executed query's CPU. The rewrite is one call name,
// graphql.MarshalSliceConcurrently → marshalSliceInOrder (graph/inorder.go, the same
// signature and the same results, nulls and errors), and fails when it finds none, so a
// gqlgen upgrade that renames the call is noticed at once. An upstream option (a
// "sequential lists" exec setting) would make this step unnecessary.
package main

import (
	"bytes"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: inorderlists path/to/generated.go")
		os.Exit(2)
	}
	path := os.Args[1]
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	from, to := []byte("graphql.MarshalSliceConcurrently("), []byte("marshalSliceInOrder(")
	n := bytes.Count(src, from)
	if n == 0 && bytes.Count(src, to) == 0 {
		fmt.Fprintf(os.Stderr, "inorderlists: %s calls neither graphql.MarshalSliceConcurrently nor marshalSliceInOrder: has gqlgen changed how it marshals lists?\n", path)
		os.Exit(1)
	}
	if err := os.WriteFile(path, bytes.ReplaceAll(src, from, to), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
