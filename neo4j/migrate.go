package neo4j

import (
	"context"
	"errors"
	"fmt"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"lsgatlas/atlas"
)

// migrate applies every schema statement (cypher/schema_*.cypher), each in its own write
// transaction: Neo4j does not allow schema and data changes in one transaction, and an
// index or constraint is created by one statement anyway. Each is "IF NOT EXISTS", so
// running them at every (re)connection is safe and costs a few round trips; new indexes
// populate in the background while the store already serves requests.
//
// Replicas may start together on an empty database: "IF NOT EXISTS" is checked when a
// statement starts, so two of them creating the same index race, and the one that
// commits second is refused with an equivalent rule already existing. That is the state
// the statement asked for, so it counts as applied.
//
// Then it waits for every index to be online (await_indexes): statements that name an
// index are refused while it populates.
func (s *Store) migrate(ctx context.Context) error {
	for _, st := range migrations {
		err := s.db.write(ctx, func(tx runner) error {
			_, err := countingRunner{tx, &s.runs}.run(ctx, st, nil)
			return err
		})
		if err != nil && !alreadyApplied(err) {
			return wrap(ctx, fmt.Sprintf("migrate %s", st.name), err)
		}
	}
	// Within the connection attempt's deadline; at least a second, which Neo4j's timeout
	// counts in.
	seconds := int64(60)
	if d, ok := ctx.Deadline(); ok {
		seconds = max(1, int64(time.Until(d).Seconds()))
	}
	err := s.db.read(ctx, func(tx runner) error {
		_, err := countingRunner{tx, &s.runs}.run(ctx, stmtAwaitIndexes, map[string]any{"seconds": seconds})
		return err
	})
	return wrap(ctx, "migrate: await indexes online", err)
}

// alreadyApplied tells the errors of a schema statement that lost a race to another
// client creating the same index or constraint.
func alreadyApplied(err error) bool {
	var neo *driver.Neo4jError
	if !errors.As(err, &neo) {
		return false
	}
	switch neo.Code {
	case "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
		"Neo.ClientError.Schema.IndexAlreadyExists",
		"Neo.ClientError.Schema.ConstraintAlreadyExists":
		return true
	}
	return false
}

// warm runs each read the store makes once, with the parameter types requests send,
// after every (re)connection and before the store says it is ready: Neo4j plans a
// statement the first time it sees it (seconds, after a restart emptied its plan cache),
// and that wait belongs to start-up, not to the first requests. Failures are left to
// the requests: warming only saves them time.
func (s *Store) warm(ctx context.Context) {
	ctx = context.WithValue(ctx, warmingKey{}, true)
	const id = "group/warm-up" // any id: an unknown one plans the same statements
	_, _ = s.Revision(ctx)
	_, _ = s.Nodes(ctx, []string{id})
	_, _ = s.Relations(ctx, atlas.RelationQuery{IDs: []string{id}})
	asks := atlas.RelationAsks{Queries: []atlas.RelationQuery{{IDs: []string{id}}, {IDs: []string{id}, Direction: atlas.Incoming}},
		Then: []*atlas.FollowUp{nil, {Kinds: []atlas.NodeKind{atlas.PositionNode}, Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Incoming}}},
		Ends: atlas.NewProjection("name")}
	_, _ = s.RelationsOf(ctx, asks)
	// A list and a root field's nodes come with their first level: asked of what they
	// read, without ids of their own.
	asks.Queries = []atlas.RelationQuery{{}, {Direction: atlas.Incoming}}
	// Every order and direction is a statement of its own (list_by_*).
	for field := range listStatements {
		for _, desc := range []bool{false, true} {
			_, _ = s.List(ctx, atlas.ListQuery{Kind: atlas.GroupNode, First: 1, Order: atlas.Order{Field: field, Desc: desc}})
		}
	}
	_, _, _ = s.ListWithRelations(ctx, atlas.ListQuery{Kind: atlas.GroupNode, First: 1}, asks)
	_, _, _ = s.NodesWithRelations(ctx, []string{id}, atlas.NewProjection("name"), asks)
	_, _ = s.Search(ctx, atlas.SearchQuery{Text: "warm"})
	s.warmIndexedSearch(ctx) // the path of a search while a write lands: rare, but not slow
	s.warmWritesSince(ctx)
	_, _ = s.ReportedCounts(ctx, atlas.CountQuery{})
	_, _ = s.Supports(ctx, atlas.SupportQuery{Sources: []string{"source/warm-up"}, First: 1})
	_, _ = s.Snapshot(ctx)
}

// warmingKey marks the context of warm's reads, which run before the store is ready.
type warmingKey struct{}
