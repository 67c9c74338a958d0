package main

import (
	"strings"
	"testing"
)

func TestRewrite(t *testing.T) {
	gqlgen := "deferred := graphql.NewDeferredGroup(ctx)\ngraphql.MarshalSliceConcurrently(ctx, n)\nout.ResolveConcurrently(ec.OperationContext, &deferred, i)\nout.ResolveRootConcurrently(innerCtx, ec.OperationContext, i)\n" +
		"if fc.Args, err = ec.field_Group_chairs_args(ctx, field.ArgumentMap(ec.Variables)); err != nil {\n"
	rewritten := "var deferred graphql.DeferredGroup // made by resolveInOrder for a deferred field\nmarshalSliceInOrder(ctx, n)\nresolveInOrder(ctx, out, field, ec.OperationContext, &deferred, i)\nresolveRootInOrder(innerCtx, out, ec.OperationContext, i)\n" +
		"if fc.Args, err = fieldArgs(ctx, ec.OperationContext, field, ec.field_Group_chairs_args); err != nil {\n"
	for _, c := range []struct {
		name, src, want, wantErr string
	}{
		{name: "gqlgen's output", src: gqlgen, want: rewritten},
		{name: "already rewritten", src: rewritten, want: rewritten},
		{name: "a call renamed upstream", src: strings.Replace(gqlgen, "out.ResolveRootConcurrently(", "out.ResolveRoot(", 1), wantErr: `"out.ResolveRootConcurrently(innerCtx,"`},
		{name: "arguments parsed another way upstream", src: strings.Replace(gqlgen, "field.ArgumentMap(ec.Variables)", "field.Arguments", 1), wantErr: `"field.ArgumentMap(ec.Variables)"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := rewrite([]byte(c.src))
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err %v, want one naming %s", err, c.wantErr)
				}
				return
			}
			if err != nil || string(got) != c.want {
				t.Errorf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}
