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

// editedRecord is node id of ds in the dataset format, as a client reads it, with edit
// applied: the record a node CHANGE sends.
func editedRecord(ds *atlas.Dataset, id string, edit func(map[string]any)) json.RawMessage {
	raw, _ := json.Marshal(ds.Node(id))
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	edit(m)
	out, _ := json.Marshal(m)
	return out
}

// TestNodeChangeCitesOnlyWhatChanged: a statement's date changed citing another source
// stayed cited to the source that gives the old date, and a post's exported record
// changed in its seats gave the unchanged description a claim citing the change. The
// citation supports the values that change; a value with no claim to carry it changes
// only citing the passage the record already cites.
func TestNodeChangeCitesOnlyWhatChanged(t *testing.T) {
	a1, a2, b1 := atlas.Citation{Source: "source/a", Locator: "p. 1"}, atlas.Citation{Source: "source/a", Locator: "p. 2"}, atlas.Citation{Source: "source/b", Locator: "p. 1"}
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
			after, err := appliedAndChecked(before, atlas.Change{Op: atlas.OpChange, Kind: tc.kind, Target: tc.id, Citation: &tc.cite, Record: editedRecord(before, tc.id, tc.edit)})
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

// TestNodeChangeWithClaimsKeepsAndCites: a node CHANGE given with claims deleted the
// claims it left out (no retraction in the log), cited passages the change never cited
// on the claims it added, and dropped the editorial aliases its record left out. A claim
// left out is kept (demoted below the value the record shows), a claim cites only the
// passages it cited before and the change's own, and editorial aliases stay.
func TestNodeChangeWithClaimsKeepsAndCites(t *testing.T) {
	a1, a2, b1 := atlas.Citation{Source: "source/a", Locator: "p. 1"}, atlas.Citation{Source: "source/a", Locator: "p. 2"}, atlas.Citation{Source: "source/b", Locator: "p. 1"}
	made := atlas.Citation{Source: "source/b", Locator: "made-up passage"}
	est := func(v string, rank atlas.Rank, cs ...atlas.Citation) atlas.PropertyClaim {
		return atlas.PropertyClaim{Property: atlas.PropEstablished, Value: v, Sources: cs, Confidence: atlas.Stated, Rank: rank}
	}
	without := func(cs []atlas.PropertyClaim, p atlas.PropertyName, v string) []atlas.PropertyClaim {
		return slices.DeleteFunc(cs, func(x atlas.PropertyClaim) bool { return x.Property == p && x.Value == v })
	}
	for _, tc := range []struct {
		name    string
		edit    func(g *atlas.Group)
		msg     string   // the INVALID message's start, "" for none
		claims  []string // ESTABLISHED claims after, as "value RANK [sources]"
		aliases []string // aliases after
	}{
		{"a claim left out and a new one citing a passage the change does not cite", func(g *atlas.Group) {
			g.Claims = append(without(g.Claims, atlas.PropEstablished, "1954"), est("2017", atlas.Normal, made))
		}, `group/g: the ESTABLISHED claim "2017" cites source/b (made-up passage), which neither this change (source/a, p. 2) nor the claim before it cites`, nil, nil},
		{"a claim's passage slipped in beside the change's", func(g *atlas.Group) {
			g.Claims[1].Sources = []atlas.Citation{a1, a2, b1}
		}, `group/g: the ESTABLISHED claim "1958" cites source/b (p. 1), which neither this change (source/a, p. 2) nor the claim before it cites`, nil, nil},
		{"a claim left out is kept, a new one cites the change", func(g *atlas.Group) {
			g.Claims = append(without(g.Claims, atlas.PropEstablished, "1954"), est("1957", atlas.Normal, a2))
		}, "", []string{
			fmt.Sprintf("1958 PREFERRED %v", []atlas.Citation{a1}), fmt.Sprintf("1957 NORMAL %v", []atlas.Citation{a2}), fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}),
		}, []string{"GG", "GGG"}},
		{"the preferred claim left out for another: kept, demoted", func(g *atlas.Group) {
			g.Established = atlas.DatePtr("1957")
			g.Claims = append(without(g.Claims, atlas.PropEstablished, "1958"), est("1957", atlas.Preferred, a2))
		}, "", []string{
			fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1957 PREFERRED %v", []atlas.Citation{a2}), fmt.Sprintf("1958 NORMAL %v", []atlas.Citation{a1}),
		}, []string{"GG", "GGG"}},
		{"an editorial alias left out, a note edited", func(g *atlas.Group) {
			g.Aliases = slices.DeleteFunc(g.Aliases, func(a atlas.Alias) bool { return a.Editorial })
			g.Claims[2].Note = "Another study's year."
		}, "", []string{fmt.Sprintf("1958 PREFERRED %v", []atlas.Citation{a1}), fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1})}, []string{"GG", "GGG"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := nodeChangeBase()
			before.Groups[0].Claims[1].Sources = []atlas.Citation{a1} // ESTABLISHED 1958
			g := before.Clone().Node("group/g").(*atlas.Group)
			tc.edit(g)
			rec, _ := json.Marshal(g)
			after, err := appliedAndChecked(before, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordNode, Target: "group/g", Citation: &a2, Record: rec})
			if tc.msg != "" {
				if atlas.ErrorCode(err) != atlas.EINVALID || !strings.HasPrefix(atlas.ErrorMessage(err), tc.msg) {
					t.Fatalf("err = %v, want INVALID: %s", err, tc.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := claimsOf(t, after, "group/g", atlas.PropEstablished); !slices.Equal(got, tc.claims) {
				t.Errorf("claims\n got %q\nwant %q", got, tc.claims)
			}
			var aliases []string
			for _, a := range atlas.AliasesOf(after.Node("group/g")) {
				aliases = append(aliases, a.Name)
			}
			if !slices.Equal(aliases, tc.aliases) {
				t.Errorf("aliases %q, want %q", aliases, tc.aliases)
			}
		})
	}
}

// TestNodeChangeTakesItsPassageOffTheValueItReplaces: a node CHANGE citing the passage
// that was the only source of the value it replaced left that value citing it, so the
// passage was shown giving both. As a claim CHANGE does, the passage comes off the
// value replaced, and a value no source gives any more goes.
func TestNodeChangeTakesItsPassageOffTheValueItReplaces(t *testing.T) {
	a1, a2, b1 := atlas.Citation{Source: "source/a", Locator: "p. 1"}, atlas.Citation{Source: "source/a", Locator: "p. 2"}, atlas.Citation{Source: "source/b", Locator: "p. 1"}
	for _, tc := range []struct {
		name    string
		est1958 []atlas.Citation // the sources of the preferred founding year before
		edit    func(m map[string]any)
		cite    atlas.Citation
		p       atlas.PropertyName
		claims  []string // the claims of p after, as "value RANK [sources]"
	}{
		{"a single value replaced citing its only passage: the old value goes", []atlas.Citation{a1}, func(m map[string]any) { m["established"] = "1957" }, a1, atlas.PropEstablished,
			[]string{fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1957 PREFERRED %v", []atlas.Citation{a1})}},
		{"a single value replaced citing one of its passages: the others stay on it", []atlas.Citation{a1, a2}, func(m map[string]any) { m["established"] = "1957" }, a1, atlas.PropEstablished,
			[]string{fmt.Sprintf("1958 NORMAL %v", []atlas.Citation{a2}), fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1957 PREFERRED %v", []atlas.Citation{a1})}},
		{"a single value replaced citing another passage: the old one keeps its own", []atlas.Citation{a1}, func(m map[string]any) { m["established"] = "1957" }, a2, atlas.PropEstablished,
			[]string{fmt.Sprintf("1958 NORMAL %v", []atlas.Citation{a1}), fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1957 PREFERRED %v", []atlas.Citation{a2})}},
		{"a list value replaced citing its only passage: the old value goes", []atlas.Citation{a1}, func(m map[string]any) {
			m["aliases"] = []any{map[string]any{"name": "G.G.", "source": "source/b"}, map[string]any{"name": "GGG", "editorial": true}}
		}, b1, atlas.PropAlias, []string{fmt.Sprintf("G.G. NORMAL %v", []atlas.Citation{b1})}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := nodeChangeBase()
			before.Groups[0].Claims[1].Sources = tc.est1958
			rec := editedRecord(before, "group/g", func(m map[string]any) {
				delete(m, "claims")
				tc.edit(m)
			})
			after, err := appliedAndChecked(before, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordNode, Target: "group/g", Citation: &tc.cite, Record: rec})
			if err != nil {
				t.Fatal(err)
			}
			if got := claimsOf(t, after, "group/g", tc.p); !slices.Equal(got, tc.claims) {
				t.Errorf("claims\n got %q\nwant %q", got, tc.claims)
			}
		})
	}
}

// TestNodeChangeCitesAPassageOnce: a statement CHANGE of its note, citing the passage it
// cites without the quote, listed that passage twice, and so did a node CHANGE back to
// a value whose claim cited it with a quote. The same passage is one citation, with the
// quote it had.
func TestNodeChangeCitesAPassageOnce(t *testing.T) {
	a1 := atlas.Citation{Source: "source/a", Locator: "p. 1"}
	b1 := atlas.Citation{Source: "source/b", Locator: "p. 1"}
	quotedA1 := atlas.Citation{Source: "source/a", Locator: "p. 1", Quote: "it opened"}
	quotedB1 := atlas.Citation{Source: "source/b", Locator: "p. 1", Quote: "founded in 1954"}
	for _, tc := range []struct {
		name string
		kind atlas.RecordKind
		id   string
		edit func(m map[string]any)
		cite atlas.Citation
		got  func(ds *atlas.Dataset) []atlas.Citation
		want []atlas.Citation
	}{
		{"a statement's note changed citing its own passage", atlas.RecordStatement, "statement/s", func(m map[string]any) { m["note"] = "Said once." }, a1,
			func(ds *atlas.Dataset) []atlas.Citation { return ds.Node("statement/s").Citations() }, []atlas.Citation{quotedA1}},
		{"a value preferred again citing the passage its claim cites", atlas.RecordNode, "group/g", func(m map[string]any) { delete(m, "claims"); m["established"] = "1954" }, b1,
			func(ds *atlas.Dataset) []atlas.Citation {
				cs := atlas.ClaimsOf(ds.Node("group/g"))
				return cs[slices.IndexFunc(cs, func(c atlas.PropertyClaim) bool { return c.Value == "1954" })].Sources
			}, []atlas.Citation{quotedB1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := nodeChangeBase()
			before.Statements[0].Sources = []atlas.Citation{quotedA1}
			before.Groups[0].Claims[2].Sources = []atlas.Citation{quotedB1} // ESTABLISHED 1954
			rec := editedRecord(before, tc.id, tc.edit)
			after, err := appliedAndChecked(before, atlas.Change{Op: atlas.OpChange, Kind: tc.kind, Target: tc.id, Citation: &tc.cite, Record: rec})
			if err != nil {
				t.Fatal(err)
			}
			if got := tc.got(after); !slices.Equal(got, tc.want) {
				t.Errorf("sources %v, want %v", got, tc.want)
			}
		})
	}
}

// TestNodeChangeWithClaimsKeepsAClaimsPassages: a node CHANGE given with claims took a
// passage off a claim it kept, so a source stopped giving a value with no retraction in
// the log. That is INVALID, except for the change's own passage moving to another value
// of the property, as a claim CHANGE moves it. A claim left out kept that passage too,
// showing it giving both values; it comes off there as well, and a claim left with no
// passage goes.
func TestNodeChangeWithClaimsKeepsAClaimsPassages(t *testing.T) {
	a1, a2, a3, b1 := atlas.Citation{Source: "source/a", Locator: "p. 1"}, atlas.Citation{Source: "source/a", Locator: "p. 2"}, atlas.Citation{Source: "source/a", Locator: "p. 3"}, atlas.Citation{Source: "source/b", Locator: "p. 1"}
	est := func(v string, rank atlas.Rank, cs ...atlas.Citation) atlas.PropertyClaim {
		return atlas.PropertyClaim{Property: atlas.PropEstablished, Value: v, Sources: cs, Confidence: atlas.Disputed, Rank: rank}
	}
	for _, tc := range []struct {
		name    string
		est1958 []atlas.Citation // the sources of the preferred founding year before
		edit    func(g *atlas.Group)
		msg     string   // the INVALID message, "" for none
		claims  []string // ESTABLISHED claims after, as "value RANK [sources]"
	}{
		{"another passage dropped from a kept claim", []atlas.Citation{a1, a3}, func(g *atlas.Group) { g.Claims[1].Sources = []atlas.Citation{a1, a2} },
			`group/g: the ESTABLISHED claim "1958" no longer cites source/a (p. 3); a change may not drop a passage from a claim it keeps; retract the claim or edit it with editClaim`, nil},
		{"the change's passage dropped, given to no other value", []atlas.Citation{a1, a2}, func(g *atlas.Group) { g.Claims[1].Sources = []atlas.Citation{a1} },
			`group/g: the ESTABLISHED claim "1958" no longer cites source/a (p. 2); a change may not drop a passage from a claim it keeps; retract the claim or edit it with editClaim`, nil},
		{"the change's passage given to a value of another property", []atlas.Citation{a1, a2}, func(g *atlas.Group) {
			g.Claims[1].Sources = []atlas.Citation{a1}
			g.Claims[0].Sources = []atlas.Citation{a1, a2} // NAME G
		}, `group/g: the ESTABLISHED claim "1958" no longer cites source/a (p. 2); a change may not drop a passage from a claim it keeps; retract the claim or edit it with editClaim`, nil},
		{"the change's passage moved to another value", []atlas.Citation{a1, a2}, func(g *atlas.Group) {
			g.Established = atlas.DatePtr("1957")
			g.Claims[1] = est("1958", atlas.Normal, a1)
			g.Claims = append(g.Claims, est("1957", atlas.Preferred, a2))
		}, "", []string{
			fmt.Sprintf("1958 NORMAL %v", []atlas.Citation{a1}), fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1957 PREFERRED %v", []atlas.Citation{a2}),
		}},
		{"a claim left out whose only passage moves to another value: it goes", []atlas.Citation{a2}, func(g *atlas.Group) {
			g.Established = atlas.DatePtr("1957")
			g.Claims = append(slices.Delete(g.Claims, 1, 2), est("1957", atlas.Preferred, a2))
		}, "", []string{
			fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1957 PREFERRED %v", []atlas.Citation{a2}),
		}},
		{"a claim left out whose passage moves to another value: it keeps its others", []atlas.Citation{a1, a2}, func(g *atlas.Group) {
			g.Established = atlas.DatePtr("1957")
			g.Claims = append(slices.Delete(g.Claims, 1, 2), est("1957", atlas.Preferred, a2))
		}, "", []string{
			fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1957 PREFERRED %v", []atlas.Citation{a2}), fmt.Sprintf("1958 NORMAL %v", []atlas.Citation{a1}),
		}},
		{"a claim left out citing the change's passage, not moved: kept whole", []atlas.Citation{a1, a2}, func(g *atlas.Group) {
			g.Claims = slices.Delete(g.Claims, 1, 2)
		}, "", []string{
			fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1958 PREFERRED %v", []atlas.Citation{a1, a2}),
		}},
		{"a kept claim citing what it cited", []atlas.Citation{a1, a3}, func(g *atlas.Group) { g.Claims[1].Note = "Two passages say so." }, "", []string{
			fmt.Sprintf("1958 PREFERRED %v", []atlas.Citation{a1, a3}), fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := nodeChangeBase()
			before.Groups[0].Claims[1].Sources = tc.est1958
			g := before.Clone().Node("group/g").(*atlas.Group)
			tc.edit(g)
			rec, _ := json.Marshal(g)
			after, err := appliedAndChecked(before, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordNode, Target: "group/g", Citation: &a2, Record: rec})
			if tc.msg != "" {
				if atlas.ErrorCode(err) != atlas.EINVALID || atlas.ErrorMessage(err) != tc.msg {
					t.Fatalf("err = %v, want INVALID: %s", err, tc.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := claimsOf(t, after, "group/g", atlas.PropEstablished); !slices.Equal(got, tc.claims) {
				t.Errorf("claims\n got %q\nwant %q", got, tc.claims)
			}
		})
	}
}

// TestNodeChangeSlipsNoPassageIntoSourcesOrIdentifiers: a node CHANGE could give the
// record's sources, or an identifier, a passage nobody cited in it: the passage then
// showed as giving the node, or the identifier, reviewed and cited, though the change
// cited another. As with claims, a record's sources and identifiers may cite only what
// they cited before and the change's own passage; anything else is refused, not
// stripped.
func TestNodeChangeSlipsNoPassageIntoSourcesOrIdentifiers(t *testing.T) {
	a2, b9 := atlas.Citation{Source: "source/a", Locator: "p. 2"}, atlas.Citation{Source: "source/b", Locator: "p. 9"}
	identifier := func(c atlas.Citation) func(map[string]any) {
		return func(m map[string]any) {
			m["identifiers"] = []any{map[string]any{"scheme": "WIKIDATA", "value": "Q900000042", "sources": []any{map[string]any{"source": c.Source, "locator": c.Locator}}}}
		}
	}
	for _, tc := range []struct {
		name string
		edit func(map[string]any)
		msg  string // the INVALID message, "" for none
	}{
		{"an identifier citing another passage", identifier(b9),
			`group/g: the WIKIDATA identifier "Q900000042" cites source/b (p. 9), which neither this change (source/a, p. 2) nor the record before it cites there; a change adds only the passage it cites, so cite that passage in a change of its own`},
		{"an identifier citing the change's passage", identifier(a2), ""},
		{"the record's sources given another passage", func(m map[string]any) {
			m["sources"] = append(m["sources"].([]any), map[string]any{"source": b9.Source, "locator": b9.Locator})
		}, `group/g: the record's sources cite source/b (p. 9), which neither this change (source/a, p. 2) nor the record before it cites there; a change adds only the passage it cites, so cite that passage in a change of its own`},
		{"the record as read, renamed", func(m map[string]any) { m["name"] = "H" }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := nodeChangeBase()
			_, err := appliedAndChecked(before, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordNode, Target: "group/g", Citation: &a2, Record: editedRecord(before, "group/g", tc.edit)})
			switch {
			case tc.msg == "" && err != nil:
				t.Fatal(err)
			case tc.msg != "" && (atlas.ErrorCode(err) != atlas.EINVALID || atlas.ErrorMessage(err) != tc.msg):
				t.Fatalf("err = %v\nwant INVALID: %s", err, tc.msg)
			}
		})
	}
}
