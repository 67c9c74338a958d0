package graph_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/99designs/gqlgen/codegen/testserver/benchmark"
	"github.com/99designs/gqlgen/codegen/testserver/benchmark/generated"
	"github.com/99designs/gqlgen/codegen/testserver/benchmark/generated/models"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
)

// BenchmarkExecutorFloor measures what gqlgen's executor alone costs per object of a
// response, on gqlgen's own benchmark schema with its answer already in memory: plain
// struct fields, one resolver, no extensions, no store, no HTTP. Compare its
// cpu-µs/object with BenchmarkExecutor's: what the service adds on top of the executor
// is the difference, and no resolver or store change can go below this floor.
func BenchmarkExecutorFloor(b *testing.B) {
	const edges = 114 // 229 objects, as many as the two-level query's answer
	list := make([]*models.UserEdge, edges)
	for i := range list {
		list[i] = &models.UserEdge{Cursor: "c", Node: &models.User{FirstName: "John", LastName: "Doe", Email: "jd@example.org"}}
	}
	resolvers := &benchmark.Stub{}
	resolvers.QueryResolver.Users = func(context.Context, *string, *int, *int, *string, *string, models.UserOrderBy) (*models.UserConnection, error) {
		return &models.UserConnection{Edges: list, PageInfo: &models.PageInfo{}, TotalCount: edges}, nil
	}
	exec := executor.New(generated.NewExecutableSchema(generated.Config{Resolvers: resolvers}))
	params := &graphql.RawParams{Query: `{ users { totalCount edges { cursor node { firstName lastName email } } } }`}
	run := func() []byte {
		ctx := graphql.StartOperationTrace(context.Background())
		op, errs := exec.CreateOperationContext(ctx, params)
		if errs != nil {
			b.Fatal(errs)
		}
		handle, ctx := exec.DispatchOperation(ctx, op)
		resp := handle(ctx)
		if len(resp.Errors) > 0 {
			b.Fatal(resp.Errors)
		}
		return resp.Data
	}
	objects := countObjects(b, run())
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		run()
	}
	reportPerObject(b, cpu0, objects)
}

// countObjects counts the JSON objects in a response's data: the unit the executor's
// cost grows with.
func countObjects(b *testing.B, data []byte) int {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	var walk func(any) int
	walk = func(v any) int {
		n := 0
		switch v := v.(type) {
		case map[string]any:
			n++
			for _, x := range v {
				n += walk(x)
			}
		case []any:
			for _, x := range v {
				n += walk(x)
			}
		}
		return n
	}
	return walk(v)
}

// reportPerObject reports the CPU time per request since cpu0, and per object of the
// answer.
func reportPerObject(b *testing.B, cpu0 time.Duration, objects int) {
	cpu := float64((cpuTime() - cpu0).Microseconds()) / float64(b.N)
	b.ReportMetric(cpu, "cpu-µs/op")
	b.ReportMetric(float64(objects), "objects/op")
	b.ReportMetric(cpu/float64(objects), "cpu-µs/object")
}
