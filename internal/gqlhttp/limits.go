package gqlhttp

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// Limits bound the work one GraphQL request may ask for. The document limits (bytes,
// tokens, aliases, fields per selection set, depth, cost) are checked on the parsed
// document before gqlgen validates it, because some validation rules are quadratic in
// the fields of a selection set; the execution limits stop a request that still grows
// past what its cost promised. A zero field takes its default (DefaultLimits); the
// README's "Request limits" table documents them.
type Limits struct {
	MaxQueryBytes         int // length of the query text
	MaxTokens             int // lexical tokens of the query text
	MaxAliases            int // aliased fields in the whole document
	MaxFieldsPerSelection int // fields of one selection set, fragments spread in
	MaxDepth              int // nesting of fields outside introspection
	MaxCost               int // see cost.go
	// ListSize is what a list of nodes or relationships without a `first`/`limit`
	// argument counts as: the largest fan-out of the data (a node's relationships; 93
	// in the bundled dataset, TestListSizesCoverTheData) with room to grow.
	ListSize int
	// SmallListSize is the same for lists of values and citations (at most 5 now).
	SmallListSize int
	// MaxResolvedFields bounds the fields one request may resolve while executing (every
	// list item's fields count), so a response cannot be built past it. The memory
	// budget bounds them too: at most MaxRequestMemory / BytesPerField.
	MaxResolvedFields int
	// MaxRequestMemory is the memory one request may build its answer in, in bytes,
	// estimated at BytesPerField per resolved field: the per-request memory budget.
	MaxRequestMemory int
	// BytesPerField is the memory a resolved field takes until the response is written
	// (gqlgen's field context, the value, its share of the encoded answer), measured
	// (TestBytesPerField).
	BytesPerField    int
	MaxResponseBytes int // the encoded response
	MaxErrors        int // errors reported in one response; the rest are summarised
}

// DefaultLimits are generous for every query the research questions and the playground
// send, and small enough that the worst request under them answers in well under a
// second on a laptop.
var DefaultLimits = Limits{
	MaxQueryBytes:         32 << 10,
	MaxTokens:             5000,
	MaxAliases:            100,
	MaxFieldsPerSelection: 200,
	MaxDepth:              12,
	MaxCost:               20_000_000,
	ListSize:              100,
	SmallListSize:         10,
	MaxResolvedFields:     1_000_000,
	MaxRequestMemory:      128 << 20,
	BytesPerField:         1024,
	MaxResponseBytes:      16 << 20,
	MaxErrors:             50,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	set := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&l.MaxQueryBytes, d.MaxQueryBytes)
	set(&l.MaxTokens, d.MaxTokens)
	set(&l.MaxAliases, d.MaxAliases)
	set(&l.MaxFieldsPerSelection, d.MaxFieldsPerSelection)
	set(&l.MaxDepth, d.MaxDepth)
	set(&l.MaxCost, d.MaxCost)
	set(&l.ListSize, d.ListSize)
	set(&l.SmallListSize, d.SmallListSize)
	set(&l.MaxResolvedFields, d.MaxResolvedFields)
	set(&l.MaxRequestMemory, d.MaxRequestMemory)
	set(&l.BytesPerField, d.BytesPerField)
	set(&l.MaxResponseBytes, d.MaxResponseBytes)
	set(&l.MaxErrors, d.MaxErrors)
	return l
}

// limitError is the LIMIT_EXCEEDED refusal of a request; its extensions name the limit,
// what the request came to and what is allowed, so a client can tell what to cut.
func limitError(limit string, value, max int) *gqlerror.Error {
	err := gqlerror.Errorf("The query exceeds the %s limit: it comes to %d, at most %d is allowed.", limit, value, max)
	err.Extensions = map[string]any{"code": atlas.ELIMIT, "limit": limit, "value": value, "max": max}
	return err
}

// queryLimits is the gqlgen extension that refuses a document over a limit before it is
// validated or cached. It runs after the persisted-query extension, so it sees the text
// of persisted queries too.
type queryLimits struct {
	limits  Limits
	schema  *ast.Schema
	sizes   introspectionSizes
	buckets bucketSizes
	data    func() analytics.Sizes // nil: not known
	cache   *queryCache
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*queryLimits)(nil)

func (*queryLimits) ExtensionName() string                   { return "QueryLimits" }
func (*queryLimits) Validate(graphql.ExecutableSchema) error { return nil }
func newQueryLimits(l Limits, s *ast.Schema, c *queryCache, data func() analytics.Sizes) *queryLimits {
	return &queryLimits{limits: l, schema: s, sizes: measureIntrospection(s), buckets: measureBuckets(s), data: data, cache: c}
}

// fieldBudget is the most fields one request may resolve: MaxResolvedFields, and no
// more than its memory budget holds.
func (l Limits) fieldBudget() int {
	return min(l.MaxResolvedFields, l.MaxRequestMemory/l.BytesPerField)
}

// requestCost is what the cost model computed for the request, for the response's
// extensions and the metrics.
type requestCost struct {
	Cost  int `json:"cost"`
	Depth int `json:"depth"`
	// Memory is the memory the request is expected to build its answer in (bytes):
	// its estimated resolved fields at BytesPerField, within the per-request budget.
	// The service reserves it from the memory in flight before the request runs.
	Memory int `json:"memory"`
}

func costFrom(ctx context.Context) *requestCost {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	c, _ := graphql.GetOperationContext(ctx).Stats.GetExtension("cost").(*requestCost)
	return c
}

func (q *queryLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	doc, err := q.document(p.Query)
	if err != nil || doc == nil {
		return err // nil with nil: a syntax error, which gqlgen's own parse reports
	}
	if err := checkVariables(q.schema, operation(doc, p.OperationName), p.Variables); err != nil {
		return err
	}
	cost, depth, resolved, err := q.measure(doc, p.OperationName, p.Variables)
	if err != nil {
		return err
	}
	memory := min(mulCost(resolved, q.limits.BytesPerField), q.limits.fieldBudget()*q.limits.BytesPerField)
	graphql.GetOperationContext(ctx).Stats.SetExtension("cost", &requestCost{Cost: cost, Depth: depth, Memory: memory})
	return nil
}

// document returns the parsed query, from the cache when an earlier request validated
// it, or checks the limits that need only the text and parses it.
func (q *queryLimits) document(query string) (*ast.QueryDocument, *gqlerror.Error) {
	if doc, ok := q.cache.peek(query); ok {
		return doc, nil
	}
	l := q.limits
	if len(query) > l.MaxQueryBytes {
		return nil, limitError("query size (bytes)", len(query), l.MaxQueryBytes)
	}
	src := &ast.Source{Input: query}
	lex := lexer.New(src)
	tokens := 0
	for {
		tok, err := lex.ReadToken()
		if err != nil {
			return nil, nil
		}
		if tok.Kind == lexer.EOF {
			break
		}
		if tokens++; tokens > l.MaxTokens {
			return nil, limitError("tokens", tokens, l.MaxTokens) // counting stops at the limit
		}
	}
	doc, err := parser.ParseQuery(src)
	if err != nil {
		return nil, nil
	}
	if aliases := countAliases(doc); aliases > l.MaxAliases {
		return nil, limitError("aliases", aliases, l.MaxAliases)
	}
	return doc, nil
}

// operation is the operation of doc a request runs: the one named, or the only one.
func operation(doc *ast.QueryDocument, name string) *ast.OperationDefinition {
	if name == "" && len(doc.Operations) == 1 {
		return doc.Operations[0]
	}
	return doc.Operations.ForName(name)
}

func countAliases(doc *ast.QueryDocument) int {
	n := 0
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if s.Alias != "" && s.Alias != s.Name {
					n++
				}
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		walk(f.SelectionSet)
	}
	return n
}

// measure runs the cost model over the operation that will run (every operation when
// the name matches none; validation will refuse that anyway) and checks fields per
// selection set, depth and cost.
func (q *queryLimits) measure(doc *ast.QueryDocument, operation string, vars map[string]any) (cost, depth, resolved int, _ *gqlerror.Error) {
	sure := 0
	var data analytics.Sizes
	if q.data != nil {
		data = q.data()
	}
	m := newCostModel(q.schema, doc, q.limits, q.sizes, data, q.buckets, vars)
	ops := doc.Operations
	if op := ops.ForName(operation); op != nil {
		ops = ast.OperationList{op}
	}
	for _, op := range ops {
		root := q.schema.Query
		switch op.Operation {
		case ast.Mutation:
			root = q.schema.Mutation
		case ast.Subscription:
			root = q.schema.Subscription
		}
		s := m.selection(root, op.SelectionSet)
		if m.err != nil {
			return 0, 0, 0, m.err
		}
		cost, depth, resolved, sure = max(cost, s.cost), max(depth, s.depth), max(resolved, s.resolved), max(sure, s.sure)
	}
	// A request that will certainly resolve more fields than its memory budget holds is
	// refused before it starts; one that only may is stopped if it does (work.AdmitFields).
	if need, budget := mulCost(sure, q.limits.BytesPerField), q.limits.fieldBudget()*q.limits.BytesPerField; need > budget {
		return cost, depth, resolved, limitError("memory (bytes)", need, budget)
	}
	if depth > q.limits.MaxDepth {
		return cost, depth, resolved, limitError("depth", depth, q.limits.MaxDepth)
	}
	if cost > q.limits.MaxCost {
		return cost, depth, resolved, limitError("cost", cost, q.limits.MaxCost)
	}
	return cost, depth, resolved, nil
}
