// Package gqltest serves the GraphQL schema over an embedded store for tests, the way the
// service does (internal/gqlhttp.New), and posts queries to it. Both the resolvers' tests
// (graph) and the runtime's (internal/gqlhttp) use it, so there is one such fixture.
package gqltest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/graph"
	"lsgatlas/inprocess"
	"lsgatlas/internal/gqlhttp"
	"lsgatlas/seed"
)

// Response is a GraphQL response with data left raw for each test to decode.
type Response struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// NewServer serves store through gqlhttp.New alone, as every caller does, until the
// test ends.
func NewServer(tb testing.TB, store atlas.Store) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{}))
	tb.Cleanup(srv.Close)
	return srv
}

// FixtureStore is an embedded store holding the conformance fixture.
func FixtureStore(tb testing.TB) atlas.Store {
	tb.Helper()
	return imported(tb, conformance.Fixture())
}

// SeedStore is an embedded store holding the bundled dataset.
func SeedStore(tb testing.TB) atlas.Store {
	tb.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		tb.Fatal(err)
	}
	return imported(tb, ds)
}

func imported(tb testing.TB, ds *atlas.Dataset) atlas.Store {
	tb.Helper()
	s := inprocess.New()
	if _, err := s.Import(context.Background(), ds); err != nil {
		tb.Fatal(err)
	}
	return s
}

// Post sends query with vars and decodes the response; a 5xx status fails the test.
func Post(tb testing.TB, srv *httptest.Server, query string, vars map[string]any) Response {
	tb.Helper()
	r, err := Send(srv, query, vars)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// Send is Post for a goroutine other than the test's, which must not stop the test: a
// 5xx status is an error.
func Send(srv *httptest.Server, query string, vars map[string]any) (Response, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(srv.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		return Response{}, fmt.Errorf("status %d", resp.StatusCode)
	}
	var r Response
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return Response{}, err
	}
	return r, nil
}
