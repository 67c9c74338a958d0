package neo4j

// What the live tests (package neo4j_test) need from inside the package.

// StatementText is the embedded text of cypher/<name>.cypher ("" if there is none).
func StatementText(name string) string { return loaded[name].text }

// NoteStatementRun records that a live test ran the statement against the server, for the
// package's statement-coverage check (TestMain).
func NoteStatementRun(name string) { statementsRun.add(name) }
