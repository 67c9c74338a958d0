package graph

// The cursors of a connection, sealed to its list (atlas.CursorSealer) and opened when
// they come back. Sealing costs a MAC per cursor, so a page seals only the cursors the
// response selects: every edge's when it selects `edges { cursor }`, the first and last
// when it selects only `pageInfo { startCursor endCursor }`, none for `nodes` alone.
// The cursors it does seal are the ones a page sealing them all would have.

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"lsgatlas/atlas"
)

// listCursors seals and opens the cursors of the list the field being resolved stands
// for, on node self. The list's canonical name (listOf) and its sealer are made on
// first use, so a page whose cursors nobody selects makes neither.
type listCursors struct {
	ctx    context.Context
	self   string
	key    []byte
	list   string
	named  bool
	sealer *atlas.CursorSealer
	use    *cursorUse // which cursors the selection writes, once asked
}

func (r *Resolver) cursors(ctx context.Context, self string) *listCursors {
	return &listCursors{ctx: ctx, self: self, key: r.cursorKey()}
}

func (c *listCursors) name() string {
	if !c.named {
		c.list, c.named = listOf(c.ctx, c.self), true
	}
	return c.list
}

// open returns the position a cursor of this list names (atlas.OpenCursor).
func (c *listCursors) open(cursor string) (string, error) {
	return atlas.OpenCursor(c.key, c.name(), cursor)
}

// seal returns the cursors of a page of n items at positions pos(i): those the
// response selects sealed, the others empty (they are never written out).
func (c *listCursors) seal(n int, pos func(i int) string) []string {
	out := make([]string, n)
	use := c.used()
	if n == 0 || !use.edges && !use.ends {
		return out
	}
	if c.sealer == nil {
		c.sealer = atlas.NewCursorSealer(c.key, c.name())
	}
	for i := range n {
		if use.edges || i == 0 || i == n-1 {
			out[i] = c.sealer.Seal(pos(i))
		}
	}
	return out
}

// used returns which cursors the selection writes (selectedCursors), read once.
func (c *listCursors) used() cursorUse {
	if c.use == nil {
		use := selectedCursors(c.ctx)
		c.use = &use
	}
	return *c.use
}

// none reports whether the selection writes no cursor of the list, so a store need not
// make them (atlas.ListQuery.WithoutCursors).
func (c *listCursors) none() bool {
	use := c.used()
	return !use.edges && !use.ends
}

// cursorUse is which cursors a connection's selection writes out.
type cursorUse struct {
	edges bool // edges { cursor }: every item's
	ends  bool // pageInfo { startCursor | endCursor }: the first and last item's
}

// selectedCursors reads the cursors the connection field being resolved selects, with
// its fragments, as the executor will collect them. Outside a GraphQL field (no field
// context) every cursor counts as selected.
func selectedCursors(ctx context.Context) cursorUse {
	op, fields, ok := connectionFields(ctx)
	if !ok {
		return cursorUse{edges: true, ends: true}
	}
	var use cursorUse
	for _, f := range fields {
		switch f.Name {
		case "edges":
			if f.Definition == nil {
				return cursorUse{edges: true, ends: true}
			}
			for _, ef := range graphql.CollectFields(op, f.Selections, []string{f.Definition.Type.Name()}) {
				use.edges = use.edges || ef.Name == "cursor"
			}
		case "pageInfo":
			for _, pf := range graphql.CollectFields(op, f.Selections, []string{"PageInfo"}) {
				use.ends = use.ends || pf.Name == "startCursor" || pf.Name == "endCursor"
			}
		}
	}
	return use
}
