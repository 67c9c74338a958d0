package neo4j

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// script is a backend that expects a fixed sequence of statements with exact parameters
// and answers each with the given rows, shaped as the driver returns them. Migrations
// (schema_*, then await_indexes) are recorded rather than scripted, since every store runs
// them on connect.
type script struct {
	t       *testing.T
	mu      sync.Mutex
	calls   []call
	next    int
	schema  []string
	verifyE error
}

type call struct {
	st     statement
	params map[string]any
	recs   []record
	err    error
}

func newScript(t *testing.T, calls ...call) *script {
	t.Helper()
	s := &script{t: t, calls: calls}
	t.Cleanup(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.next != len(s.calls) {
			t.Errorf("script: %d of %d statements were run; next expected: %s", s.next, len(s.calls), s.calls[s.next].st.name)
		}
	})
	return s
}

func (s *script) read(ctx context.Context, work func(runner) error) error  { return work(s) }
func (s *script) write(ctx context.Context, work func(runner) error) error { return work(s) }
func (s *script) close(context.Context) error                              { return nil }
func (s *script) verify(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.verifyE
}

func (s *script) run(ctx context.Context, st statement, params map[string]any) ([]record, error) {
	if err := checkParams(st, params); err != nil {
		s.t.Error(err)
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.HasPrefix(st.name, "schema_") || st.name == stmtAwaitIndexes.name {
		s.schema = append(s.schema, st.name)
		return nil, nil
	}
	if s.next >= len(s.calls) {
		err := fmt.Errorf("script: unexpected statement %s %v", st.name, params)
		s.t.Error(err)
		return nil, err
	}
	c := s.calls[s.next]
	s.next++
	if st.name != c.st.name {
		err := fmt.Errorf("script: ran %s, want %s", st.name, c.st.name)
		s.t.Error(err)
		return nil, err
	}
	if !reflect.DeepEqual(params, c.params) {
		s.t.Errorf("script: %s parameters:\n got %#v\nwant %#v", st.name, params, c.params)
	}
	return c.recs, c.err
}
