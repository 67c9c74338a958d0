package httpapi_test

import (
	"strings"
	"testing"
)

// TestExportTiers: the tiers parameter leaves reference facts out of an export (Wen
// Jiabao is known only from reference pages), and an unknown tier is a clear error.
func TestExportTiers(t *testing.T) {
	srv := seededServer(t)
	for _, tc := range []struct {
		query  string
		status int
		wen    bool
	}{
		{"ids=position/premier&depth=1", 200, true},
		{"ids=position/premier&depth=1&tiers=CORPUS", 200, false},
		{"ids=position/premier&depth=1&tiers=REFERENCE", 200, true},
		{"ids=position/premier&depth=1&tiers=CORPUS,REFERENCE", 200, true},
		{"ids=position/premier&tiers=FOLKLORE", 400, false},
	} {
		resp, body := get(t, srv.URL+"/export/cytoscape.json?"+tc.query)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d: %s", tc.query, resp.StatusCode, body)
			continue
		}
		if got := strings.Contains(string(body), `"person/wen-jiabao"`); got != tc.wen {
			t.Errorf("%s: Wen Jiabao in the export = %v, want %v", tc.query, got, tc.wen)
		}
	}
}
