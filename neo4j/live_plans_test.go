package neo4j_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"lsgatlas/conformance"
	"lsgatlas/neo4j"
	"lsgatlas/neo4j/neo4jtest"
)

// Operators that read every node, every node of a label, or every relationship (of a
// type): no statement may use one, since each finds its rows through an index.
var scans = []string{"AllNodesScan", "NodeByLabelScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan",
	"DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan"}

// TestLivePlans asks Neo4j for the plan of every statement (PROFILE, with parameters of
// the types the store sends, rolled back) and checks it starts from the index its header names: a unique
// index seek for everything looked up by id, a range seek on the namespace for whole-namespace
// reads, the TEXT index for CONTAINS, and never a scan of all nodes or of a label.
func TestLivePlans(t *testing.T) {
	cfg, drv := planFixture(t)

	listParams := listPlanParams()
	withText := map[string]any{}
	for k, v := range listParams {
		withText[k] = v
	}
	withText["nameContains"] = "foreign"
	projected := map[string]any{}
	for k, v := range listParams {
		projected[k] = v
	}
	projected["props"] = []any{"id", "nodeKind", "name"}
	tiered := map[string]any{}
	for k, v := range listParams {
		tiered[k] = v
	}
	tiered["tiers"] = []any{"REFERENCE"}
	// A list with its page's relations (ListWithRelations): the groups' chairs with the
	// posts' holders, and their members by role, sources and tiers, with the far ends.
	withAsks := map[string]any{}
	for k, v := range listParams {
		withAsks[k] = v
	}
	withAsks["asks"] = []any{
		map[string]any{"types": []any{"CHAIRS"}, "outgoing": false, "incoming": true, "roles": []any{},
			"asOfFrom": int64(20200101), "asOfTo": int64(20200101), "sources": []any{}, "includeRelayed": false, "tiers": []any{}, "level": int64(1),
			"then": map[string]any{"kinds": []any{"POSITION"}, "types": []any{"HOLDS"}, "outgoing": false, "incoming": true, "roles": []any{},
				"asOfFrom": nil, "asOfTo": nil, "sources": []any{}, "includeRelayed": false, "tiers": []any{}}},
		map[string]any{"types": []any{"MEMBER_OF"}, "outgoing": false, "incoming": true, "roles": []any{"MEMBER"},
			"asOfFrom": nil, "asOfTo": nil, "sources": []any{"source/alpha"}, "includeRelayed": true, "tiers": []any{"CORPUS"}, "level": int64(1), "then": nil},
		// The next level: the people's memberships.
		map[string]any{"types": []any{"MEMBER_OF"}, "outgoing": true, "incoming": false, "roles": []any{},
			"asOfFrom": nil, "asOfTo": nil, "sources": []any{}, "includeRelayed": false, "tiers": []any{}, "level": int64(2), "then": nil}}
	withAsks["nextKinds"] = []any{"PERSON"}
	withAsks["ends"] = []any{"id", "nodeKind", "name"}
	rows := []any{map[string]any{"scopedId": cfg.Namespace + ":person/x", "nodeKind": "PERSON", "props": map[string]any{"id": "person/x"},
		"id": "chairs/x", "type": "CHAIRS", "from": cfg.Namespace + ":person/x", "to": cfg.Namespace + ":group/x"}}
	keys := []any{cfg.Namespace + ":person/xi-jinping"}
	checked := map[string]bool{}
	byID, byNamespace, byText, byYear := "NodeUniqueIndexSeek", "NodeIndexSeek", "NodeIndexContainsScan", "NodeIndexSeekByRange"
	// Lists seek the nodes of one kind in the namespace, not every node of the namespace.
	// The index a statement's seek must use, named in the plan's details.
	seeks := map[string][]string{"relayed_sources": {"Entity(ns, nodeKind)"}, "tiered_sources": {"Entity(ns, nodeKind)"},
		"writes_since": {"AtlasWrite(ns, revision)"}, "drop_namespace": {"AtlasWrite(ns, revision)"}, "append_write": {"AtlasWrite(ns, revision)"}}
	// A list reads its page from the index of its order and counts through the kind's.
	for _, name := range neo4j.ListStatementNames() {
		seeks[name] = []string{"Entity(ns, nodeKind)", "Entity(ns, nodeKind, " + listOrderIndex(name) + ")"}
	}
	// A full-text index is read through its procedure.
	byFullText := "ProcedureCall"
	for _, tc := range []struct {
		statement, variant string
		params             map[string]any
		want               []string // each must occur in the plan
	}{
		{"nodes_by_key", "", map[string]any{"keys": keys, "props": nil}, []string{byID}},
		{"nodes_by_key", "projected", map[string]any{"keys": keys, "props": []any{"id", "nodeKind", "name"}}, []string{byID}},
		{"relations_of", "", map[string]any{"keys": keys, "types": []any{}, "outgoing": true, "incoming": true, "roles": []any{},
			"asOfFrom": int64(20200101), "asOfTo": int64(20200101), "sources": []any{}, "includeRelayed": false, "tiers": []any{}}, []string{byID}},
		{"relations_of_asks", "", map[string]any{"asks": []any{
			map[string]any{"keys": keys, "types": []any{"CHAIRS"}, "outgoing": true, "incoming": false, "roles": []any{},
				"asOfFrom": int64(20200101), "asOfTo": int64(20200101), "sources": []any{}, "includeRelayed": false, "tiers": []any{}},
			map[string]any{"keys": keys, "types": []any{"MEMBER_OF"}, "outgoing": true, "incoming": false, "roles": []any{"MEMBER"},
				"asOfFrom": nil, "asOfTo": nil, "sources": []any{"source/alpha"}, "includeRelayed": true, "tiers": []any{"CORPUS"}}}, "ends": []any{"id", "nodeKind", "name"}}, []string{byID}},
		{"relations_of", "sources", map[string]any{"keys": keys, "types": []any{}, "outgoing": true, "incoming": true, "roles": []any{},
			"asOfFrom": nil, "asOfTo": nil, "sources": []any{"source/alpha"}, "includeRelayed": false, "tiers": []any{}}, []string{byID}},
		{"relations_of", "tiers", map[string]any{"keys": keys, "types": []any{}, "outgoing": true, "incoming": true, "roles": []any{},
			"asOfFrom": nil, "asOfTo": nil, "sources": []any{}, "includeRelayed": false, "tiers": []any{"REFERENCE"}}, []string{byID}},
		{"list_by_name_asc", "", listParams, []string{byNamespace}},
		{"list_by_name_desc", "", listParams, []string{byNamespace}},
		{"list_by_established_asc", "", listParams, []string{byNamespace}},
		{"list_by_established_desc", "", listParams, []string{byNamespace}},
		{"list_by_id_asc", "", listParams, []string{byNamespace}},
		{"list_by_id_desc", "", listParams, []string{byNamespace}},
		{"list_by_name_asc", "nameContains", withText, []string{byNamespace}},
		{"list_by_name_asc", "projected", projected, []string{byNamespace}},
		{"list_by_name_asc", "tiers", tiered, []string{byNamespace}},
		{"list_by_name_asc", "asks", withAsks, []string{byNamespace}},
		{"list_by_name_desc", "asks", withAsks, []string{byNamespace}},
		{"nodes_with_relations", "", map[string]any{"keys": keys, "props": []any{"id", "nodeKind", "name"}, "asks": withAsks["asks"],
			"nextKinds": withAsks["nextKinds"], "ends": withAsks["ends"]}, []string{byID}},
		{"relayed_sources", "", nil, []string{byNamespace}},
		{"tiered_sources", "", nil, []string{byNamespace}},
		{"search", "", map[string]any{"kinds": []any{"GROUP", "PERSON"}, "text": "foreign", "props": neo4j.CandidateProps}, []string{byText}},
		{"search_text_nodes", "", map[string]any{"kinds": []any{"GROUP", "PERSON"}, "query": `"foreign affairs"`, "props": neo4j.CandidateProps}, []string{byFullText}},
		{"search_text_relations", "", map[string]any{"kinds": []any{"GROUP", "PERSON"}, "query": `"appendix"`, "props": neo4j.CandidateProps}, []string{byFullText}},
		{"supports_nodes", "", map[string]any{"sources": []any{"source/alpha"}}, []string{byNamespace}},
		{"supports_relations", "", map[string]any{"sources": []any{"source/alpha"}}, []string{byNamespace}},
		{"reported_counts", "years", map[string]any{"fromYear": int64(2000), "toYear": int64(2020)}, []string{byYear}},
		{"reported_counts", "open", map[string]any{"fromYear": nil, "toYear": nil}, []string{byYear}},
		{"snapshot_nodes", "", nil, []string{byNamespace}},
		{"snapshot_relations", "", nil, []string{byNamespace}},
		{"node_ids", "", nil, []string{byNamespace}},
		{"revision", "", nil, []string{byID}},
		{"bump_revision", "", nil, []string{byID}},
		{"lock_namespace", "", nil, []string{byID}},
		{"upsert_nodes", "", map[string]any{"rows": rows}, []string{byID}},
		{"delete_relations", "", map[string]any{"rows": rows}, []string{byID}},
		{"create_relations", "", map[string]any{"rows": rows}, []string{byID}},
		{"delete_nodes", "", map[string]any{"keys": keys}, []string{byID}},
		{"drop_namespace", "", nil, []string{byID, byNamespace}},
		{"versions", "", map[string]any{"keys": []any{"person/xi-jinping"}}, []string{byID}},
		{"bump_versions", "", map[string]any{"keys": []any{"person/xi-jinping"}}, []string{byID}},
		{"put_proposal", "", map[string]any{"id": "proposal/2", "json": "{}", "status": "PENDING", "revision": int64(2)}, []string{byID}},
		{"proposal", "", map[string]any{"id": "proposal/2"}, []string{byID}},
		{"proposals", "", map[string]any{"status": nil, "limit": int64(10)}, []string{byID}},
		{"append_audit", "", map[string]any{"revision": int64(2), "actor": "a", "at": "2026-01-02T03:04:05.000Z", "keys": []any{}, "entry": "{}"}, []string{"Create"}},
		{"append_write", "", map[string]any{"revision": int64(1002), "nodes": []any{"person/xi-jinping"}, "kept": int64(1000)}, []string{"Create"}},
		{"writes_since", "", map[string]any{"after": int64(1), "upTo": int64(3)}, []string{byID}},
		{"audit_log", "", map[string]any{"after": int64(0), "actor": nil, "key": nil, "since": nil, "until": nil, "limit": int64(10)}, []string{byID}},
		{"set_revision", "", map[string]any{"revision": int64(2)}, []string{byID}},
		{"drop_curation", "", nil, []string{byID}},
		{"await_indexes", "", map[string]any{"seconds": int64(1)}, []string{byFullText}},
	} {
		checked[tc.statement] = true
		t.Run(strings.TrimSpace(tc.statement+" "+tc.variant), func(t *testing.T) {
			text := neo4j.StatementText(tc.statement)
			if text == "" {
				t.Fatalf("no statement %s", tc.statement)
			}
			params := map[string]any{"ns": cfg.Namespace}
			for k, v := range tc.params {
				params[k] = v
			}
			ops, details := planOperators(t, drv, cfg, text, params)
			for _, index := range seeks[tc.statement] {
				if !strings.Contains(details, index) {
					t.Errorf("plan %v does not seek %s: %s", ops, index, details)
				}
			}
			for _, w := range tc.want {
				if !slices.Contains(ops, w) {
					t.Errorf("plan %v has no %s", ops, w)
				}
			}
			for _, op := range ops {
				if slices.Contains(scans, op) {
					t.Errorf("plan %v scans: %s", ops, op)
				}
			}
		})
	}
	for _, name := range neo4j.StatementNames() {
		if !strings.HasPrefix(name, "schema_") && !checked[name] {
			t.Errorf("statement %s has no plan check", name)
		}
	}
}

// listPlanParams are a list statement's parameters for a page of groups with no filter and no
// asks, as the store sends them.
func listPlanParams() map[string]any {
	return map[string]any{"nodeKind": "GROUP", "kinds": []any{}, "systems": []any{}, "levels": []any{},
		"horizons": []any{}, "categories": []any{}, "crossSystem": nil, "activeFrom": nil, "activeTo": nil,
		"nameContains": nil, "sources": []any{}, "afterKey": nil, "afterId": nil, "limit": int64(20), "props": nil, "tiers": []any{},
		"asks": []any{}, "nextKinds": []any{}, "ends": nil, "count": true}
}

// TestLiveListReadsOnlyAskedFilters: a list statement filters the nodes of its kind
// reading only the properties of the filters asked. Neo4j reorders the operands of OR,
// so "no filter or the node's property matches" read the property of every node of the
// kind even with no filter (at 100x, 10,500 reads a page); the statements guard each
// filter with CASE, which it evaluates in order. With no filter the filters over the
// kind (the page's and the count's) read nothing; with one, they read what it needs.
func TestLiveListReadsOnlyAskedFilters(t *testing.T) {
	cfg, drv := planFixture(t)
	for _, name := range neo4j.ListStatementNames() {
		for _, tc := range []struct {
			filter   string
			value    any
			wantHits bool
		}{
			{"", nil, false},
			{"systems", []any{"PARTY"}, true},
			{"nameContains", "foreign", true},
		} {
			params := listPlanParams()
			params["ns"] = cfg.Namespace
			if tc.filter != "" {
				params[tc.filter] = tc.value
			}
			hits, filters := kindFilterHits(profile(t, drv, cfg, neo4j.StatementText(name), params))
			switch {
			case filters != 2:
				t.Errorf("%s, filter %q: %d filters above a seek of the kind, want 2 (the page's, the count's)", name, tc.filter, filters)
			case tc.wantHits && hits == 0:
				t.Errorf("%s, filter %q: the filters read nothing; the check cannot see reads", name, tc.filter)
			case !tc.wantHits && hits != 0:
				t.Errorf("%s, no filter asked: the filters over the kind made %d database hits, want 0", name, hits)
			}
		}
	}
}

// TestLiveListWithoutCount: without $count a list statement does not run its count's
// seek at all (no row, no database hit), filters or not; with it, the count reads every
// node of the kind that the filter asks about.
func TestLiveListWithoutCount(t *testing.T) {
	cfg, drv := planFixture(t)
	groups := int64(len(conformance.Fixture().Groups))
	for _, name := range neo4j.ListStatementNames() {
		for _, systems := range [][]any{{}, {"PARTY"}} {
			for _, count := range []bool{true, false} {
				params := listPlanParams()
				params["ns"], params["systems"], params["count"] = cfg.Namespace, systems, count
				rows, hits, seeks := countSeek(profile(t, drv, cfg, neo4j.StatementText(name), params))
				wantRows := groups
				if !count {
					wantRows = 0
				}
				switch {
				case seeks != 1:
					t.Errorf("%s: %d seeks of Entity(ns, nodeKind), want 1 (the count's)", name, seeks)
				case rows != wantRows || (count != (hits > 0)):
					t.Errorf("%s, systems %v, count %v: the count's seek found %d rows with %d database hits, want %d rows",
						name, systems, count, rows, hits, wantRows)
				}
			}
		}
	}
}

// countSeek sums the rows and database hits of the seeks of Entity(ns, nodeKind) in p (a
// list statement's count) and says how many there are.
func countSeek(p driver.ProfiledPlan) (rows, hits int64, seeks int) {
	if strings.HasPrefix(p.Operator(), "NodeIndexSeek") && strings.Contains(fmt.Sprint(p.Arguments()["Details"]), "Entity(ns, nodeKind)") {
		rows, hits, seeks = p.Records(), p.DbHits(), 1
	}
	for _, c := range p.Children() {
		r, h, s := countSeek(c)
		rows, hits, seeks = rows+r, hits+h, seeks+s
	}
	return rows, hits, seeks
}

// TestLiveListReadsItsPageInOrder: a list statement reads its page from the index of its
// order, so with no filter it reads the page and one more node, not every node of the
// kind, and sorts nothing; a page after a cursor starts its seek at the cursor, in
// either direction (the cursor's node, then the page and one more).
func TestLiveListReadsItsPageInOrder(t *testing.T) {
	cfg, drv := planFixture(t)
	if groups := len(conformance.Fixture().Groups); groups < 4 {
		t.Fatalf("the fixture has %d groups; the test needs 4", groups)
	}
	for _, name := range neo4j.ListStatementNames() {
		params := listPlanParams()
		params["ns"], params["limit"] = cfg.Namespace, int64(1)
		first := query(t, drv, cfg, neo4j.StatementText(name), params)
		page, _ := first[0].Get("page")
		node := page.([]any)[0].(map[string]any)
		for _, tc := range []struct {
			what              string
			afterKey, afterID any
			want              int64
		}{
			{"first page", nil, nil, 2},
			{"after the first node", node[listOrderProperty(name)], node["id"], 3},
			// The cursor beyond every stored key of the order: nothing to read.
			{"after the last node", map[bool]string{false: "~", true: ""}[strings.HasSuffix(name, "_desc")],
				map[bool]string{false: "~", true: ""}[strings.HasSuffix(name, "_desc")], 0},
		} {
			params["afterKey"], params["afterId"] = tc.afterKey, tc.afterID
			plan := profile(t, drv, cfg, neo4j.StatementText(name), params)
			rows, sorts := orderSeekRows(plan, listOrderIndex(name))
			if sorts != 0 {
				t.Errorf("%s, %s: the plan sorts (%d Sort or Top operators)", name, tc.what, sorts)
			}
			if rows != tc.want {
				t.Errorf("%s, %s: the seek of the order read %d rows, want %d", name, tc.what, rows, tc.want)
			}
		}
	}
}

// listOrderProperty names the stored sort key of list statement name's order.
func listOrderProperty(name string) string {
	return strings.Split(listOrderIndex(name), ", ")[0]
}

// listOrderIndex names the properties after (ns, nodeKind) of the index that serves the
// order of list statement name.
func listOrderIndex(name string) string {
	switch {
	case strings.Contains(name, "_by_name_"):
		return "sortName, id"
	case strings.Contains(name, "_by_established_"):
		return "sortEstablished, id"
	default:
		return "id"
	}
}

// orderSeekRows returns the rows of the seeks of index (ns, nodeKind, props) in plan p,
// and how many Sort or Top operators p has.
func orderSeekRows(p driver.ProfiledPlan, props string) (rows int64, sorts int) {
	op := operatorSuffix.ReplaceAllString(p.Operator(), "")
	if strings.Contains(op, "Sort") || strings.HasPrefix(op, "Top") {
		sorts++
	}
	if strings.HasPrefix(op, "NodeIndexSeek") && strings.Contains(fmt.Sprint(p.Arguments()["Details"]), "Entity(ns, nodeKind, "+props+")") {
		rows += p.Records()
	}
	for _, c := range p.Children() {
		r, s := orderSeekRows(c, props)
		rows, sorts = rows+r, sorts+s
	}
	return rows, sorts
}

// kindFilterHits returns the database hits of the filters right above a seek of the nodes
// of one kind (by (ns, nodeKind), or an index that starts with them) in the plan p, or
// above the Apply that runs the seek (the count's, under its UNWIND of $count), and how
// many such filters p has.
func kindFilterHits(p driver.ProfiledPlan) (hits int64, filters int) {
	kindSeek := func(c driver.ProfiledPlan) bool {
		return strings.HasPrefix(c.Operator(), "NodeIndexSeek") && strings.Contains(fmt.Sprint(c.Arguments()["Details"]), "Entity(ns, nodeKind")
	}
	for _, c := range p.Children() {
		seeks := kindSeek(c)
		if strings.HasPrefix(c.Operator(), "Apply") {
			for _, gc := range c.Children() {
				seeks = seeks || kindSeek(gc)
			}
		}
		if strings.HasPrefix(p.Operator(), "Filter") && seeks {
			hits, filters = hits+p.DbHits(), filters+1
		}
		h, f := kindFilterHits(c)
		hits, filters = hits+h, filters+f
	}
	return hits, filters
}

// planFixture opens a store in a namespace of its own holding the conformance fixture,
// so the planner's statistics are not those of an empty database, and returns its
// configuration and a driver to profile statements with, once the indexes are online.
func planFixture(t *testing.T) (neo4j.Config, driver.DriverWithContext) {
	t.Helper()
	cfg := neo4jtest.Config(t)
	s := neo4jtest.OpenConfig(t, cfg)
	if _, err := s.Import(context.Background(), conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	drv := liveDriver(t, cfg)
	query(t, drv, cfg, "CALL db.awaitIndexes(120)", nil)
	return cfg, drv
}

// operatorSuffix is what a plan adds to an operator's name: the runtime ("@neo4j") and,
// for writes, "(Locking)".
var operatorSuffix = regexp.MustCompile(`(\(Locking\))?@.*$`)

// planOperators returns the operator names of the plan Neo4j ran cypher with, depth first.
// It runs PROFILE in a transaction it rolls back, so writes change nothing: EXPLAIN would
// not run anything, but driver v5 decodes an EXPLAIN plan's children wrongly (each child
// of an operator comes back as its last child), while PROFILE plans decode correctly.
// details joins the operators' details (the index each seek uses, its predicates).
func planOperators(t *testing.T, drv driver.DriverWithContext, cfg neo4j.Config, cypher string, params map[string]any) (ops []string, details string) {
	t.Helper()
	plan := profile(t, drv, cfg, cypher, params)
	var all []string
	var walk func(p driver.ProfiledPlan, depth int)
	walk = func(p driver.ProfiledPlan, depth int) {
		ops = append(ops, operatorSuffix.ReplaceAllString(p.Operator(), ""))
		all = append(all, fmt.Sprint(p.Arguments()["Details"]))
		if testing.Verbose() {
			t.Logf("%s%s %v", strings.Repeat("  ", depth), p.Operator(), p.Arguments()["Details"])
		}
		for _, c := range p.Children() {
			walk(c, depth+1)
		}
	}
	walk(plan, 0)
	return ops, strings.Join(all, "; ")
}

// profile returns the plan Neo4j ran cypher with (PROFILE, rolled back; see planOperators).
func profile(t *testing.T, drv driver.DriverWithContext, cfg neo4j.Config, cypher string, params map[string]any) driver.ProfiledPlan {
	t.Helper()
	ctx := context.Background()
	session := drv.NewSession(ctx, driver.SessionConfig{DatabaseName: cfg.Database})
	defer session.Close(ctx)
	tx, err := session.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	res, err := tx.Run(ctx, "PROFILE "+cypher, params)
	if err != nil {
		t.Fatal(err)
	}
	summary, err := res.Consume(ctx)
	if err != nil {
		t.Fatal(err)
	}
	plan := summary.Profile()
	if plan == nil {
		t.Fatal("no profile in the summary")
	}
	return plan
}
