// Drop curation: deletes the namespace's audit log, proposals and record versions. Used by the
// tests against a live server to leave nothing behind (with drop_namespace); never by the API.
// Parameters: $ns (STRING)
// Index: audit_ns_revision, proposal_ns_id and version_ns_key, each seeked on ns, the leading
//   property of its composite index.
CALL {
  MATCH (a:AtlasAudit) WHERE a.ns = $ns DETACH DELETE a
}
CALL {
  MATCH (p:AtlasProposal) WHERE p.ns = $ns DETACH DELETE p
}
CALL {
  MATCH (v:AtlasVersion) WHERE v.ns = $ns DETACH DELETE v
}
RETURN 0 AS deleted
