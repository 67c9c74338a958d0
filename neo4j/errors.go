package neo4j

import (
	"context"
	"errors"
	"fmt"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"lsgatlas/atlas"
)

// errNotYetConnected is why a store is unavailable before its first connection attempt ends.
var errNotYetConnected = errors.New("no connection attempt has finished yet")

// unavailableError is an EUNAVAILABLE error that keeps its cause: atlas.ErrorCode finds
// the *atlas.Error in its chain, errors.Is/As still reach the driver's error, and the
// message starts with "neo4j: <operation>: " for the logs.
type unavailableError struct {
	op  string
	err error
}

func (e *unavailableError) Error() string { return "neo4j: " + e.op + ": " + e.err.Error() }

// Unwrap gives both the domain error, which carries the code and a sentence for API
// clients, and the cause, which is for the logs only.
func (e *unavailableError) Unwrap() []error {
	return []error{atlas.Errorf(atlas.EUNAVAILABLE, "the graph database is unavailable; try again shortly"), e.err}
}

// wrap maps an error of operation op: connectivity failures, transient server errors and
// exhausted retries become EUNAVAILABLE, and so does a driver timeout (the database did
// not answer in time); the caller's own expired deadline stays context.DeadlineExceeded
// (ELIMIT, as in the in-process store); a cancelled context stays context.Canceled, as in the in-process store;
// domain errors pass through; anything else is wrapped as it is, which atlas reports as
// EINTERNAL. Every wrapped error starts with "neo4j: <op>: ".
func wrap(ctx context.Context, op string, err error) error {
	var domain *atlas.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &domain):
		return err
	case errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled):
		return fmt.Errorf("neo4j: %s: %w", op, errors.Join(context.Canceled, err))
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		// The caller's own deadline (REQUEST_TIMEOUT) passed: the request asked for more
		// time than it had, which atlas reports as ELIMIT whatever the backend.
		return fmt.Errorf("neo4j: %s: %w", op, errors.Join(context.DeadlineExceeded, err))
	case errors.Is(err, context.DeadlineExceeded):
		// The driver's own timeout with the caller still willing: the database did not
		// answer in time.
		return &unavailableError{op: op, err: err}
	case unavailable(err):
		return &unavailableError{op: op, err: err}
	}
	return fmt.Errorf("neo4j: %s: %w", op, err)
}

// unavailable reports whether err means "the database cannot serve us now": the server
// cannot be reached, it failed transiently, the cluster has no leader, the driver gave up
// retrying, or the credentials were refused (the store cannot work until an operator
// fixes them, and it keeps retrying meanwhile).
func unavailable(err error) bool {
	var (
		conn  *driver.ConnectivityError
		limit *driver.TransactionExecutionLimit
		auth  *driver.InvalidAuthenticationError
		neo   *driver.Neo4jError
	)
	switch {
	case errors.As(err, &conn), errors.As(err, &limit), errors.As(err, &auth):
		return true
	case errors.As(err, &neo):
		return neo.IsRetriable() || neo.Code == "Neo.ClientError.Security.Unauthorized" ||
			neo.Code == "Neo.ClientError.Database.DatabaseNotFound" ||
			neo.Code == "Neo.TransientError.General.DatabaseUnavailable"
	}
	return driver.IsRetryable(err)
}

// isContextError reports whether err comes from the caller's context rather than from
// the database, so that one impatient caller does not make the store reconnect.
func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
