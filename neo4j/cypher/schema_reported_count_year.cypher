// Migration: ReportedCounts' year range.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX reported_count_year IF NOT EXISTS FOR (n:ReportedCount) ON (n.year)
