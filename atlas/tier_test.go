package atlas_test

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/seed"
)

func TestTierOf(t *testing.T) {
	sources := map[string]*atlas.Source{
		"source/corpus":    {ID: "source/corpus"},
		"source/reference": {ID: "source/reference", Tier: atlas.ReferenceTier},
	}
	lookup := func(id string) *atlas.Source { return sources[id] }
	for _, tc := range []struct {
		name  string
		cited []string
		want  atlas.SourceTier
	}{
		{"no tier given means corpus", []string{"source/corpus"}, atlas.CorpusTier},
		{"reference only", []string{"source/reference"}, atlas.ReferenceTier},
		{"any corpus source makes a corpus fact", []string{"source/reference", "source/corpus"}, atlas.CorpusTier},
		{"unknown sources say nothing", []string{"source/gone"}, ""},
		{"no citations", nil, ""},
	} {
		var cs []atlas.Citation
		for _, id := range tc.cited {
			cs = append(cs, atlas.Citation{Source: id, Locator: "p. 1"})
		}
		if got := atlas.TierOf(cs, lookup); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestUnknownTierIsInvalid(t *testing.T) {
	ds := &atlas.Dataset{Sources: []*atlas.Source{{ID: "source/a", Title: "A", Kind: "REPORT", Tier: "SECONDARY"}}}
	err := ds.Validate()
	if atlas.ErrorCode(err) != atlas.EINVALID || !strings.Contains(atlas.ErrorMessage(err), `tier "SECONDARY"`) {
		t.Errorf("Validate = %v, want EINVALID naming the tier", err)
	}
}

func TestEdgeInTiers(t *testing.T) {
	sources := map[string]*atlas.Source{
		"source/corpus": {ID: "source/corpus"},
		"source/ref":    {ID: "source/ref", Tier: atlas.ReferenceTier},
	}
	source := func(id string) *atlas.Source { return sources[id] }
	cite := func(ids ...string) []atlas.Citation {
		var cs []atlas.Citation
		for _, id := range ids {
			cs = append(cs, atlas.Citation{Source: id, Locator: "x"})
		}
		return cs
	}
	plain := func(cs []atlas.Citation) atlas.Edge { return atlas.Edge{Relation: atlas.Relation{Sources: cs}} }
	derived := func(holds, chairs []atlas.Citation) atlas.Edge {
		return atlas.Edge{Derivations: []atlas.Derivation{{Holds: atlas.Edge{Relation: atlas.Relation{Sources: holds}}, Chairs: atlas.Edge{Relation: atlas.Relation{Sources: chairs}}}}}
	}
	corpus, reference := []atlas.SourceTier{atlas.CorpusTier}, []atlas.SourceTier{atlas.ReferenceTier}
	tests := []struct {
		name  string
		edge  atlas.Edge
		tiers []atlas.SourceTier
		want  bool
	}{
		{"no tiers asked keeps everything", plain(cite("source/ref")), nil, true},
		{"both tiers keep everything", plain(cite("source/ref")), atlas.SourceTiers, true},
		{"a corpus fact is corpus", plain(cite("source/corpus")), corpus, true},
		{"a reference fact is left out of the corpus", plain(cite("source/ref")), corpus, false},
		{"a fact with any corpus source is corpus", plain(cite("source/ref", "source/corpus")), corpus, true},
		{"and so not reference only", plain(cite("source/ref", "source/corpus")), reference, false},
		{"a reference fact is reference", plain(cite("source/ref")), reference, true},
		{"a fact citing no known source belongs to no tier", plain(cite("source/unknown")), corpus, false},
		{"a chair derived through a reference tenure is not corpus", derived(cite("source/ref"), cite("source/corpus")), corpus, false},
		{"nor reference only, since the post's chair is corpus", derived(cite("source/ref"), cite("source/corpus")), reference, false},
		{"a chair derived from two corpus facts is corpus", derived(cite("source/corpus"), cite("source/corpus")), corpus, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := atlas.EdgeInTiers(tt.edge, tt.tiers, source); got != tt.want {
				t.Errorf("EdgeInTiers = %v, want %v", got, tt.want)
			}
			kept := atlas.KeepTiers([]atlas.Edge{tt.edge}, tt.tiers, source)
			if (len(kept) == 1) != tt.want {
				t.Errorf("KeepTiers kept %d edges, want %v", len(kept), tt.want)
			}
		})
	}
}

func TestNodeInTiers(t *testing.T) {
	sources := map[string]*atlas.Source{
		"source/corpus": {ID: "source/corpus"},
		"source/ref":    {ID: "source/ref", Tier: atlas.ReferenceTier},
	}
	source := func(id string) *atlas.Source { return sources[id] }
	cite := func(id string) []atlas.Citation { return []atlas.Citation{{Source: id, Locator: "x"}} }
	corpus, reference := []atlas.SourceTier{atlas.CorpusTier}, []atlas.SourceTier{atlas.ReferenceTier}
	referenceOnly := &atlas.Person{ID: "person/a", Sources: cite("source/ref")}
	corpusWithReferenceDate := &atlas.Person{ID: "person/b", Sources: cite("source/corpus"),
		Claims: []atlas.PropertyClaim{{Property: atlas.PropBorn, Sources: cite("source/ref")}}}
	aliasOnly := &atlas.Person{ID: "person/c", Aliases: []atlas.Alias{{Name: "C", Source: "source/corpus"}}}
	tests := []struct {
		name  string
		node  atlas.Node
		tiers []atlas.SourceTier
		want  bool
	}{
		{"no tiers asked keeps everything", referenceOnly, nil, true},
		{"a node known only from reference pages is not corpus", referenceOnly, corpus, false},
		{"but is reference", referenceOnly, reference, true},
		{"a corpus node with a reference date is corpus", corpusWithReferenceDate, corpus, true},
		{"and has a reference fact", corpusWithReferenceDate, reference, true},
		{"an alias is a fact", aliasOnly, corpus, true},
		{"a source is in its own tier", sources["source/ref"], reference, true},
		{"and in no other", sources["source/ref"], corpus, false},
		{"a source without a tier is corpus", sources["source/corpus"], corpus, true},
	}
	for _, tt := range tests {
		if got := atlas.NodeInTiers(tt.node, tt.tiers, source); got != tt.want {
			t.Errorf("%s: NodeInTiers = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestStoredTiersAnswerRelationInTiers: the tiers import stores on a relation
// (Relation.Tiers, filtered by BelongsToTiers and RelationQuery.Tiers) answer exactly as
// RelationInTiers looking the sources up, for every relation of the seed dataset and
// every set of tiers a query can ask for.
func TestStoredTiersAnswerRelationInTiers(t *testing.T) {
	prepared, source := preparedSeed(t)
	counts := map[string]int{}
	for _, r := range prepared.Relations {
		counts[fmt.Sprint(r.Tiers)]++
		for _, tiers := range [][]atlas.SourceTier{nil, {atlas.CorpusTier}, {atlas.ReferenceTier}, {atlas.ReferenceTier, atlas.CorpusTier}, {atlas.CorpusTier, atlas.CorpusTier}} {
			if got, want := r.BelongsToTiers(tiers), atlas.RelationInTiers(r, tiers, source); got != want {
				t.Errorf("%s (tiers %v) in %v: stored says %v, sources say %v", r.ID, r.Tiers, tiers, got, want)
			}
		}
	}
	// The seed has facts of each tier and of both.
	for _, k := range []string{"[CORPUS]", "[REFERENCE]", "[CORPUS REFERENCE]"} {
		if counts[k] == 0 {
			t.Errorf("no relation with tiers %s (counts %v)", k, counts)
		}
	}
}

// preparedSeed is the seed dataset as import prepares it, and its source lookup.
func preparedSeed(t *testing.T) (*atlas.Dataset, func(id string) *atlas.Source) {
	t.Helper()
	raw, err := os.ReadFile("../seed/atlas.json")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := seed.Decode(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	prepared := ds.Prepared()
	sources := map[string]*atlas.Source{}
	for _, s := range prepared.Sources {
		sources[s.ID] = s
	}
	return prepared, func(id string) *atlas.Source { return sources[id] }
}

// TestKeepStoredTiersAgreesWithKeepTiers: the graph layer's tier filter from the stored
// tiers keeps exactly what KeepTiers keeps looking the sources up, for every node's
// relationships and every group's and person's chairs (stored and derived) in the seed,
// at no date, at dates and knownBy dates; when it cannot decide it says so.
func TestKeepStoredTiersAgreesWithKeepTiers(t *testing.T) {
	prepared, source := preparedSeed(t)
	byNode := map[string][]atlas.Relation{}
	for _, r := range prepared.Relations {
		byNode[r.From] = append(byNode[r.From], *r)
		if r.To != r.From {
			byNode[r.To] = append(byNode[r.To], *r)
		}
	}
	of := func(id string, typ atlas.RelType, incoming bool) []atlas.Relation {
		var out []atlas.Relation
		for _, r := range byNode[id] {
			if r.Type == typ && (incoming && r.To == id || !incoming && r.From == id) {
				out = append(out, r)
			}
		}
		return out
	}
	chairsOf := func(self string, w atlas.When, tiers []atlas.SourceTier) []atlas.Edge {
		var direct []atlas.Relation
		var candidates []atlas.HoldsChairs
		if strings.HasPrefix(self, "group/") {
			direct = of(self, atlas.Chairs, true)
			for _, c := range direct {
				for _, h := range of(c.From, atlas.Holds, true) {
					candidates = append(candidates, atlas.HoldsChairs{Holds: &h, Chairs: &c})
				}
			}
		} else {
			direct = of(self, atlas.Chairs, false)
			for _, h := range of(self, atlas.Holds, false) {
				for _, c := range of(h.To, atlas.Chairs, false) {
					candidates = append(candidates, atlas.HoldsChairs{Holds: &h, Chairs: &c})
				}
			}
		}
		return atlas.ChairListWhen(self, direct, candidates, w, atlas.IncludeDerived, tiers...)
	}
	var whens []atlas.When
	for _, d := range []string{"", "1990", "2015", "2023-06"} {
		for _, known := range []string{"", "2012", "2020"} {
			var w atlas.When
			if d != "" {
				w.AsOf = atlas.DatePtr(d)
			}
			if known != "" {
				w.Known = &atlas.KnownBy{Date: atlas.MustDate(known), Source: source}
			}
			whens = append(whens, w)
		}
	}
	decided, undecided := 0, 0
	for _, n := range prepared.Nodes() {
		id := n.NodeID()
		for _, w := range whens {
			for _, tiers := range [][]atlas.SourceTier{{atlas.CorpusTier}, {atlas.ReferenceTier}} {
				// Edges read as the facts of the tiers give them, as the graph reads them.
				lists := [][]atlas.Edge{atlas.EdgesWhen(id, byNode[id], w, tiers...)}
				if strings.HasPrefix(id, "group/") || strings.HasPrefix(id, "person/") {
					lists = append(lists, chairsOf(id, w, tiers))
				}
				for _, es := range lists {
					got, ok := atlas.KeepStoredTiers(es, tiers)
					if !ok {
						undecided++
						continue
					}
					decided++
					if want := atlas.KeepTiers(es, tiers, source); !reflect.DeepEqual(got, want) {
						t.Errorf("%s %+v in %v: stored tiers keep %d edges, sources %d", id, w, tiers, len(got), len(want))
					}
				}
			}
		}
	}
	if decided == 0 || undecided == 0 {
		t.Errorf("decided %d lists, left %d to the sources; want both kinds exercised", decided, undecided)
	}
}

// TestRelationStoredWithoutTiers: a relation stored by a release that did not derive its
// tiers passes the store's tier filter, and the graph's filter from stored tiers leaves it
// to the sources, so an old store answers rightly until it is imported again.
func TestRelationStoredWithoutTiers(t *testing.T) {
	old := atlas.Relation{ID: "holds/a", Type: atlas.Holds, From: "person/a", To: "position/b", Sources: []atlas.Citation{{Source: "source/ref", Locator: "x"}}}
	q := atlas.RelationQuery{IDs: []string{"person/a"}, Tiers: []atlas.SourceTier{atlas.CorpusTier}}
	if !q.MatchesRelation("person/a", &old) {
		t.Error("the store filter drops a relation whose tiers it does not know")
	}
	if _, ok := atlas.KeepStoredTiers([]atlas.Edge{{Relation: old, Stored: true}}, q.Tiers); ok {
		t.Error("KeepStoredTiers decided a relation without stored tiers")
	}
	derived := old
	derived.Tiers = []atlas.SourceTier{atlas.ReferenceTier}
	if q.MatchesRelation("person/a", &derived) {
		t.Error("the store filter keeps a reference fact for CORPUS")
	}
}

// TestSourceTierChangeIsNoRelationshipChange: the tiers import stores on relations are
// derived, so an import that moves a source to the reference tier changes that source,
// not the relationships citing it (ImportChanges, the change feed's import records).
func TestSourceTierChangeIsNoRelationshipChange(t *testing.T) {
	before := conformance.Fixture()
	after := conformance.Fixture()
	for _, s := range after.Sources {
		if s.ID == "source/gamma" {
			s.Tier = atlas.ReferenceTier
		}
	}
	var got []string
	for _, r := range atlas.ImportChanges(before.Prepared(), after.Prepared()) {
		got = append(got, string(r.Type)+" "+r.ID)
	}
	if want := []string{"NODE_CHANGED source/gamma"}; !reflect.DeepEqual(got, want) {
		t.Errorf("changes = %v, want %v", got, want)
	}
}

// TestStoredNodeTiersAreTheListRule: on the seed, the tiers import stores on each node
// keep exactly the nodes a list filter by those tiers keeps through the sources
// (NodeFilter.Resolved), for every tier set, so the stores may filter by them.
func TestStoredNodeTiersAreTheListRule(t *testing.T) {
	prepared, _ := preparedSeed(t)
	counts := map[string]int{}
	for _, n := range prepared.Nodes() {
		counts[fmt.Sprint(n.NodeTiers())]++
		for _, tiers := range [][]atlas.SourceTier{{atlas.CorpusTier}, {atlas.ReferenceTier}, {atlas.ReferenceTier, atlas.CorpusTier}} {
			f := atlas.NodeFilter{Tiers: tiers}
			if !f.StoredTiersDecide() {
				t.Fatalf("%v alone is not decided by the stored tiers", tiers)
			}
			if got, want := atlas.StoredTiersMatch(n, tiers), atlas.MatchesFilter(n, f.Resolved(prepared.Sources)); got != want {
				t.Errorf("%s (tiers %v) in %v: stored tiers say %v, the sources %v", n.NodeID(), n.NodeTiers(), tiers, got, want)
			}
		}
	}
	for _, k := range []string{"[CORPUS]", "[REFERENCE]", "[CORPUS REFERENCE]", "[]"} {
		if counts[k] == 0 {
			t.Errorf("no node with tiers %s (counts %v)", k, counts)
		}
	}
	for _, f := range []atlas.NodeFilter{
		{Tiers: []atlas.SourceTier{atlas.CorpusTier}, CitedBy: []string{"source/x"}},
		{Tiers: []atlas.SourceTier{atlas.CorpusTier}, IncludeRelayed: true},
		{},
	} {
		if f.StoredTiersDecide() {
			t.Errorf("%+v is decided by the stored tiers, want through the sources", f)
		}
	}
}
