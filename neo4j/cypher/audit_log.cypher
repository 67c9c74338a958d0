// Audit log: the namespace's audit entries after a revision, by actor, record key and time (each
// filter off when null), in revision order.
// Parameters: $ns (STRING), $after (INTEGER), $actor (STRING or null), $key (STRING or null),
//   $since (STRING or null, RFC 3339, inclusive), $until (STRING or null, exclusive), $limit (INTEGER)
// Index: audit_ns_revision (uniqueness constraint on :AtlasAudit(ns, revision)), seeked on ns and
//   a revision range, which is also the order.
MATCH (a:AtlasAudit)
WHERE a.ns = $ns AND a.revision > $after
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($key IS NULL OR $key IN a.keys)
  AND ($since IS NULL OR a.at >= $since)
  AND ($until IS NULL OR a.at < $until)
RETURN a.entry AS entry
ORDER BY a.revision
LIMIT $limit
