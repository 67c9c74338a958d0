package atlas_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

// nodeChangeBase is changeBase with a statement and a post, each citing source/a, the
// post's description the curators' own (no claim), and an editorial alias of the group.
func nodeChangeBase() *atlas.Dataset {
	ds := changeBase()
	ds.Groups[0].Aliases = append(ds.Groups[0].Aliases, atlas.Alias{Name: "GGG", Editorial: true})
	ds.Statements = []*atlas.Statement{{ID: "statement/s", Text: "It opened.", Date: atlas.DatePtr("1960"), Confidence: atlas.Stated, Sources: cite("source/a")}}
	one := 1
	ds.Positions = []*atlas.Position{{ID: "position/x", Title: "X", Description: "A post.", Seats: &one, Sources: cite("source/b"), Claims: []atlas.PropertyClaim{
		{Property: atlas.PropTitle, Value: "X", Sources: cite("source/b"), Confidence: atlas.Stated, Rank: atlas.Preferred}}}}
	return ds
}

// TestNodeChangeCitesOnlyWhatChanged: a statement's date changed citing another source
// stayed cited to the source that gives the old date, and a post's exported record
// changed in its seats gave the unchanged description a claim citing the change. The
// citation supports the values that change; a value with no claim to carry it changes
// only citing the passage the record already cites.
func TestNodeChangeCitesOnlyWhatChanged(t *testing.T) {
	a1, a2, b1 := atlas.Citation{Source: "source/a", Locator: "p. 1"}, atlas.Citation{Source: "source/a", Locator: "p. 2"}, atlas.Citation{Source: "source/b", Locator: "p. 1"}
	record := func(ds *atlas.Dataset, id string, edit func(map[string]any)) json.RawMessage {
		raw, _ := json.Marshal(ds.Node(id))
		var m map[string]any
		_ = json.Unmarshal(raw, &m)
		edit(m)
		out, _ := json.Marshal(m)
		return out
	}
	for _, tc := range []struct {
		name    string
		kind    atlas.RecordKind
		id      string
		edit    func(map[string]any)
		cite    atlas.Citation
		msg     string   // the INVALID message's start, "" for none
		sources []string // the record's sources after, as "source locator"
		claims  []string // its claims after, as "property value rank [sources]"
	}{
		{"a statement redated citing another source", atlas.RecordStatement, "statement/s", func(m map[string]any) { m["date"] = "1961" }, b1,
			"statement/s: date changed, which has no claim of its own to carry the citation, and its sources (source/a) would be shown giving the new value", nil, nil},
		{"a statement redated citing the passage it cites", atlas.RecordStatement, "statement/s", func(m map[string]any) { m["date"] = "1961" }, a1,
			"", []string{"source/a p. 1"}, nil},
		{"a statement whose words stay gains the citation", atlas.RecordStatement, "statement/s", func(m map[string]any) { m["note"] = "Two sources say so." }, b1,
			"", []string{"source/a p. 1", "source/b p. 1"}, nil},
		{"a post's seats changed citing another passage", atlas.RecordNode, "position/x", func(m map[string]any) { m["seats"] = 2 }, a2,
			"position/x: seats changed", nil, nil},
		{"an exported post retitled: the new title cited, the description left without a claim", atlas.RecordNode, "position/x", func(m map[string]any) { m["title"] = "Y" }, a2,
			"", []string{"source/b p. 1"}, []string{fmt.Sprintf("TITLE X NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("TITLE Y PREFERRED %v", []atlas.Citation{a2})}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := nodeChangeBase()
			after := before.Clone()
			_, err := atlas.Change{Op: atlas.OpChange, Kind: tc.kind, Target: tc.id, Citation: &tc.cite, Record: record(before, tc.id, tc.edit)}.Apply(after)
			if err == nil {
				err = atlas.CheckChange(before, after)
			}
			if tc.msg != "" {
				if atlas.ErrorCode(err) != atlas.EINVALID || !strings.HasPrefix(atlas.ErrorMessage(err), tc.msg) {
					t.Fatalf("err = %v, want INVALID: %s", err, tc.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			n := after.Node(tc.id)
			var sources []string
			for _, c := range n.Citations() {
				sources = append(sources, c.Source+" "+c.Locator)
			}
			if !slices.Equal(sources, tc.sources) {
				t.Errorf("sources %q, want %q", sources, tc.sources)
			}
			var claims []string
			for _, c := range atlas.ClaimsOf(n) {
				claims = append(claims, fmt.Sprintf("%s %s %s %v", c.Property, c.Value, c.Rank, c.Sources))
			}
			if !slices.Equal(claims, tc.claims) {
				t.Errorf("claims\n got %q\nwant %q", claims, tc.claims)
			}
		})
	}
}

// TestNodeChangeKeepsEditorialAliases: a node CHANGE that left out an editorial alias
// deleted it, while a sourced alias left out is kept, deprecated; an editorial alias has
// no claim to deprecate, so it stays.
func TestNodeChangeKeepsEditorialAliases(t *testing.T) {
	before := nodeChangeBase()
	after := before.Clone()
	rec := json.RawMessage(`{"id": "group/g", "name": "G", "kind": "OTHER", "established": "1958", "sources": [{"source": "source/a", "locator": "p. 1"}]}`)
	_, err := atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordNode, Target: "group/g", Citation: citeA, Record: rec}.Apply(after)
	if err == nil {
		err = atlas.CheckChange(before, after)
	}
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range atlas.AliasesOf(after.Node("group/g")) {
		got = append(got, fmt.Sprintf("%s editorial=%v", a.Name, a.Editorial))
	}
	if want := []string{"GGG editorial=true"}; !slices.Equal(got, want) {
		t.Errorf("aliases %q, want %q", got, want)
	}
	if claims := claimsOf(t, after, "group/g", atlas.PropAlias); !slices.Equal(claims, []string{fmt.Sprintf("GG DEPRECATED %v", cite("source/b"))}) {
		t.Errorf("alias claims %q", claims)
	}
}
