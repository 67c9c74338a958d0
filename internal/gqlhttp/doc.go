// Package gqlhttp is the GraphQL-over-HTTP runtime of LSG Atlas: everything between an
// HTTP request and graph's resolvers. One constructor, New, wires it all:
//
//   - transport: GraphQL over HTTP, GET and POST (httptransport.go), @defer as
//     multipart (incremental.go), subscriptions over SSE and WebSocket (streams.go),
//     the response writer (respond.go);
//   - admission: request limits and the cost model (limits.go, cost.go, work.go,
//     coerce.go), the cost report (costreport.go), the budget of memory in flight
//     (budget.go), the guard that stops work mid-request (guard.go), persisted queries
//     and the write limiter (operations.go);
//   - caches: parsed documents (querycache.go) and complete answers (responsecache.go);
//   - the error presenter and the hooks the resolvers rely on (server.go).
//
// It imports graph (the executable schema and its resolvers); graph never imports it.
package gqlhttp
