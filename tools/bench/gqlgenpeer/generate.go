// Package gqlgenpeer is the minimal gqlgen server tools/bench measures LSG Atlas against:
// gqlgen's default generated code for the subset of the schema the benchmark's queries
// use (schema.graphqls), answering from plain structs built once from a fixture of the
// service's own data, with gqlgen's stock handler. Its CPU per request is the floor a
// gqlgen server pays for the same answer bytes before it does any work of its own.
package gqlgenpeer

//go:generate go run github.com/99designs/gqlgen generate --config gqlgen.yml
