package gqlhttp

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestMarshalResponse checks that the response writer's bytes are json.Marshal's.
func TestMarshalResponse(t *testing.T) {
	yes := true
	for _, tc := range []struct {
		name string
		resp graphql.Response
	}{
		{"data only", graphql.Response{Data: json.RawMessage(`{"groups":{"nodes":[{"id":"group/a","name":"Ä 领导小组"}]}}`)}},
		{"null data", graphql.Response{Data: json.RawMessage(`null`)}},
		{"extensions", graphql.Response{Data: json.RawMessage(`{"a":1}`), Extensions: map[string]any{"cost": map[string]any{"b": 2, "a": "x<y"}}}},
		{"html in data", graphql.Response{Data: json.RawMessage(`{"note":"a < b & c > d"}`)}},
		{"line separator in data", graphql.Response{Data: json.RawMessage("{\"note\":\"a\u2028b\"}")}},
		{"errors", graphql.Response{Data: json.RawMessage(`null`), Errors: gqlerror.List{{Message: "boom"}}}},
		{"incremental", graphql.Response{Data: json.RawMessage(`{}`), Label: "l", HasNext: &yes}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := json.Marshal(&tc.resp)
			if err != nil {
				t.Fatal(err)
			}
			got, err := marshalResponse(&tc.resp)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}
