package neo4j_test

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/neo4j"
	"lsgatlas/neo4j/neo4jtest"
)

// TestLiveEarlierReleaseRelations: relationships an earlier release wrote, one property per
// field and no record, read exactly as those written with a record do, through every
// statement that returns relationships (relations_of, relations_of_asks and the list statements'
// asks, with follow-ups, snapshot_relations, supports_relations); the next import writes
// records again.
func TestLiveEarlierReleaseRelations(t *testing.T) {
	cfg := neo4jtest.Config(t)
	s := neo4jtest.OpenConfig(t, cfg)
	ctx := context.Background()
	ds := conformance.Fixture()
	if _, err := s.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	var ids, sources []string
	for _, n := range ds.Nodes() {
		ids = append(ids, n.NodeID())
	}
	for _, src := range ds.Sources {
		sources = append(sources, src.ID)
	}
	type reads struct {
		Relations [][]atlas.Relation
		Asked     atlas.RelationAnswers
		Page      atlas.Page
		Listed    atlas.RelationAnswers
		Snapshot  *atlas.Dataset
		Supports  []atlas.SupportPage
	}
	read := func() reads {
		var r reads
		var err error
		if r.Relations, err = s.Relations(ctx, atlas.RelationQuery{IDs: ids}); err != nil {
			t.Fatal(err)
		}
		asks := atlas.RelationAsks{
			Queries: []atlas.RelationQuery{{IDs: ids, Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming}, {IDs: ids, Direction: atlas.Outgoing}},
			// The chairing posts' holders come as follow-ups, read by the same statement.
			Then: []*atlas.FollowUp{{Kinds: []atlas.NodeKind{atlas.PositionNode}, Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Incoming}}, nil},
			Ends: atlas.NewProjection("name", "title"),
		}
		if r.Asked, err = s.RelationsOf(ctx, asks); err != nil {
			t.Fatal(err)
		}
		listAsks := asks
		listAsks.Queries = []atlas.RelationQuery{{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming}, {Direction: atlas.Outgoing}}
		if r.Page, r.Listed, err = s.ListWithRelations(ctx, atlas.ListQuery{Kind: atlas.GroupNode}, listAsks); err != nil {
			t.Fatal(err)
		}
		if r.Snapshot, err = s.Snapshot(ctx); err != nil {
			t.Fatal(err)
		}
		if r.Supports, err = s.Supports(ctx, atlas.SupportQuery{Sources: sources, First: atlas.MaxPageSize}); err != nil {
			t.Fatal(err)
		}
		return r
	}
	withRecords := read()
	if len(withRecords.Asked.Then[0]) == 0 || len(withRecords.Listed.Then[0]) == 0 {
		t.Fatal("no chairing post came with its holders: the follow-up rows go untested")
	}
	if len(withRecords.Snapshot.Relations) != conformance.FixtureRelationCount {
		t.Fatalf("snapshot has %d relations, want %d", len(withRecords.Snapshot.Relations), conformance.FixtureRelationCount)
	}
	drv := liveDriver(t, cfg)
	countRecords := func() int64 {
		recs := query(t, drv, cfg, "MATCH ()-[r]->() WHERE r.ns = $ns AND r.record IS NOT NULL RETURN count(r) AS n", map[string]any{"ns": cfg.Namespace})
		n, _ := recs[0].Get("n")
		return n.(int64)
	}
	if n := countRecords(); n != int64(conformance.FixtureRelationCount) {
		t.Fatalf("%d relationships have a record, want all %d", n, conformance.FixtureRelationCount)
	}
	for _, r := range ds.Prepared().Relations {
		query(t, drv, cfg, "MATCH ()-[r]->() WHERE r.ns = $ns AND r.id = $id SET r = $props, r.ns = $ns",
			map[string]any{"ns": cfg.Namespace, "id": r.ID, "props": neo4j.EarlierReleaseRelationProps(r)})
	}
	if n := countRecords(); n != 0 {
		t.Fatalf("%d relationships still have a record after the rewrite", n)
	}
	if got := read(); !reflect.DeepEqual(got, withRecords) {
		t.Errorf("as an earlier release stored them, the relationships read differently:\n got %+v\nwant %+v", got, withRecords)
	}
	if _, err := s.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if n := countRecords(); n != int64(conformance.FixtureRelationCount) {
		t.Errorf("after the next import %d relationships have a record, want all %d", n, conformance.FixtureRelationCount)
	}
	if got := read(); !reflect.DeepEqual(got, withRecords) {
		t.Errorf("after the next import, the relationships read differently:\n got %+v\nwant %+v", got, withRecords)
	}
}
