package graph

import (
	"context"

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
	op.Stats.SetExtension(admissionExtension, a)
}

// errStopped is what a stopped object reports; the transport answers with the single
// reason the request stopped instead.
var errStopped = atlas.Errorf(atlas.ELIMIT, "The request was stopped.")

// collectAdmitted is graphql.CollectFields asking the operation's FieldAdmission first.
// A stopped object collects no field, and reports that it was stopped so that no part of
// an answer goes without its reason.
func collectAdmitted(ctx context.Context, op *graphql.OperationContext, sel ast.SelectionSet, satisfies []string) []graphql.CollectedField {
	fields := graphql.CollectFields(op, sel, satisfies)
	a, _ := op.Stats.GetExtension(admissionExtension).(FieldAdmission)
	if a == nil {
		return fields
	}
	n := len(fields)
	for _, f := range fields {
		if f.Name == "__typename" {
			n--
		}
	}
	if a.AdmitFields(ctx, n) {
		return fields
	}
	graphql.AddError(ctx, errStopped)
	return nil
}
