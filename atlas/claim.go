package atlas

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// PropertyName names a property a source can assert about a node.
type PropertyName string

const (
	PropName         PropertyName = "NAME"
	PropNameZh       PropertyName = "NAME_ZH"
	PropTitle        PropertyName = "TITLE"
	PropTitleZh      PropertyName = "TITLE_ZH"
	PropAlias        PropertyName = "ALIAS"
	PropKind         PropertyName = "KIND"
	PropSystem       PropertyName = "SYSTEM"
	PropLevel        PropertyName = "LEVEL"
	PropJurisdiction PropertyName = "JURISDICTION"
	PropHorizon      PropertyName = "HORIZON"
	PropCategory     PropertyName = "CATEGORY"
	PropCrossSystem  PropertyName = "CROSS_SYSTEM"
	PropEstablished  PropertyName = "ESTABLISHED"
	PropAbolished    PropertyName = "ABOLISHED"
	PropStaffing     PropertyName = "STAFFING"
	PropPlacement    PropertyName = "PLACEMENT"
	PropDescription  PropertyName = "DESCRIPTION"
	PropIssued       PropertyName = "ISSUED"
	PropBorn         PropertyName = "BORN"
	PropDied         PropertyName = "DIED"
	// Unknown is not none: flags of a group, each "true" with the sources behind it.
	PropChairNotKnown     PropertyName = "CHAIR_NOT_KNOWN"
	PropMembersIncomplete PropertyName = "MEMBERS_INCOMPLETE"
	PropEndedDateUnknown  PropertyName = "ENDED_DATE_UNKNOWN"
)

// PropertyNames lists every property, in the order claims are listed.
var PropertyNames = []PropertyName{PropName, PropNameZh, PropTitle, PropTitleZh, PropAlias, PropKind, PropSystem,
	PropLevel, PropJurisdiction, PropHorizon, PropCategory, PropCrossSystem, PropEstablished, PropAbolished,
	PropStaffing, PropPlacement, PropIssued, PropBorn, PropDied, PropChairNotKnown, PropMembersIncomplete, PropEndedDateUnknown, PropDescription}

// multiValued properties hold a list (every alias, every category is its own claim);
// the others hold one value, which the PREFERRED claim gives.
var multiValued = map[PropertyName]bool{PropAlias: true, PropCategory: true}

// PropertiesOf returns the properties a node of kind k can have claims for; nil for
// sources, reported counts and statements, which are claims themselves.
func PropertiesOf(k NodeKind) []PropertyName {
	n, ok := NewNode(k)
	if !ok {
		return nil
	}
	return n.claimProperties()
}

// Rank says which of several claims of one property the plain field shows, as
// Wikidata ranks statements.
type Rank string

const (
	Preferred  Rank = "PREFERRED"  // the value the plain field shows
	Normal     Rank = "NORMAL"     // another value a source gives, kept beside the preferred one
	Deprecated Rank = "DEPRECATED" // a value a source gives that the curators judge wrong
)

// Ranks lists every rank, best first.
var Ranks = []Rank{Preferred, Normal, Deprecated}

// PropertyClaim is one value of one property of a node, as its sources assert it.
// Values are strings: enums as their names, dates in partial-date form, booleans
// "true" or "false".
type PropertyClaim struct {
	Property   PropertyName `json:"property"`
	Value      string       `json:"value"`
	Sources    []Citation   `json:"sources"`
	Confidence Confidence   `json:"confidence"`
	Rank       Rank         `json:"rank"`
	Note       string       `json:"note,omitempty"`
	// ID is the claim's permalink (ClaimID), filled in by SelectClaims for readers; it is
	// derived, never stored.
	ID string `json:"-"`
}

// Clone returns a deep copy of c.
func (c PropertyClaim) Clone() PropertyClaim {
	c.Sources = slices.Clone(c.Sources)
	return c
}

// ClaimsOf returns the property claims of a node (nil for kinds without them).
func ClaimsOf(n Node) []PropertyClaim { return n.NodeClaims() }

// SelectClaims returns the claims of n about the given properties (all when props is
// empty), in CompareClaims order.
func SelectClaims(n Node, props []PropertyName) []PropertyClaim {
	var out []PropertyClaim
	for _, c := range ClaimsOf(n) {
		if len(props) == 0 || slices.Contains(props, c.Property) {
			c := c.Clone()
			c.ID = ClaimID(n.NodeID(), c.Property, c.Value)
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, CompareClaims)
	return out
}

// PreferredClaim returns the PREFERRED claim of a single-valued property of n.
func PreferredClaim(n Node, p PropertyName) (PropertyClaim, bool) {
	for _, c := range ClaimsOf(n) {
		if c.Property == p && c.Rank == Preferred {
			return c.Clone(), true
		}
	}
	return PropertyClaim{}, false
}

// CompareClaims orders claims by property (PropertyNames order), then rank (best
// first), then value.
func CompareClaims(a, b PropertyClaim) int {
	if c := cmp.Compare(slices.Index(PropertyNames, a.Property), slices.Index(PropertyNames, b.Property)); c != 0 {
		return c
	}
	if c := cmp.Compare(slices.Index(Ranks, a.Rank), slices.Index(Ranks, b.Rank)); c != 0 {
		return c
	}
	return cmp.Compare(a.Value, b.Value)
}

// PlainValues returns what the plain fields of n show for property p: no value when
// unset, one for a single-valued property, every alias a source uses (editorial ones
// have no source, so no claim) or every category. Boolean properties show "true" only:
// false is also what an unknown value looks like.
func PlainValues(n Node, p PropertyName) []string {
	if p == PropAlias {
		var out []string
		for _, a := range n.NodeAliases() {
			if !a.Editorial {
				out = append(out, a.Name)
			}
		}
		return out
	}
	return n.plainValues(p)
}

// flag is the plain value of a boolean property: "true", or none, since false is also
// what an unknown value looks like.
func flag(b bool) []string {
	if b {
		return []string{strconv.FormatBool(true)}
	}
	return nil
}

// validValue reports whether v is a well-formed value of property p of a node of kind k.
func validValue(k NodeKind, p PropertyName, v string) bool {
	switch p {
	case PropKind:
		switch k {
		case GroupNode:
			return Valid(GroupKind(v), GroupKinds)
		case OfficeNode:
			return Valid(OfficeKind(v), OfficeKinds)
		case InstitutionNode:
			return Valid(InstitutionKind(v), InstitutionKinds)
		case DocumentNode:
			return Valid(DocumentKind(v), DocumentKinds)
		}
		return false
	case PropSystem:
		return Valid(System(v), Systems)
	case PropLevel:
		return Valid(Level(v), Levels)
	case PropHorizon:
		return Valid(Horizon(v), Horizons)
	case PropCategory:
		return Valid(Category(v), Categories)
	case PropStaffing:
		return Valid(Staffing(v), Staffings)
	case PropPlacement:
		return Valid(Placement(v), Placements)
	case PropCrossSystem, PropChairNotKnown, PropMembersIncomplete, PropEndedDateUnknown:
		return v == "true" || v == "false"
	case PropEstablished, PropAbolished, PropIssued, PropBorn, PropDied:
		_, err := ParseDate(v)
		return err == nil
	}
	// A name or description of blanks names and describes nothing.
	return strings.TrimSpace(v) != ""
}
