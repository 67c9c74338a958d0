package httpapi

import (
	"bufio"
	"context"
	"net"
	"net/http"

	"lsgatlas/atlas"
	"lsgatlas/internal/auth"
	"lsgatlas/internal/changefeed"
)

// newFeed returns the change feed of a store that keeps an audit log, and the curation
// port the Curator should write through: it pokes the feed after each commit, so this
// replica's own changes reach its subscribers at once (other replicas' arrive with the
// tailer's next read). The tailer runs until ctx ends.
func newFeed(ctx context.Context, cs atlas.CurationStore, revision func(context.Context) (int64, error), opts changefeed.Options) (*changefeed.Feed, atlas.CurationStore) {
	feed := changefeed.New(cs, revision, opts)
	go feed.Run(ctx)
	return feed, pokeOnCommit{CurationStore: cs, feed: feed}
}

type pokeOnCommit struct {
	atlas.CurationStore
	feed *changefeed.Feed
}

func (p pokeOnCommit) Commit(ctx context.Context, c atlas.Commit) error {
	err := p.CurationStore.Commit(ctx, c)
	if err == nil {
		p.feed.Poke()
	}
	return err
}

// Flush lets streamed responses (SSE) through the access log's recorder.
func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Hijack lets WebSocket upgrades through the access log's recorder.
func (r *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	r.status = http.StatusSwitchingProtocols
	return http.NewResponseController(r.ResponseWriter).Hijack()
}

// verifyWith is the token check a WebSocket's connection_init uses; nil without a
// verifier (the service takes no tokens).
func verifyWith(v *auth.Verifier) func(string) (atlas.Principal, error) {
	if v == nil {
		return nil
	}
	return v.Verify
}
