package neo4j

import (
	"embed"
	"strings"
)

// Every statement the store runs is one file in cypher/, embedded as it is: nothing is
// assembled at run time, so the linter (cypherlint/) checks exactly what runs.
//
//go:embed cypher/*.cypher
var cypherFiles embed.FS

// statement is an embedded Cypher statement. Its fields are unexported and it is made only
// by load, so a statement can only ever be the text of a file.
type statement struct {
	name string
	text string
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
	st := statement{name: name, text: string(b)}
	loaded[name] = st
	return st
}

// Queries and writes.
var (
	stmtNodesByKey         = load("nodes_by_key")
	stmtRelationsOf        = load("relations_of")
	stmtRelationsOfAsks    = load("relations_of_asks")
	stmtNodesWithRelations = load("nodes_with_relations")
	stmtListAsc            = load("list_asc")
	stmtListDesc           = load("list_desc")
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
