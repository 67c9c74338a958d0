package readme_test

import (
	"slices"
	"testing"

	"lsgatlas/internal/readme"
)

func TestQueriesAndSections(t *testing.T) {
	md := "# T\n\n### One\n\n```graphql\n{ a }\n```\n\n```graphql\n{ b }\n{ c }\n```\n\n### Two\n\n```graphql\nquery Q {\n  d\n}\n```\n"
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"whole file", md, []string{"{ a }", "{ b }", "{ c }", "query Q {\n  d\n}"}},
		{"section One", readme.Section(t, md, "One"), []string{"{ a }", "{ b }", "{ c }"}},
		{"section Two", readme.Section(t, md, "Two"), []string{"query Q {\n  d\n}"}},
	} {
		if got := readme.Queries(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Queries = %q, want %q", tc.name, got, tc.want)
		}
	}
}
