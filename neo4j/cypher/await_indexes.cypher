// Await indexes: after the migrations, wait until every index is online. The list and
// search statements name their indexes (USING INDEX SEEK, the full-text procedures), and
// Neo4j refuses a statement whose index is still populating; an index created on a large
// database by a new release populates for a while, and the store is not ready until then.
// Parameters: $seconds (INTEGER, how long to wait before failing; the connection is then
//   tried again, and waits again)
// Index: none; reads the index states.
CALL db.awaitIndexes($seconds)
