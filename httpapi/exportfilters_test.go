package httpapi_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestExportTakesNetworkFilters: knownBy and includeRelayed give an export the
// relationships the network query gives with the same arguments, and a parameter that
// takes one value is refused when repeated rather than read as its first.
func TestExportTakesNetworkFilters(t *testing.T) {
	t.Run("fixture", func(t *testing.T) {
		srv := newServer(t)
		exportTakesNetworkFilters(t, srv, []filterCase{
			{"knownBy=2016", `(knownBy: "2016")`},
			{"knownBy=2009", `(knownBy: "2009")`},
			{"knownBy=2016&asOf=2012", `(knownBy: "2016", asOf: "2012")`},
			{"sources=source/alpha", `(sources: ["source/alpha"])`},
			{"sources=source/alpha&includeRelayed=true", `(sources: ["source/alpha"], includeRelayed: true)`},
		})
		exported := exportedEdges(t, srv)
		if relayed, direct := exported("sources=source/alpha&includeRelayed=true"), exported("sources=source/alpha"); len(relayed) <= len(direct) {
			t.Errorf("includeRelayed kept %d relationships, without it %d: beta, which alpha relays, added none", len(relayed), len(direct))
		}
	})
	t.Run("seed", func(t *testing.T) {
		srv := seededServer(t)
		exportTakesNetworkFilters(t, srv, []filterCase{
			{"knownBy=2021&asOf=2019", `(knownBy: "2021", asOf: "2019")`},
			{"knownBy=2016&during=2010/2014", `(knownBy: "2016", during: {from: "2010", to: "2014"})`},
		})
		// Known by 2021, Han Zheng's post is attested in 2021 alone: at 2019 it no longer
		// holds on the strength of a page read in 2023, in the export as in the network.
		exported := exportedEdges(t, srv)
		if known, all := exported("knownBy=2021&asOf=2019"), exported("asOf=2019"); len(known) >= len(all) {
			t.Errorf("knownBy=2021 kept %d of the %d relationships that may hold at 2019", len(known), len(all))
		}
	})
}

// exportedEdges returns a function giving the "id holding" of every edge of the
// Cytoscape export with params, sorted, checking that the file names its knownBy.
func exportedEdges(t *testing.T, srv *httptest.Server) func(params string) []string {
	return func(params string) []string {
		q, _ := url.ParseQuery(params)
		resp, body := get(t, srv.URL+"/export/cytoscape.json?"+params)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", params, resp.StatusCode, body)
		}
		var doc struct {
			Data     struct{ KnownBy string }
			Elements struct {
				Edges []struct{ Data struct{ ID, Holding string } }
			}
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range doc.Elements.Edges {
			if e.Data.ID == "" {
				t.Fatalf("%s: an edge without an id", params)
			}
			ids = append(ids, e.Data.ID+" "+e.Data.Holding)
		}
		if want := q.Get("knownBy"); doc.Data.KnownBy != want {
			t.Errorf("%s: the file says knownBy %q", params, doc.Data.KnownBy)
		}
		slices.Sort(ids)
		return ids
	}
}

// networkEdges returns the "id holding" of every relationship of the network query with
// args, sorted.
func networkEdges(t *testing.T, srv *httptest.Server, args string) []string {
	body, _ := json.Marshal(map[string]string{"query": "{ network" + args + " { relationships { id holding holdingDuring } } }"})
	resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct {
		Data struct {
			Network struct {
				Relationships []struct {
					ID                     string
					Holding, HoldingDuring *string
				}
			}
		}
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || len(got.Errors) > 0 {
		t.Fatalf("network%s: %v %v", args, err, got.Errors)
	}
	var ids []string
	for _, r := range got.Data.Network.Relationships {
		holding := "" // the export writes a period's holding where a date's would be
		if r.HoldingDuring != nil {
			holding = *r.HoldingDuring
		} else if r.Holding != nil {
			holding = *r.Holding
		}
		ids = append(ids, r.ID+" "+holding)
	}
	slices.Sort(ids)
	return ids
}

type filterCase struct{ params, args string }

// exportTakesNetworkFilters checks that the export with each case's parameters has the
// relationships, and holdings, of the network query with its arguments, that each
// filter keeps less than the whole graph, and that a repeated parameter is refused.
func exportTakesNetworkFilters(t *testing.T, srv *httptest.Server, cases []filterCase) {
	exported := exportedEdges(t, srv)
	all := exported("")
	for _, tc := range cases {
		got, want := exported(tc.params), networkEdges(t, srv, tc.args)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the export has %v, the network %v", tc.params, got, want)
		}
		if len(got) == len(all) && !strings.Contains(tc.params, "includeRelayed") {
			t.Errorf("%s kept all %d relationships: the filter did nothing", tc.params, len(all))
		}
	}
	for _, path := range []string{
		"/export/graph.gexf?asOf=2018&asOf=2019",
		"/export/cytoscape.json?knownBy=2016&knownBy=2020",
		"/export/cytoscape.json?limit=5&limit=50",
		"/export/cytoscape.json?derived=true&derived=false",
		"/export/cytoscape.json?knownBy=2016-13",
		"/export/cytoscape.json?includeRelayed=yes",
	} {
		resp, body := get(t, srv.URL+path)
		var e struct{ Code, Message string }
		_ = json.Unmarshal(body, &e)
		if resp.StatusCode != http.StatusBadRequest || e.Code != "INVALID" || e.Message == "" {
			t.Errorf("%s: %d %s", path, resp.StatusCode, body)
		}
	}
}

// TestSeedsOfALeftOutKind: a seed whose type nodeTypes leaves out keeps its
// relationships to the kept types, in the export as in network, and shortestPaths may
// start and end at such nodes while passing through the kept types only.
func TestSeedsOfALeftOutKind(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct{ file, want string }{
		{"nodes.csv", "person/xi-jinping group/foreign-affairs-commission"},
		{"edges.csv", "chairs/person/xi-jinping/group/foreign-affairs-commission"},
	} {
		resp, body := get(t, srv.URL+"/export/"+tc.file+"?ids=person/xi-jinping&nodeTypes=GROUP")
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if resp.StatusCode != http.StatusOK || err != nil {
			t.Fatalf("%s: %d %v %s", tc.file, resp.StatusCode, err, body)
		}
		var got []string
		for _, row := range rows[1:] {
			got = append(got, row[0])
		}
		slices.Sort(got)
		want := strings.Fields(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", tc.file, got, want)
		}
	}
	_, body := send(t, http.MethodPost, srv.URL+"/graphql", `{"query":"{ shortestPaths(from: \"person/xi-jinping\", to: \"person/li-keqiang\", nodeTypes: [GROUP]) { length paths { nodes { id } } } }"}`)
	if want := `{"data":{"shortestPaths":{"length":2,"paths":[{"nodes":[{"id":"person/xi-jinping"},{"id":"group/foreign-affairs-commission"},{"id":"person/li-keqiang"}]}]}}`; !strings.HasPrefix(body, want) {
		t.Errorf("shortestPaths: %s, want %s", body, want)
	}
}

// TestDynamicGEXFWithinItsBounds: the whole dataset over 2003–2013 has every spell
// within the graph's start and end, never 9999-12-31, and no edge without its ends.
func TestDynamicGEXFWithinItsBounds(t *testing.T) {
	srv := seededServer(t)
	resp, body := get(t, srv.URL+"/export/graph.gexf?during=2003/2013")
	type spell struct {
		Start string `xml:"start,attr"`
		End   string `xml:"end,attr"`
	}
	var doc struct {
		Graph struct {
			Start string `xml:"start,attr"`
			End   string `xml:"end,attr"`
			Nodes []struct {
				ID     string  `xml:"id,attr"`
				Spells []spell `xml:"spells>spell"`
			} `xml:"nodes>node"`
			Edges []struct {
				ID     string  `xml:"id,attr"`
				Source string  `xml:"source,attr"`
				Target string  `xml:"target,attr"`
				Spells []spell `xml:"spells>spell"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %v", resp.StatusCode, err)
	}
	g := doc.Graph
	if g.Start != "2003-01-01" || g.End != "2013-12-31" || bytes.Contains(body, []byte("9999")) {
		t.Fatalf("bounds %s–%s, or 9999 in the file", g.Start, g.End)
	}
	nodes := map[string]bool{}
	check := func(id string, spells []spell) {
		for _, s := range spells {
			if s.Start < g.Start || s.End > g.End || s.Start > s.End {
				t.Errorf("%s: spell %+v outside %s–%s", id, s, g.Start, g.End)
			}
		}
	}
	for _, n := range g.Nodes {
		nodes[n.ID] = true
		check(n.ID, n.Spells)
	}
	for _, e := range g.Edges {
		check(e.ID, e.Spells)
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s joins a node not in the file", e.ID)
		}
	}
	if nodes["group/central-foreign-affairs-commission"] || !nodes["group/foreign-affairs-leading-small-group"] {
		t.Errorf("the commission (2018) should be left out, the LSG kept")
	}
}
