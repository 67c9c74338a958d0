// Bump versions: one more accepted change for each record key, in the commit's transaction.
// Parameters: $ns (STRING), $keys (LIST<STRING>, record keys)
// Index: version_ns_key (uniqueness constraint on :AtlasVersion(ns, key)) makes the MERGE a seek.
UNWIND $keys AS key
MERGE (v:AtlasVersion {ns: $ns, key: key})
SET v.changes = coalesce(v.changes, 0) + 1
RETURN count(v) AS bumped
