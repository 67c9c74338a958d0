package seed

import (
	_ "embed"
	"strings"
)

//go:embed VERSION
var version string

// Version is the version of the bundled dataset (seed/VERSION): exports, the
// bibliography and CITATION.cff carry it. Bump it whenever atlas.json changes in a
// release.
func Version() string { return strings.TrimSpace(version) }
