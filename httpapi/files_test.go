package httpapi_test

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// TestCSVAndBibliographyRoutes: the CSV and bibliography files are served with their
// media types and file names, carry the cut-off flag, and reject unknown parameters.
func TestCSVAndBibliographyRoutes(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct {
		path, contentType, filename, truncated string
		rows                                   int // CSV rows with the header; 0 for other files
	}{
		{"/export/nodes.csv", "text/csv; charset=utf-8", "lsg-atlas-nodes.csv", "false", 13},
		{"/export/edges.csv?limit=3", "text/csv; charset=utf-8", "lsg-atlas-edges.csv", "true", 0},
		{"/export/graph.csv.zip", "application/zip", "lsg-atlas-csv.zip", "false", 0},
		{"/export/sources.json", "application/vnd.citationstyles.csl+json", "lsg-atlas-sources.json", "", 0},
		{"/export/sources.bib", "application/x-bibtex", "lsg-atlas-sources.bib", "", 0},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := get(t, srv.URL+tc.path)
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.contentType) {
				t.Fatalf("%d %s: %.200s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
			if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="`+tc.filename+`"` {
				t.Errorf("Content-Disposition %q", cd)
			}
			if got := resp.Header.Get("X-Truncated"); got != tc.truncated {
				t.Errorf("X-Truncated %q, want %q", got, tc.truncated)
			}
			if tc.rows > 0 {
				rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
				if err != nil || len(rows) != tc.rows || rows[0][0] != "id" {
					t.Errorf("CSV: %v, %d rows", err, len(rows))
				}
			}
		})
	}
	resp, body := get(t, srv.URL+"/export/sources.bib?format=old")
	var e struct{ Code string }
	_ = json.Unmarshal(body, &e)
	if resp.StatusCode != 400 || e.Code != "INVALID" {
		t.Errorf("bibliography with a parameter: %d %s", resp.StatusCode, body)
	}
}
