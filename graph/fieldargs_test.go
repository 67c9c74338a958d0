package graph

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// A field's arguments are parsed once per operation however many objects it is
// resolved on; an error is parsed again for each, and without the operation's memo
// (an executor built without AroundOperation) every call parses. A parse, and the error
// it reports, are in the field's own context; a field whose arguments are kept makes
// no context.
func TestFieldArgsParsedOncePerField(t *testing.T) {
	chairs := graphql.CollectedField{Field: &ast.Field{Name: "chairs", Arguments: ast.ArgumentList{
		{Name: "asOf", Value: &ast.Value{Kind: ast.Variable, Raw: "d"}}}}}
	members := graphql.CollectedField{Field: &ast.Field{Name: "members"}}
	for _, c := range []struct {
		name      string
		memo      bool
		fails     bool
		calls     []graphql.CollectedField
		wantParse int
	}{
		{name: "one field on three objects", memo: true, calls: []graphql.CollectedField{chairs, chairs, chairs}, wantParse: 1},
		{name: "two fields", memo: true, calls: []graphql.CollectedField{chairs, members, chairs, members}, wantParse: 2},
		{name: "an error each time", memo: true, fails: true, calls: []graphql.CollectedField{chairs, chairs}, wantParse: 2},
		{name: "no memo", calls: []graphql.CollectedField{chairs, chairs}, wantParse: 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			op := &graphql.OperationContext{Variables: map[string]any{"d": "2018"}}
			if c.memo {
				op.Stats.SetExtension(fieldArgsExtension, &fieldArgsMemo{})
			}
			parsed := 0
			fc := &graphql.FieldContext{Object: "Group"}
			parse := func(ctx context.Context, raw map[string]any) (map[string]any, error) {
				if graphql.GetFieldContext(ctx) != fc {
					t.Errorf("parsed outside the field's context")
				}
				parsed++
				if c.fails {
					return nil, errors.New("bad date")
				}
				return map[string]any{"raw": raw}, nil
			}
			for i, f := range c.calls {
				before := parsed
				ctx := context.Background()
				args, errCtx, err := fieldArgs(ctx, fc, op, f, parse)
				if reported := graphql.GetFieldContext(errCtx); (parsed > before && reported != fc) || (parsed == before && errCtx != ctx) {
					t.Errorf("call %d: the context handed back holds %v", i, reported)
				}
				if c.fails {
					if err == nil || args != nil {
						t.Fatalf("got %v, %v; want the error", args, err)
					}
					continue
				}
				if want := map[string]any{"raw": f.ArgumentMap(op.Variables)}; err != nil || !reflect.DeepEqual(args, want) {
					t.Fatalf("got %v, %v; want %v", args, err, want)
				}
			}
			if parsed != c.wantParse {
				t.Errorf("parsed %d times, want %d", parsed, c.wantParse)
			}
		})
	}
}
