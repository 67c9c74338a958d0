package neo4j

import (
	"reflect"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

func ptr[T any](v T) *T { return &v }

// roundTrip stores n as Neo4j would and decodes it back.
func roundTrip(t *testing.T, n atlas.Node) atlas.Node {
	t.Helper()
	got, err := decodeNode(storedNode(t, n))
	if err != nil {
		t.Fatalf("%s: %v", n.NodeID(), err)
	}
	return got
}

// TestNodeRoundTrip covers every kind, full and bare, with nil and empty slices kept apart.
func TestNodeRoundTrip(t *testing.T) {
	cites := []atlas.Citation{{Source: "source/a", Locator: "p. 3"}}
	aliases := []atlas.Alias{{Name: "FALSG", Source: "source/a"}, {Name: "外事", Editorial: true, Ambiguous: true}}
	claims := []atlas.PropertyClaim{{Property: atlas.PropEstablished, Value: "1958", Sources: cites, Confidence: atlas.Disputed, Rank: atlas.Preferred, Note: "n"},
		{Property: atlas.PropEstablished, Value: "1954", Sources: cites, Confidence: atlas.Disputed, Rank: atlas.Normal}}
	nodes := []atlas.Node{
		&atlas.Group{ID: "group/g", Name: "G", NameZh: "中央", Aliases: aliases, Kind: atlas.Commission, System: ptr(atlas.PartySystem),
			Level: ptr(atlas.Level("CENTRAL")), Jurisdiction: "Guangdong", Horizon: ptr(atlas.Horizon("PERMANENT")),
			Categories: []atlas.Category{"PARTY_BUILDING"}, CrossSystem: true, Established: atlas.DatePtr("1958-03-01"),
			Abolished: atlas.DatePtr("2018"), Description: "d", Sources: cites, Claims: claims, ObservedUntil: atlas.DatePtr("2020-06")},
		&atlas.Group{ID: "group/bare", Name: "Bare", Kind: atlas.OtherGroupKind},
		&atlas.Group{ID: "group/empty", Name: "Empty", Kind: atlas.OtherGroupKind, Aliases: []atlas.Alias{}, Categories: []atlas.Category{}, Sources: []atlas.Citation{}},
		&atlas.Office{ID: "office/o", Name: "O", NameZh: "办", Aliases: aliases, Kind: "OFFICE", Staffing: ptr(atlas.Staffing("TEMPORARY")),
			Placement: ptr(atlas.Placement("AUTONOMOUS")), Description: "d", Sources: cites},
		&atlas.Office{ID: "office/bare", Name: "Bare", Kind: "OTHER"},
		&atlas.Institution{ID: "institution/i", Name: "I", NameZh: "部", Aliases: aliases, Kind: "MINISTRY", System: ptr(atlas.StateCouncilSystem), Description: "d", Sources: cites},
		&atlas.Institution{ID: "institution/bare", Name: "Bare", Kind: "OTHER"},
		&atlas.Position{ID: "position/p", Title: "P", TitleZh: "总书记", Aliases: aliases, Description: "d", Sources: cites},
		&atlas.Position{ID: "position/bare", Title: "Bare"},
		&atlas.Person{ID: "person/p", Name: "P", NameZh: "习", Aliases: aliases, Description: "d", Sources: cites, Claims: claims[:1]},
		&atlas.Person{ID: "person/empty-claims", Name: "E", Claims: []atlas.PropertyClaim{}},
		&atlas.Person{ID: "person/bare", Name: "Bare"},
		&atlas.Source{ID: "source/s", Key: "s", Title: "S", Authors: []string{"A", "B"}, Publisher: "P", Date: atlas.DatePtr("2010-06"),
			URL: "https://example.org", Kind: "BOOK", CitedVia: "source/t", Note: "n"},
		&atlas.Source{ID: "source/bare", Title: "Bare", Kind: "OTHER"},
		&atlas.Source{ID: "source/empty", Title: "Empty", Kind: "OTHER", Authors: []string{}},
		&atlas.ReportedCount{ID: "count/c", Year: 2017, Value: 83, Qualifier: "EXACT", Scope: "all", System: ptr(atlas.PartySystem),
			Level: ptr(atlas.Level("CENTRAL")), Confidence: atlas.Reported, Note: "n", Sources: cites},
		&atlas.ReportedCount{ID: "count/bare", Year: 1981, Qualifier: "ABOUT", Confidence: atlas.Stated},
	}
	nodes = append(nodes, conformance.Fixture().Prepared().Nodes()...)
	for _, n := range nodes {
		if got := roundTrip(t, n); !reflect.DeepEqual(got, n) {
			t.Errorf("%s:\n got %#v\nwant %#v", n.NodeID(), got, n)
		}
	}
}

func TestStoredNodeShape(t *testing.T) {
	g := fixtureNode("group/foreign-affairs-lsg").(*atlas.Group)
	// Its one source dates its founding, so import leaves it unobserved after that
	// (atlas.Prepared); the property is what is checked here.
	g.ObservedUntil = atlas.DatePtr("2020-06")
	p := nodeProps(g)
	for k, want := range map[string]any{
		"id": "group/foreign-affairs-lsg", "nodeKind": "GROUP", "established": "1958", "validFrom": int64(19580101), "validTo": int64(20180331),
		"sortEstablished": "19580101", "sortName": sortName("foreign affairs leading small group"), "categories": []string{"FOREIGN_AFFAIRS_UNITED_FRONT"},
		"aliases": `[{"name":"FALSG","source":"source/alpha"}]`, "aliasNames": []string{"FALSG"},
		"sources": `[{"source":"source/alpha","locator":"s1"}]`, "system": "PARTY", "observedUntil": "2020-06",
	} {
		if !reflect.DeepEqual(p[k], want) {
			t.Errorf("%s = %#v, want %#v", k, p[k], want)
		}
	}
	keys := p["searchKeys"].([]string)
	if text := p["searchText"].(string); text != strings.Join(keys, "|") || !strings.Contains(text, "zhongyangwaishigongzuolingdaoxiaozu") {
		t.Errorf("searchText %q, keys %v", text, keys)
	}
	if names := p["searchNames"].([]string); len(names) != len(keys) || names[0] != g.Name {
		t.Errorf("searchNames %v", names)
	}
	if p["horizon"] != "PERMANENT" || p["jurisdiction"] != "" || p["abolished"] != "2018-03" {
		t.Errorf("optional fields: %#v %#v %#v", p["horizon"], p["jurisdiction"], p["abolished"])
	}
	bare := nodeProps(&atlas.Group{ID: "group/x", Name: "X", Kind: "OTHER"})
	for _, k := range []string{"system", "level", "horizon", "categories", "established", "abolished", "aliases", "aliasNames", "sources", "observedUntil"} {
		if bare[k] != nil {
			t.Errorf("bare group: %s = %#v, want nil (no property)", k, bare[k])
		}
	}
	if bare["validFrom"] != int64(atlas.MinOrdinal) || bare["validTo"] != int64(atlas.MaxOrdinal) || bare["sortEstablished"] != "99999999" {
		t.Errorf("bare group bounds: %v %v %v", bare["validFrom"], bare["validTo"], bare["sortEstablished"])
	}
}

// TestSortNameOrdersLikeGo: the hex form orders as Go orders the keys, bytewise, also where
// UTF-16 order (Neo4j's) differs: U+FF08 sorts before U+1F600 in UTF-16, after it in UTF-8.
func TestSortNameOrdersLikeGo(t *testing.T) {
	a, b := "（", "😀"
	if !(a < b) || !(sortName(a) < sortName(b)) || !(sortName("ab") < sortName("abc")) {
		t.Error("sortName does not preserve byte order")
	}
}

// TestSortKeysBelowTheDescendingStart: a descending list with no cursor starts its seek at
// U+FFFF (list_by_*_desc), so every stored sort key must be below it, even for a node whose
// name starts with the greatest character: sortName is hex, sortEstablished digits, and
// an id starts with its kind. Go's byte order is stricter here than Neo4j's UTF-16 order.
func TestSortKeysBelowTheDescendingStart(t *testing.T) {
	nodes := conformance.Fixture().Prepared().Nodes()
	nodes = append(nodes, &atlas.Person{ID: "person/\U0010FFFF", Name: "\U0010FFFF\uFFFF"})
	for _, n := range nodes {
		props := nodeProps(n)
		for _, key := range []string{"sortName", "sortEstablished", "id"} {
			if v, _ := props[key].(string); v == "" || v >= "\uFFFF" {
				t.Errorf("%s: %s %q is not below U+FFFF", n.NodeID(), key, v)
			}
		}
	}
}

func TestRelationRoundTrip(t *testing.T) {
	rels := conformance.Fixture().Prepared().Relations
	rels = append(rels,
		&atlas.Relation{ID: "x", Type: atlas.MemberOf, From: "person/a", To: "group/b", Role: ptr(atlas.MemberRole("ADVISER")),
			Attested: []atlas.PartialDate{}, Sources: []atlas.Citation{}, Confidence: atlas.Stated},
		&atlas.Relation{ID: "y", Type: atlas.SucceededBy, From: "group/a", To: "group/b", Succession: ptr(atlas.SuccessionKind("RENAMED")),
			Start: atlas.DatePtr("2018-03-21"), End: atlas.DatePtr("2019"), LifetimeStart: atlas.DatePtr("1990"), LifetimeEnd: atlas.DatePtr("2020-01"),
			IncompleteList: true, Confidence: atlas.Disputed, Note: "n"},
		&atlas.Relation{ID: "z", Type: atlas.Holds, From: "person/a", To: "position/b", Start: atlas.DatePtr("2013"),
			HolderBirths: []atlas.Death{{Date: atlas.MustDate("1953-06"), Tier: atlas.CorpusTier}},
			DateClaims: []atlas.DateClaim{{Part: atlas.StartPart, Value: atlas.MustDate("2013"), Sources: []atlas.Citation{{Source: "source/alpha", Locator: "p. 2"}},
				Confidence: atlas.Stated, Rank: atlas.Preferred, Tier: atlas.CorpusTier}},
			CitationTiers: []atlas.SourceTier{atlas.CorpusTier}, NextHolderFrom: atlas.DatePtr("2018"), Rank: atlas.Normal, Confidence: atlas.Stated})
	for _, r := range rels {
		rec := storedRel(t, r)
		got, err := decodeRelation(rec["type"].(string), rec["from"].(string), rec["to"].(string), rec["props"])
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, *r) {
			t.Errorf("%s:\n got %#v\nwant %#v", r.ID, got, *r)
		}
	}
	p := relationProps(fixtureRel("member_of/institution/ministry-of-foreign-affairs/group/foreign-affairs-lsg"))
	want := map[string]any{"attestedOnly": true, "attestedFrom": []int64{20100101, 20130601}, "attestedTo": []int64{20101231, 20130630},
		"role": "MEMBER", "validFrom": int64(19580101)}
	for k, w := range want {
		if !reflect.DeepEqual(p[k], w) {
			t.Errorf("%s = %#v, want %#v", k, p[k], w)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	good := storedNode(t, fixtureNode("group/foreign-affairs-lsg"))
	for _, tc := range []struct {
		key   string
		value any
		want  string
	}{
		{"name", int64(3), "property name: want STRING, got int64"},
		{"crossSystem", "yes", "property crossSystem: want BOOLEAN"},
		{"categories", "PARTY", "want LIST<STRING>, got string"},
		{"categories", []any{int64(1)}, "an element of type int64"},
		{"established", "1958-13", "invalid date"},
		{"aliases", "{not json", "property aliases"},
		{"nodeKind", "DRAGON", `unknown node kind "DRAGON"`},
	} {
		m := copyProps(good)
		m[tc.key] = tc.value
		if _, err := decodeNode(m); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s=%#v: error %v, want %q", tc.key, tc.value, err, tc.want)
		}
	}
	c := storedNode(t, fixtureNode("count/beta-1981"))
	c["year"] = "1981"
	if _, err := decodeNode(c); err == nil || !strings.Contains(err.Error(), "want INTEGER") {
		t.Errorf("year as string: %v", err)
	}
	if _, err := decodeRelation("LIKES", "a", "b", map[string]any{"id": "x"}); err == nil {
		t.Error("unknown relationship type decoded")
	}
	if _, err := decodeRelation("HOLDS", "a", "b", map[string]any{"id": "x", "attested": []any{"20xx"}}); err == nil {
		t.Error("bad attested date decoded")
	}
}

func conformanceDataset() *atlas.Dataset { return conformance.Fixture().Prepared() }
