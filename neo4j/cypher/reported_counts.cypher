// ReportedCounts: the reported counts within the years asked for, by year, then id (ids are
// ASCII slugs, so Neo4j orders them as Go does).
// Parameters: $ns (STRING), $fromYear, $toYear (INTEGER, or null for an open end)
// Index: reported_count_year (range index on :ReportedCount(year)), one range seek: an open end
//   becomes the extreme INTEGER, so the bounds are always comparable (a "$fromYear IS NULL OR"
//   predicate cannot use the index, and Neo4j 5.26 then scanned the whole label).
MATCH (n:ReportedCount)
USING INDEX SEEK n:ReportedCount(year)
WHERE n.year >= coalesce($fromYear, -9223372036854775807)
  AND n.year <= coalesce($toYear, 9223372036854775807)
  AND n.ns = $ns
RETURN properties(n) AS props
ORDER BY n.year, n.id
