package atlas

import (
	"context"
	"errors"
	"fmt"
)

// Error codes. Append only: transports and clients depend on these strings.
const (
	EINVALID      = "INVALID"        // the caller's input is malformed or out of range
	ENOTFOUND     = "NOT_FOUND"      // an id names nothing
	ECONFLICT     = "CONFLICT"       // the input contradicts stored data
	EUNAUTHORIZED = "UNAUTHORIZED"   // the caller may not do this
	EUNAVAILABLE  = "UNAVAILABLE"    // a dependency (the database) cannot be reached now
	ELIMIT        = "LIMIT_EXCEEDED" // the request would do more work than allowed
	EINTERNAL     = "INTERNAL"       // a bug or an unexpected failure; details are logged, not shown
)

// Error is a domain error: a code for machines and a sentence for humans.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, ELIMIT for a request
// that ran out of time, EINTERNAL for any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	case errors.Is(err, context.DeadlineExceeded):
		return ELIMIT
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the human sentence of err, hiding the details of unexpected
// errors, which are for logs only.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	case errors.Is(err, context.DeadlineExceeded):
		return "The request took longer than the server allows; ask for less (a smaller depth, limit or range)."
	default:
		return "Internal error."
	}
}
