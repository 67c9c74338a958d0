package atlas

import (
	"fmt"
	"slices"
)

// assertedBy returns n, a node an ADD brings, citing c, the change's passage. That
// passage is all that is reviewed when the change is, so it is all a new node may cite:
// a record's sources, a claim's or an identifier's naming another passage would show a
// source giving the node, or a value, that no one cited. Such a record is refused, not
// stripped, as a CHANGE citing a passage it does not cite is (givenClaims): the record
// stays as the curator sent it or is not taken at all. Another passage is cited by a
// change of its own (a claim ADD, or a node CHANGE citing it).
func assertedBy(n Node, c Citation) (Node, error) {
	other := func(cs []Citation) int {
		return slices.IndexFunc(cs, func(s Citation) bool { return !s.SamePassage(c) })
	}
	refuse := func(what string, s Citation) error {
		return Errorf(EINVALID, "%s: %s cites %s (%s), which this change (%s, %s) does not cite; a new node cites only the passage its change cites, so cite another passage in a change of its own",
			n.NodeID(), what, s.Source, s.Locator, c.Source, c.Locator)
	}
	if i := other(n.Citations()); i >= 0 {
		return nil, refuse("the record", n.Citations()[i])
	}
	for _, x := range ClaimsOf(n) {
		if i := other(x.Sources); i >= 0 {
			return nil, refuse(fmt.Sprintf("the %s claim %q", x.Property, x.Value), x.Sources[i])
		}
	}
	for _, id := range IdentifiersOf(n) {
		if i := other(id.Sources); i >= 0 {
			return nil, refuse(fmt.Sprintf("the %s identifier %q", id.Scheme, id.Value), id.Sources[i])
		}
	}
	return withCitation(n, c)
}
