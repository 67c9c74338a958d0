package loader

import (
	"context"

	"lsgatlas/atlas"
)

// SupportArgs are the arguments of one Source.supports field; sources asked with the
// same arguments share a store call.
type SupportArgs struct {
	Kinds []atlas.SupportKind
	First int
	After string
}

func (a SupportArgs) key(source string) supportKey {
	return supportKey{source: source, kinds: join(a.Kinds), first: a.First, after: a.After}
}

// supportKey is one source's ask for what it supports.
type supportKey struct {
	source string
	kinds  string // comma-joined SupportKinds
	first  int
	after  string
}

// PrefetchSupports reads into the cache, with one store call, what each of sources
// supports under args, for those the cache lacks, and returns the pages in the order of
// sources, so that the plan can look below them.
func (l *Loaders) PrefetchSupports(ctx context.Context, args SupportArgs, sources []string) ([]atlas.SupportPage, error) {
	return l.supportsOf(ctx, args, sources, false)
}

// Supports returns one page of what source supports: from the cache the plan filled,
// or with one store call (a miss).
func (l *Loaders) Supports(ctx context.Context, source string, args SupportArgs) (atlas.SupportPage, error) {
	pages, err := l.supportsOf(ctx, args, []string{source}, true)
	if err != nil {
		return atlas.SupportPage{}, err
	}
	return pages[0], nil
}

// The store's cursors go out sealed (atlas.SealCursor) to the list of supports of these
// kinds, and come back opened: a cursor of another list or kinds, or a forged one, is
// INVALID. The same cursor pages every source alike, as the store's does.
func (l *Loaders) supportsOf(ctx context.Context, args SupportArgs, sources []string, miss bool) ([]atlas.SupportPage, error) {
	list, key := "Source.supports|"+join(args.Kinds), l.CursorKey()
	return readThrough(l, l.supports, args.key, sources, miss, func(lacking []string) ([]atlas.SupportPage, error) {
		after := args.After
		if after != "" {
			var err error
			if after, err = atlas.OpenCursor(key, list, after); err != nil {
				return nil, err
			}
		}
		pages, err := l.store.Supports(ctx, atlas.SupportQuery{Sources: lacking, Kinds: args.Kinds, First: args.First, After: after})
		sealer := atlas.NewCursorSealer(key, list)
		for _, p := range pages {
			for i, c := range p.Cursors {
				p.Cursors[i] = sealer.Seal(c)
			}
		}
		return pages, err
	})
}
