package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeExamplesWork runs every GraphQL example in README.md against the seeded
// service: each must return data and no errors, so the README keeps telling the truth.
func TestReadmeExamplesWork(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	var queries []string
	for _, b := range blocks {
		// A block holds one query, or several one-line queries.
		if lines := strings.Split(strings.TrimSpace(b[1]), "\n"); len(lines) > 1 && strings.HasPrefix(lines[1], "{") {
			queries = append(queries, lines...)
		} else {
			queries = append(queries, b[1])
		}
	}
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
