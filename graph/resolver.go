// Package graph is the GraphQL schema's resolvers: the gqlgen executable schema, thin
// resolvers that read arguments and delegate to per-request loaders, and the planner
// that fills those loaders ahead of the resolvers. Serving it over HTTP (transport,
// limits and cost, caches, the error presenter) is internal/gqlhttp's job, which imports
// this package; this package never imports it.
package graph

//go:generate go run github.com/99designs/gqlgen generate
//go:generate go run lsgatlas/tools/inorder generated.go

import (
	"github.com/rs/zerolog"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/internal/changefeed"
)

// Resolver holds the dependencies every resolver needs, and nothing else.
type Resolver struct {
	Store atlas.Store
	// Analytics is the graph projection the network queries run on, rebuilt when the
	// store's revision changes.
	Analytics *analytics.Cache
	Log       zerolog.Logger
	// CursorKey signs the cursors of relationship connections; empty means a key made
	// once per process.
	CursorKey []byte
	// Curator takes the changes of the mutations; nil when the store takes none.
	Curator *atlas.Curator
	// Feed serves the change feed; nil when the store keeps no audit log.
	Feed *changefeed.Feed
}
