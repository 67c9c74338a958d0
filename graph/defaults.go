package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Argument defaults are written once, in the schema (`depth: Int = 1`). gqlgen applies
// them when a client leaves an argument out; these read them from the parsed schema for
// the one case it does not cover, an explicit null, and for callers outside GraphQL
// (the exports take the network query's defaults), so no default is copied into Go.

// IntArgDefault is the default the schema gives argument arg of field on type typ, or 0
// when it gives none.
func IntArgDefault(typ, field, arg string) int {
	t := parsedSchema.Types[typ]
	if t == nil {
		return 0
	}
	f := t.Fields.ForName(field)
	if f == nil {
		return 0
	}
	n, _ := defaultOf(f, arg).(int64)
	return int(n)
}

// intOrSchema reads an optional Int argument of the field being resolved: its value, or the
// schema's default when the client passed null.
func intOrSchema(ctx context.Context, name string, v *int) int {
	if v != nil {
		return *v
	}
	n, _ := fieldDefault(ctx, name).(int64)
	return int(n)
}

// boolOrSchema reads an optional Boolean argument of the field being resolved: its value,
// or the schema's default (false when it gives none) when the client passed null.
func boolOrSchema(ctx context.Context, name string, v *bool) bool {
	if v != nil {
		return *v
	}
	b, _ := fieldDefault(ctx, name).(bool)
	return b
}

func fieldDefault(ctx context.Context, name string) any {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return nil
	}
	return defaultOf(fc.Field.Definition, name)
}

func defaultOf(f *ast.FieldDefinition, name string) any {
	if f == nil {
		return nil
	}
	a := f.Arguments.ForName(name)
	if a == nil || a.DefaultValue == nil {
		return nil
	}
	v, err := a.DefaultValue.Value(nil)
	if err != nil {
		return nil
	}
	return v
}

// argumentGiven says whether the request gave the field being resolved the named argument
// a value: a schema default, a null and a variable left unset are not given.
func argumentGiven(ctx context.Context, name string) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return false
	}
	a := fc.Field.Arguments.ForName(name)
	if a == nil || a.Value == nil {
		return false
	}
	v, err := a.Value.Value(graphql.GetOperationContext(ctx).Variables)
	return err == nil && v != nil
}
