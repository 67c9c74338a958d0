package gqlhttp

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
)

// CostHeader asks for the cost of a request in the response's extensions; so does the
// request extension {"cost": true}.
const CostHeader = "Atlas-Cost"

func wantsCost(op *graphql.OperationContext) bool {
	if v, ok := op.Extensions["cost"].(bool); ok && v {
		return true
	}
	return op.Headers.Get(CostHeader) != ""
}

// costReport is the "cost" response extension: what the model computed before the
// request ran, what it then took.
func costReport(ctx context.Context, op *graphql.OperationContext, c *requestCost) map[string]any {
	report := map[string]any{"cost": c.Cost, "depth": c.Depth}
	if w := workFrom(ctx); w != nil {
		report["resolvedFields"] = w.fields.Load()
	}
	if n := storeCallsFrom(ctx); n != nil {
		report["storeCalls"] = n.Load()
	}
	if !op.Stats.OperationStart.IsZero() {
		report["durationMs"] = float64(time.Since(op.Stats.OperationStart).Microseconds()) / 1000
	}
	return report
}

type storeCallsKey struct{}

// withStoreCallCount returns ctx carrying a counter of the store calls made under it.
func withStoreCallCount(ctx context.Context) context.Context {
	return context.WithValue(ctx, storeCallsKey{}, new(atomic.Int64))
}

func storeCallsFrom(ctx context.Context) *atomic.Int64 {
	n, _ := ctx.Value(storeCallsKey{}).(*atomic.Int64)
	return n
}

// CountStoreCalls wraps a store so that every call is counted in the request's counter
// (withStoreCallCount) and reported to onCall (the metrics), by method. The wrapper reads
// projected nodes when the store does (atlas.NodeProjector: both stores) and batches
// relation queries when the store also does (atlas.RelationBatcher: Neo4j).
func CountStoreCalls(s atlas.Store, onCall func(method string)) atlas.Store {
	c := countingStore{s, onCall}
	_, batches := s.(atlas.RelationBatcher)
	switch projects := atlas.CanProject(s); {
	case projects && batches:
		return roundTripCountingStore{projectingCountingStore{c}}
	case projects:
		return projectingCountingStore{c}
	}
	return c
}

// projectingCountingStore is countingStore over a store that reads projected nodes
// (atlas.NodeProjector), which it passes through; over any other store the wrapper
// does not claim it.
type projectingCountingStore struct{ countingStore }

func (c projectingCountingStore) ProjectedNodes(ctx context.Context, ids []string, p *atlas.Projection) ([]atlas.Node, error) {
	c.count(ctx, "Nodes")
	return atlas.ProjectedNodes(ctx, c.Store, ids, p)
}

// roundTripCountingStore is projectingCountingStore over a store that also batches
// relation queries (atlas.RelationBatcher), which it passes through.
type roundTripCountingStore struct{ projectingCountingStore }

func (c roundTripCountingStore) RelationsOf(ctx context.Context, asks atlas.RelationAsks) (atlas.RelationAnswers, error) {
	c.count(ctx, "Relations")
	return atlas.RelationsOf(ctx, c.Store, asks)
}

// ListWithRelations is one call, counted as a list's.
func (c roundTripCountingStore) ListWithRelations(ctx context.Context, q atlas.ListQuery, asks atlas.RelationAsks) (atlas.Page, atlas.RelationAnswers, error) {
	c.count(ctx, "List")
	return atlas.ListWithRelations(ctx, c.Store, q, asks)
}

// NodesWithRelations is one call, counted as a read of nodes.
func (c roundTripCountingStore) NodesWithRelations(ctx context.Context, ids []string, p *atlas.Projection, asks atlas.RelationAsks) ([]atlas.Node, atlas.RelationAnswers, error) {
	c.count(ctx, "Nodes")
	return atlas.NodesWithRelations(ctx, c.Store, ids, p, asks)
}

// The wrapper over a store that batches batches too: a method missing here would turn
// every batched read into one call per query, silently.
var _ atlas.RelationBatcher = roundTripCountingStore{}

type countingStore struct {
	atlas.Store
	onCall func(string)
}

// countsStoreCalls marks every wrapper CountStoreCalls returns, so none is wrapped twice.
func (countingStore) countsStoreCalls() {}

func (c countingStore) count(ctx context.Context, method string) {
	if n := storeCallsFrom(ctx); n != nil {
		n.Add(1)
	}
	c.onCall(method)
}

// ScopeReads passes the wrapped store's read scope through (atlas.ReadScoper).
func (c countingStore) ScopeReads(ctx context.Context) (context.Context, func()) {
	return atlas.ScopeReads(ctx, c.Store)
}

func (c countingStore) Nodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
	c.count(ctx, "Nodes")
	return c.Store.Nodes(ctx, ids)
}

func (c countingStore) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	c.count(ctx, "Relations")
	return c.Store.Relations(ctx, q)
}

func (c countingStore) List(ctx context.Context, q atlas.ListQuery) (atlas.Page, error) {
	c.count(ctx, "List")
	return c.Store.List(ctx, q)
}

func (c countingStore) Search(ctx context.Context, q atlas.SearchQuery) (atlas.SearchResult, error) {
	c.count(ctx, "Search")
	return c.Store.Search(ctx, q)
}

func (c countingStore) ReportedCounts(ctx context.Context, q atlas.CountQuery) ([]atlas.ReportedCount, error) {
	c.count(ctx, "ReportedCounts")
	return c.Store.ReportedCounts(ctx, q)
}

func (c countingStore) Snapshot(ctx context.Context) (*atlas.Dataset, error) {
	c.count(ctx, "Snapshot")
	return c.Store.Snapshot(ctx)
}

func (c countingStore) Revision(ctx context.Context) (int64, error) {
	c.count(ctx, "Revision")
	return c.Store.Revision(ctx)
}

// persistedOnly is the allow-list mode: a request names a registered document by its
// sha256 hash (the APQ extension's shape) or sends the text of one; anything else is
// refused before it is parsed.
type persistedOnly struct{ queries map[string]string }

func (persistedOnly) ExtensionName() string                   { return "PersistedQueryAllowList" }
func (persistedOnly) Validate(graphql.ExecutableSchema) error { return nil }

func (p persistedOnly) MutateOperationParameters(_ context.Context, params *graphql.RawParams) *gqlerror.Error {
	hash := ""
	if ext, ok := params.Extensions["persistedQuery"].(map[string]any); ok {
		hash, _ = ext["sha256Hash"].(string)
	}
	if hash == "" && params.Query != "" {
		sum := sha256.Sum256([]byte(params.Query))
		hash = hex.EncodeToString(sum[:])
	}
	query, ok := p.queries[hash]
	if !ok || (params.Query != "" && params.Query != query) {
		return codedError(atlas.EUNAUTHORIZED, "Only registered operations run on this server; send the hash of a registered document.")
	}
	params.Query = query
	return nil
}
