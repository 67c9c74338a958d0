package export

import (
	"os"
	"regexp"
	"testing"
)

// The exports' colours are the Explorer's: the palette in explorer/src/explorer/graph.js.
func TestPaletteIsTheExplorers(t *testing.T) {
	js, err := os.ReadFile("../explorer/src/explorer/graph.js")
	if err != nil {
		t.Fatal(err)
	}
	for name, palette := range map[string]map[string]string{"TYPE_COLOURS": NodeColours, "REL_COLOURS": RelationColours} {
		block := regexp.MustCompile(`(?s)export const ` + name + ` = \{(.*?)\};`).FindSubmatch(js)
		if block == nil {
			t.Fatalf("graph.js has no %s", name)
		}
		got := map[string]string{}
		for _, m := range regexp.MustCompile(`([A-Z_]+): '(#[0-9a-f]{6})'`).FindAllSubmatch(block[1], -1) {
			got[string(m[1])] = string(m[2])
		}
		if len(got) != len(palette) {
			t.Errorf("%s: the Explorer has %d colours, the exports %d", name, len(got), len(palette))
		}
		for k, v := range palette {
			if got[k] != v {
				t.Errorf("%s[%s]: Explorer %q, exports %q", name, k, got[k], v)
			}
		}
	}
}
