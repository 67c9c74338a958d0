package graph_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"lsgatlas/internal/readme"
)

var updateWhy = flag.Bool("update-why", false, "rewrite graph/testdata/why from the embedded store's answers")

// whySection is the README section that answers the questions of issue 27's "Why".
const whySection = "Periods, changes, counts, disagreements, what was known, lineages"

// WhyQuestions returns the GraphQL examples of the README section that answers the
// questions of issue 27's "Why", in order. difftest asks them of Neo4j too.
func whyQuestions(t *testing.T) []string {
	t.Helper()
	out := readme.Queries(readme.Section(t, readme.Read(t, "../README.md"), whySection))
	if len(out) != 6 {
		t.Fatalf("found %d examples in the README section, want one per question (6)", len(out))
	}
	return out
}

// TestWhyQuestionsAnswered asks each question of the README section on the embedded
// store and requires exactly the answer kept in testdata/why (difftest holds Neo4j to the
// same files).
func TestWhyQuestionsAnswered(t *testing.T) {
	srv := newServer(t, seedStore(t))
	for i, q := range whyQuestions(t) {
		t.Run(fmt.Sprint(i+1), func(t *testing.T) {
			r := post(t, srv, q, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("errors: %+v", r.Errors)
			}
			var got bytes.Buffer
			if err := json.Indent(&got, r.Data, "", "  "); err != nil {
				t.Fatal(err)
			}
			got.WriteByte('\n')
			path := filepath.Join("testdata", "why", fmt.Sprintf("%d.json", i+1))
			if *updateWhy {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update-why to write it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("the answer to\n%s\ndiffers from %s:\n%s", q, path, got.String())
			}
		})
	}
}
