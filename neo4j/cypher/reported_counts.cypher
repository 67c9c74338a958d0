// ReportedCounts: the reported counts within the years asked for, by year, then id (ids are
// ASCII slugs, so Neo4j orders them as Go does).
// Parameters: $ns (STRING), $fromYear, $toYear (INTEGER, or null for an open end)
// Index: reported_count_year (range index on :ReportedCount(year)).
MATCH (n:ReportedCount)
WHERE n.ns = $ns
  AND ($fromYear IS NULL OR n.year >= $fromYear)
  AND ($toYear IS NULL OR n.year <= $toYear)
RETURN properties(n) AS props
ORDER BY n.year, n.id
