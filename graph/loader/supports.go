package loader

import (
	"context"

	"lsgatlas/atlas"
)

// supportKey is one source's ask for what it supports; keys that differ only in source
// share a store call.
type supportKey struct {
	source string
	kinds  string // comma-joined SupportKinds
	first  int
	after  string
}

// Supports returns one page of what source supports, batched with the other sources
// asked for at the same level and with the same arguments.
func (l *Loaders) Supports(ctx context.Context, source string, kinds []atlas.SupportKind, first int, after string) (atlas.SupportPage, error) {
	return l.supports.Load(ctx, supportKey{source: source, kinds: join(kinds), first: first, after: after})
}

func (l *Loaders) fetchSupports(ctx context.Context, keys []supportKey) ([]atlas.SupportPage, []error) {
	type batch struct {
		q       atlas.SupportQuery
		indexes []int
	}
	var batches []*batch
	byArgs := map[supportKey]*batch{}
	for i, k := range keys {
		args := k
		args.source = ""
		b := byArgs[args]
		if b == nil {
			b = &batch{q: atlas.SupportQuery{First: k.first, After: k.after}}
			for _, kind := range splitNonEmpty(k.kinds) {
				b.q.Kinds = append(b.q.Kinds, atlas.SupportKind(kind))
			}
			byArgs[args] = b
			batches = append(batches, b)
		}
		b.q.Sources = append(b.q.Sources, k.source)
		b.indexes = append(b.indexes, i)
	}
	out := make([]atlas.SupportPage, len(keys))
	errs := make([]error, len(keys))
	for _, b := range batches {
		res, err := l.store.Supports(ctx, b.q)
		for j, i := range b.indexes {
			if err != nil {
				errs[i] = err
				continue
			}
			out[i] = res[j]
		}
	}
	return out, errs
}
