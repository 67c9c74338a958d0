package neo4j

import (
	"context"
	"fmt"
	"testing"
)

// scopedFake is the outage backend with explicit read transactions, counting what the
// store opens and closes; failRuns makes the scoped transaction's statements fail.
type scopedFake struct {
	*outage
	begun, closed int
	failRuns      bool
}

func (f *scopedFake) beginRead(context.Context) (readTx, error) {
	f.begun++
	return &fakeReadTx{f}, nil
}

type fakeReadTx struct{ f *scopedFake }

func (t *fakeReadTx) run(ctx context.Context, st statement, params map[string]any) ([]record, error) {
	if t.f.failRuns {
		return nil, fmt.Errorf("transient failure")
	}
	return t.f.outage.run(ctx, st, params)
}

func (t *fakeReadTx) close(context.Context) error { t.f.closed++; return nil }

// TestReadScope checks that the reads made within a scope share one transaction, that
// the scope's end closes it and later reads run unscoped, and that a scoped read that
// fails is retried unscoped, so a scope never fails a read that would succeed.
func TestReadScope(t *testing.T) {
	for _, tc := range []struct {
		name     string
		failRuns bool
		// read transactions begun (scoped and managed), scoped ones opened and closed
		wantTxs               int64
		wantBegun, wantClosed int
	}{
		{"three reads, one transaction", false, 1, 1, 1},
		// The first read fails in the scope and is retried unscoped, as are the other two.
		{"failing transaction, retried unscoped", true, 4, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := &scopedFake{outage: &outage{}}
			s := openReady(t, db)
			db.failRuns = tc.failRuns
			before := s.ReadTransactions()
			ctx, end := s.ScopeReads(context.Background())
			for range 3 {
				if _, err := s.Revision(ctx); err != nil {
					t.Fatal(err)
				}
			}
			end()
			end() // idempotent
			if got := s.ReadTransactions() - before; got != tc.wantTxs {
				t.Errorf("%d read transactions, want %d", got, tc.wantTxs)
			}
			if db.begun != tc.wantBegun || db.closed != tc.wantClosed {
				t.Errorf("scoped transactions begun %d, closed %d; want %d and %d", db.begun, db.closed, tc.wantBegun, tc.wantClosed)
			}
			// After the end, reads run in managed transactions of their own.
			if _, err := s.Revision(ctx); err != nil {
				t.Fatal(err)
			}
			if got := s.ReadTransactions() - before; got != tc.wantTxs+1 || db.begun != tc.wantBegun {
				t.Errorf("after end: %d read transactions and %d scoped, want %d and %d", got, db.begun, tc.wantTxs+1, tc.wantBegun)
			}
		})
	}
}
