package export

import (
	"fmt"
	"strconv"
)

// NodeColours and RelationColours are the Explorer's colours by node and relationship
// type (explorer/src/explorer/graph.js; a test holds the two equal), so that a GEXF opens
// in Gephi coloured as the view was.
var (
	NodeColours = map[string]string{
		"GROUP": "#c0392b", "PERSON": "#2471a3", "POSITION": "#7d3c98", "INSTITUTION": "#1e8449", "OFFICE": "#b9770e",
		"STATEMENT": "#16a085", "TOPIC": "#d35400", "DOCUMENT": "#34495e",
	}
	RelationColours = map[string]string{
		"CHAIRS": "#c0392b", "MEMBER_OF": "#5d6d7e", "SUPERVISES": "#1e8449", "REPORTS_TO": "#117a65", "HAS_OFFICE": "#b9770e",
		"HOSTED_BY": "#af601a", "DIRECTS": "#a04000", "HOLDS": "#7d3c98", "POSITION_IN": "#6c3483", "SUCCEEDED_BY": "#212f3d",
		"PARTY_GROUP_OF": "#2e4053", "ABOUT": "#16a085", "ISSUED_BY": "#34495e", "CONCERNS": "#d35400", "BASED_ON": "#7f8c8d",
	}
)

// otherColour is for a type the palette does not name.
const otherColour = "#888888"

// rgb splits "#rrggbb" into its components.
func rgb(hex string) (r, g, b int) {
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if len(hex) != 7 || err != nil {
		panic(fmt.Sprintf("export: bad colour %q", hex)) // the palette is a constant
	}
	return int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff)
}

func colourOf(palette map[string]string, typ string) string {
	if c, ok := palette[typ]; ok {
		return c
	}
	return otherColour
}
