package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/atlas"
)

// A request's limits (a budget of resolved fields, its deadline, the client still
// there) are checked once per object of the answer, before any of its fields resolve,
// rather than in a field middleware around every field: the middleware's closures and
// context walk were about 4% of an executed two-level query's CPU, and plain fields
// (tools/inorder) no longer pass through field middleware at all. tools/inorder points
// every generated object at collectAdmitted.

// FieldAdmission decides whether an object's fields may resolve. Implementations must be
// safe for concurrent use: deferred fields resolve in goroutines of their own.
type FieldAdmission interface {
	// AdmitFields is asked before an object's fields resolve, with how many there are
	// (__typename, which resolves nothing, aside). False stops the object: it resolves
	// no field, and the request's transport answers with the reason instead.
	AdmitFields(ctx context.Context, fields int) bool
}

// admissionExtension names the operation's FieldAdmission among its Stats extensions.
const admissionExtension = "lsgatlas.admission"

// AdmitFieldsBy lets a decide, for every object of op's answer, whether its fields
// resolve. Call it before the operation executes; without it every object is admitted.
func AdmitFieldsBy(op *graphql.OperationContext, a FieldAdmission) {
	op.Stats.SetExtension(admissionExtension, &admittedFields{admit: a, byKey: map[collectKey]collected{}})
}

// admittedFields is one operation's FieldAdmission and the fields its objects collect.
// Every object of a list collects the same selection for the same type: gqlgen keeps
// what it collected too, but keys it by a hash of the type names, which cost about 3%
// of an executed two-level query; the identity of the selection and of the generated
// code's list of type names (a package variable) is key enough within one operation,
// whose document and variables, which decide what is collected, do not change.
type admittedFields struct {
	admit FieldAdmission
	mu    sync.Mutex
	byKey map[collectKey]collected
}

type collectKey struct {
	first     *ast.Selection
	n         int
	satisfies *string
}

type collected struct {
	fields []graphql.CollectedField
	count  int // the fields that resolve something: all but __typename
}

func (a *admittedFields) collect(op *graphql.OperationContext, sel ast.SelectionSet, satisfies []string) collected {
	var key collectKey
	if len(sel) > 0 {
		key.first, key.n = &sel[0], len(sel)
	}
	if len(satisfies) > 0 {
		key.satisfies = &satisfies[0]
	}
	a.mu.Lock()
	c, ok := a.byKey[key]
	a.mu.Unlock()
	if ok {
		return c
	}
	c.fields = graphql.CollectFields(op, sel, satisfies)
	c.count = len(c.fields)
	for _, f := range c.fields {
		if f.Name == "__typename" {
			c.count--
		}
	}
	a.mu.Lock()
	a.byKey[key] = c
	a.mu.Unlock()
	return c
}

// errStopped is what a stopped object reports; the transport answers with the single
// reason the request stopped instead.
var errStopped = atlas.Errorf(atlas.ELIMIT, "The request was stopped.")

// collectAdmitted is graphql.CollectFields asking the operation's FieldAdmission first.
// A stopped object collects no field, and reports that it was stopped so that no part of
// an answer goes without its reason.
func collectAdmitted(ctx context.Context, op *graphql.OperationContext, sel ast.SelectionSet, satisfies []string) []graphql.CollectedField {
	a, _ := op.Stats.GetExtension(admissionExtension).(*admittedFields)
	if a == nil {
		return graphql.CollectFields(op, sel, satisfies)
	}
	c := a.collect(op, sel, satisfies)
	if a.admit.AdmitFields(ctx, c.count) {
		return c.fields
	}
	graphql.AddError(ctx, errStopped)
	return nil
}
