package neo4j

import (
	"embed"
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// Every statement the store runs is one file in cypher/, embedded as it is: nothing is
// assembled at run time, so the linter (cypherlint/) checks exactly what runs. Only its
// comment lines are sent empty (sentText): Neo4j lexes a statement's whole text on every
// run, and the headers are longer than most statements (a list statement's 3.3 KB of
// comments cost the server about 0.1 ms per request), while every line of Cypher, and
// so every line number in an error, stays the file's (TestSentTextIsTheFile).
//
// The list statements are rendered from a template (internal/listgen), then embedded as
// every other file is.
//
//go:generate go run ./internal/listgen
//go:embed cypher/*.cypher
var cypherFiles embed.FS

// statement is an embedded Cypher statement. Its fields are unexported and it is made only
// by load, so a statement can only ever be the text of a file.
type statement struct {
	name string
	text string // the file
	sent string // what is run: the file, its comment lines emptied (sentText)
}

// loaded lists every statement loaded, by name; a test checks it covers every file.
var loaded = map[string]statement{}

// load reads cypher/<name>.cypher; a missing file is a build mistake, so it panics at
// start-up rather than failing later in a request.
func load(name string) statement {
	b, err := cypherFiles.ReadFile("cypher/" + name + ".cypher")
	if err != nil {
		panic("neo4j: missing embedded statement " + name + ": " + err.Error())
	}
	st := statement{name: name, text: string(b), sent: sentText(string(b))}
	loaded[name] = st
	return st
}

// listStatements are the list statements by order field and direction (descending?),
// rendered from internal/listgen/list.cypher.tmpl.
var listStatements = map[atlas.OrderField][2]statement{
	atlas.OrderByName:        {load("list_by_name_asc"), load("list_by_name_desc")},
	atlas.OrderByEstablished: {load("list_by_established_asc"), load("list_by_established_desc")},
	atlas.OrderByID:          {load("list_by_id_asc"), load("list_by_id_desc")},
}

// listNames are the names of the list statements.
func listNames() []string {
	var names []string
	for _, sts := range listStatements {
		names = append(names, sts[0].name, sts[1].name)
	}
	slices.Sort(names)
	return names
}

// Queries and writes.
var (
	stmtNodesByKey         = load("nodes_by_key")
	stmtRelationsOf        = load("relations_of")
	stmtRelationsOfAsks    = load("relations_of_asks")
	stmtNodesWithRelations = load("nodes_with_relations")
	stmtRelayedSources     = load("relayed_sources")
	stmtTieredSources      = load("tiered_sources")
	stmtSearch             = load("search")
	stmtSearchTextNodes    = load("search_text_nodes")
	stmtSearchTextRels     = load("search_text_relations")
	stmtReportedCounts     = load("reported_counts")
	stmtSnapshotNodes      = load("snapshot_nodes")
	stmtSnapshotRelations  = load("snapshot_relations")
	stmtRevision           = load("revision")
	stmtBumpRevision       = load("bump_revision")
	stmtUpsertNodes        = load("upsert_nodes")
	stmtDeleteRelations    = load("delete_relations")
	stmtCreateRelations    = load("create_relations")
	stmtLockNamespace      = load("lock_namespace")
	stmtNodeIDs            = load("node_ids")
	stmtDeleteNodes        = load("delete_nodes")
	stmtDropNamespace      = load("drop_namespace")
	stmtSupportsNodes      = load("supports_nodes")
	stmtSupportsRelations  = load("supports_relations")
	migrations             = loadMigrations()
	stmtAwaitIndexes       = load("await_indexes")
)

// loadMigrations loads every cypher/schema_*.cypher file, in name order (embed.FS lists a
// directory sorted). Schema statements are all "IF NOT EXISTS", so their order does not
// matter for correctness; a fixed order keeps start-up logs comparable.
func loadMigrations() []statement {
	entries, err := cypherFiles.ReadDir("cypher")
	if err != nil {
		panic("neo4j: cannot list embedded statements: " + err.Error())
	}
	var out []statement
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".cypher"); ok && strings.HasPrefix(name, "schema_") {
			out = append(out, load(name))
		}
	}
	return out
}

// sentText is a statement file's text with each line that holds only a comment emptied.
func sentText(file string) string {
	lines := strings.Split(file, "\n")
	for i, line := range lines {
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "//") {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}
