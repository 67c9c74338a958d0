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
		{"paragraph separator in data", graphql.Response{Data: json.RawMessage("{\"note\":\"a\u2029b\"}")}},
		{"other characters starting with E2", graphql.Response{Data: json.RawMessage("{\"note\":\"\u2014 \u2027 \u202a \u20ac \u2800\"}")}},
		{"E2 at the end", graphql.Response{Data: json.RawMessage("{\"note\":\"\u2014\"}")}},
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

// TestNeedsEscape holds the fast path to the answers that need no escaping: a scan that
// said yes to everything would pass TestMarshalResponse and cost the pass it saves.
func TestNeedsEscape(t *testing.T) {
	for _, tc := range []struct {
		data string
		want bool
	}{
		{`{"name":"Ä 领导小组"}`, false},
		{"{\"note\":\"\u2014 \u2027 \u202a \u20ac\"}", false},
		{"\xe2", false},
		{"\xe2\x80", false},
		{`a<b`, true},
		{`a>b`, true},
		{`a&b`, true},
		{"a\u2028", true},
		{"\u2029b", true},
	} {
		if got := needsEscape([]byte(tc.data)); got != tc.want {
			t.Errorf("needsEscape(%q) = %v, want %v", tc.data, got, tc.want)
		}
	}
}
