package gqlhttp

import (
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// validationRules are gqlparser's rules with its SingleFieldSubscriptions replaced by
// singleFieldSubscriptions.
func validationRules() *rules.Rules {
	r := rules.NewDefaultRules()
	r.ReplaceRule(rules.SingleFieldSubscriptionsRule.Name, singleFieldSubscriptions)
	return r
}

// singleFieldSubscriptions is the specification's Single Root Field rule (5.2.3.1): a
// subscription's root selection set, fragments spread in, has exactly one response key,
// and no @skip or @include in it (the current draft's words; either could leave no field).
// gqlparser's rule counts distinct field names and ignores the directives, so `a: changes
// b: changes` and `changes @skip(if: true)` passed validation and failed in the generated
// executor as INTERNAL; the same field twice under one response key is still one entry,
// as the executor merges it. The messages are gqlparser's and graphql-js's, so each kind
// of mistake reads as it does elsewhere.
func singleFieldSubscriptions(observers *core.Events, addError core.AddErrFunc) {
	observers.OnOperation(func(walker *core.Walker, op *ast.OperationDefinition) {
		if walker.Schema.Subscription == nil || op.Operation != ast.Subscription {
			return
		}
		name := "Anonymous Subscription"
		if op.Name != "" {
			name = "Subscription " + strconv.Quote(op.Name)
		}
		fields, conditional := rootResponseKeys(walker.Document, op.SelectionSet)
		if conditional != nil {
			addError(core.Message("%s must not use `@skip` or `@include` directives in the top level selection.", name), core.At(conditional))
		}
		if len(fields) > 1 {
			addError(core.Message(`%s must select only one top level field.`, name), core.At(fields[1].Position))
		}
		for _, f := range fields {
			if strings.HasPrefix(f.Name, "__") {
				addError(core.Message(`%s must not select an introspection top level field.`, name), core.At(f.Position))
			}
		}
	})
}

// rootResponseKeys is the first field of each response key of a selection set, fragments
// spread in, in the order they come, and where the first @skip or @include in it is, if
// any. Fragments are looked up in the document, not through the spreads' definitions,
// which the walker may not have set yet when it reports the operation; an unknown
// fragment is left to KnownFragmentNames.
func rootResponseKeys(doc *ast.QueryDocument, set ast.SelectionSet) (fields []*ast.Field, conditional *ast.Position) {
	seen := map[string]bool{}
	spread := map[string]bool{}
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			if conditional == nil {
				conditional = conditionAt(sel)
			}
			switch s := sel.(type) {
			case *ast.Field:
				key := s.Alias
				if key == "" {
					key = s.Name
				}
				if !seen[key] {
					seen[key] = true
					fields = append(fields, s)
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				if def := doc.Fragments.ForName(s.Name); def != nil && !spread[s.Name] {
					spread[s.Name] = true
					walk(def.SelectionSet)
				}
			}
		}
	}
	walk(set)
	return fields, conditional
}

// conditionAt is where a selection's @skip or @include is, or nil.
func conditionAt(sel ast.Selection) *ast.Position {
	var dirs ast.DirectiveList
	switch s := sel.(type) {
	case *ast.Field:
		dirs = s.Directives
	case *ast.InlineFragment:
		dirs = s.Directives
	case *ast.FragmentSpread:
		dirs = s.Directives
	}
	for _, d := range dirs {
		if d.Name == "skip" || d.Name == "include" {
			return d.Position
		}
	}
	return nil
}
