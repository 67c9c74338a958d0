package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"lsgatlas/internal/readme"
)

// TestReadmeExamplesWork runs every GraphQL example in README.md against the seeded
// service: each must return data and no errors, so the README keeps telling the truth.
func TestReadmeExamplesWork(t *testing.T) {
	queries := readme.Queries(readme.Read(t, "README.md"))
	if len(queries) < 5 {
		t.Fatalf("found only %d example queries in README.md", len(queries))
	}
	base, _, _ := startService(t, nil)
	waitSeeded(t, base)
	for _, q := range queries {
		got := postQuery(t, base, q, "")
		var resp struct {
			Data   map[string]any
			Errors []any
		}
		_ = json.Unmarshal([]byte(got), &resp)
		ok := len(resp.Errors) == 0 && len(resp.Data) > 0
		for _, v := range resp.Data {
			if list, isList := v.([]any); v == nil || isList && len(list) == 0 {
				ok = false
			}
		}
		if !ok {
			t.Errorf("README example\n%s\nreturned %s", q, got)
		}
	}
}

// TestReadmeIsolationFigures recounts, from the Cytoscape export, the people and groups
// the README says have no edge with and without derived chairs, over all years and at
// 2016, and how many edges derived chairs add.
func TestReadmeIsolationFigures(t *testing.T) {
	text := strings.Join(strings.Fields(readme.Read(t, "README.md")), " ") // as read, whatever the wrapping
	base, _, _ := startService(t, nil)
	waitSeeded(t, base)
	count := func(params string) (nodes, edges, isolated, derived int) {
		resp, err := http.Get(base + "/export/cytoscape.json?nodeTypes=PERSON,GROUP" + params)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var g struct {
			Elements struct {
				Nodes []struct{ Data struct{ ID string } }
				Edges []struct {
					Data struct {
						Source, Target string
						Derived        bool
					}
				}
			}
		}
		if err := json.NewDecoder(resp.Body).Decode(&g); err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %v", params, resp.StatusCode, err)
		}
		linked := map[string]bool{}
		for _, e := range g.Elements.Edges {
			linked[e.Data.Source], linked[e.Data.Target] = true, true
			if e.Data.Derived {
				derived++
			}
		}
		for _, n := range g.Elements.Nodes {
			if !linked[n.Data.ID] {
				isolated++
			}
		}
		return len(g.Elements.Nodes), len(g.Elements.Edges), isolated, derived
	}
	nodes, edges, alone, _ := count("")
	_, withEdges, aloneWith, derived := count("&derived=true")
	_, _, alone2016, _ := count("&asOf=2016")
	_, _, alone2016With, _ := count("&asOf=2016&derived=true")
	added := withEdges - edges
	for _, want := range []string{
		fmt.Sprintf("of the %d people and groups of the whole graph", nodes),
		fmt.Sprintf("%d have no edge without them and %d with them", alone, aloneWith),
		fmt.Sprintf("so derived chairs add %d edges and mark %d stored ones derived too", added, derived-added),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("README.md does not say %q", want)
		}
	}
	if alone2016 != alone2016With || !strings.Contains(text, fmt.Sprintf("`asOf=2016`: %d isolated with or without derived chairs", alone2016)) {
		t.Errorf("at 2016: %d isolated without derived chairs, %d with; the README says otherwise", alone2016, alone2016With)
	}
}
