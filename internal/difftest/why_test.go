package difftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"lsgatlas/internal/readme"
	"lsgatlas/neo4j/neo4jtest"
	"lsgatlas/seed"
)

// TestLiveWhyQuestions asks Neo4j the README's answers to the questions of issue 27 and
// requires exactly the answers graph/why_test.go requires of the embedded store (the
// files in graph/testdata/why), so both stores are held to them.
func TestLiveWhyQuestions(t *testing.T) {
	neo4jtest.Require(t)
	questions := readme.Queries(readme.Section(t, readme.Read(t, "../../README.md"), "Periods, changes, counts, disagreements, what was known, lineages"))
	if len(questions) != 6 {
		t.Fatalf("found %d examples, want 6", len(questions))
	}
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	live := serve(t, neo4jtest.Open(t), ds)
	for i, q := range questions {
		got, status := ask(t, live, request{gql: q})
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
		want, err := os.ReadFile(filepath.Join("..", "..", "graph", "testdata", "why", fmt.Sprintf("%d.json", i+1)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(pretty.Bytes(), want) {
			t.Errorf("question %d: Neo4j answers\n%s", i+1, clip(pretty.Bytes()))
		}
	}
}
