package difftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lsgatlas/neo4j/neo4jtest"
	"lsgatlas/seed"
)

// TestLiveWhyQuestions asks Neo4j the README's answers to the questions of issue 27 and
// requires exactly the answers graph/why_test.go requires of the embedded store (the
// files in graph/testdata/why), so both stores are held to them.
func TestLiveWhyQuestions(t *testing.T) {
	neo4jtest.Require(t)
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "### Periods, changes, counts, disagreements, what was known, lineages\n")
	if !ok {
		t.Fatal("README.md has no section on periods, changes, counts, disagreements, what was known, lineages")
	}
	section, _, _ = strings.Cut(section, "\n### ")
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(blocks) != 6 {
		t.Fatalf("found %d examples, want 6", len(blocks))
	}
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	live := serve(t, neo4jtest.Open(t), ds)
	for i, b := range blocks {
		got, status := ask(t, live, request{gql: strings.TrimSpace(b[1])})
		var resp struct {
			Data   json.RawMessage
			Errors []any
		}
		if err := json.Unmarshal(got, &resp); err != nil || status != 200 || len(resp.Errors) > 0 {
			t.Errorf("question %d: status %d: %s", i+1, status, clip(got))
			continue
		}
		var pretty bytes.Buffer
		if err := json.Indent(&pretty, resp.Data, "", "  "); err != nil {
			t.Fatal(err)
		}
		pretty.WriteByte('\n')
		want, err := os.ReadFile(filepath.Join("..", "graph", "testdata", "why", fmt.Sprintf("%d.json", i+1)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(pretty.Bytes(), want) {
			t.Errorf("question %d: Neo4j answers\n%s", i+1, clip(pretty.Bytes()))
		}
	}
}
