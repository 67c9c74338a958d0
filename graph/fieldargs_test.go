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
// (an executor built without AroundOperation) every call parses.
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
			parse := func(_ context.Context, raw map[string]any) (map[string]any, error) {
				parsed++
				if c.fails {
					return nil, errors.New("bad date")
				}
				return map[string]any{"raw": raw}, nil
			}
			for _, f := range c.calls {
				args, err := fieldArgs(context.Background(), op, f, parse)
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
