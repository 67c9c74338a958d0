// Package readme reads the GraphQL examples out of a README, so that every test that
// holds the README to its word (it runs them on the service, on both stores, against the
// kept answers) reads them the same way.
package readme

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

var graphqlBlock = regexp.MustCompile("(?s)```graphql\n(.*?)```")

// Read returns the text of the markdown file at path, failing t if it cannot.
func Read(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Queries returns the GraphQL examples of markdown, in order: a ```graphql block holds
// one query, or several one-line queries (a block whose second line opens a query).
func Queries(markdown string) []string {
	var out []string
	for _, b := range graphqlBlock.FindAllStringSubmatch(markdown, -1) {
		lines := strings.Split(strings.TrimSpace(b[1]), "\n")
		if len(lines) > 1 && strings.HasPrefix(lines[1], "{") {
			out = append(out, lines...)
		} else {
			out = append(out, strings.TrimSpace(b[1]))
		}
	}
	return out
}

// Section returns the text under the level-3 heading "### "+title, up to the next
// level-3 heading, failing t if markdown has no such heading.
func Section(t testing.TB, markdown, title string) string {
	t.Helper()
	_, section, ok := strings.Cut(markdown, "### "+title+"\n")
	if !ok {
		t.Fatalf("README has no section %q", title)
	}
	section, _, _ = strings.Cut(section, "\n### ")
	return section
}
