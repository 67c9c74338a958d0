// Versions: how many accepted changes touched each record key (0 when none has).
// Parameters: $ns (STRING), $keys (LIST<STRING>, record keys)
// Index: version_ns_key (uniqueness constraint on :AtlasVersion(ns, key)), one seek per key.
UNWIND $keys AS key
OPTIONAL MATCH (v:AtlasVersion {ns: $ns, key: key})
RETURN key, coalesce(v.changes, 0) AS changes
