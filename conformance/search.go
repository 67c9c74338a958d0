package conformance

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

// searchFixture is invented data for search, imported on top of Fixture: a source with
// an author and a publisher, names that share a prefix but not a word ("Tibet" and
// "Tibetan"), descriptions in English and Chinese, a relationship with a note, and
// names that match one query at each rank.
func searchFixture() *atlas.Dataset {
	delta := "source/delta"
	return &atlas.Dataset{
		Sources: []*atlas.Source{
			{ID: delta, Key: "delta", Title: "Delta Monograph", Authors: []string{"Mira Castellan", "Ode Brannigan"},
				Publisher: "Harbor Press", Kind: "BOOK", Note: "Read in a later edition."},
		},
		Groups: []*atlas.Group{
			{ID: "group/tibet-work", Name: "Tibet Work Coordination Group", NameZh: "西藏工作协调小组", Kind: atlas.CoordinationGroup,
				Description: "Fixture group said to trace back to the Yan'an period; it coordinated 边疆治理 across ministries. " +
					"Its remit grew over the decades until it covered planning, personnel and the budget of every agency involved.",
				Sources: cite(delta, "chapter 2")},
			{ID: "group/tibetan-studies", Name: "Tibetan Studies Panel", Kind: atlas.WorkingGroup, Sources: cite(delta, "chapter 3")},
		},
		Institutions: []*atlas.Institution{
			{ID: "institution/harbor", Name: "Harbor", Kind: "OTHER", Sources: cite(delta, "chapter 1")},
			{ID: "institution/harbor-office", Name: "Harbor Office", Kind: "OTHER", Sources: cite(delta, "chapter 1")},
			{ID: "institution/harbour-board", Name: "Harbour Board", Kind: "OTHER", Sources: cite(delta, "chapter 4"),
				// Invented, as all fixture data: the dataset carries a QID only where a page gives it.
				Identifiers: []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q900000003", Sources: cite(delta, "appendix A")}}},
		},
		Positions: []*atlas.Position{
			{ID: "position/chief-of-harbor", Title: "Chief of the Harbor", Sources: cite(delta, "chapter 1")},
		},
		Relations: []*atlas.Relation{
			{Type: atlas.Supervises, From: "group/tibet-work", To: "group/tibetan-studies", Confidence: atlas.Reported,
				Note: "Oversight is mentioned in the appendix on frontier policy.", Sources: cite(delta, "appendix B")},
		},
	}
}

// withSearchFixture is Fixture with searchFixture's records added.
func withSearchFixture() *atlas.Dataset {
	ds, add := Fixture(), searchFixture()
	ds.Sources = append(ds.Sources, add.Sources...)
	ds.Groups = append(ds.Groups, add.Groups...)
	ds.Offices = append(ds.Offices, add.Offices...)
	ds.Institutions = append(ds.Institutions, add.Institutions...)
	ds.Positions = append(ds.Positions, add.Positions...)
	ds.People = append(ds.People, add.People...)
	ds.Relations = append(ds.Relations, add.Relations...)
	return ds
}

func testSearch(t *testing.T, open Open) {
	ctx := context.Background()
	// An import makes the store equal the dataset, so the search fixture goes in
	// together with the base one.
	s := open(t)
	if _, err := s.Import(ctx, withSearchFixture()); err != nil {
		t.Fatalf("import fixture with the search fixture: %v", err)
	}
	type first struct { // what the first hit says
		matched, field, snippet string
		score                   int
		relation                string // id of the relationship that matched, if any
	}
	persons := []atlas.NodeKind{atlas.PersonNode}
	for _, tc := range []struct {
		name  string
		q     atlas.SearchQuery
		want  []string // ids in order
		first first
	}{
		{"romanised name; a word of it in the pinyin of another name ranks below", atlas.SearchQuery{Text: "Xi Jinping"}, []string{"person/xi-jinping", "group/tibet-work"},
			first{"Xi Jinping", "name", "«Xi Jinping»", 4, ""}},
		{"lower case without space", atlas.SearchQuery{Text: "xijinping"}, []string{"person/xi-jinping"},
			first{"Xi Jinping", "name", "«Xi Jinping»", 4, ""}},
		{"Chinese", atlas.SearchQuery{Text: "习近平"}, []string{"person/xi-jinping"}, first{"习近平", "nameZh", "«习近平»", 4, ""}},
		{"tone marks", atlas.SearchQuery{Text: "Xí Jìnpíng"}, []string{"person/xi-jinping", "group/tibet-work"}, first{"Xi Jinping", "name", "«Xi Jinping»", 4, ""}},
		{"given name is a word of the name", atlas.SearchQuery{Text: "jinping"}, []string{"person/xi-jinping"},
			first{"Xi Jinping", "name", "Xi «Jinping»", 2, ""}},
		{"pinyin of a Chinese-only name", atlas.SearchQuery{Text: "zongshuji"}, []string{"position/general-secretary"},
			first{"总书记", "pinyin", "«zong shu ji»", 4, ""}},
		{"pinyin with tone marks, words inside the name", atlas.SearchQuery{Text: "Wàishì gōngzuò"},
			[]string{"group/foreign-affairs-commission", "group/foreign-affairs-lsg"},
			first{"中央外事工作委员会", "pinyin", "zhong yang «wai shi gong zuo» wei yuan hui", 2, ""}},
		{"abbreviation", atlas.SearchQuery{Text: "cfac"}, []string{"group/foreign-affairs-commission"}, first{"CFAC", "alias", "«CFAC»", 4, ""}},
		{"prefix beats word, then name order", atlas.SearchQuery{Text: "foreign affairs"},
			[]string{"group/foreign-affairs-commission", "group/foreign-affairs-lsg", "institution/ministry-of-foreign-affairs"},
			first{"Foreign Affairs Commission", "name", "«Foreign Affairs» Commission", 3, ""}},
		{"exact name, name prefix, name word, a typo away, other field", atlas.SearchQuery{Text: "harbor"},
			[]string{"institution/harbor", "institution/harbor-office", "position/chief-of-harbor", "institution/harbour-board", "source/delta"},
			first{"Harbor", "name", "«Harbor»", 4, ""}},
		{"kinds filter", atlas.SearchQuery{Text: "foreign affairs", Kinds: []atlas.NodeKind{atlas.InstitutionNode}},
			[]string{"institution/ministry-of-foreign-affairs"}, first{"Ministry of Foreign Affairs", "name", "Ministry of «Foreign Affairs»", 2, ""}},
		{"reported counts only when asked for, by scope", atlas.SearchQuery{Text: "central groups", Kinds: []atlas.NodeKind{atlas.ReportedCountNode}},
			[]string{"count/beta-1981", "count/alpha-2017-all", "count/alpha-2017-party"}, first{"central groups", "scope", "«central groups»", 4, ""}},
		{"kinds filter leaves out a match of another kind", atlas.SearchQuery{Text: "castellan", Kinds: persons}, nil, first{}},
		{"limit", atlas.SearchQuery{Text: "foreign affairs", Limit: 1}, []string{"group/foreign-affairs-commission"},
			first{"Foreign Affairs Commission", "name", "«Foreign Affairs» Commission", 3, ""}},
		{"source key", atlas.SearchQuery{Text: "beta"}, []string{"source/beta"}, first{"beta", "key", "«beta»", 4, ""}},
		{"author", atlas.SearchQuery{Text: "Castellan"}, []string{"source/delta"}, first{"Castellan", "author", "Mira «Castellan»", 1, ""}},
		{"publisher: both words in a text rank above one in a name", atlas.SearchQuery{Text: "harbor press"},
			[]string{"source/delta", "institution/harbor", "institution/harbor-office", "position/chief-of-harbor", "institution/harbour-board"}, first{"Harbor Press", "publisher", "«Harbor Press»", 1, ""}},
		{"phrase of a description; one of its words elsewhere ranks below", atlas.SearchQuery{Text: "trace back to the Yan'an period"},
			[]string{"group/tibet-work", "statement/small-groups-go-back-to-1941"},
			first{"trace back to the Yan'an period", "description", "Fixture group said to «trace back to the Yan'an period»; it coordinated 边疆治理 across ministries. Its remit grew over…", 1, ""}},
		{"apostrophe ignored", atlas.SearchQuery{Text: "Yanan"}, []string{"group/tibet-work"},
			first{"Yan'an", "description", "Fixture group said to trace back to the «Yan'an» period; it coordinated 边疆治理 across ministries. Its remit…", 1, ""}},
		{"words in any order", atlas.SearchQuery{Text: "period Yan'an"}, []string{"group/tibet-work"},
			first{"Yan'an period", "description", "Fixture group said to trace back to the «Yan'an period»; it coordinated 边疆治理 across ministries. Its remit grew over…", 1, ""}},
		{"snippet cut at both ends", atlas.SearchQuery{Text: "personnel"}, []string{"group/tibet-work"},
			first{"personnel", "description", "…the decades until it covered planning, «personnel» and the budget of every agency involved.", 1, ""}},
		{"Chinese word inside a description", atlas.SearchQuery{Text: "边疆"}, []string{"group/tibet-work"},
			first{"边疆", "description", "…to the Yan'an period; it coordinated «边疆»治理 across ministries. Its remit grew over the decades until…", 1, ""}},
		{"Chinese word inside a name", atlas.SearchQuery{Text: "协调"}, []string{"group/tibet-work"},
			first{"西藏工作协调小组", "nameZh", "西藏工作«协调»小组", 2, ""}},
		{"one Chinese character inside a word matches nothing", atlas.SearchQuery{Text: "藏"}, nil, first{}},
		{"word boundary: Tibet is not found in Tibetan", atlas.SearchQuery{Text: "Tibet"}, []string{"group/tibet-work"},
			first{"Tibet Work Coordination Group", "name", "«Tibet» Work Coordination Group", 3, ""}},
		{"locator of a node's source; every word optional", atlas.SearchQuery{Text: "chapter 3"},
			[]string{"group/tibetan-studies", "position/chief-of-harbor", "institution/harbor", "institution/harbor-office", "institution/harbour-board", "group/tibet-work"},
			first{"chapter 3", "locator", "«chapter 3»", 1, ""}},
		{"note of a relationship, found through its subject", atlas.SearchQuery{Text: "frontier policy"}, []string{"group/tibet-work"},
			first{"frontier policy", "relationship.note", "…is mentioned in the appendix on «frontier policy».", 1, "supervises/group/tibet-work/group/tibetan-studies"}},
		{"locator of a relationship", atlas.SearchQuery{Text: "appendix b"}, []string{"group/tibet-work"},
			first{"appendix B", "relationship.locator", "«appendix B»", 1, "supervises/group/tibet-work/group/tibetan-studies"}},
		{"note of a source", atlas.SearchQuery{Text: "later edition"}, []string{"source/delta"}, first{"later edition", "note", "Read in a «later edition».", 1, ""}},
		{"stop words match names only", atlas.SearchQuery{Text: "the"}, []string{"position/chief-of-harbor"},
			first{"Chief of the Harbor", "title", "Chief of «the» Harbor", 2, ""}},
		{"synonym: LSG is 小组, in any order, the rarer word first", atlas.SearchQuery{Text: "LSG tibet"},
			[]string{"group/tibet-work", "document/group-regulation", "topic/small-groups", "group/foreign-affairs-lsg"},
			first{"Tibet Work Coordination Group", "name", "«Tibet» Work Coordination Group", 2, ""}},
		{"synonym: leading small group is the whole name 领导小组", atlas.SearchQuery{Text: "Leading Small Group"},
			[]string{"topic/small-groups", "document/group-regulation", "group/foreign-affairs-lsg", "group/tibet-work"},
			first{"领导小组", "nameZh", "«领导小组»", 4, ""}},
		{"synonym: 委员会 is commission, traditional characters folded", atlas.SearchQuery{Text: "委員會"},
			[]string{"office/commission-general-office", "group/foreign-affairs-commission"},
			first{"Commission General Office", "name", "«Commission» General Office", 3, ""}},
		{"traditional characters", atlas.SearchQuery{Text: "西藏工作協調小組"},
			[]string{"group/tibet-work", "group/foreign-affairs-lsg", "document/group-regulation", "topic/small-groups", "group/foreign-affairs-commission"},
			first{"西藏工作协调小组", "nameZh", "«西藏工作协调小组»", 4, ""}},
		{"one typo in a long word", atlas.SearchQuery{Text: "Castelan"}, []string{"source/delta"},
			first{"Castellan", "author", "Mira «Castellan»", 1, ""}},
		{"a typo ranks below the word as typed", atlas.SearchQuery{Text: "harbour"},
			[]string{"institution/harbour-board", "institution/harbor", "institution/harbor-office", "position/chief-of-harbor", "source/delta"},
			first{"Harbour Board", "name", "«Harbour» Board", 3, ""}},
		{"statements by default", atlas.SearchQuery{Text: "1941"}, []string{"statement/small-groups-go-back-to-1941"},
			first{"1941", "text", "…small groups reportedly go back to «1941».", 1, ""}},
		{"an external identifier is a name; no typo is forgiven in it", atlas.SearchQuery{Text: "Q900000003"}, []string{"institution/harbour-board"},
			first{"Q900000003", "identifier", "«Q900000003»", 4, ""}},
		{"nothing", atlas.SearchQuery{Text: "zzzz"}, nil, first{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			hits := res.Hits
			var got []string
			for _, h := range hits {
				got = append(got, h.Node.NodeID())
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			if len(hits) == 0 {
				return
			}
			h := hits[0]
			g := first{h.Matched, h.MatchedField, h.Snippet, h.Score, ""}
			if h.Relationship != nil {
				g.relation = h.Relationship.ID
				if h.Relationship.Self != h.Node.NodeID() || h.Relationship.Direction != atlas.Outgoing {
					t.Errorf("relation seen from %s going %s, want from the hit's node going OUTGOING", h.Relationship.Self, h.Relationship.Direction)
				}
			}
			if g != tc.first {
				t.Errorf("first hit\n got %+v\nwant %+v", g, tc.first)
			}
		})
	}
}

// testSearchCounts: a search counts its hits by kind, all of them, not only those it
// returns.
func testSearchCounts(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.Import(ctx, withSearchFixture()); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, atlas.SearchQuery{Text: "small groups", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []atlas.KindCount{{Kind: atlas.GroupNode, Count: 4}, {Kind: atlas.StatementNode, Count: 1}, {Kind: atlas.TopicNode, Count: 1}, {Kind: atlas.DocumentNode, Count: 1}}
	if len(res.Hits) != 2 || res.Total != 7 || !reflect.DeepEqual(res.Counts, want) {
		t.Errorf("got %d hits, total %d, counts %+v; want 2, 7, %+v", len(res.Hits), res.Total, res.Counts, want)
	}
}

// testIdentifiers: a node's external identifiers, with their sources, come back as
// imported, and a source cited only for an identifier supports the node.
func testIdentifiers(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	ds := withSearchFixture()
	if _, err := s.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	nodes, err := s.Nodes(ctx, []string{"institution/harbour-board"})
	if err != nil {
		t.Fatal(err)
	}
	want := []atlas.Identifier{{Scheme: atlas.Wikidata, Value: "Q900000003", Sources: []atlas.Citation{{Source: "source/delta", Locator: "appendix A"}}}}
	if len(nodes) != 1 || nodes[0] == nil || !reflect.DeepEqual(atlas.IdentifiersOf(nodes[0]), want) {
		t.Fatalf("got %+v, want identifiers %+v", nodes, want)
	}
	if got := atlas.WikidataID(nodes[0]); got != "Q900000003" {
		t.Errorf("WikidataID = %q", got)
	}
}

func testSearchInvalid(t *testing.T, open Open) {
	ctx := context.Background()
	s := seeded(t, open)
	for _, q := range []atlas.SearchQuery{
		{Text: ""}, {Text: "  -- "}, {Text: strings.Repeat("x", atlas.MaxSearchText+1)}, {Text: "xi", Limit: -1}, {Text: "xi", Limit: 101}, {Text: "xi", Kinds: []atlas.NodeKind{"DRAGON"}},
	} {
		_, err := s.Search(ctx, q)
		if atlas.ErrorCode(err) != atlas.EINVALID {
			t.Errorf("Search(%+v): code %q, want EINVALID", q, atlas.ErrorCode(err))
		}
	}
}

// testSearchEmpty: a store that holds nothing yet (the service searches once at start-up,
// whatever it holds) answers a search with no hits and no counts, not an error; after an
// import it finds what was imported.
func testSearchEmpty(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	for _, text := range []string{"foreign affairs", "the", "xijinping"} {
		res, err := s.Search(ctx, atlas.SearchQuery{Text: text})
		if err != nil {
			t.Fatalf("%q over an empty store: %v", text, err)
		}
		if len(res.Hits) != 0 || len(res.Counts) != 0 || res.Total != 0 {
			t.Errorf("%q over an empty store: %+v, want no hit", text, res)
		}
	}
	if _, err := s.Import(ctx, Fixture()); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, atlas.SearchQuery{Text: "Xi Jinping"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Node.NodeID() != "person/xi-jinping" {
		t.Errorf("after an import: %+v, want Xi Jinping first", res.Hits)
	}
}
