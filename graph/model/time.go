package model

import (
	"time"

	"github.com/99designs/gqlgen/graphql"

	"lsgatlas/atlas"
)

// MarshalTime writes a Time as gqlgen does (RFC 3339 with nanoseconds).
func MarshalTime(t time.Time) graphql.Marshaler { return graphql.MarshalTime(t) }

// UnmarshalTime reads a Time argument. gqlgen's own reader returns a plain error for a
// malformed time, which the service could only report as an internal error; a caller's
// malformed time is INVALID, saying what is expected. An empty string is not "no time":
// leave the argument out for that.
func UnmarshalTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, atlas.Errorf(atlas.EINVALID, "a Time is a string, an RFC 3339 time such as 2026-01-02T15:04:05Z; got %v", v)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, atlas.Errorf(atlas.EINVALID, "invalid time %q: want an RFC 3339 time such as 2026-01-02T15:04:05Z", s)
	}
	return t, nil
}
