package loader

import (
	"fmt"

	"lsgatlas/atlas"
)

// The memo of levels also keeps what a store that batches answered to a level's
// relation queries asked of nodes already read (RelationsOf: the levels below the two a
// root field or a list reads with its nodes), node by node, per query: its relations,
// what its follow-up found of their far ends, and those far ends' nodes.

// relationShape identifies one relation query of a batched read, its ids aside: the key
// its answers are kept under besides each node's id.
func relationShape(key specKey, then *Then, ends *atlas.Projection) string {
	return fmt.Sprintf("relations|%#v|%#v|%s", key, then.key(), ends.String())
}

// oneQuery is asks' query i alone, with its follow-up and the far ends asks asks for.
func oneQuery(asks atlas.RelationAsks, i int) atlas.RelationAsks {
	one := atlas.RelationAsks{Queries: []atlas.RelationQuery{asks.Queries[i]}, Ends: asks.Ends}
	if i < len(asks.Then) && asks.Then[i] != nil {
		one.Then = []*atlas.FollowUp{asks.Then[i]}
	}
	return one
}

// takeRelations puts into the request's cache the answers to asks (keys and thens:
// each query's spec and follow-up) that the memo holds at the request's revision, and
// returns the asks left, with their keys and follow-ups.
func (l *Loaders) takeRelations(asks atlas.RelationAsks, keys []specKey, thens []*Then) (atlas.RelationAsks, []specKey, []*Then) {
	memo, rev := l.levelMemo()
	if memo == nil {
		return asks, keys, thens
	}
	rest := atlas.RelationAsks{Ends: asks.Ends}
	var restKeys []specKey
	var restThens []*Then
	for i, q := range asks.Queries {
		found, lacking := memo.get(rev, relationShape(keys[i], thens[i], asks.Ends), q.IDs)
		if len(found) > 0 {
			one := oneQuery(asks, i)
			ids := make([]string, 0, len(found))
			for _, id := range q.IDs {
				if _, ok := found[id]; ok {
					ids = append(ids, id)
				}
			}
			_, got := mergeLevels(ids, one, found)
			one.Queries[0].IDs = ids
			l.keepAnswers(one, keys[i:i+1], thens[i:i+1], got)
			l.mu.Lock()
			l.stats.MemoizedLevels += len(ids)
			l.mu.Unlock()
		}
		if len(lacking) > 0 {
			q.IDs = lacking
			rest.Queries = append(rest.Queries, q)
			restKeys, restThens = append(restKeys, keys[i]), append(restThens, thens[i])
		}
	}
	rest.Then = followUps(restThens)
	return rest, restKeys, restThens
}

// keepRelations keeps got, the store's answers to asks (each query's ids once), in the
// memo, node by node and query by query.
func (l *Loaders) keepRelations(asks atlas.RelationAsks, keys []specKey, thens []*Then, got atlas.RelationAnswers) {
	memo, rev := l.levelMemo()
	if memo == nil {
		return
	}
	for i, q := range asks.Queries {
		sub := atlas.RelationAnswers{Ends: got.Ends}
		if i < len(got.Relations) {
			sub.Relations = [][][]atlas.Relation{got.Relations[i]}
		}
		if i < len(got.Then) {
			sub.Then = []map[string][]atlas.Relation{got.Then[i]}
		}
		entries := splitLevels(q.IDs, make([]atlas.Node, len(q.IDs)), oneQuery(asks, i), sub)
		memo.put(rev, relationShape(keys[i], thens[i], asks.Ends), q.IDs, entries)
	}
}
