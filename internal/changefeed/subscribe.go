package changefeed

import (
	"context"
	"sync"

	"lsgatlas/atlas"
)

// Subscription is one live subscriber. Its events arrive on the channel Subscribe
// returns; when that channel closes, Err says why (nil when the subscriber left).
type Subscription struct {
	mu  sync.Mutex
	err error
}

// Err is why the subscription ended: ESLOW (it fell too far behind), EUNAVAILABLE (the
// server is shutting down, or the log could not be read), or nil.
func (s *Subscription) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

func (s *Subscription) end(err error) {
	s.mu.Lock()
	s.err = err
	s.mu.Unlock()
}

// ESLOW is the code of a subscriber dropped for falling behind.
const ESLOW = "SLOW_SUBSCRIBER"

// Subscribe starts a live subscription for client (a token's subject or an address)
// delivering, in order and once each, the events after pos that filter selects: first
// those already in the log (the ones a returning client missed), then each new one as
// the tailer reads it. It ends when ctx ends. Beyond the limits on subscribers it is
// ELIMIT; a bad filter is EINVALID.
func (f *Feed) Subscribe(ctx context.Context, client string, pos atlas.FeedPosition, filter atlas.ChangeFilter) (<-chan *atlas.ChangeEvent, *Subscription, error) {
	if err := filter.Check(); err != nil {
		return nil, nil, err
	}
	f.mu.Lock()
	switch {
	case f.subscribers >= f.opts.MaxSubscribers:
		f.mu.Unlock()
		return nil, nil, atlas.Errorf(atlas.ELIMIT, "the server has %d live subscriptions, its limit; try again later", f.opts.MaxSubscribers)
	case f.perClient[client] >= f.opts.MaxPerClient:
		f.mu.Unlock()
		return nil, nil, atlas.Errorf(atlas.ELIMIT, "you have %d live subscriptions, the limit per client; close one first", f.opts.MaxPerClient)
	}
	f.subscribers++
	f.perClient[client]++
	f.mu.Unlock()
	f.wakeTailer()
	out := make(chan *atlas.ChangeEvent)
	sub := &Subscription{}
	go func() {
		defer close(out)
		defer f.release(client)
		if err := f.deliver(ctx, pos, filter, out); err != nil {
			sub.end(err)
		}
	}()
	return out, sub, nil
}

func (f *Feed) release(client string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.subscribers--
	if f.perClient[client]--; f.perClient[client] <= 0 {
		delete(f.perClient, client)
	}
}

// Dropped returns how many subscribers were dropped for falling behind.
func (f *Feed) Dropped() int64 { return f.dropped.Load() }

// Subscribers returns the number of live subscriptions.
func (f *Feed) Subscribers() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.subscribers
}

// deliverBatch is how many events a subscriber takes from the feed at a time.
const deliverBatch = 256

// deliver sends the events after pos to out until ctx ends, the feed closes or the
// subscriber falls more than MaxLag events behind.
func (f *Feed) deliver(ctx context.Context, pos atlas.FeedPosition, filter atlas.ChangeFilter, out chan<- *atlas.ChangeEvent) error {
	shutdown := atlas.Errorf(atlas.EUNAVAILABLE, "the server is shutting down; resubscribe (to another replica) with since set to the cursor of the last event you received")
	for {
		page, caughtUp, wake, err := f.read(ctx, pos, filter, deliverBatch)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return atlas.Errorf(atlas.EUNAVAILABLE, "the change feed could not be read (%s); resubscribe with since set to the cursor of the last event you received", atlas.ErrorMessage(err))
		}
		moved := false // the tailer moved while events were being sent
		for i := range page.Events {
			ev := &page.Events[i]
			for sent := false; !sent; {
				select {
				case out <- ev:
					sent = true
				case <-ctx.Done():
					return nil
				case <-f.done:
					return shutdown
				case <-wake:
					// New events arrived while this subscriber's connection is not taking
					// them: past MaxLag it is dropped rather than holding memory or
					// slowing anyone else.
					if behind := f.lag(ev.Position()) + 1; behind > f.opts.MaxLag {
						f.dropped.Add(1)
						return atlas.Errorf(ESLOW, "this subscriber fell %d events behind (the limit is %d) and was dropped; resubscribe with since set to the cursor of the last event you received, or catch up with the changes query", behind, f.opts.MaxLag)
					}
					f.mu.Lock()
					wake, moved = f.wake, true
					f.mu.Unlock()
				}
			}
		}
		pos = page.End
		page = Page{} // an idle subscriber holds no events while it waits
		if !caughtUp || moved {
			continue
		}
		select {
		case <-wake:
		case <-ctx.Done():
			return nil
		case <-f.done:
			return shutdown
		}
	}
}
