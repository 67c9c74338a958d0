package neo4j

import (
	"strings"
	"sync"

	"lsgatlas/atlas"
)

// A relationship keeps its citations, date claims, holders' births and deaths and relays
// as JSON text, and decoding that text was about a tenth of the service's CPU per request
// on Neo4j, for the same relationships read again and again. relationJSONs remembers what
// each combination of texts decoded to, by the texts themselves, so the memo cannot go
// stale: other text is other data. What it hands out is always a copy
// (atlas.Relation.Clone), never shared with the memo or another caller.

// relationJSON is what a relationship's JSON properties decode to.
type relationJSON struct {
	sources        []atlas.Citation
	deaths, births []atlas.Death
	claims         []atlas.DateClaim
	relays         []atlas.Relay
}

// relationJSONKeys are the JSON-valued properties of a stored relationship, in the order
// they are joined into a memo key.
var relationJSONKeys = [...]string{"sources", "holderDeaths", "holderBirths", "dateClaims", "relays"}

type jsonMemo struct {
	limit  int // the bytes of text kept at most; past it, the memo starts again empty
	mu     sync.Mutex
	byText map[string]relationJSON
	bytes  int
}

// relationJSONs is the process's memo. The bundled dataset's relationships hold well under
// a megabyte of such text; 32 MiB holds the 100x dataset's.
var relationJSONs = newJSONMemo(32 << 20)

func newJSONMemo(limit int) *jsonMemo {
	return &jsonMemo{limit: limit, byText: map[string]relationJSON{}}
}

// decode returns the decoded JSON properties of p, from the memo when the same texts were
// decoded before. A text that does not decode fails p as before and is not remembered.
func (c *jsonMemo) decode(p *props) relationJSON {
	var texts [len(relationJSONKeys)]string
	for i, key := range relationJSONKeys {
		texts[i], _ = get[string](p, key, "STRING")
	}
	if p.err != nil {
		return relationJSON{}
	}
	// Valid JSON text never holds a raw NUL, so the joined key is unambiguous.
	key := strings.Join(texts[:], "\x00")
	c.mu.Lock()
	j, ok := c.byText[key]
	c.mu.Unlock()
	if !ok {
		j = relationJSON{sources: jsonOf[atlas.Citation](p, "sources"), deaths: jsonOf[atlas.Death](p, "holderDeaths"),
			births: jsonOf[atlas.Death](p, "holderBirths"), claims: jsonOf[atlas.DateClaim](p, "dateClaims"), relays: jsonOf[atlas.Relay](p, "relays")}
		if p.err != nil {
			return relationJSON{}
		}
		c.mu.Lock()
		if c.bytes+len(key) > c.limit {
			c.byText, c.bytes = map[string]relationJSON{}, 0
		}
		c.byText[key] = j
		c.bytes += len(key)
		c.mu.Unlock()
	}
	copied := atlas.Relation{Sources: j.sources, HolderDeaths: j.deaths, HolderBirths: j.births, DateClaims: j.claims, Relays: j.relays}.Clone()
	return relationJSON{sources: copied.Sources, deaths: copied.HolderDeaths, births: copied.HolderBirths, claims: copied.DateClaims, relays: copied.Relays}
}
