package main

import (
	"encoding/json"
	"testing"

	"lsgatlas/internal/readme"
)

// TestReadmeExamplesWork runs every GraphQL example in README.md against the seeded
// service: each must return data and no errors, so the README keeps telling the truth.
func TestReadmeExamplesWork(t *testing.T) {
	queries := readme.Queries(readme.Read(t, "README.md"))
	if len(queries) < 5 {
		t.Fatalf("found only %d example queries in README.md", len(queries))
	}
	base, _, _ := startService(t, nil)
	waitSeeded(t, base)
	for _, q := range queries {
		got := postQuery(t, base, q, "")
		var resp struct {
			Data   map[string]any
			Errors []any
		}
		_ = json.Unmarshal([]byte(got), &resp)
		ok := len(resp.Errors) == 0 && len(resp.Data) > 0
		for _, v := range resp.Data {
			if list, isList := v.([]any); v == nil || isList && len(list) == 0 {
				ok = false
			}
		}
		if !ok {
			t.Errorf("README example\n%s\nreturned %s", q, got)
		}
	}
}
