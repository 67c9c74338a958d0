#!/usr/bin/env bash
# Regenerates the README's screenshots of the Explorer (docs/explorer*.png) from the
# current build: starts the service on a loopback port with the bundled dataset, runs the
# browser test with README_SCREENSHOTS=docs (each shot is taken only once the page shows
# no error text), and stops the service. Needs go, node, `npm ci` here and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-18377}"
bin="$(mktemp -d)/lsgatlas"
go build -o "$bin" .
ADDR="127.0.0.1:$port" "$bin" >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
cd explorer
ATLAS_URL="http://127.0.0.1:$port" README_SCREENSHOTS="$PWD/../docs" SCREENSHOT_DIR="${SCREENSHOT_DIR:-test-artifacts}" node browser-test.mjs
