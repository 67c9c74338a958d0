package atlas

import (
	"context"
	"errors"
	"testing"
)

// TestWriteTurnGivesUpWhenTheRequestEnds: a write waiting for its turn returns when its
// request is cancelled, with the cause the server cancelled it with (UNAVAILABLE at
// shutdown), or the context's error without one; the turn, once released, is taken.
func TestWriteTurnGivesUpWhenTheRequestEnds(t *testing.T) {
	turn := make(writeTurn, 1)
	if err := turn.take(context.Background()); err != nil {
		t.Fatal(err)
	}
	shuttingDown := Errorf(EUNAVAILABLE, "The server is shutting down; retry the request.")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(shuttingDown)
	if err := turn.take(ctx); ErrorCode(err) != EUNAVAILABLE {
		t.Errorf("a queued write at shutdown: %v, want UNAVAILABLE", err)
	}
	plain, cancelPlain := context.WithCancel(context.Background())
	cancelPlain()
	if err := turn.take(plain); !errors.Is(err, context.Canceled) {
		t.Errorf("a queued write whose client went away: %v", err)
	}
	turn.release()
	if err := turn.take(context.Background()); err != nil {
		t.Errorf("after release: %v", err)
	}
}
