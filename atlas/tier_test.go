package atlas_test

import (
	"strings"
	"testing"

	"lsgatlas/atlas"
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
