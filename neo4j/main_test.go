package neo4j_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"lsgatlas/neo4j"
	"lsgatlas/neo4j/neo4jtest"
)

// TestMain fails a live run (NEO4J_URI set, no -run filter) in which some embedded
// statement never reached the server: statement coverage comes from Neo4j itself, not
// from a stand-in that could accept what Neo4j would reject.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && os.Getenv("NEO4J_URI") != "" && !isFiltered() {
		ran := neo4jtest.StatementsRun()
		var missing []string
		for _, name := range neo4j.StatementNames() {
			if ran[name] == 0 {
				missing = append(missing, name)
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			fmt.Fprintf(os.Stderr, "FAIL: statements no live test ran against Neo4j: %v\n", missing)
			code = 1
		}
	}
	os.Exit(code)
}

func isFiltered() bool {
	for _, a := range os.Args {
		if strings.HasPrefix(a, "-test.run") || strings.HasPrefix(a, "-test.skip") {
			return true
		}
	}
	return false
}
