package gqlhttp

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// TestCheckVariablesWholeNumbers: an Int sent as a whole JSON number in other digits
// (3.0, 1e2) is the integer it equals, rewritten so gqlgen reads it; gqlparser refused
// it as "cannot use value 0 as Int". A number that is not whole, or too large, is
// refused naming the value as sent, also inside a list whose earlier items were whole.
func TestCheckVariablesWholeNumbers(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: `
		type Query { f(n: Int, l: [Int!], i: In, id: ID): Int }
		input In { n: Int, l: [Int] }`})
	doc, err := parser.ParseQuery(&ast.Source{Input: `query($n: Int, $l: [Int!], $i: In, $id: ID) { f(n: $n, l: $l, i: $i, id: $id) }`})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ vars, want, wantErr string }{
		{`{"n": 3}`, `{"n":3}`, ""},
		{`{"n": 3.0}`, `{"n":3}`, ""},
		{`{"n": 2.0}`, `{"n":2}`, ""},
		{`{"n": 1e1}`, `{"n":10}`, ""},
		{`{"n": 1E2}`, `{"n":100}`, ""},
		{`{"n": -4.00}`, `{"n":-4}`, ""},
		{`{"n": -0.0}`, `{"n":0}`, ""},
		{`{"n": 2147483647.0}`, `{"n":2147483647}`, ""},
		{`{"n": 3.5}`, "", `Variable "$n" got invalid value 3.5; Int cannot represent a non-integer value: 3.5`},
		{`{"n": 1e10}`, "", `Variable "$n" got invalid value 1e10; Int cannot represent a non 32-bit signed integer value: 1e10`},
		{`{"n": 2147483648.0}`, "", `Variable "$n" got invalid value 2147483648.0; Int cannot represent a non 32-bit signed integer value: 2147483648.0`},
		{`{"l": [1.0, 2, 3e0]}`, `{"l":[1,2,3]}`, ""},
		{`{"l": 4.0}`, `{"l":4}`, ""},
		{`{"l": [1.0, 2.5]}`, "", `Variable "$l" got invalid value [1.0,2.5]; Int cannot represent a non-integer value: 2.5`},
		{`{"i": {"n": 5.0, "l": [6.0, null]}}`, `{"i":{"l":[6,null],"n":5}}`, ""},
		{`{"i": {"l": [6.0], "n": 5.5}}`, "", `Variable "$i" got invalid value {"l":[6.0],"n":5.5}; Int cannot represent a non-integer value: 5.5`},
		// An ID is a string or an integer's digits, which 3.0 are not.
		{`{"id": 3.0}`, "", `Variable "$id" got invalid value 3.0; ID cannot represent a value that is neither a string nor an integer: 3.0`},
	} {
		t.Run(tc.vars, func(t *testing.T) {
			var vars map[string]any
			dec := json.NewDecoder(bytes.NewReader([]byte(tc.vars)))
			dec.UseNumber()
			if err := dec.Decode(&vars); err != nil {
				t.Fatal(err)
			}
			gotErr := ""
			if err := checkVariables(schema, doc.Operations[0], vars); err != nil {
				gotErr = err.Message
			}
			if gotErr != tc.wantErr {
				t.Fatalf("error %q, want %q", gotErr, tc.wantErr)
			}
			if gotErr != "" {
				return
			}
			if got, _ := json.Marshal(vars); string(got) != tc.want {
				t.Errorf("variables %s, want %s", got, tc.want)
			}
		})
	}
}
