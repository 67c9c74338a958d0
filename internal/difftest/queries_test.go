package difftest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"lsgatlas/internal/readme"
	"lsgatlas/internal/research"
)

// readmeQueries returns the GraphQL examples of README.md, as readme_test.go reads them.
func readmeQueries(t *testing.T) []string {
	t.Helper()
	return readme.Queries(readme.Read(t, "../../README.md"))
}

// researchQueries returns the query of every research question: the same data files
// graph's research tests check the answers of, so a question added there is diffed here.
func researchQueries(t *testing.T) []research.Question {
	t.Helper()
	topics, err := research.Topics()
	if err != nil {
		t.Fatal(err)
	}
	var out []research.Question
	for _, tp := range topics {
		for _, q := range tp.Questions {
			q.Name = tp.Name + "/" + q.Name
			out = append(out, q)
		}
	}
	return out
}

// graphQueries returns the other GraphQL queries the graph package's tests asked when
// testdata/graph_queries.json was written (the analytics cases, the rest; those with
// variables left out), so this test asks what they ask without reading another
// package's source. A query added to graph's tests is diffed once it is added to the
// file; a research question is diffed as soon as it is in internal/research.
func graphQueries(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "graph_queries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("testdata/graph_queries.json: %v", err)
	}
	return out
}

func TestSameAnswerIgnoresOnlyErrorOrder(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{`{"data":{"a":1}}`, `{"data":{"a":1}}`, true},
		{`{"errors":[{"m":"x"},{"m":"y"}],"data":null}`, `{"errors":[{"m":"y"},{"m":"x"}],"data":null}`, true},
		{`{"errors":[{"m":"x"},{"m":"y"}],"data":null}`, `{"errors":[{"m":"y"},{"m":"z"}],"data":null}`, false},
		{`{"errors":[{"m":"x"},{"m":"y"}],"data":{"a":1}}`, `{"errors":[{"m":"y"},{"m":"x"}],"data":{"a":2}}`, false},
		{`{"data":{"a":1,"b":2}}`, `{"data":{"b":2,"a":1}}`, false},
	} {
		if got := sameAnswer([]byte(tc.a), []byte(tc.b)); got != tc.same {
			t.Errorf("sameAnswer(%s, %s) = %v", tc.a, tc.b, got)
		}
	}
}
