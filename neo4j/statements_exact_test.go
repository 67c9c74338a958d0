package neo4j

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

// One test per statement: the exact parameters the store sends and the mapping of rows
// shaped like the driver's (int64, []any, map[string]any, absent for null).

var bg = context.Background()

// storedNode is n as a node's properties come back from Neo4j.
func storedNode(t *testing.T, n atlas.Node) map[string]any {
	t.Helper()
	p, err := storeProps(nodeProps(n))
	if err != nil {
		t.Fatal(err)
	}
	p["scopedId"], p["ns"] = "test:"+n.NodeID(), "test"
	return p
}

func storedRel(t *testing.T, r *atlas.Relation) record {
	t.Helper()
	p, err := storeProps(relationProps(r))
	if err != nil {
		t.Fatal(err)
	}
	// What coalesce(r.record, properties(r)) gives for a relationship this release wrote.
	return record{"type": string(r.Type), "from": r.From, "to": r.To, "props": p["record"]}
}

// relRow is the row of relations_of or relations_of_asks for r met from the node of key.
func relRow(t *testing.T, r *atlas.Relation, key string) record {
	t.Helper()
	rec := storedRel(t, r)
	outgoing := key == "test:"+r.From
	far := r.To
	if !outgoing {
		far = r.From
	}
	return record{"key": key, "type": rec["type"], "outgoing": outgoing, "far": far, "props": rec["props"]}
}

func fixtureNode(id string) atlas.Node {
	for _, n := range conformance.Fixture().Prepared().Nodes() {
		if n.NodeID() == id {
			return n
		}
	}
	panic("no fixture node " + id)
}

func fixtureRel(id string) *atlas.Relation {
	for _, r := range conformance.Fixture().Prepared().Relations {
		if r.ID == id {
			return r
		}
	}
	panic("no fixture relation " + id)
}

func TestNodesStatement(t *testing.T) {
	xi := fixtureNode("person/xi-jinping")
	db := newScript(t, call{st: stmtNodesByKey,
		params: map[string]any{"ns": "test", "keys": []string{"test:person/xi-jinping", "test:group/nothing"}, "props": nil},
		recs:   []record{{"key": "test:person/xi-jinping", "props": storedNode(t, xi)}}})
	s := openReady(t, db)
	got, err := s.Nodes(bg, []string{"person/xi-jinping", "group/nothing", "person/xi-jinping"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, []atlas.Node{xi, nil, xi}) {
		t.Errorf("got %#v", got)
	}
	if got[0] == got[2] {
		t.Error("repeated ids share one node")
	}
}

func TestRelationsStatement(t *testing.T) {
	chairs, holds := fixtureRel("chairs/person/xi-jinping/group/foreign-affairs-commission"), fixtureRel("holds/person/xi-jinping/position/general-secretary")
	row := func(r *atlas.Relation) record { return relRow(t, r, "test:person/xi-jinping") }
	asOf := atlas.MustDate("2018-03")
	db := newScript(t, call{st: stmtRelationsOf,
		params: map[string]any{"ns": "test", "keys": []string{"test:person/xi-jinping", "test:person/nobody"},
			"types": []string{"CHAIRS", "HOLDS"}, "roles": []string{"MEMBER"}, "outgoing": true, "incoming": false,
			"asOfFrom": int64(20180301), "asOfTo": int64(20180331), "sources": []string{"source/alpha"}, "includeRelayed": false,
			"tiers": []string{"CORPUS"}},
		// Out of order, and one row twice (an undirected match of a self-loop).
		recs: []record{row(holds), row(chairs), row(chairs)}})
	s := openReady(t, db)
	got, err := s.Relations(bg, atlas.RelationQuery{IDs: []string{"person/xi-jinping", "person/nobody", "person/xi-jinping"},
		Types: []atlas.RelType{atlas.Chairs, atlas.Holds}, Direction: atlas.Outgoing, Roles: []atlas.MemberRole{"MEMBER"}, AsOf: &asOf, Sources: []string{"source/alpha"},
		Tiers: []atlas.SourceTier{atlas.CorpusTier}})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]atlas.Relation{{*chairs, *holds}, nil, {*chairs, *holds}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
}

func TestListStatements(t *testing.T) {
	lsg := fixtureNode("group/foreign-affairs-lsg").(*atlas.Group)
	yes := true
	base := func() map[string]any {
		return map[string]any{"ns": "test", "nodeKind": "GROUP", "kinds": []string{}, "systems": []string{}, "levels": []string{},
			"horizons": []string{}, "categories": []string{}, "crossSystem": nil, "activeFrom": nil, "activeTo": nil,
			"nameContains": nil, "sources": []string{}, "afterKey": nil, "afterId": nil, "limit": int64(20), "props": nil, "tiers": []string{},
			"asks": []map[string]any{}, "nextKinds": []string{}, "ends": nil, "count": true}
	}
	uncounted := base()
	uncounted["count"] = false
	filtered := base()
	filtered["kinds"], filtered["systems"], filtered["levels"] = []string{"LEADING_SMALL_GROUP"}, []string{"PARTY"}, []string{"CENTRAL"}
	filtered["horizons"], filtered["categories"], filtered["crossSystem"] = []string{"PERMANENT"}, []string{"FOREIGN_AFFAIRS_UNITED_FRONT"}, false
	filtered["activeFrom"], filtered["activeTo"], filtered["nameContains"] = int64(20100101), int64(20101231), "foreignaffairs"
	filtered["limit"] = int64(2)
	filtered["afterKey"], filtered["afterId"] = "19580101", "group/a"
	desc := base()
	desc["afterKey"], desc["afterId"] = sortName("zürich 中"), "group/z"
	people := base()
	people["nodeKind"], people["afterKey"], people["afterId"] = "PERSON", "person/b", "person/b"
	for _, tc := range []struct {
		name   string
		q      atlas.ListQuery
		st     statement
		params map[string]any
	}{
		{"defaults", atlas.ListQuery{Kind: atlas.GroupNode}, listStatements[atlas.OrderByName][0], base()},
		{"every group filter and a cursor", atlas.ListQuery{Kind: atlas.GroupNode, First: 2, Order: atlas.Order{Field: atlas.OrderByEstablished},
			After: atlas.EncodeCursor(atlas.Cursor{Key: "19580101", ID: "group/a", Order: "ESTABLISHED"}),
			Filter: atlas.NodeFilter{GroupKinds: []atlas.GroupKind{atlas.LeadingSmallGroup}, Systems: []atlas.System{atlas.PartySystem},
				Levels: []atlas.Level{"CENTRAL"}, Horizons: []atlas.Horizon{"PERMANENT"}, Categories: []atlas.Category{"FOREIGN_AFFAIRS_UNITED_FRONT"},
				CrossSystem: new(bool), ActiveAsOf: atlas.DatePtr("2010"), NameContains: "Foreign Affairs"}}, listStatements[atlas.OrderByEstablished][0], filtered},
		{"descending by name: the cursor key is compared in stored (hex) form", atlas.ListQuery{Kind: atlas.GroupNode, Order: atlas.Order{Desc: true},
			After: atlas.EncodeCursor(atlas.Cursor{Key: "zürich 中", ID: "group/z", Order: "NAME DESC"})}, listStatements[atlas.OrderByName][1], desc},
		{"by id", atlas.ListQuery{Kind: atlas.PersonNode, Order: atlas.Order{Field: atlas.OrderByID},
			After: atlas.EncodeCursor(atlas.Cursor{Key: "person/b", ID: "person/b", Order: "ID"})}, listStatements[atlas.OrderByID][0], people},
		{"without the count", atlas.ListQuery{Kind: atlas.GroupNode, WithoutCount: true}, listStatements[atlas.OrderByName][0], uncounted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newScript(t, call{st: tc.st, params: tc.params,
				recs: []record{{"total": int64(3), "hasNextPage": yes, "page": []any{storedNode(t, lsg)}}}})
			s := openReady(t, db)
			page, err := s.List(bg, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			q, _ := tc.q.Normalized()
			want := atlas.Page{Nodes: []atlas.Node{lsg}, TotalCount: 3, HasNextPage: true,
				Cursors: []string{q.Cursor(atlas.SortKey(lsg, q.Order.Field), lsg.ID)}}
			if tc.q.WithoutCount {
				want.TotalCount = 0
			}
			if !reflect.DeepEqual(page, want) {
				t.Errorf("got %#v\nwant %#v", page, want)
			}
		})
	}
}

// TestListTierStatements: tiers alone are one list statement filtering by the nodes'
// stored tiers; a node stored without tiers (untiered) or tiers with sources named are
// decided through the sources (tiered_sources), in the same transaction. untiered comes
// from the count, so a list filtered by stored tiers counts even when the caller does not
// read the total.
func TestListTierStatements(t *testing.T) {
	lsg := fixtureNode("group/foreign-affairs-lsg").(*atlas.Group)
	params := func(sources, tiers []string, count bool) map[string]any {
		return map[string]any{"ns": "test", "nodeKind": "GROUP", "kinds": []string{}, "systems": []string{}, "levels": []string{},
			"horizons": []string{}, "categories": []string{}, "crossSystem": nil, "activeFrom": nil, "activeTo": nil,
			"nameContains": nil, "sources": sources, "afterKey": nil, "afterId": nil, "limit": int64(20), "props": nil, "tiers": tiers,
			"asks": []map[string]any{}, "nextKinds": []string{}, "ends": nil, "count": count}
	}
	page := func(untiered bool) []record {
		return []record{{"total": int64(1), "untiered": untiered, "hasNextPage": false, "page": []any{storedNode(t, lsg)}}}
	}
	tiered := call{st: stmtTieredSources, params: map[string]any{"ns": "test"}, recs: []record{
		{"id": "source/alpha", "tier": "", "citedVia": nil}, {"id": "source/wiki", "tier": "REFERENCE", "citedVia": nil}}}
	reference := []atlas.SourceTier{atlas.ReferenceTier}
	for _, tc := range []struct {
		name      string
		f         atlas.NodeFilter
		uncounted bool // WithoutCount
		calls     []call
	}{
		{"tiers alone: the stored tiers", atlas.NodeFilter{Tiers: reference}, false,
			[]call{{st: listStatements[atlas.OrderByName][0], params: params([]string{}, []string{"REFERENCE"}, true), recs: page(false)}}},
		{"a node stored without tiers: through the sources", atlas.NodeFilter{Tiers: reference}, false,
			[]call{{st: listStatements[atlas.OrderByName][0], params: params([]string{}, []string{"REFERENCE"}, true), recs: page(true)},
				tiered, {st: listStatements[atlas.OrderByName][0], params: params([]string{"source/wiki"}, []string{}, true), recs: page(false)}}},
		{"without the count, still counted for untiered", atlas.NodeFilter{Tiers: reference}, true,
			[]call{{st: listStatements[atlas.OrderByName][0], params: params([]string{}, []string{"REFERENCE"}, true), recs: page(true)},
				tiered, {st: listStatements[atlas.OrderByName][0], params: params([]string{"source/wiki"}, []string{}, false), recs: page(false)}}},
		{"tiers and sources: through the sources", atlas.NodeFilter{Tiers: reference, CitedBy: []string{"source/wiki"}}, false,
			[]call{tiered, {st: listStatements[atlas.OrderByName][0], params: params([]string{"source/wiki"}, []string{}, true), recs: page(false)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openReady(t, newScript(t, tc.calls...))
			got, err := s.List(bg, atlas.ListQuery{Kind: atlas.GroupNode, Filter: tc.f, WithoutCount: tc.uncounted})
			if err != nil {
				t.Fatal(err)
			}
			wantTotal := 1
			if tc.uncounted {
				wantTotal = 0
			}
			if len(got.Nodes) != 1 || !reflect.DeepEqual(got.Nodes[0], atlas.Node(lsg)) || got.TotalCount != wantTotal {
				t.Errorf("got %#v", got)
			}
		})
	}
}

func TestReportedCountsStatement(t *testing.T) {
	c := fixtureNode("count/beta-1981").(*atlas.ReportedCount)
	db := newScript(t,
		call{st: stmtReportedCounts, params: map[string]any{"ns": "test", "fromYear": int64(1900), "toYear": nil}, recs: []record{{"props": storedNode(t, c)}}},
		call{st: stmtReportedCounts, params: map[string]any{"ns": "test", "fromYear": nil, "toYear": int64(1980)}})
	s := openReady(t, db)
	got, err := s.ReportedCounts(bg, atlas.CountQuery{FromYear: 1900})
	if err != nil || !reflect.DeepEqual(got, []atlas.ReportedCount{*c}) {
		t.Errorf("got %#v, %v", got, err)
	}
	if got, err := s.ReportedCounts(bg, atlas.CountQuery{ToYear: 1980}); err != nil || got != nil {
		t.Errorf("got %#v, %v; want nil", got, err)
	}
}

func TestSnapshotStatements(t *testing.T) {
	want := conformance.Fixture().Prepared()
	var nodeRecs, relRecs []record
	nodes := want.Nodes()
	for i := len(nodes) - 1; i >= 0; i-- { // reversed: the store sorts
		nodeRecs = append(nodeRecs, record{"props": storedNode(t, nodes[i])})
	}
	for _, r := range want.Relations {
		relRecs = append(relRecs, storedRel(t, r))
	}
	db := newScript(t,
		call{st: stmtSnapshotNodes, params: map[string]any{"ns": "test"}, recs: nodeRecs},
		call{st: stmtSnapshotRelations, params: map[string]any{"ns": "test"}, recs: relRecs})
	s := openReady(t, db)
	got, err := s.Snapshot(bg)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Nodes()) != len(nodes) || len(got.Relations) != len(want.Relations) {
		t.Fatalf("snapshot has %d nodes and %d relations", len(got.Nodes()), len(got.Relations))
	}
	for i := 1; i < len(got.Relations); i++ {
		if got.Relations[i-1].ID >= got.Relations[i].ID {
			t.Errorf("relations not sorted by id at %d", i)
		}
	}
	for i := 1; i < len(got.People); i++ {
		if got.People[i-1].ID >= got.People[i].ID {
			t.Errorf("people not sorted by id at %d", i)
		}
	}
}

func TestRevisionStatement(t *testing.T) {
	db := newScript(t, call{st: stmtRevision, params: map[string]any{"ns": "test"}, recs: []record{{"revision": int64(7)}}})
	s := openReady(t, db)
	if rev, err := s.Revision(bg); rev != 7 || err != nil {
		t.Errorf("revision = %d, %v", rev, err)
	}
}

func TestDropNamespaceStatement(t *testing.T) {
	db := newScript(t, call{st: stmtDropCuration, params: map[string]any{"ns": "test"}, recs: []record{{"deleted": int64(0)}}},
		call{st: stmtDropNamespace, params: map[string]any{"ns": "test"}, recs: []record{{"deleted": int64(3)}}})
	s := openReady(t, db)
	if err := s.DropNamespace(bg); err != nil {
		t.Fatal(err)
	}
}

// TestImportStatements: one changed node, one changed relation, one stored node and one
// stored relation the dataset no longer has, everything else stored as it is: the import
// locks the namespace, reads what is stored, deletes what the dataset dropped (relations
// before nodes), rewrites every record (so that what this release derives from the data,
// such as search keys, is never stale), reports the two updates and two deletions, and
// bumps the revision.
func TestImportStatements(t *testing.T) {
	prepared := conformance.Fixture().Prepared()
	var keys []string
	var nodeRecs, relRecs, idRecs []record
	var nodeRows, deleteRows, createRows []map[string]any
	for _, n := range prepared.Nodes() {
		keys = append(keys, "test:"+n.NodeID())
		stored := storedNode(t, n)
		if n.NodeID() == "person/xi-jinping" {
			stored["description"] = "old"
		}
		nodeRecs = append(nodeRecs, record{"key": "test:" + n.NodeID(), "props": stored})
		idRecs = append(idRecs, record{"id": n.NodeID()})
		nodeRows = append(nodeRows, map[string]any{"scopedId": "test:" + n.NodeID(), "nodeKind": string(n.NodeKind()), "props": nodeProps(n)})
	}
	idRecs = append(idRecs, record{"id": "person/dropped"})
	rel := prepared.Relations[0]
	for _, r := range prepared.Relations {
		if r == rel {
			old := r.Clone()
			old.Note = "old"
			relRecs = append(relRecs, storedRel(t, &old))
		} else {
			relRecs = append(relRecs, storedRel(t, r))
		}
		deleteRows = append(deleteRows, map[string]any{"id": r.ID, "from": "test:" + r.From, "to": "test:" + r.To})
		createRows = append(createRows, map[string]any{"type": string(r.Type), "from": "test:" + r.From, "to": "test:" + r.To, "props": relationProps(r)})
	}
	dropped := *fixtureRel(rel.ID)
	dropped.ID, dropped.From = "chairs/dropped", "person/dropped"
	relRecs = append(relRecs, storedRel(t, &dropped))
	deleteRows = append(deleteRows, map[string]any{"id": "chairs/dropped", "from": "test:person/dropped", "to": "test:" + dropped.To})
	db := newScript(t,
		call{st: stmtLockNamespace, params: map[string]any{"ns": "test"}, recs: []record{{"revision": int64(1)}}},
		call{st: stmtNodesByKey, params: map[string]any{"ns": "test", "keys": keys, "props": nil}, recs: nodeRecs},
		call{st: stmtNodeIDs, params: map[string]any{"ns": "test"}, recs: idRecs},
		call{st: stmtSnapshotRelations, params: map[string]any{"ns": "test"}, recs: relRecs},
		call{st: stmtDeleteRelations, params: map[string]any{"ns": "test", "rows": deleteRows},
			recs: []record{{"deleted": int64(len(deleteRows))}}},
		call{st: stmtDeleteNodes, params: map[string]any{"ns": "test", "keys": []string{"test:person/dropped"}},
			recs: []record{{"deleted": int64(1)}}},
		call{st: stmtUpsertNodes, params: map[string]any{"ns": "test", "rows": nodeRows},
			recs: []record{{"upserted": int64(len(nodeRows))}}},
		call{st: stmtCreateRelations, params: map[string]any{"ns": "test", "rows": createRows},
			recs: []record{{"created": int64(len(createRows))}}},
		call{st: stmtBumpRevision, params: map[string]any{"ns": "test"}, recs: []record{{"revision": int64(2)}}},
		call{st: stmtAppendWrite, params: map[string]any{"ns": "test", "revision": int64(2), "nodes": []string{"person/dropped", rel.From}, "kept": int64(1000)},
			recs: []record{{"appended": int64(1)}}},
	)
	s := openReady(t, db)
	report, err := s.Import(bg, conformance.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	total := conformance.FixtureNodeCount + conformance.FixtureRelationCount
	if want := (atlas.ImportReport{Updated: 2, Unchanged: total - 2, Deleted: 2}); report != want {
		t.Errorf("report = %+v, want %+v", report, want)
	}
}

// TestImportShortfallFails: if Neo4j writes fewer records than asked (an end node
// missing), the import fails and its transaction rolls back.
func TestImportShortfallFails(t *testing.T) {
	ds := &atlas.Dataset{Sources: conformance.Fixture().Sources[:1]}
	src := ds.Sources[0]
	db := newScript(t,
		call{st: stmtLockNamespace, params: map[string]any{"ns": "test"}, recs: []record{{"revision": int64(0)}}},
		call{st: stmtNodesByKey, params: map[string]any{"ns": "test", "keys": []string{"test:" + src.ID}, "props": nil}},
		call{st: stmtNodeIDs, params: map[string]any{"ns": "test"}},
		call{st: stmtSnapshotRelations, params: map[string]any{"ns": "test"}},
		call{st: stmtUpsertNodes, params: map[string]any{"ns": "test", "rows": []map[string]any{
			{"scopedId": "test:" + src.ID, "nodeKind": "SOURCE", "props": nodeProps(src)}}},
			recs: []record{{"upserted": int64(0)}}},
	)
	s := openReady(t, db)
	_, err := s.Import(bg, ds)
	if atlas.ErrorCode(err) != atlas.EINTERNAL {
		t.Errorf("error %v (%s), want INTERNAL", err, atlas.ErrorCode(err))
	}
}

func TestMigrationsRunOnConnect(t *testing.T) {
	db := newScript(t)
	openReady(t, db)
	var want []string
	for _, m := range migrations {
		want = append(want, m.name)
	}
	want = append(want, stmtAwaitIndexes.name) // last: it waits for what they created
	if len(want) < 20 || !reflect.DeepEqual(db.schema, want) {
		t.Errorf("migrations run: %v\nwant %v", db.schema, want)
	}
}
