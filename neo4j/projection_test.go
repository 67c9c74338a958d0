package neo4j

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

// projectedRow is what nodes_by_key and the list statements return for n with $props.
func projectedRow(t *testing.T, n atlas.Node, props []string) []any {
	t.Helper()
	stored := storedNode(t, n)
	out := make([]any, len(props))
	for i, p := range props {
		out[i] = stored[p]
	}
	return out
}

// TestProjectingEveryWhitelistedPropertyGivesTheWholeNode: the whitelist holds every
// property decodeNode reads, so a node read with all of them is the whole node, for
// every kind of the fixture.
func TestProjectingEveryWhitelistedPropertyGivesTheWholeNode(t *testing.T) {
	var all []string
	for name := range projectable {
		all = append(all, name)
	}
	props := storedProps(atlas.NewProjection(all...))
	for _, n := range conformance.Fixture().Prepared().Nodes() {
		got, err := decodeRow(projectedRow(t, n, props), props)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, n) {
			t.Errorf("%s: got %#v\nwant %#v", n.NodeID(), got, n)
		}
	}
}

func TestStoredProps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		p     *atlas.Projection
		extra []string
		want  []string
	}{
		{"the whole node", nil, []string{"name"}, nil},
		{"id and kind first, once each", atlas.NewProjection("name", "id"), []string{"name"}, []string{"id", "nodeKind", "name"}},
		{"a sort property", atlas.NewProjection("name"), []string{"established"}, []string{"id", "nodeKind", "name", "established"}},
		// A name outside the whitelist (a search key, a typo) reads the whole node: never
		// a node missing what its reader needs, never a property name from a caller.
		{"not whitelisted", atlas.NewProjection("name", "searchText"), nil, nil},
		{"nothing but the id", atlas.NewProjection(), nil, []string{"id", "nodeKind"}},
	} {
		if got := storedProps(tc.p, tc.extra...); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestProjectedNodesStatement(t *testing.T) {
	xi := fixtureNode("person/xi-jinping").(*atlas.Person)
	props := []string{"id", "nodeKind", "name"}
	db := newScript(t, call{st: stmtNodesByKey,
		params: map[string]any{"ns": "test", "keys": []string{"test:person/xi-jinping", "test:group/nothing"}, "props": props},
		recs:   []record{{"key": "test:person/xi-jinping", "props": projectedRow(t, xi, props)}}})
	s := openReady(t, db)
	got, err := s.ProjectedNodes(bg, []string{"person/xi-jinping", "group/nothing"}, atlas.NewProjection("name"))
	if err != nil {
		t.Fatal(err)
	}
	want := []atlas.Node{&atlas.Person{ID: xi.ID, Name: xi.Name}, nil}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
}

// TestProjectedListStatement: a projected page reads what its cursors are made of too
// (the label for NAME, established for ESTABLISHED), so its cursors are the whole
// nodes' cursors.
func TestProjectedListStatement(t *testing.T) {
	lsg := fixtureNode("group/foreign-affairs-lsg").(*atlas.Group)
	for _, tc := range []struct {
		order atlas.OrderField
		props []string
		want  *atlas.Group
	}{
		{atlas.OrderByName, []string{"id", "nodeKind", "kind", "name"}, &atlas.Group{ID: lsg.ID, Name: lsg.Name, Kind: lsg.Kind}},
		{atlas.OrderByEstablished, []string{"id", "nodeKind", "kind", "established"}, &atlas.Group{ID: lsg.ID, Kind: lsg.Kind, Established: lsg.Established}},
		{atlas.OrderByID, []string{"id", "nodeKind", "kind"}, &atlas.Group{ID: lsg.ID, Kind: lsg.Kind}},
	} {
		t.Run(string(tc.order), func(t *testing.T) {
			params := listParams("test", atlas.ListQuery{Kind: atlas.GroupNode, First: 20, Order: atlas.Order{Field: tc.order}})
			params["props"], params["asks"], params["nextKinds"], params["ends"] = tc.props, []map[string]any{}, []string{}, nil
			db := newScript(t, call{st: listStatements[tc.order][0], params: params,
				recs: []record{{"total": int64(1), "hasNextPage": false, "page": []any{projectedRow(t, lsg, tc.props)}}}})
			s := openReady(t, db)
			q := atlas.ListQuery{Kind: atlas.GroupNode, Order: atlas.Order{Field: tc.order}, Projection: atlas.NewProjection("kind")}
			page, err := s.List(bg, q)
			if err != nil {
				t.Fatal(err)
			}
			nq, _ := q.Normalized()
			want := atlas.Page{Nodes: []atlas.Node{tc.want}, TotalCount: 1,
				Cursors: []string{nq.Cursor(atlas.SortKey(lsg, tc.order), lsg.ID)}}
			if !reflect.DeepEqual(page, want) {
				t.Errorf("got %#v\nwant %#v", page, want)
			}
		})
	}
}

// TestRelationsOfStatement: several relation queries in one relations_of_asks, each ask
// with relations_of's parameters, the rows grouped back by ask and key; a follow-up's
// relations, which come with the row of the relationship leading to them, are answered
// by far end, and their own far ends are kept with the others.
func TestRelationsOfStatement(t *testing.T) {
	chairs, holds := fixtureRel("chairs/person/xi-jinping/group/foreign-affairs-commission"), fixtureRel("holds/person/xi-jinping/position/general-secretary")
	postChairs := fixtureRel("chairs/position/general-secretary/group/foreign-affairs-lsg")
	// An entry of relations: [ask, at, type, outgoing, far, props, end], of the ask's key at.
	entry := func(ask, at int64, r *atlas.Relation) []any {
		rec := relRow(t, r, "test:person/xi-jinping")
		return []any{ask, at, rec["type"], rec["outgoing"], rec["far"], rec["props"], nil}
	}
	ask := func(types []string, from, to any) map[string]any {
		return map[string]any{"keys": []string{"test:person/xi-jinping", "test:person/nobody"}, "types": types, "roles": []string{},
			"outgoing": true, "incoming": false, "asOfFrom": from, "asOfTo": to, "sources": []string{}, "includeRelayed": false, "tiers": []string{},
			"then": nil}
	}
	group, lsg, post := fixtureNode("group/foreign-affairs-commission"), fixtureNode("group/foreign-affairs-lsg"), fixtureNode("position/general-secretary")
	ends := []string{"id", "nodeKind", "name", "title"}
	// With ends, an entry names the far end by the end's own id, not by far.
	withEnd := func(e []any, n atlas.Node) []any {
		e[4], e[6] = nil, projectedRow(t, n, ends)
		return e
	}
	chairsEntry := withEnd(entry(0, 0, chairs), group)
	holdsEntry := withEnd(entry(1, 0, holds), post)
	// A follow-up's entry, met from the post: [ask, start, type, outgoing, far, props, end].
	next := relRow(t, postChairs, "test:"+post.NodeID())
	nextEntry := []any{int64(1), post.NodeID(), next["type"], next["outgoing"], nil, next["props"], projectedRow(t, lsg, ends)}
	holdsAsk := ask([]string{"HOLDS"}, int64(20180301), int64(20180331))
	holdsAsk["then"] = map[string]any{"kinds": []string{"POSITION"}, "types": []string{"CHAIRS"}, "roles": []string{},
		"outgoing": true, "incoming": false, "asOfFrom": int64(20180301), "asOfTo": int64(20180331), "sources": []string{}, "includeRelayed": false, "tiers": []string{}}
	db := newScript(t, call{st: stmtRelationsOfAsks,
		params: map[string]any{"ns": "test", "asks": []map[string]any{ask([]string{"CHAIRS"}, nil, nil), holdsAsk},
			"ends": ends},
		recs: []record{{"relations": []any{holdsEntry, chairsEntry}, "next": []any{nextEntry}}}})
	s := openReady(t, db)
	asOf := atlas.MustDate("2018-03")
	ids := []string{"person/xi-jinping", "person/nobody"}
	got, err := s.RelationsOf(bg, atlas.RelationAsks{Queries: []atlas.RelationQuery{
		{IDs: ids, Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing},
		{IDs: ids, Types: []atlas.RelType{atlas.Holds}, Direction: atlas.Outgoing, AsOf: &asOf}},
		Then: []*atlas.FollowUp{nil, {Kinds: []atlas.NodeKind{atlas.PositionNode},
			Query: atlas.RelationQuery{Types: []atlas.RelType{atlas.Chairs}, Direction: atlas.Outgoing, AsOf: &asOf}}},
		Ends: atlas.NewProjection("name", "title")})
	if err != nil {
		t.Fatal(err)
	}
	want := [][][]atlas.Relation{{{*chairs}, nil}, {{*holds}, nil}}
	if !reflect.DeepEqual(got.Relations, want) {
		t.Errorf("got %#v\nwant %#v", got.Relations, want)
	}
	wantThen := []map[string][]atlas.Relation{nil, {post.NodeID(): {*postChairs}}}
	if !reflect.DeepEqual(got.Then, wantThen) {
		t.Errorf("follow-ups %#v\nwant %#v", got.Then, wantThen)
	}
	wantFar := map[string]atlas.Node{
		group.NodeID(): &atlas.Group{ID: group.NodeID(), Name: group.Label()},
		lsg.NodeID():   &atlas.Group{ID: lsg.NodeID(), Name: lsg.Label()},
		post.NodeID():  &atlas.Position{ID: post.NodeID(), Title: post.Label()},
	}
	if !reflect.DeepEqual(got.Ends, wantFar) {
		t.Errorf("far ends %#v, want %#v", got.Ends, wantFar)
	}
}

// TestProjectedReadsAgreeWithTheInProcessStore: for every whitelisted property and every
// kind, a node decoded from a projected row holds what atlas.ProjectNode (the in-process
// store's projected read) copies: exactly that when ProjectNode copies it alone, the
// property's value when ProjectNode reads the whole node instead.
func TestProjectedReadsAgreeWithTheInProcessStore(t *testing.T) {
	kinds := map[atlas.NodeKind]bool{}
	for _, n := range conformance.Fixture().Prepared().Nodes() {
		kinds[n.NodeKind()] = true
		for name := range projectable {
			p := atlas.NewProjection(name)
			props := storedProps(p)
			got, err := decodeRow(projectedRow(t, n, props), props)
			if err != nil {
				t.Fatal(err)
			}
			want := atlas.ProjectNode(n, p)
			if reflect.DeepEqual(want, n) && !reflect.DeepEqual(got, n) {
				// Read whole by the in-process store: compare the property alone.
				want = got
				if !reflect.DeepEqual(conformance.JSONFields(t, got)[name], conformance.JSONFields(t, n)[name]) {
					t.Errorf("%s.%s: decoded %s, stored %s", n.NodeID(), name, conformance.JSONFields(t, got)[name], conformance.JSONFields(t, n)[name])
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s projected to %s: decoded %#v\nProjectNode %#v", n.NodeID(), name, got, want)
			}
		}
	}
	for _, kind := range atlas.NodeKinds {
		if !kinds[kind] {
			t.Errorf("the fixture has no %s", kind)
		}
	}
}
