// Migration: drops entity_names, the earlier full-text index over names only, which
// entity_text replaces (an index's definition cannot be changed in place).
// Parameters: none
// Index: drops it; IF EXISTS makes re-running it at every start-up a no-op.
DROP INDEX entity_names IF EXISTS
