package conformance

import (
	"context"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

// testCurationRefusesMalformed sends edits whose result breaks a dataset rule and
// expects each refused as INVALID with exactly the problem that names it, and nothing
// written: these are edits the API once accepted.
func testCurationRefusesMalformed(t *testing.T, open OpenCurated) {
	record := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	for _, tc := range []struct {
		name   string
		change atlas.Change
		want   []string
	}{
		{"a new source read through itself", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordSource,
			Citation: &atlas.Citation{Source: "source/selfref", Locator: "title page"},
			Record:   record(map[string]any{"id": "source/selfref", "key": "selfref", "title": "Self", "kind": "REPORT", "citedVia": "source/selfref"})},
			[]string{"SOURCE source/selfref: citedVia names the source itself: a source cannot be read through itself"}},
		{"a source changed to be read through what it relays", atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordSource, Target: "source/alpha",
			Citation: &atlas.Citation{Source: "source/alpha", Locator: "title page"},
			Record:   record(map[string]any{"id": "source/alpha", "key": "alpha", "title": "Alpha Study", "authors": []string{"A. Author"}, "date": "2020-06", "kind": "ANALYSIS", "citedVia": "source/beta"})},
			[]string{"SOURCE source/alpha: citedVia goes round in a circle through source/alpha, source/beta: a source cannot (in the end) be read through itself"}},
		// The alias and the claim an alias ADD makes for it, each named; never trimmed.
		{"an alias with spaces around it", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordAlias,
			Citation: &atlas.Citation{Source: "source/alpha", Locator: "p. 7"},
			Claim:    &atlas.ClaimChange{Node: "group/foreign-affairs-commission", PropertyClaim: atlas.PropertyClaim{Value: "  CFAC2  ", Confidence: atlas.Stated}}},
			[]string{
				`GROUP group/foreign-affairs-commission: alias "  CFAC2  " has leading or trailing spaces`,
				`GROUP group/foreign-affairs-commission claim ALIAS=  CFAC2  : value "  CFAC2  " has leading or trailing spaces`,
			}},
		{"a new source titled with a trailing space", atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordSource,
			Citation: &atlas.Citation{Source: "source/epsilon", Locator: "title page"},
			Record:   record(map[string]any{"id": "source/epsilon", "key": "epsilon", "title": "Epsilon ", "kind": "REPORT"})},
			[]string{`SOURCE source/epsilon: title "Epsilon " has leading or trailing spaces`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, cur, _ := curated(t, open)
			ctx := context.Background()
			before, _ := s.Snapshot(ctx)
			_, err := cur.Edit(As("carol", atlas.RoleCurator), tc.change, 1, "test")
			wantCode(t, err, atlas.EINVALID)
			want := "invalid dataset: " + strconv.Itoa(len(tc.want)) + " problem(s):\n  " + strings.Join(tc.want, "\n  ")
			if got := atlas.ErrorMessage(err); got != want {
				t.Errorf("message:\n%s\nwant:\n%s", got, want)
			}
			if after, _ := s.Snapshot(ctx); !reflect.DeepEqual(before, after) {
				t.Error("a refused edit changed the store")
			}
		})
	}
}
