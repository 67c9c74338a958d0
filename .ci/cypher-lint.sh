#!/usr/bin/env bash
# Lints every neo4j/cypher/*.cypher statement with Neo4j's own Cypher language service
# (@neo4j-cypher/language-support, pinned in neo4j/cypherlint/package-lock.json) and
# fails on any diagnostic, error or warning, printed as file:line:column.
#
# Needs Node.js (>= 18.18) and npm; installs them from Debian if missing. `npm ci` is the
# only step that downloads anything: the lint itself runs offline.
#
# Before linting the real statements it lints neo4j/cypherlint/testdata/bad/, statements
# broken on purpose, and fails unless every one is rejected, so a linter that silently
# accepted everything (a broken install, a changed API) cannot pass.
set -euo pipefail
cd "$(dirname "$0")/../neo4j/cypherlint"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error >/dev/null

if ! node lint.mjs --expect-failures testdata/bad; then
  echo "cypher-lint: the linter accepted a statement it must reject; not trusting it" >&2
  exit 1
fi
node lint.mjs
