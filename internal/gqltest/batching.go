package gqltest

import (
	"context"
	"slices"

	"lsgatlas/atlas"
)

// Batching returns store as a store that batches (atlas.RelationBatcher) and projects
// (atlas.NodeProjector), as Neo4j does: it answers each batched read with store's own
// reads (atlas.RelationsOf, ListWithRelations, NodesWithRelations), bringing the far
// ends' nodes with the properties asked (AddEnds). The planner and the loaders then take
// the paths they take on Neo4j, the memo of levels included, without a server. A store
// that keeps an audit log (atlas.CurationStore) still does.
func Batching(store atlas.Store) atlas.Store {
	if cs, ok := store.(atlas.CurationStore); ok {
		return curatedBatching{batching{store}, cs}
	}
	return batching{store}
}

type batching struct{ atlas.Store }

type curatedBatching struct {
	batching
	atlas.CurationStore
}

func (b batching) ProjectedNodes(ctx context.Context, ids []string, p *atlas.Projection) ([]atlas.Node, error) {
	return atlas.ProjectedNodes(ctx, b.Store, ids, p)
}

func (b batching) RelationsOf(ctx context.Context, asks atlas.RelationAsks) (atlas.RelationAnswers, error) {
	got, err := atlas.RelationsOf(ctx, b.Store, asks)
	if err != nil {
		return got, err
	}
	return got, AddEnds(ctx, b.Store, nil, asks, &got)
}

func (b batching) ListWithRelations(ctx context.Context, q atlas.ListQuery, asks atlas.RelationAsks) (atlas.Page, atlas.RelationAnswers, error) {
	page, got, err := atlas.ListWithRelations(ctx, b.Store, q, asks)
	if err != nil {
		return page, got, err
	}
	return page, got, AddEnds(ctx, b.Store, page.IDs(), asks, &got)
}

func (b batching) NodesWithRelations(ctx context.Context, ids []string, p *atlas.Projection, asks atlas.RelationAsks) ([]atlas.Node, atlas.RelationAnswers, error) {
	nodes, got, err := atlas.NodesWithRelations(ctx, b.Store, ids, p, asks)
	if err != nil {
		return nodes, got, err
	}
	return nodes, got, AddEnds(ctx, b.Store, ids, asks, &got)
}

// AddEnds sets got.Ends, when asks asks for them, to the nodes at the far ends of every
// relation got holds (the follow-ups' and the next level's included), read from store
// with asks.Ends' properties. ids are those every query was asked of, for a read of
// nodes with their relations; nil for RelationsOf, whose queries name their own.
func AddEnds(ctx context.Context, store atlas.Store, ids []string, asks atlas.RelationAsks, got *atlas.RelationAnswers) error {
	if asks.Ends == nil {
		return nil
	}
	var far []string
	add := func(from []string, rels [][]atlas.Relation) {
		for i, list := range rels {
			for _, r := range list {
				far = append(far, r.Other(from[i]))
			}
		}
	}
	addThen := func(then []map[string][]atlas.Relation) {
		for _, m := range then {
			for id, rels := range m {
				add([]string{id}, [][]atlas.Relation{rels})
			}
		}
	}
	for q, rels := range got.Relations {
		if ids != nil {
			add(ids, rels)
		} else {
			add(asks.Queries[q].IDs, rels)
		}
	}
	addThen(got.Then)
	if got.Next != nil {
		for _, rels := range got.Next.Relations {
			add(got.Next.IDs, rels)
		}
		addThen(got.Next.Then)
	}
	slices.Sort(far)
	far = slices.Compact(far)
	nodes, err := atlas.ProjectedNodes(ctx, store, far, asks.Ends)
	if err != nil {
		return err
	}
	got.Ends = make(map[string]atlas.Node, len(far))
	for i, id := range far {
		if nodes[i] != nil {
			got.Ends[id] = nodes[i]
		}
	}
	return nil
}
