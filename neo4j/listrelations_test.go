package neo4j

import (
	"reflect"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

// TestListWithRelationsStatement: ListWithRelations sends its asks without keys in the
// list statement and reads the relations back from the one row's list of entries ([ask,
// at, type, outgoing, far, props, end]), each of the page's node at index at, and the
// follow-ups' from next ([ask, start, type, outgoing, far, props, end]), answered by far
// end start, with an empty list for one whose entry has no type. A malformed entry fails
// the read: nothing is made up.
func TestListWithRelationsStatement(t *testing.T) {
	lsg, post := fixtureNode("group/foreign-affairs-lsg"), fixtureNode("position/general-secretary")
	postChairs := fixtureRel("chairs/position/general-secretary/group/foreign-affairs-lsg")
	holds := fixtureRel("holds/person/xi-jinping/position/general-secretary")
	q := atlas.ListQuery{Kind: atlas.GroupNode, First: 20}
	asks := atlas.RelationAsks{
		Queries: []atlas.RelationQuery{{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming}},
		Then:    []*atlas.FollowUp{{Kinds: []atlas.NodeKind{atlas.PositionNode}, Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Incoming}}},
	}
	nq, _ := q.Normalized()
	params := listParams("test", nq)
	ask := map[string]any{"types": []string{"CHAIRS"}, "roles": []string{}, "outgoing": false, "incoming": true,
		"asOfFrom": nil, "asOfTo": nil, "sources": []string{}, "includeRelayed": false, "tiers": []string{},
		"then": map[string]any{"kinds": []string{"POSITION"}, "types": []string{"HOLDS"}, "roles": []string{}, "outgoing": false, "incoming": true,
			"asOfFrom": nil, "asOfTo": nil, "sources": []string{}, "includeRelayed": false, "tiers": []string{}}}
	ask["level"] = int64(1)
	params["asks"], params["nextKinds"], params["ends"], params["props"] = []map[string]any{ask}, []string{}, nil, nil
	chairsRow, holdsRow := relRow(t, postChairs, "test:"+lsg.NodeID()), relRow(t, holds, "test:"+post.NodeID())
	entry := []any{int64(0), int64(0), chairsRow["type"], chairsRow["outgoing"], chairsRow["far"], chairsRow["props"], nil}
	next := []any{int64(0), post.NodeID(), holdsRow["type"], holdsRow["outgoing"], holdsRow["far"], holdsRow["props"], nil}
	row := func(entry, next []any) record {
		return record{"total": int64(1), "hasNextPage": false, "untiered": false, "page": []any{storedNode(t, lsg)},
			"relations": []any{entry}, "next": []any{next}}
	}
	t.Run("entries", func(t *testing.T) {
		s := openReady(t, newScript(t, call{st: listStatements[atlas.OrderByName][0], params: params, recs: []record{row(entry, next)}}))
		page, got, err := s.ListWithRelations(bg, q, asks)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Nodes) != 1 || page.Nodes[0].NodeID() != lsg.NodeID() {
			t.Fatalf("page %v", page.Nodes)
		}
		if want := [][][]atlas.Relation{{{*postChairs}}}; !reflect.DeepEqual(got.Relations, want) {
			t.Errorf("relations %#v\nwant %#v", got.Relations, want)
		}
		if want := []map[string][]atlas.Relation{{post.NodeID(): {*holds}}}; !reflect.DeepEqual(got.Then, want) {
			t.Errorf("follow-ups %#v\nwant %#v", got.Then, want)
		}
	})
	for _, tc := range []struct {
		name        string
		entry, next []any
		want        string
	}{
		{"too short", entry[:6], next, "relation entry holds 6 values, want 7"},
		{"of no node of the page", append([]any{int64(0), int64(1)}, entry[2:]...), next, "node 1 of a page of 1"},
		{"a short follow-up entry", entry, next[:3], "follow-up entry holds 3 values, want 7"},
		{"a follow-up of an ask without one", entry, append([]any{int64(1)}, next[1:]...), "ask 1, which has no follow-up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openReady(t, newScript(t, call{st: listStatements[atlas.OrderByName][0], params: params, recs: []record{row(tc.entry, tc.next)}}))
			if _, _, err := s.ListWithRelations(bg, q, asks); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
	t.Run("a far end with no follow-up relationship", func(t *testing.T) {
		none := []any{int64(0), post.NodeID(), nil, nil, nil, nil, nil}
		s := openReady(t, newScript(t, call{st: listStatements[atlas.OrderByName][0], params: params, recs: []record{row(entry, none)}}))
		_, got, err := s.ListWithRelations(bg, q, asks)
		if err != nil {
			t.Fatal(err)
		}
		if want := []map[string][]atlas.Relation{{post.NodeID(): {}}}; !reflect.DeepEqual(got.Then, want) {
			t.Errorf("follow-ups %#v\nwant %#v", got.Then, want)
		}
	})
	t.Run("ids of its own", func(t *testing.T) {
		s := openReady(t, newScript(t))
		own := atlas.RelationAsks{Queries: []atlas.RelationQuery{{IDs: []string{lsg.NodeID()}}}}
		if _, _, err := s.ListWithRelations(bg, q, own); atlas.ErrorCode(err) != atlas.EINVALID {
			t.Errorf("err = %v, want EINVALID", err)
		}
	})
}

// TestRelationsOfEntries: relations_of_asks' entries name their node by its index in the
// ask's keys; an index or an ask out of range fails the read rather than landing on
// another node.
func TestRelationsOfEntries(t *testing.T) {
	chairs := fixtureRel("chairs/person/xi-jinping/group/foreign-affairs-commission")
	rec := relRow(t, chairs, "test:person/xi-jinping")
	params := map[string]any{"ns": "test", "ends": nil, "asks": []map[string]any{{"keys": []string{"test:person/xi-jinping"},
		"types": []string{"CHAIRS"}, "roles": []string{}, "outgoing": true, "incoming": false, "asOfFrom": nil, "asOfTo": nil,
		"sources": []string{}, "includeRelayed": false, "tiers": []string{}, "then": nil}}}
	asks := atlas.RelationAsks{Queries: []atlas.RelationQuery{{IDs: []string{"person/xi-jinping"}, Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing}}}
	for _, tc := range []struct {
		name    string
		ask, at int64
		want    string
	}{
		{"the key", 0, 0, ""},
		{"a key past the ask's", 0, 1, "of key 1 of an ask of 1"},
		{"an ask past the asks", 1, 0, "of ask 1 of 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := []any{tc.ask, tc.at, rec["type"], rec["outgoing"], rec["far"], rec["props"], nil}
			s := openReady(t, newScript(t, call{st: stmtRelationsOfAsks, params: params, recs: []record{{"relations": []any{e}, "next": []any{}}}}))
			got, err := s.RelationsOf(bg, asks)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if want := [][][]atlas.Relation{{{*chairs}}}; !reflect.DeepEqual(got.Relations, want) {
					t.Errorf("got %#v\nwant %#v", got.Relations, want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// TestNodesWithRelationsStatement: NodesWithRelations asks each id once, reads the nodes
// from the row's node entries ([at, props], by the key's index) and answers repeated ids
// with copies; an entry out of range, or a node that is not its key's, fails the read.
func TestNodesWithRelationsStatement(t *testing.T) {
	lsg := fixtureNode("group/foreign-affairs-lsg")
	chairs := fixtureRel("chairs/position/general-secretary/group/foreign-affairs-lsg")
	rec := relRow(t, chairs, "test:"+lsg.NodeID())
	ask := map[string]any{"types": []string{"CHAIRS"}, "roles": []string{}, "outgoing": false, "incoming": true,
		"asOfFrom": nil, "asOfTo": nil, "sources": []string{}, "includeRelayed": false, "tiers": []string{}, "then": nil, "level": int64(1)}
	params := map[string]any{"ns": "test", "keys": []string{"test:" + lsg.NodeID(), "test:group/nothing"}, "props": nil,
		"asks": []map[string]any{ask}, "nextKinds": []string{}, "ends": nil}
	ids := []string{lsg.NodeID(), "group/nothing", lsg.NodeID()}
	asks := atlas.RelationAsks{Queries: []atlas.RelationQuery{{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming}}}
	entry := []any{int64(0), int64(0), rec["type"], rec["outgoing"], rec["far"], rec["props"], nil}
	for _, tc := range []struct {
		name  string
		nodes []any
		want  string
	}{
		{"found", []any{[]any{int64(0), storedNode(t, lsg)}}, ""},
		{"an entry past the keys", []any{[]any{int64(2), storedNode(t, lsg)}}, "of key 2 of 2"},
		{"another key's node", []any{[]any{int64(1), storedNode(t, lsg)}}, "the node of key test:group/nothing is " + lsg.NodeID()},
		{"a short entry", []any{[]any{int64(0)}}, "a node entry holds 1 values, want 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openReady(t, newScript(t, call{st: stmtNodesWithRelations, params: params,
				recs: []record{{"nodes": tc.nodes, "relations": []any{entry}, "next": []any{}}}}))
			nodes, got, err := s.NodesWithRelations(bg, ids, nil, asks)
			if caseEnds(t, err, tc.want) {
				return
			}
			if len(nodes) != 3 || nodes[0] == nil || nodes[1] != nil || nodes[2] == nil || nodes[0] == nodes[2] {
				t.Fatalf("nodes %v: want the group, nothing, and a copy of the group", nodes)
			}
			want := [][][]atlas.Relation{{{*chairs}, nil, {*chairs}}}
			if !reflect.DeepEqual(got.Relations, want) {
				t.Errorf("relations %#v\nwant %#v", got.Relations, want)
			}
		})
	}
}

// TestNextLevelEntries: a read of nodes with a next level (here nodes_with_relations; the
// list statements share the reader, twoLevels) sends level 2's asks after level 1's, each
// with its level, and reads level 2 from nextIds and nextRelations, whose entries name
// their node by its index in nextIds. An entry at the wrong level, or out of range, fails
// the read rather than landing on another node.
func TestNextLevelEntries(t *testing.T) {
	lsg, post := fixtureNode("group/foreign-affairs-lsg"), fixtureNode("position/general-secretary")
	postChairs := fixtureRel("chairs/position/general-secretary/group/foreign-affairs-lsg")
	holds := fixtureRel("holds/person/xi-jinping/position/general-secretary")
	asks := atlas.RelationAsks{
		Queries: []atlas.RelationQuery{{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Incoming}},
		Next: &atlas.NextAsks{Kinds: []atlas.NodeKind{atlas.PositionNode},
			Queries: []atlas.RelationQuery{{Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Incoming}}},
	}
	ask := func(typ string, level int64) map[string]any {
		return map[string]any{"types": []string{typ}, "roles": []string{}, "outgoing": false, "incoming": true,
			"asOfFrom": nil, "asOfTo": nil, "sources": []string{}, "includeRelayed": false, "tiers": []string{}, "then": nil, "level": level}
	}
	params := map[string]any{"ns": "test", "keys": []string{"test:" + lsg.NodeID()}, "props": nil,
		"asks": []map[string]any{ask("CHAIRS", 1), ask("HOLDS", 2)}, "nextKinds": []string{"POSITION"}, "ends": nil}
	chairsRow, holdsRow := relRow(t, postChairs, "test:"+lsg.NodeID()), relRow(t, holds, "test:"+post.NodeID())
	entry := func(ask, at int64, row record) []any {
		return []any{ask, at, row["type"], row["outgoing"], row["far"], row["props"], nil}
	}
	for _, tc := range []struct {
		name            string
		relations, next []any
		nextIDs         []any
		want            string
	}{
		{"both levels", []any{entry(0, 0, chairsRow)}, []any{entry(1, 0, holdsRow)}, []any{post.NodeID()}, ""},
		{"a level 2 entry among level 1's", []any{entry(1, 0, chairsRow)}, nil, []any{post.NodeID()}, "of ask 1, of level 2"},
		{"a level 1 entry among level 2's", []any{entry(0, 0, chairsRow)}, []any{entry(0, 0, holdsRow)}, []any{post.NodeID()}, "of ask 0, node 0 of 1"},
		{"past the next level's ids", []any{entry(0, 0, chairsRow)}, []any{entry(1, 1, holdsRow)}, []any{post.NodeID()}, "of ask 1, node 1 of 1"},
		{"an id that is not a string", []any{entry(0, 0, chairsRow)}, nil, []any{int64(7)}, "a next level's id is int64"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openReady(t, newScript(t, call{st: stmtNodesWithRelations, params: params, recs: []record{{
				"nodes": []any{[]any{int64(0), storedNode(t, lsg)}}, "relations": tc.relations, "next": []any{},
				"nextIds": tc.nextIDs, "nextRelations": tc.next}}}))
			_, got, err := s.NodesWithRelations(bg, []string{lsg.NodeID()}, nil, asks)
			if caseEnds(t, err, tc.want) {
				return
			}
			if want := [][][]atlas.Relation{{{*postChairs}}}; !reflect.DeepEqual(got.Relations, want) {
				t.Errorf("relations %#v\nwant %#v", got.Relations, want)
			}
			want := &atlas.NextAnswers{IDs: []string{post.NodeID()}, Relations: [][][]atlas.Relation{{{*holds}}}}
			if !reflect.DeepEqual(got.Next, want) {
				t.Errorf("next level %#v\nwant %#v", got.Next, want)
			}
		})
	}
}

// caseEnds checks err against want, the text of the error a case expects ("" for none),
// and reports whether the case ends there: it wanted an error (failing the test when err
// is not that one), or it got one it did not want (fatal).
func caseEnds(t *testing.T, err error, want string) bool {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatal(err)
		}
		return false
	}
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want one saying %q", err, want)
	}
	return true
}
