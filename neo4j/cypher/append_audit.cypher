// Append audit: adds one entry to the namespace's audit log, in the commit's transaction. CREATE,
// never MERGE: the uniqueness constraint makes a second entry for a revision fail the commit.
// Parameters: $ns (STRING), $revision (INTEGER), $actor (STRING), $at (STRING, RFC 3339 UTC with
//   milliseconds, so text order is time order), $keys (LIST<STRING>), $entry (STRING, JSON)
// Index: audit_ns_revision (uniqueness constraint on :AtlasAudit(ns, revision)).
CREATE (a:AtlasAudit {ns: $ns, revision: $revision, actor: $actor, at: $at, keys: $keys, entry: $entry})
RETURN count(a) AS appended
