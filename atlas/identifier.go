package atlas

import (
	"regexp"
	"slices"
)

// IdentifierScheme names a dataset that identifies nodes: Wikidata first.
type IdentifierScheme string

// Identifier schemes.
const (
	Wikidata IdentifierScheme = "WIKIDATA"
	// VIAF is the Virtual International Authority File (people and bodies).
	VIAF IdentifierScheme = "VIAF"
)

// IdentifierSchemes lists the schemes, in the order a node lists its identifiers.
var IdentifierSchemes = []IdentifierScheme{Wikidata, VIAF}

// identifierFormats are what each scheme's identifiers look like.
var identifierFormats = map[IdentifierScheme]*regexp.Regexp{
	Wikidata: regexp.MustCompile(`^Q[1-9][0-9]*$`),
	VIAF:     regexp.MustCompile(`^[1-9][0-9]*$`),
}

// identifierURLs are where each scheme's identifiers resolve.
var identifierURLs = map[IdentifierScheme]string{
	Wikidata: "https://www.wikidata.org/wiki/",
	VIAF:     "https://viaf.org/viaf/",
}

// Identifier is a node's identifier in another dataset, with the sources that give it
// (a reference page that prints it, never a guess).
type Identifier struct {
	Scheme  IdentifierScheme `json:"scheme"`
	Value   string           `json:"value"`
	Sources []Citation       `json:"sources"`
}

// URL is the identifier's page in its dataset.
func (id Identifier) URL() string { return identifierURLs[id.Scheme] + id.Value }

// IdentifiersOf returns the external identifiers of a node; nil for kinds that have none
// (only groups, institutions, positions and people carry them).
func IdentifiersOf(n Node) []Identifier { return n.NodeIdentifiers() }

// ValidIdentifier reports whether value is written as scheme writes its identifiers
// (a Wikidata QID is Q and digits, as Q123).
func ValidIdentifier(scheme IdentifierScheme, value string) bool {
	f, ok := identifierFormats[scheme]
	return ok && f.MatchString(value)
}

// WikidataID returns the node's Wikidata QID, "" when it has none.
func WikidataID(n Node) string {
	for _, id := range IdentifiersOf(n) {
		if id.Scheme == Wikidata {
			return id.Value
		}
	}
	return ""
}

// HasIdentifier reports whether n carries value in scheme.
func HasIdentifier(n Node, scheme IdentifierScheme, value string) bool {
	return slices.ContainsFunc(IdentifiersOf(n), func(id Identifier) bool { return id.Scheme == scheme && id.Value == value })
}

// checkIdentifiers: a known scheme, a well-formed value, one per scheme, and sources.
func (v *validator) checkIdentifiers(rec string, n Node) {
	seen := map[IdentifierScheme]bool{}
	for _, id := range IdentifiersOf(n) {
		f, ok := identifierFormats[id.Scheme]
		switch {
		case !ok:
			v.add(rec, "identifier scheme %q is not one of %v", id.Scheme, IdentifierSchemes)
		case !f.MatchString(id.Value):
			v.add(rec, "%s identifier %q is malformed", id.Scheme, id.Value)
		case seen[id.Scheme]:
			v.add(rec, "more than one %s identifier", id.Scheme)
		case len(id.Sources) == 0:
			v.add(rec, "%s identifier %q has no source", id.Scheme, id.Value)
		}
		seen[id.Scheme] = true
		v.citations(rec, id.Sources)
	}
}

func cloneIdentifiers(ids []Identifier) []Identifier {
	if ids == nil {
		return nil
	}
	out := make([]Identifier, len(ids))
	for i, id := range ids {
		out[i] = id
		out[i].Sources = slices.Clone(id.Sources)
	}
	return out
}

// Wikidata is the group's Wikidata QID, nil when it has none.
func (n *Group) Wikidata() *string { return optString(WikidataID(n)) }

// Wikidata is the institution's Wikidata QID, nil when it has none.
func (n *Institution) Wikidata() *string { return optString(WikidataID(n)) }

// Wikidata is the position's Wikidata QID, nil when it has none.
func (n *Position) Wikidata() *string { return optString(WikidataID(n)) }

// Wikidata is the person's Wikidata QID, nil when it has none.
func (n *Person) Wikidata() *string { return optString(WikidataID(n)) }

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
