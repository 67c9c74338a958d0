package neo4j

// What the live tests (package neo4j_test) need from inside the package.

// StatementText is the embedded text of cypher/<name>.cypher ("" if there is none).
func StatementText(name string) string { return loaded[name].text }

// StatementNames lists every embedded statement.
func StatementNames() []string {
	var out []string
	for name := range loaded {
		out = append(out, name)
	}
	return out
}
