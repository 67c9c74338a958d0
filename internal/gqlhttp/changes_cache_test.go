package gqlhttp

import (
	"context"
	"testing"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/inprocess"
	"lsgatlas/internal/changefeed"
)

// TestFeedPurgesResponseCache: the answer cache is emptied by the change feed's event
// of an accepted change, off the request path.
func TestFeedPurgesResponseCache(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	store := inprocess.New()
	if _, err := store.Import(ctx, conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	feed := changefeed.New(store, store.Revision, changefeed.Options{})
	cache := newResponseCache(1<<20, store.Revision)
	purged := make(chan int64, 1)
	feed.Watch(cache.purge)
	feed.Watch(func(rev int64) { purged <- rev })
	if err := feed.Start(ctx); err != nil {
		t.Fatal(err)
	}
	go feed.Run(ctx)
	cache.lru.Add(ctx, "answer", []byte(`{"data":{}}`))
	cur := atlas.NewCurator(store, store, conformance.Clock)
	if _, err := cur.Edit(conformance.As("carol", atlas.RoleCurator), atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordRelationship,
		Target: "supervises/group/deepening-reform/group/guangdong-group", Citation: &atlas.Citation{Source: "source/gamma", Locator: "x"}}, 1, "test"); err != nil {
		t.Fatal(err)
	}
	select {
	case rev := <-purged:
		if rev != 2 || cache.lru.Len() != 0 {
			t.Fatalf("after revision %d the cache holds %d answers", rev, cache.lru.Len())
		}
	case <-time.After(30 * time.Second): // a failure bound only
		t.Fatal("the feed never reported the change")
	}
}
