package seed_test

import (
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

func TestBundledDatasetIsValid(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Groups) == 0 || len(ds.Relations) == 0 || len(ds.Sources) == 0 {
		t.Fatalf("bundled dataset is empty: %d groups, %d relations", len(ds.Groups), len(ds.Relations))
	}
}

const validRecord = `{"sources":[{"id":"source/a","title":"A","kind":"REPORT"}],
 "people":[{"id":"person/x","name":"X","sources":[{"source":"source/a","locator":"p. 1"}],
  "claims":[{"property":"NAME","value":"X","sources":[{"source":"source/a","locator":"p. 1"}],"confidence":"STATED","rank":"PREFERRED"}]}]}`

func TestDecodeNamesTheBadRecord(t *testing.T) {
	for _, tc := range []struct {
		name, input, want string
	}{
		{"unknown field", `{"people":[{"id":"person/x","name":"X","nickname":"Y","sources":[]}]}`, `people[0] (person/x): json: unknown field "nickname"`},
		{"unknown section", `{"dragons":[]}`, `unknown section "dragons"`},
		{"bad date", `{"groups":[{"id":"group/g","name":"G","kind":"OTHER","established":"2018-13","sources":[]}]}`, `groups[0] (group/g): invalid date "2018-13"`},
		{"date of wrong type", `{"groups":[{"id":"group/g","name":"G","kind":"OTHER","established":2018,"sources":[]}]}`, `groups[0] (group/g): a date must be a string`},
		{"dangling reference", strings.TrimSuffix(validRecord, "}") + `,"relations":[{"type":"HOLDS","from":"person/x","to":"position/nope","confidence":"STATED","sources":[{"source":"source/a","locator":"p. 2"}]}]}`,
			`relation holds/person/x/position/nope: to "position/nope" names no node`},
		{"missing source", `{"people":[{"id":"person/x","name":"X","sources":[]}]}`, `PERSON person/x: has no source`},
		{"relation named by its ends", `{"relations":[{"type":"HOLDS","from":"person/x","to":"position/y","start":"soon"}]}`, `relations[0] (HOLDS person/x -> position/y): invalid date "soon"`},
		{"property without a claim", `{"sources":[{"id":"source/a","title":"A","kind":"REPORT"}],"people":[{"id":"person/x","name":"X","sources":[{"source":"source/a","locator":"p. 1"}]}]}`,
			`PERSON person/x: NAME "X" has no claim`},
		{"claim without a locator", strings.Replace(validRecord, `"value":"X","sources":[{"source":"source/a","locator":"p. 1"}]`, `"value":"X","sources":[{"source":"source/a","locator":""}]`, 1),
			`PERSON person/x claim NAME=X: cites "source/a" without a locator`},
		{"blank quote", strings.Replace(validRecord, `"value":"X","sources":[{"source":"source/a","locator":"p. 1"}]`, `"value":"X","sources":[{"source":"source/a","locator":"p. 1","quote":"  "}]`, 1),
			`PERSON person/x claim NAME=X: cites "source/a" with a blank quote`},
		{"quote longer than a fragment", strings.Replace(validRecord, `"value":"X","sources":[{"source":"source/a","locator":"p. 1"}]`,
			`"value":"X","sources":[{"source":"source/a","locator":"p. 1","quote":"one two three four five six seven eight nine ten eleven twelve thirteen"}]`, 1),
			`PERSON person/x claim NAME=X: cites "source/a" with a quote of 13 words; a quote is a fragment of at most 12`},
		{"a date cited to a source older than it", strings.TrimSuffix(strings.Replace(validRecord, `"kind":"REPORT"}]`, `"kind":"REPORT","date":"2010"}]`, 1), "}") +
			`,"positions":[{"id":"position/p","title":"P","sources":[{"source":"source/a","locator":"p. 1"}],` +
			`"claims":[{"property":"TITLE","value":"P","sources":[{"source":"source/a","locator":"p. 1"}],"confidence":"STATED","rank":"PREFERRED"}]}],` +
			`"relations":[{"type":"HOLDS","from":"person/x","to":"position/p","start":"2015","confidence":"STATED","sources":[{"source":"source/a","locator":"p. 2"}]}]}`,
			`dataset: 1 date(s) cited to a source older than them, e.g. relation holds/person/x/position/p: cites source/a, dated 2010, for a later start date 2015`},
		{"trailing data", validRecord + `{}`, `unexpected data after the end`},
		{"not json", `{"people": [`, `dataset:`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := seed.Decode(strings.NewReader(tc.input))
			if atlas.ErrorCode(err) != atlas.EINVALID {
				t.Fatalf("code %q (%v), want EINVALID", atlas.ErrorCode(err), err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
	if _, err := seed.Decode(strings.NewReader(validRecord)); err != nil {
		t.Errorf("valid dataset rejected: %v", err)
	}
}
