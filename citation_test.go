package main

import (
	"os"
	"testing"

	"github.com/goccy/go-yaml"

	"lsgatlas/seed"
)

// TestCitationFile checks CITATION.cff is CFF 1.2.0 with the keys the format requires,
// and names the version of the bundled dataset, so "how to cite" never goes stale.
func TestCitationFile(t *testing.T) {
	b, err := os.ReadFile("CITATION.cff")
	if err != nil {
		t.Fatal(err)
	}
	var cff struct {
		CFFVersion string `yaml:"cff-version"`
		Message    string
		Type       string
		Title      string
		Version    string
		Authors    []map[string]string
	}
	if err := yaml.Unmarshal(b, &cff); err != nil {
		t.Fatalf("CITATION.cff: %v", err)
	}
	if cff.CFFVersion != "1.2.0" || cff.Message == "" || cff.Title == "" || len(cff.Authors) == 0 || cff.Type != "dataset" {
		t.Errorf("CITATION.cff lacks a required key: %+v", cff)
	}
	if cff.Version != seed.Version() {
		t.Errorf("CITATION.cff names version %q; the dataset (seed/VERSION) is %q", cff.Version, seed.Version())
	}
}
