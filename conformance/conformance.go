// Package conformance is the contract of atlas.Store: one suite that every backend runs
// from a few lines of test code (dex's storage/conformance is the model). A behaviour
// that is not checked here is not specified, so both backends answer every case here the
// same way.
package conformance

import (
	"context"
	"testing"

	"lsgatlas/atlas"
)

// Open returns a new, empty store for one subtest and arranges its cleanup.
type Open func(t *testing.T) atlas.Store

// Run runs the whole suite against stores made by open.
func Run(t *testing.T, open Open) {
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, open Open)
	}{
		{"Import", testImport},
		{"ImportRejectsInvalid", testImportRejectsInvalid},
		{"Nodes", testNodes},
		{"NodesRoundTrip", testNodesRoundTrip},
		{"PropertyClaims", testPropertyClaims},
		{"Supports", testSupports},
		{"Unknowns", testUnknowns},
		{"SourceFilters", testSourceFilters},
		{"Relations", testRelations},
		{"RelationsRoundTrip", testRelationsRoundTrip},
		{"RelationsAsOf", testRelationsAsOf},
		{"RelationsDuring", testRelationsDuring},
		{"RelationTiers", testRelationTiers},
		{"ListTiers", testListTiers},
		{"NodeTiers", testNodeTiers},
		{"List", testList},
		{"ListPagination", testListPagination},
		{"ListInvalid", testListInvalid},
		{"Search", testSearch},
		{"SearchCounts", testSearchCounts},
		{"Identifiers", testIdentifiers},
		{"SearchInvalid", testSearchInvalid},
		{"SearchEmpty", testSearchEmpty},
		{"ReportedCounts", testReportedCounts},
		{"Snapshot", testSnapshot},
		{"Close", testClose},
		{"ImportDeletes", testImportDeletes},
		{"ImportConcurrent", testImportConcurrent},
		{"Copies", testCopies},
		{"Invariants", testInvariants},
		{"ReadScope", testReadScope},
		{"Projections", testProjections},
		{"RelationsOf", testRelationsOf},
		{"ListWithRelations", testListWithRelations},
		{"NodesWithRelations", testNodesWithRelations},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, open) })
	}
}

// seeded opens a store holding the fixture.
func seeded(t *testing.T, open Open) atlas.Store {
	t.Helper()
	s := open(t)
	if _, err := s.Import(context.Background(), Fixture()); err != nil {
		t.Fatalf("import fixture: %v", err)
	}
	return s
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := atlas.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func ids[T atlas.Node](nodes []T) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		if any(n) == nil {
			continue
		}
		out[i] = n.NodeID()
	}
	return out
}
