package gqlhttp_test

import (
	"bytes"
	"context"
	"encoding/json"
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

// response is a GraphQL response with data left raw for each test to decode.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// newServer serves store through New alone, as every caller does.
func newServer(tb testing.TB, store atlas.Store) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{}))
	tb.Cleanup(srv.Close)
	return srv
}

func fixtureStore(tb testing.TB) atlas.Store {
	tb.Helper()
	s := inprocess.New()
	if _, err := s.Import(context.Background(), conformance.Fixture()); err != nil {
		tb.Fatal(err)
	}
	return s
}

func seedStore(tb testing.TB) atlas.Store {
	tb.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		tb.Fatal(err)
	}
	s := inprocess.New()
	if _, err := s.Import(context.Background(), ds); err != nil {
		tb.Fatal(err)
	}
	return s
}

func post(tb testing.TB, srv *httptest.Server, query string, vars map[string]any) response {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(srv.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		tb.Fatalf("status %d", resp.StatusCode)
	}
	var r response
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		tb.Fatal(err)
	}
	return r
}
