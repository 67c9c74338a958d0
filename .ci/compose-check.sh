#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine, with compose-go: the Compose
# Specification loader that `docker compose` itself is built on (schema validation,
# interpolation of ${VARIABLES}, consistency checks), at a pinned version.
#
# Needs only Go. The first run builds a small validator against compose-go from the Go
# module proxy into a cache folder; later runs reuse it (idempotent, offline once built).
# The variables come from .env.example, as they would from a user's .env. (compose-go's
# own cmd/ does not pass the environment to interpolation in its model-only mode, so the
# validator calls LoadProject, as `docker compose config` does.)
#
# It first checks that the validator rejects a copy of the file broken on purpose, so a
# validator that accepted anything could not pass, then validates the real file and
# checks the choices this project depends on (pinned image, healthcheck, start order).
set -euo pipefail
cd "$(dirname "$0")/.."

version=v2.16.2
cache="${XDG_CACHE_HOME:-$HOME/.cache}/lsgatlas/compose-check-$version"
validator="$cache/compose-check"
if [ ! -x "$validator" ]; then
  echo "compose-check: building a validator on compose-go $version in $cache"
  mkdir -p "$cache/src"
  cat > "$cache/src/go.mod" <<GOMOD
module lsgatlas.local/compose-check

go 1.22

require github.com/compose-spec/compose-go/v2 $version
GOMOD
  cat > "$cache/src/main.go" <<'GO'
// compose-check loads compose files as `docker compose config` does and prints the
// resulting project as JSON; an invalid file is an error and exit status 1.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	opts, err := cli.NewProjectOptions(os.Args[1:], cli.WithOsEnv, cli.WithConsistency(true))
	if err == nil {
		var p any
		if p, err = opts.LoadProject(context.Background()); err == nil {
			enc := json.NewEncoder(os.Stdout)
			enc.SetIndent("", "  ")
			err = enc.Encode(p)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "compose-check:", err)
		os.Exit(1)
	}
}
GO
  (cd "$cache/src" && GOWORK=off GOFLAGS=-mod=mod go build -o "$validator" .)
fi

# validate FILE: prints the loaded project as JSON, fails on an invalid file.
validate() {
  (set -a && . ./.env.example && set +a && "$validator" "$1")
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/condition: service_healthy/condition: service_is_healthy/' docker-compose.yml > "$tmp/broken.yml"
if validate "$tmp/broken.yml" >/dev/null 2>&1; then
  echo "compose-check: the validator accepted a broken file; not trusting it" >&2
  exit 1
fi

validate docker-compose.yml > "$tmp/model.json"

fail=0
expect() { # expect DESCRIPTION REGEX: the normalised model must match REGEX
  if ! grep -Eq "$2" "$tmp/model.json"; then
    echo "compose-check: docker-compose.yml: $1" >&2
    fail=1
  fi
}
expect "the Neo4j image must be pinned to an exact 5.x version" '"image": "neo4j:5\.[0-9]+\.[0-9]+(-community)?"'
expect "neo4j needs a cypher-shell healthcheck" '"cypher-shell'
expect "the API must wait for a healthy Neo4j" '"condition": "service_healthy"'
expect "the API must reach Neo4j at bolt://neo4j:7687" '"NEO4J_URI": "bolt://neo4j:7687"'
expect "Neo4j data must live in a named volume" '"source": "neo4j-data"'
expect "the API must publish port 8080" '"target": 8080'
[ "$fail" -eq 0 ] || exit 1
echo "compose-check: docker-compose.yml is valid"
