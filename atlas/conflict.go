package atlas

import (
	"cmp"
	"slices"
	"strings"
)

// Disagreements between sources, found in what the dataset records: two claims of one
// single-valued property whose values cannot both be true; two date claims of one
// relationship (one fact told by several sources) giving starts or ends that cannot both
// be true; or two relationships of the same type between the same nodes that may overlap
// in time (so they speak of the same tenure or seat) and give dates or seats that cannot
// both be true. Two dates disagree
// only when their intervals are disjoint: "2018" and "2018-03" are one date at two
// precisions. A source that gives both values disagrees with nobody: each side keeps
// only the sources that do not also give the other.

// ConflictAspect is what two sources disagree about.
type ConflictAspect string

const (
	AspectValue ConflictAspect = "VALUE" // a property's value
	AspectStart ConflictAspect = "START" // a relationship's start
	AspectEnd   ConflictAspect = "END"   // a relationship's end
	AspectRole  ConflictAspect = "ROLE"  // a seat's role
)

// ConflictAspects lists every aspect.
var ConflictAspects = []ConflictAspect{AspectValue, AspectStart, AspectEnd, AspectRole}

// Conflict is one disagreement: what it is about and the two sides.
type Conflict struct {
	// Node is the node whose property is disputed, or the from end of the relationships.
	Node string
	// Property is the disputed property (nil for a relationship).
	Property *PropertyName
	// Type and Other are the relationships' type and to end (nil and "" for a property).
	Type   *RelType
	Other  string
	Aspect ConflictAspect
	First  ConflictSide
	Second ConflictSide
}

// ConflictSide is one side of a disagreement: the value and the citations giving it (of
// the sources compared), and the relationship for a relationship conflict.
type ConflictSide struct {
	Value    string
	Sources  []Citation
	Relation *Relation
}

// dateProperties hold partial dates, compared as intervals.
var dateProperties = map[PropertyName]bool{PropEstablished: true, PropAbolished: true, PropIssued: true, PropBorn: true, PropDied: true}

// Conflicts returns the disagreements among nodes and rels between sources (any two
// distinct sources when empty): each side rests on at least one of them, a different one
// from the other side's. Ordered by node, then property or relationship, then aspect.
func Conflicts(nodes []Node, rels []*Relation, sources []string) []Conflict {
	var out []Conflict
	sides := func(a, b []Citation) ([]Citation, []Citation, bool) {
		x, y := only(a, b, sources), only(b, a, sources)
		return x, y, len(x) > 0 && len(y) > 0
	}
	for _, n := range nodes {
		claims := ClaimsOf(n)
		for i, a := range claims {
			if multiValued[a.Property] {
				continue
			}
			for _, b := range claims[i+1:] {
				if b.Property != a.Property || !valuesDisagree(a.Property, a.Value, b.Value) {
					continue
				}
				if x, y, ok := sides(a.Sources, b.Sources); ok {
					p := a.Property
					out = append(out, Conflict{Node: n.NodeID(), Property: &p, Aspect: AspectValue,
						First: ConflictSide{Value: a.Value, Sources: x}, Second: ConflictSide{Value: b.Value, Sources: y}})
				}
			}
		}
	}
	for _, r := range rels {
		// One fact, one relationship: sources that date it differently are its date claims.
		for i, a := range r.DateClaims {
			if a.Part == AttestedPart {
				continue // observations at several dates are no disagreement
			}
			for _, b := range r.DateClaims[i+1:] {
				if b.Part != a.Part || !datesDisagree(a.Value, b.Value) {
					continue
				}
				if x, y, ok := sides(a.Sources, b.Sources); ok {
					t, aspect := r.Type, AspectStart
					if a.Part == EndPart {
						aspect = AspectEnd
					}
					out = append(out, Conflict{Node: r.From, Type: &t, Other: r.To, Aspect: aspect,
						First: ConflictSide{Value: a.Value.String(), Sources: x, Relation: r}, Second: ConflictSide{Value: b.Value.String(), Sources: y, Relation: r}})
				}
			}
		}
	}
	byEnds := map[[3]string][]*Relation{}
	var keys [][3]string
	for _, r := range rels {
		k := [3]string{r.From, string(r.Type), r.To}
		if _, seen := byEnds[k]; !seen {
			keys = append(keys, k)
		}
		byEnds[k] = append(byEnds[k], r)
	}
	for _, k := range keys {
		rs := byEnds[k]
		for i, a := range rs {
			for _, b := range rs[i+1:] {
				if !a.Span().Overlaps(b.Span()) {
					continue // two tenures, one after the other
				}
				x, y, ok := sides(a.Sources, b.Sources)
				if !ok {
					continue
				}
				add := func(aspect ConflictAspect, va, vb string) {
					t := a.Type
					out = append(out, Conflict{Node: a.From, Type: &t, Other: a.To, Aspect: aspect,
						First: ConflictSide{Value: va, Sources: x, Relation: a}, Second: ConflictSide{Value: vb, Sources: y, Relation: b}})
				}
				if a.Start != nil && b.Start != nil && datesDisagree(*a.Start, *b.Start) {
					add(AspectStart, a.Start.String(), b.Start.String())
				}
				if a.End != nil && b.End != nil && datesDisagree(*a.End, *b.End) {
					add(AspectEnd, a.End.String(), b.End.String())
				}
				if a.Role != nil && b.Role != nil && *a.Role != *b.Role {
					add(AspectRole, string(*a.Role), string(*b.Role))
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Conflict) int {
		return cmp.Or(strings.Compare(a.Node, b.Node), strings.Compare(a.about(), b.about()), strings.Compare(string(a.Aspect), string(b.Aspect)))
	})
	return out
}

func (c Conflict) about() string {
	if c.Property != nil {
		return "0" + string(*c.Property)
	}
	return "1" + string(*c.Type) + c.Other
}

func valuesDisagree(p PropertyName, a, b string) bool {
	if dateProperties[p] {
		da, errA := ParseDate(a)
		db, errB := ParseDate(b)
		if errA == nil && errB == nil {
			return datesDisagree(da, db)
		}
	}
	return a != b
}

// datesDisagree reports whether two partial dates cannot name the same day.
func datesDisagree(a, b PartialDate) bool { return a.Before(b) || b.Before(a) }

// only returns the citations of cs whose source is in sources (all when empty) and is
// not cited by other.
func only(cs, other []Citation, sources []string) []Citation {
	var out []Citation
	for _, c := range cs {
		if (len(sources) == 0 || slices.Contains(sources, c.Source)) && !slices.ContainsFunc(other, func(o Citation) bool { return o.Source == c.Source }) {
			out = append(out, c)
		}
	}
	return out
}

// Fragility says what a fact rests on.
type Fragility string

const (
	// SingleSource: every citation of the fact is from one source.
	SingleSource Fragility = "SINGLE_SOURCE"
	// ReferenceOnly: every citation is from a reference page (no corpus source).
	ReferenceOnly Fragility = "REFERENCE_ONLY"
)

// Fragilities lists every value.
var Fragilities = []Fragility{SingleSource, ReferenceOnly}

// Rests reports whether cs, the citations of one fact, rest as f says; source looks up
// the tier of a cited source.
func Rests(cs []Citation, f Fragility, source func(id string) *Source) bool {
	if len(cs) == 0 {
		return false
	}
	switch f {
	case SingleSource:
		return !slices.ContainsFunc(cs, func(c Citation) bool { return c.Source != cs[0].Source })
	case ReferenceOnly:
		return TierOf(cs, source) == ReferenceTier
	}
	return false
}
