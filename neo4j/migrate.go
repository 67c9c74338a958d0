package neo4j

import (
	"context"
	"fmt"
)

// migrate applies every schema statement (cypher/schema_*.cypher), each in its own write
// transaction: Neo4j does not allow schema and data changes in one transaction, and an
// index or constraint is created by one statement anyway. Each is "IF NOT EXISTS", so
// running them at every (re)connection is safe and costs a few round trips; new indexes
// populate in the background while the store already serves requests.
func (s *Store) migrate(ctx context.Context) error {
	for _, st := range migrations {
		err := s.db.write(ctx, func(tx runner) error {
			_, err := countingRunner{tx, &s.runs}.run(ctx, st, nil)
			return err
		})
		if err != nil {
			return wrap(ctx, fmt.Sprintf("migrate %s", st.name), err)
		}
	}
	return nil
}
