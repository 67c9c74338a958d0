package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// gqlgen works out a field's arguments in its field context, so once for every object
// the field is resolved on: a group's chairs and members arguments were parsed again for
// each group of a page, each argument in a context of its own (about 5% of an executed
// two-level query's CPU). A field's arguments depend only on the query and its
// variables, so fieldArgs parses them once per field of the operation; tools/inorder
// points the generated field contexts at it.

// fieldArgsExtension names the operation's memo among its Stats extensions, where
// AroundOperation puts it before execution starts.
const fieldArgsExtension = "lsgatlas.fieldArgs"

// fieldArgsMemo is one operation's parsed arguments, by field of the query. Safe for
// concurrent use: deferred fields resolve in goroutines of their own.
type fieldArgsMemo struct {
	mu   sync.Mutex
	args map[*ast.Field]map[string]any
}

// fieldArgs returns parse's arguments of field, parsed once per operation, with the
// context that an error must be reported in: fc's own, made when the arguments are
// parsed (the generated field context made it for every object; tools/inorder leaves
// it to this). An error is not kept: gqlgen sets the path of the field it reports on
// the error itself, so each object gets its own. The map returned is shared by the
// field's objects; resolvers receive its values and never write to them.
func fieldArgs(ctx context.Context, fc *graphql.FieldContext, op *graphql.OperationContext, field graphql.CollectedField,
	parse func(ctx context.Context, raw map[string]any) (map[string]any, error),
) (map[string]any, context.Context, error) {
	memo, _ := op.Stats.GetExtension(fieldArgsExtension).(*fieldArgsMemo)
	if memo != nil && field.Field != nil {
		memo.mu.Lock()
		args, ok := memo.args[field.Field]
		memo.mu.Unlock()
		if ok {
			return args, ctx, nil
		}
	}
	ctx = graphql.WithFieldContext(ctx, fc)
	args, err := parse(ctx, field.ArgumentMap(op.Variables))
	if err != nil || memo == nil || field.Field == nil {
		return args, ctx, err
	}
	memo.mu.Lock()
	if memo.args == nil {
		memo.args = map[*ast.Field]map[string]any{}
	}
	memo.args[field.Field] = args
	memo.mu.Unlock()
	return args, ctx, nil
}
