package loader

import (
	"context"
	"strings"

	"lsgatlas/atlas"
)

// wikidataKey is a QID asked for as a node of one kind.
type wikidataKey struct {
	kind atlas.NodeKind
	qid  string
}

// ByWikidata returns the node of kind whose Wikidata QID is qid, nil if none, from the
// cache or by searching for it (search finds identifiers as names). PrefetchWikidata
// fills the cache for many QIDs with few searches.
func (l *Loaders) ByWikidata(ctx context.Context, kind atlas.NodeKind, qid string) (atlas.Node, error) {
	l.mu.RLock()
	n, ok := l.wikidata[wikidataKey{kind, qid}]
	l.mu.RUnlock()
	if ok {
		return n, nil
	}
	if err := l.fetchWikidata(ctx, kind, []string{qid}, true); err != nil {
		return nil, err
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.wikidata[wikidataKey{kind, qid}], nil
}

// PrefetchWikidata reads the nodes of kind with these QIDs into the cache: one search
// for as many QIDs as a search text holds (every word of a search is optional, so one
// search finds every node with any of them).
func (l *Loaders) PrefetchWikidata(ctx context.Context, kind atlas.NodeKind, qids []string) error {
	return l.fetchWikidata(ctx, kind, qids, false)
}

func (l *Loaders) fetchWikidata(ctx context.Context, kind atlas.NodeKind, qids []string, miss bool) error {
	for len(qids) > 0 {
		var batch []string
		size := 0
		for len(qids) > 0 && size+len(qids[0])+1 <= atlas.MaxSearchText {
			size += len(qids[0]) + 1
			batch, qids = append(batch, qids[0]), qids[1:]
		}
		if len(batch) == 0 { // a QID longer than a search text: it names nothing
			batch, qids = qids[:1], qids[1:]
			l.putWikidata(kind, batch, nil)
			continue
		}
		l.count(miss)
		res, err := l.store.Search(ctx, atlas.SearchQuery{Text: strings.Join(batch, " "), Kinds: []atlas.NodeKind{kind}, Limit: atlas.MaxPageSize})
		if err != nil {
			return err
		}
		var nodes []atlas.Node
		for _, h := range res.Hits {
			nodes = append(nodes, h.Node)
		}
		l.putWikidata(kind, batch, nodes)
	}
	return nil
}

func (l *Loaders) putWikidata(kind atlas.NodeKind, qids []string, nodes []atlas.Node) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, q := range qids {
		k := wikidataKey{kind, q}
		if _, ok := l.wikidata[k]; !ok {
			l.wikidata[k] = nil
		}
		for _, n := range nodes {
			if atlas.HasIdentifier(n, atlas.Wikidata, q) {
				l.wikidata[k] = n
				if _, ok := l.nodes[n.NodeID()]; !ok {
					l.nodes[n.NodeID()] = n
				}
			}
		}
	}
}
