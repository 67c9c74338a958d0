package neo4j

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"lsgatlas/atlas"
)

func TestWrap(t *testing.T) {
	live := context.Background()
	cancelled, cancel := context.WithCancel(live)
	cancel()
	expired, cancel2 := context.WithDeadline(live, time.Now().Add(-time.Second))
	defer cancel2()
	conn := &driver.ConnectivityError{Inner: errors.New("dial tcp 127.0.0.1:7687: connection refused")}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		err  error
		code string
		is   error
	}{
		{"connectivity", live, conn, atlas.EUNAVAILABLE, conn},
		{"wrapped connectivity", live, fmt.Errorf("session: %w", conn), atlas.EUNAVAILABLE, conn},
		{"retries exhausted", live, &driver.TransactionExecutionLimit{Cause: "timeout", Errors: []error{conn}}, atlas.EUNAVAILABLE, nil},
		{"transient server error", live, &driver.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}, atlas.EUNAVAILABLE, nil},
		{"no leader", live, &driver.Neo4jError{Code: "Neo.ClientError.Cluster.NotALeader"}, atlas.EUNAVAILABLE, nil},
		{"bad credentials", live, &driver.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized"}, atlas.EUNAVAILABLE, nil},
		{"unknown database", live, &driver.Neo4jError{Code: "Neo.ClientError.Database.DatabaseNotFound"}, atlas.EUNAVAILABLE, nil},
		{"syntax error is a bug", live, &driver.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, atlas.EINTERNAL, nil},
		{"constraint violation is a bug", live, &driver.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed"}, atlas.EINTERNAL, nil},
		{"decode error is a bug", live, errors.New("decode node: property name: want STRING"), atlas.EINTERNAL, nil},
		{"domain error passes through", live, atlas.Errorf(atlas.EINVALID, "bad"), atlas.EINVALID, nil},
		{"cancelled by the caller", cancelled, conn, atlas.EINTERNAL, context.Canceled},
		{"context.Canceled from the driver", live, fmt.Errorf("x: %w", context.Canceled), atlas.EINTERNAL, context.Canceled},
		{"the caller's deadline passed: the request asked too much", expired, errors.New("i/o timeout"), atlas.ELIMIT, context.DeadlineExceeded},
		{"the driver timed out: the database did not answer in time", live, fmt.Errorf("read: %w", context.DeadlineExceeded), atlas.EUNAVAILABLE, context.DeadlineExceeded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := wrap(tc.ctx, "find group", tc.err)
			if got := atlas.ErrorCode(err); got != tc.code {
				t.Errorf("code %s, want %s (%v)", got, tc.code, err)
			}
			if tc.code != atlas.EINVALID && !strings.HasPrefix(err.Error(), "neo4j: find group: ") {
				t.Errorf("message %q lacks the operation prefix", err)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("%v does not wrap the cause", err)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("%v is not %v", err, tc.is)
			}
			if tc.code == atlas.EUNAVAILABLE && strings.Contains(atlas.ErrorMessage(err), "127.0.0.1") {
				t.Errorf("the client message leaks details: %q", atlas.ErrorMessage(err))
			}
		})
	}
	if wrap(live, "x", nil) != nil {
		t.Error("wrap(nil) is not nil")
	}
}
