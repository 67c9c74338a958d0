package main

import (
	"fmt"
	"regexp"
	"strings"
)

// An input list of scalars or enums (nodes(ids:), a filter's kinds) is unmarshalled
// element by element, each in a context of its own carrying its index, made before the
// element is read, so that an error names the element's path: two allocations per
// element of every such argument, though a scalar's unmarshaler reads that context only
// for the error it returns. The element is read in the list's context, and read again in
// its own only when it fails, which gives the same value and the same error at the
// same path:
//
//	ctx := graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i))
//	res[i], err = ec.unmarshalNID2string(ctx, vSlice[i])
//	                                 → res[i], err = ec.unmarshalNID2string(ctx, vSlice[i])
//	                                   if err != nil { … again, in the element's own context }
//
// A list of input objects keeps gqlgen's reading: an object's fields build their paths
// on the element's.

// elementWithPath is a list unmarshaler's reading of one element in its own context.
var elementWithPath = regexp.MustCompile(`\t\tctx := graphql\.WithPathContext\(ctx, graphql\.NewPathWithIndex\(i\)\)
\t\tres\[i\], err = ec\.(unmarshal[^(\s]+)\(ctx, vSlice\[i\]\)
`)

// elementAgainDone is an element's reading once rewritten.
const elementAgainDone = "// again, at the element's path: tools/inorder"

// unmarshalFunc is a generated unmarshaler: its name and body.
var unmarshalFunc = regexp.MustCompile(`(?ms)^func \(ec \*executionContext\) (unmarshal[^(\s]+)\(ctx context\.Context, v any\) \([^)]*\) \{\n(.*?)\n\}$`)

// scalarUnmarshalLine is every statement of a scalar's or enum's unmarshaler: it reads v
// alone, and ctx only to put the path on its error.
var scalarUnmarshalLine = regexp.MustCompile(`^(tmp, err := graphql\.Unmarshal\w+\(v\)|res := [\w.]+\(tmp\)|res, err := graphql\.Unmarshal\w+\(v\)|var res [\w.]+|err := res\.UnmarshalGQL\(v\)|return res, graphql\.ErrorOnPath\(ctx, err\))$`)

// scalarUnmarshalers returns the names of src's unmarshalers of scalars and enums.
func scalarUnmarshalers(src []byte) map[string]bool {
	return everyLine(src, unmarshalFunc, scalarUnmarshalLine)
}

// rewriteListElements reads the elements of src's input lists of scalars in the list's
// context first.
func rewriteListElements(src []byte) ([]byte, error) {
	scalar := scalarUnmarshalers(src)
	found := strings.Contains(string(src), elementAgainDone)
	src = elementWithPath.ReplaceAllFunc(src, func(read []byte) []byte {
		name := string(elementWithPath.FindSubmatch(read)[1])
		if !scalar[name] {
			return read
		}
		found = true
		return fmt.Appendf(nil, "\t\tres[i], err = ec.%[1]s(ctx, vSlice[i])\n\t\tif err != nil { %[2]s\n\t\t\tres[i], err = ec.%[1]s(graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i)), vSlice[i])\n\t\t}\n", name, elementAgainDone)
	})
	if !found {
		return nil, fmt.Errorf("finds no list of scalars read element by element (%q): has gqlgen changed how it reads input lists?", "ctx := graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i))")
	}
	return src, nil
}
