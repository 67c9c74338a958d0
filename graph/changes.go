package graph

import (
	"context"
	"sync"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
	"lsgatlas/internal/changefeed"
)

// The change feed's resolver side: where a page or a subscription starts, which client a
// subscription counts against, and why a subscription ended. The transports that stream
// it (graphql-sse, graphql-transport-ws) are the GraphQL-over-HTTP runtime's
// (internal/gqlhttp), which sets the client and the Last-Event-ID here.

// feedPosition is where a subscription or a page starts: after the cursor `after`,
// else after the Last-Event-ID the request carried, else after revision since, else
// (subscriptions only) at the current revision.
func (r *Resolver) feedPosition(ctx context.Context, since *int, after *string, orNow bool) (atlas.FeedPosition, error) {
	if after == nil {
		if id := LastEventIDFrom(ctx); id != "" {
			after = &id
		}
	}
	var pos atlas.FeedPosition
	switch {
	case after != nil:
		p, err := atlas.ParseFeedPosition(*after)
		if err != nil {
			return p, err
		}
		pos = p
	case since != nil && *since < 0:
		return atlas.FeedPosition{}, atlas.Errorf(atlas.EINVALID, "since must be a revision (0 or more), got %d", *since)
	case since != nil:
		pos = atlas.AfterRevision(int64(*since))
	case orNow:
		rev, err := r.Feed.Current(ctx)
		return atlas.AfterRevision(rev), err
	default:
		return atlas.AfterRevision(0), nil
	}
	// A position past the present would be echoed back as the cursor to resume from, and
	// a reader keeping it would skip every change until the store caught up with it.
	now, err := r.Feed.Current(ctx)
	if err != nil {
		return atlas.FeedPosition{}, err
	}
	if pos.Revision > now {
		return atlas.FeedPosition{}, atlas.Errorf(atlas.EINVALID, "the feed position names revision %d, but the dataset is at revision %d", pos.Revision, now)
	}
	return pos, nil
}

func (r *Resolver) feed() error {
	if r.Feed == nil {
		return atlas.Errorf(atlas.EUNAVAILABLE, "this store keeps no audit log, so it has no change feed")
	}
	return nil
}

type clientKey struct{}

// WithClient names the client a request comes from (a token's subject, else its
// address): the limit on live subscriptions is per client.
func WithClient(ctx context.Context, client string) context.Context {
	return context.WithValue(ctx, clientKey{}, client)
}

func clientFrom(ctx context.Context) string {
	if p := atlas.PrincipalFrom(ctx); p != atlas.Anonymous {
		return "token:" + p.Name()
	}
	c, _ := ctx.Value(clientKey{}).(string)
	return c
}

type lastEventIDKey struct{}

// WithLastEventID carries the Last-Event-ID header an SSE client resends when it
// reconnects: the subscription resumes after that cursor.
func WithLastEventID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, lastEventIDKey{}, id)
}

// LastEventIDFrom returns the Last-Event-ID of the request, "" when none.
func LastEventIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(lastEventIDKey{}).(string)
	return id
}

// streamEnd holds the subscription of a streaming operation, so that when its events
// end the transport sends why (SLOW_SUBSCRIBER, UNAVAILABLE) as a last error.
type streamEnd struct {
	mu   sync.Mutex
	sub  *changefeed.Subscription
	done bool
}

type streamEndKey struct{}

func (s *streamEnd) watch(sub *changefeed.Subscription) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.sub = sub
	s.mu.Unlock()
}

// reason returns, once, the error that ended the subscription, nil when it ended
// because the client left.
func (s *streamEnd) reason() *gqlerror.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done || s.sub == nil || s.sub.Err() == nil {
		return nil
	}
	s.done = true
	err := s.sub.Err()
	return &gqlerror.Error{Message: atlas.ErrorMessage(err), Extensions: map[string]any{"code": atlas.ErrorCode(err)}}
}

func streamEndFrom(ctx context.Context) *streamEnd {
	s, _ := ctx.Value(streamEndKey{}).(*streamEnd)
	return s
}
