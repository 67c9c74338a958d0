package main

import (
	"fmt"
	"regexp"
)

// A list of structs is marshalled element by element through the element type's value
// marshaler, which takes the element by value and hands the object's executor its
// address:
//
//	return ec.marshalNRelationship2lsgatlasᚋatlasᚐEdge(ctx, sel, v[i])
//	func (ec *executionContext) marshalNRelationship2lsgatlasᚋatlasᚐEdge(…, v atlas.Edge) … { return ec._Relationship(ctx, sel, &v) }
//
// so every element is copied to the heap first (an atlas.Edge is several hundred bytes:
// 5% of the bytes an executed two-level query allocates). The list element's field
// context already points at the element itself (fc.Result = &v[i]), and no resolver
// assigns to its object, so the executor is given the element in place:
//
//	return ec.marshalNRelationship2lsgatlasᚋatlasᚐEdge(ctx, sel, v[i])
//	                                 → return ec._Relationship(ctx, sel, &v[i]) // in place: tools/inorder

// executorOfValue is the body of a marshaler (marshalFunc) that only takes its value's
// address for an object's executor.
var executorOfValue = regexp.MustCompile(`^\treturn ec\.(_\w+)\(ctx, sel, &v\)$`)

// elementCall is a list element marshalled through a marshaler by value.
var elementCall = regexp.MustCompile(`return ec\.(marshal[^(\s]+)\(ctx, sel, v\[i\]\)\n`)

// elementDone is an element once rewritten.
var elementDone = regexp.MustCompile(`return ec\._\w+\(ctx, sel, &v\[i\]\) // in place: tools/inorder\n`)

// rewriteElements gives object executors list elements in place.
func rewriteElements(src []byte) ([]byte, error) {
	executors := map[string]string{}
	for _, m := range marshalFunc.FindAllSubmatch(src, -1) {
		if e := executorOfValue.FindSubmatch(m[2]); e != nil {
			executors[string(m[1])] = string(e[1])
		}
	}
	found := elementDone.Match(src)
	src = elementCall.ReplaceAllFunc(src, func(call []byte) []byte {
		executor, ok := executors[string(elementCall.FindSubmatch(call)[1])]
		if !ok {
			return call
		}
		found = true
		return fmt.Appendf(nil, "return ec.%s(ctx, sel, &v[i]) // in place: tools/inorder\n", executor)
	})
	if !found {
		return nil, fmt.Errorf("finds no list element marshalled by value (%q): has gqlgen changed how it marshals lists?", "(ctx, sel, v[i])")
	}
	return src, nil
}
