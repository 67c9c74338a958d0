// Drop curation: deletes the namespace's audit log, proposals and record versions. Used by the
// tests against a live server to leave nothing behind (with drop_namespace); never by the API.
// Parameters: $ns (STRING)
// Index: audit_ns_revision, proposal_ns_id and version_ns_key, each seeked on ns, the leading
//   property of its composite index (the IS NOT NULL on the second lets the planner use it).
CALL () {
  MATCH (a:AtlasAudit) WHERE a.ns = $ns AND a.revision IS NOT NULL DETACH DELETE a
}
CALL () {
  MATCH (p:AtlasProposal) WHERE p.ns = $ns AND p.id IS NOT NULL DETACH DELETE p
}
CALL () {
  MATCH (v:AtlasVersion) WHERE v.ns = $ns AND v.key IS NOT NULL DETACH DELETE v
}
RETURN 0 AS deleted
