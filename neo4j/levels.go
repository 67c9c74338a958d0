package neo4j

import (
	"fmt"
	"slices"

	"lsgatlas/atlas"
)

// twoLevels are relation asks read with the nodes they are asked of (the list statements
// list_by_*, nodes_with_relations), with their next level (atlas.NextAsks): level 2's asks follow
// level 1's in one $asks, each with its level, so one block of the statement reads the
// follow-ups of both, by their index in it.
type twoLevels struct {
	asks      atlas.RelationAsks    // as asked
	qs        []atlas.RelationQuery // normalised: level 1's, then level 2's
	params    []map[string]any      // $asks
	then      []*atlas.FollowUp     // normalised, as qs
	n1        int                   // how many of qs are level 1's
	nextKinds []string              // $nextKinds: empty for no level 2
}

// twoLevelParams checks asks (atlas.RelationAsks.CheckUnkeyed) and returns them as the
// statements take them.
func (s *Store) twoLevelParams(asks atlas.RelationAsks) (*twoLevels, error) {
	if err := asks.CheckUnkeyed(); err != nil {
		return nil, err
	}
	l := &twoLevels{asks: asks, n1: len(asks.Queries), nextKinds: []string{}}
	all := asks
	if next := asks.Next; next != nil {
		all.Queries = append(slices.Clone(asks.Queries), next.Queries...)
		if asks.Then != nil || next.Then != nil {
			all.Then = make([]*atlas.FollowUp, len(all.Queries))
			copy(all.Then, asks.Then)
			copy(all.Then[l.n1:], next.Then)
		}
		l.nextKinds = strs(next.Kinds)
	}
	var err error
	if l.qs, l.params, l.then, err = s.relationAsksParams(all); err != nil {
		return nil, err
	}
	for i, p := range l.params {
		delete(p, "keys") // asked of the nodes read, or of level 1's far ends
		p["level"] = int64(1)
		if i >= l.n1 {
			p["level"] = int64(2)
		}
	}
	return l, nil
}

// reader returns the reader of the statement's relations and follow-ups.
func (l *twoLevels) reader(s *Store) *relationReader {
	return s.newRelationReader(len(l.qs), l.asks.Ends, l.then)
}

// read gathers rec's relations (level 1's, each of the node keyOf names by its index),
// follow-ups and next level (nextIds, nextRelations), and returns the next level's ids.
func (l *twoLevels) read(s *Store, rr *relationReader, rec record, keyOf func(at int64) (string, error)) ([]string, error) {
	err := rr.entries(rec["relations"], rec["next"], func(ask int, at int64) (string, error) {
		if ask >= l.n1 {
			return "", fmt.Errorf("a relation entry is of ask %d, of level 2", ask)
		}
		return keyOf(at)
	})
	if err != nil {
		return nil, err
	}
	var nextIDs []string
	for _, v := range asList(rec["nextIds"]) {
		id, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("a next level's id is %T", v)
		}
		nextIDs = append(nextIDs, id)
	}
	err = rr.entries(rec["nextRelations"], nil, func(ask int, at int64) (string, error) {
		if ask < l.n1 || at < 0 || int(at) >= len(nextIDs) {
			return "", fmt.Errorf("a next level's relation entry is of ask %d, node %d of %d", ask, at, len(nextIDs))
		}
		return s.scopedID(nextIDs[at]), nil
	})
	return nextIDs, err
}

// answers are the answers to the asks, of ids at level 1 and nextIDs at level 2.
func (l *twoLevels) answers(rr *relationReader, ids, nextIDs []string) atlas.RelationAnswers {
	qs := slices.Clone(l.qs)
	for i := range qs {
		qs[i].IDs = ids
		if i >= l.n1 {
			qs[i].IDs = nextIDs
		}
	}
	got := rr.answers(qs)
	out := atlas.RelationAnswers{Relations: got.Relations[:l.n1], Ends: got.Ends}
	if l.asks.Then != nil {
		out.Then = got.Then[:l.n1]
	}
	if next := l.asks.Next; next != nil {
		out.Next = &atlas.NextAnswers{IDs: nextIDs, Relations: got.Relations[l.n1:]}
		if next.Then != nil {
			out.Next.Then = got.Then[l.n1:]
		}
	}
	return out
}
