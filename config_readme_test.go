package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README's configuration table says what the code reads: PERSISTED_QUERIES is the
// path of a file (a JSON array of documents), and a file written as the README says
// starts the service in allow-list mode.
func TestReadmePersistedQueriesIsAFilePath(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `PERSISTED_QUERIES` .*$").Find(readme)
	if row == nil || !strings.Contains(string(row), "the path of a JSON file holding an array") {
		t.Fatalf("README row: %s", row)
	}
	path := filepath.Join(t.TempDir(), "queries.json")
	if err := os.WriteFile(path, []byte(`["query { __typename }"]`), 0o600); err != nil {
		t.Fatal(err)
	}
	docs, err := loadPersistedQueries(path)
	if err != nil || len(docs) != 1 {
		t.Fatalf("loadPersistedQueries(%s) = %v, %v", path, docs, err)
	}
	if _, err := loadPersistedQueries(`["query { __typename }"]`); err == nil {
		t.Error("the JSON array itself was taken for a file")
	}
}
