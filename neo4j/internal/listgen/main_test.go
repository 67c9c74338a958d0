package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedListStatements: every list statement in neo4j/cypher is its rendering of
// the template, so an edit by hand, or one to the template without go generate, fails.
func TestGeneratedListStatements(t *testing.T) {
	files, err := render()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 6 {
		t.Fatalf("rendered %d statements, want 6 (3 order fields, 2 directions)", len(files))
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("..", "..", "cypher", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its rendering: run go generate ./neo4j", name)
		}
	}
	// A list statement left from an order no longer rendered would still be embedded.
	onDisk, err := filepath.Glob(filepath.Join("..", "..", "cypher", "list_*.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range onDisk {
		if files[filepath.Base(path)] == nil {
			t.Errorf("%s is not rendered from the template", path)
		}
	}
}
