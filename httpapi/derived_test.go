package httpapi_test

import (
	"encoding/json"
	"net/http"
	"testing"
)

// derived=true adds the chairs derived through posts to an export of people and groups
// (the one rule, atlas.ChairList, as the network query's `derived`); a bad value is 400.
func TestExportDerivedChairs(t *testing.T) {
	srv := newServer(t)
	count := func(query string) (derived, edges int) {
		resp, body := get(t, srv.URL+"/export/cytoscape.json?nodeTypes=PERSON,GROUP"+query)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", query, resp.StatusCode, body)
		}
		var doc struct {
			Elements struct {
				Edges []struct {
					Data struct {
						Derived bool   `json:"derived"`
						Type    string `json:"type"`
					} `json:"data"`
				} `json:"edges"`
			} `json:"elements"`
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Elements.Edges {
			if e.Data.Derived {
				if e.Data.Type != "CHAIRS" {
					t.Errorf("%s: a derived %s", query, e.Data.Type)
				}
				derived++
			}
		}
		return derived, len(doc.Elements.Edges)
	}
	plainDerived, plain := count("")
	withDerived, with := count("&derived=true")
	if plainDerived != 0 || withDerived == 0 || with != plain+withDerived {
		t.Errorf("derived chairs: %d of %d edges without, %d of %d with", plainDerived, plain, withDerived, with)
	}
	if resp, _ := get(t, srv.URL+"/export/graph.gexf?derived=yes"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("derived=yes: status %d, want 400", resp.StatusCode)
	}
}
