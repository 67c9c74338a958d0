package graph_test

import (
	"reflect"
	"testing"
)

func TestNetworkQueries(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	var got struct {
		Network struct {
			Nodes []struct {
				ID, Type string
			}
			Relationships []struct {
				Type    string
				From    struct{ ID string }
				To      struct{ ID string }
				Holding *string
			}
			Truncated bool
		}
		Small struct{ Truncated bool }
		Paths struct {
			Length, Count int
			Paths         []struct {
				Nodes         []struct{ ID string }
				Relationships []struct{ Type string }
			}
		}
		Centrality []struct {
			Node  struct{ ID string }
			Value float64
		}
		CoMembers []struct {
			Person struct{ ID string }
			Groups []struct {
				Group       struct{ ID string }
				PersonSeats []struct {
					Type    string
					Derived bool
				}
				CoMemberSeats []struct{ Role *string }
			}
		}
	}
	data(t, srv, `{
		network(ids: ["group/foreign-affairs-commission"], asOf: "2019") {
			nodes { id type } relationships { type from { id } to { id } holding } truncated }
		small: network(ids: ["group/foreign-affairs-commission"], limit: 2) { truncated }
		paths: shortestPaths(from: "person/li-keqiang", to: "person/yang-jiechi") {
			length paths { nodes { id } relationships { type } } }
		centrality(metric: CHAIRS, rank: [PERSON], first: 2) { node { id } value }
		coMembers(person: "person/xi-jinping") { person { id } groups { group { id } personSeats { type derived } coMemberSeats { role } } }
	}`, nil, &got)

	var nodes []string
	for _, n := range got.Network.Nodes {
		nodes = append(nodes, n.ID)
	}
	// As of 2019 the LSG abolished in 2018 is gone, and with it the succession, which
	// held only while both groups existed; the office's director is two hops out.
	wantNodes := []string{"group/foreign-affairs-commission", "institution/ministry-of-foreign-affairs", "institution/standing-committee",
		"office/commission-general-office", "person/li-keqiang", "person/xi-jinping"}
	if !reflect.DeepEqual(nodes, wantNodes) || got.Network.Truncated || len(got.Network.Relationships) != 6 {
		t.Errorf("network nodes %v (truncated %v, %d relationships), want %v", nodes, got.Network.Truncated, len(got.Network.Relationships), wantNodes)
	}
	for _, r := range got.Network.Relationships {
		if r.Holding == nil {
			t.Errorf("network relationship %s %s->%s has no holding as of 2019", r.Type, r.From.ID, r.To.ID)
		}
	}
	if !got.Small.Truncated {
		t.Error("a network cut at 2 nodes is not marked truncated")
	}

	if got.Paths.Length != 3 || len(got.Paths.Paths) != 2 {
		t.Fatalf("paths = %+v", got.Paths)
	}
	var via []string
	for _, p := range got.Paths.Paths {
		via = append(via, p.Nodes[2].ID)
		if p.Nodes[1].ID != "group/foreign-affairs-commission" || len(p.Relationships) != 3 {
			t.Errorf("path %+v", p)
		}
	}
	if !reflect.DeepEqual(via, []string{"group/foreign-affairs-lsg", "office/commission-general-office"}) {
		t.Errorf("paths go via %v", via)
	}

	if len(got.Centrality) != 2 || got.Centrality[0].Node.ID != "person/xi-jinping" || got.Centrality[0].Value != 2 {
		t.Errorf("centrality = %+v", got.Centrality)
	}

	// Hu Jintao held the chairing post until 2012-11 and Xi from 2012-11: at month
	// precision the two holdings may overlap, so both chaired the LSG, possibly together.
	if len(got.CoMembers) != 2 {
		t.Fatalf("coMembers = %+v", got.CoMembers)
	}
	hu, li := got.CoMembers[0], got.CoMembers[1]
	if hu.Person.ID != "person/hu-jintao" || hu.Groups[0].Group.ID != "group/foreign-affairs-lsg" || !hu.Groups[0].PersonSeats[0].Derived {
		t.Errorf("first co-member = %+v", hu)
	}
	if li.Person.ID != "person/li-keqiang" || li.Groups[0].Group.ID != "group/foreign-affairs-commission" ||
		li.Groups[0].PersonSeats[0].Type != "CHAIRS" || *li.Groups[0].CoMemberSeats[0].Role != "DEPUTY_LEADER" {
		t.Errorf("second co-member = %+v", li)
	}
}

func TestTimelineAndStatistics(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	var got struct {
		Timeline []struct {
			Kind         string
			Date         *string
			Other        *struct{ ID string }
			Relationship *struct{ Direction string }
			Sources      []struct{ Source struct{ ID string } }
		}
		Statistics struct {
			Groups struct {
				Known, Possible int
				BySystem        []struct {
					Key             string
					Known, Possible int
				}
			}
			NodesByType []struct {
				Type  string
				Count int
			}
		}
		Series struct {
			Years []struct {
				Year   int
				Groups struct{ Known, Possible int }
			}
			ReportedCounts []struct{ ID string }
		}
	}
	data(t, srv, `{
		timeline(id: "group/foreign-affairs-lsg") { kind date other { id } relationship { direction } sources { source { id } } }
		statistics(asOf: "2019") { groups { known possible bySystem { key known possible } } nodesByType { type count } }
		series: activeGroupsByYear(fromYear: 2016, toYear: 2018) { years { year groups { known possible } } reportedCounts { id } }
	}`, nil, &got)
	var kinds []string
	for _, e := range got.Timeline {
		d := "undated"
		if e.Date != nil {
			d = *e.Date
		}
		kinds = append(kinds, e.Kind+" "+d)
	}
	// Hu Jintao and Xi Jinping chair it through the General Secretary's post (2002-11 to
	// 2012-11, and from 2012-11 to the group's end).
	want := []string{"ESTABLISHED 1958", "ROLE_STARTED 2002-11", "ATTESTED 2010", "ATTESTED 2010", "ROLE_STARTED 2012-11", "ROLE_ENDED 2012-11",
		"ATTESTED 2013-06", "ROLE_ENDED 2018-03", "SUCCEEDED 2018-03", "ABOLISHED 2018-03", "ROLE_STARTED undated"}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("timeline = %v, want %v", kinds, want)
	}
	if last := got.Timeline[len(got.Timeline)-1]; last.Relationship == nil || last.Relationship.Direction != "INCOMING" || last.Other.ID != "position/general-secretary" {
		t.Errorf("undated chair event = %+v", last)
	}
	if got.Timeline[0].Sources[0].Source.ID != "source/alpha" {
		t.Errorf("establishment cites %+v", got.Timeline[0].Sources)
	}
	// In 2019: the commission is known to exist (its source reaches 2020), and so is the
	// reform group (no dated source of its own, but Li Keqiang's seat, which Alpha of
	// 2020-06 gives, is KNOWN then); the undated Guangdong group only possibly; the LSG
	// is gone.
	if g := got.Statistics.Groups; g.Known != 2 || g.Possible != 1 {
		t.Errorf("2019 groups known %d possible %d", g.Known, g.Possible)
	}
	if n := got.Statistics.NodesByType[0]; n.Type != "GROUP" || n.Count != 4 {
		t.Errorf("nodesByType[0] = %+v", n)
	}
	if len(got.Series.Years) != 3 || got.Series.Years[2].Year != 2018 || len(got.Series.ReportedCounts) != 2 {
		t.Errorf("series = %+v", got.Series)
	}
}

func TestAnalyticsErrors(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	for _, tc := range []struct{ name, query, code string }{
		{"depth out of range", `{ network(ids: ["group/foreign-affairs-lsg"], depth: 9) { truncated } }`, "INVALID"},
		{"whole graph, limit out of range", `{ network(ids: [], limit: 0) { truncated } }`, "INVALID"},
		{"unknown seed", `{ network(ids: ["group/nothing"]) { truncated } }`, "NOT_FOUND"},
		{"a source is not part of the network", `{ shortestPaths(from: "source/alpha", to: "person/xi-jinping") { length } }`, "INVALID"},
		{"too many paths asked", `{ shortestPaths(from: "person/li-keqiang", to: "person/xi-jinping", first: 1000) { length } }`, "INVALID"},
		{"series too long", `{ activeGroupsByYear(fromYear: 1000, toYear: 2000) { years { year } } }`, "LIMIT_EXCEEDED"},
		{"co-members of a group", `{ coMembers(person: "group/foreign-affairs-lsg") { person { id } } }`, "INVALID"},
		{"unknown metric", `{ centrality(metric: FAME) { value } }`, "GRAPHQL_VALIDATION_FAILED"},
		{"first with ids, which returns them all", `{ centrality(metric: DEGREE, ids: ["person/xi-jinping"], first: 20) { value } }`, "INVALID"},
		{"counts to year 0, which would read as no bound", `{ reportedCounts(toYear: 0) { year } }`, "INVALID"},
		{"counts from year 99999", `{ reportedCounts(fromYear: 99999) { year } }`, "INVALID"},
		{"counts from after to", `{ reportedCounts(fromYear: 2000, toYear: 1990) { year } }`, "INVALID"},
		{"an unknown node to score", `{ centrality(metric: DEGREE, ids: ["person/nobody"]) { value } }`, "NOT_FOUND"},
	} {
		r := post(t, srv, tc.query, nil)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != tc.code {
			t.Errorf("%s: errors %+v, want code %s", tc.name, r.Errors, tc.code)
		}
	}
}

// TestCentralityOfIDs: with ids, the scores of exactly the nodes named that the network
// keeps, ranked; first left unset or null is not "given".
func TestCentralityOfIDs(t *testing.T) {
	srv := newServer(t, fixtureStore(t))
	type score struct {
		Node  struct{ ID string }
		Value float64
	}
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		want        []score
	}{
		{"named in the query", `{ centrality(metric: CHAIRS, ids: ["person/li-keqiang", "person/xi-jinping"]) { node { id } value } }`, nil,
			[]score{{struct{ ID string }{"person/xi-jinping"}, 2}, {struct{ ID string }{"person/li-keqiang"}, 0}}},
		{"first null", `query($f: Int) { centrality(metric: CHAIRS, ids: ["person/li-keqiang"], first: $f) { node { id } value } }`, map[string]any{"f": nil},
			[]score{{struct{ ID string }{"person/li-keqiang"}, 0}}},
		{"as of a date that keeps no relationship of his", `{ centrality(metric: CHAIRS, ids: ["person/xi-jinping"], asOf: "1990") { node { id } value } }`, nil,
			[]score{{struct{ ID string }{"person/xi-jinping"}, 0}}},
	} {
		var got struct{ Centrality []score }
		data(t, srv, tc.query, tc.vars, &got)
		if !reflect.DeepEqual(got.Centrality, tc.want) {
			t.Errorf("%s: centrality = %+v, want %+v", tc.name, got.Centrality, tc.want)
		}
	}
}
