package atlas

import "strings"

// PremiseStep is one read ChairPremises makes: the relations of Type that touch a node
// from Direction (Outgoing: the node is their From; Incoming: their To).
type PremiseStep struct {
	Type      RelType
	Direction Direction
}

// PremiseReader reads the stored relations step asks of node id, in the store's order
// (CompareRelations): the order decides which derivation of a chair gives its dates.
// next, when not nil, is what ChairPremises reads next of the positions at the far ends
// of what it returns, for a reader that can read both in one round trip. A reader that
// lacks some relations may return none and say so itself (the loaders gather every
// missing read of a list in one pass before they join).
type PremiseReader func(id string, step PremiseStep, next *PremiseStep) ([]Relation, error)

// The steps of the join, shared: they are only read.
var (
	chairsOfGroup    = PremiseStep{Chairs, Incoming}
	chairsByNode     = PremiseStep{Chairs, Outgoing}
	holdersOfPost    = PremiseStep{Holds, Incoming}
	postsHeldByNode  = PremiseStep{Holds, Outgoing}
	positionIDPrefix = PositionNode.IDPrefix()
)

// ChairPremises gathers what the chairs list of self joins (ChairListWhen), the one
// statement of which relations are its premises, read through read:
//   - a group: the CHAIRS relations into it (direct) and, unless mode excludes derived
//     chairs, for each held by a position, every HOLDS of that position, paired with it;
//   - a person: the CHAIRS relations from them and, unless excluded, each HOLDS of a
//     position by them paired with every CHAIRS of that position;
//   - a position: the CHAIRS relations from it; nothing is derived for a position.
//
// Any other kind chairs through nothing: EINVALID. The candidates point into the
// relations read, which the join only reads.
func ChairPremises(self string, mode DerivedChairs, read PremiseReader) (direct []Relation, candidates []HoldsChairs, err error) {
	kind, err := KindOfID(self)
	if err != nil {
		return nil, nil, err
	}
	derive := mode != ExcludeDerived
	switch kind {
	case GroupNode:
		var next *PremiseStep
		if derive {
			next = &holdersOfPost
		}
		if direct, err = read(self, chairsOfGroup, next); err != nil || !derive {
			return direct, nil, err
		}
		for i := range direct {
			c := &direct[i]
			if !strings.HasPrefix(c.From, positionIDPrefix) {
				continue
			}
			holders, err := read(c.From, holdersOfPost, nil)
			if err != nil {
				return nil, nil, err
			}
			for j := range holders {
				candidates = append(candidates, HoldsChairs{Holds: &holders[j], Chairs: c})
			}
		}
	case PersonNode:
		if direct, err = read(self, chairsByNode, nil); err != nil || !derive {
			return direct, nil, err
		}
		held, err := read(self, postsHeldByNode, &chairsByNode)
		if err != nil {
			return nil, nil, err
		}
		for i := range held {
			h := &held[i]
			if !strings.HasPrefix(h.To, positionIDPrefix) {
				continue
			}
			chaired, err := read(h.To, chairsByNode, nil)
			if err != nil {
				return nil, nil, err
			}
			for j := range chaired {
				candidates = append(candidates, HoldsChairs{Holds: h, Chairs: &chaired[j]})
			}
		}
	case PositionNode:
		direct, err = read(self, chairsByNode, nil)
		return direct, nil, err
	default:
		return nil, nil, Errorf(EINVALID, "%s cannot chair or be chaired", self)
	}
	return direct, candidates, nil
}

// JoinChairs is the chairs list of self at w from its premises (ChairPremises): narrowed
// to the lines of evidence citing sources (ChairInputsCiting), then joined
// (ChairListWhen). A position's list is its stored chairs whatever mode asks.
func JoinChairs(self string, direct []Relation, candidates []HoldsChairs, w When, mode DerivedChairs, sources []string, relayed bool, tiers ...SourceTier) []Edge {
	if strings.HasPrefix(self, positionIDPrefix) {
		mode = ExcludeDerived
	}
	direct, candidates = ChairInputsCiting(direct, candidates, sources, relayed)
	return ChairListWhen(self, direct, candidates, w, mode, tiers...)
}

// ChairsOf is the chairs list of self at w, its premises read through read: ChairPremises,
// then JoinChairs.
func ChairsOf(self string, w When, mode DerivedChairs, sources []string, relayed bool, read PremiseReader, tiers ...SourceTier) ([]Edge, error) {
	direct, candidates, err := ChairPremises(self, mode, read)
	if err != nil {
		return nil, err
	}
	return JoinChairs(self, direct, candidates, w, mode, sources, relayed, tiers...), nil
}
