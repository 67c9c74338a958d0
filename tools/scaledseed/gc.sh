#!/usr/bin/env bash
# Measures the garbage collector settings at scale: the service on the embedded store
# holding the bundled dataset times FACTOR (default 100), the response cache off, under
# three settings in turn for ROUNDS rounds (alternated, so they share the machine's
# load): Go's default (GOGC=100, no limit), the service's default (GOGC=400 under a
# 768 MiB soft limit, internal/gcdefault) and GOGC=400 under 1536 MiB. Each run sends the
# same executed queries with tools/loadgen (8 clients, a fixed number of requests) and
# prints one row: collections and CPU per request (from the service's /metrics), peak
# RSS (VmHWM) and live heap after the run.
#
#   bash tools/scaledseed/gc.sh            # FACTOR=100 ROUNDS=2 REQUESTS=1500
set -euo pipefail
cd "$(dirname "$0")/../.."
factor=${FACTOR:-100} rounds=${ROUNDS:-2} requests=${REQUESTS:-1500} port=${PORT:-18190}
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/lsgatlas" .
go build -o "$work/loadgen" ./tools/loadgen
go run ./tools/scaledseed -factor "$factor" -o "$work/atlas.json"

metric() { # metric NAME: the value of an unlabelled metric on /metrics
  curl -sf "http://127.0.0.1:$port/metrics" | awk -v n="$1" '$1 == n { print $2 }'
}
two_level='{ groups(first: 20) { nodes { id name chairs { holding derived node { id label } } members { role node { id label } } } } }'
search='{ search(text: "foreign affairs", first: 20) { matched node { id label } } }'

printf '%-28s %8s %14s %12s %12s %12s %10s\n' setting requests "GC per 100 req" "CPU ms/req" "peak RSS MB" "heap MB" "req/s"
for round in $(seq 1 "$rounds"); do
  for setting in "GOGC=100 GOMEMLIMIT=off" "service default" "GOGC=400 GOMEMLIMIT=1536MiB"; do
    envs=()
    [ "$setting" != "service default" ] && read -ra envs <<<"$setting"
    env "${envs[@]}" SEED_FILE="$work/atlas.json" DATA_DIR=memory RESPONSE_CACHE_BYTES=0 PLAYGROUND=false \
      "$work/lsgatlas" -addr "127.0.0.1:$port" -log-level warn 2>"$work/log" &
    pid=$!
    until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
      kill -0 "$pid" 2>/dev/null || { cat "$work/log"; exit 1; }
      sleep 1
    done
    gc0=$(metric go_gc_duration_seconds_count) cpu0=$(metric process_cpu_seconds_total)
    rate=$("$work/loadgen" -url "http://127.0.0.1:$port/graphql" -c 8 -d 2m -n "$requests" -query "$two_level" | sed -E 's/.*throughput=([0-9.]+).*/\1/')
    "$work/loadgen" -url "http://127.0.0.1:$port/graphql" -c 8 -d 2m -n $((requests / 10)) -query "$search" >/dev/null
    gc1=$(metric go_gc_duration_seconds_count) cpu1=$(metric process_cpu_seconds_total)
    heap=$(metric go_memstats_heap_alloc_bytes)
    hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
    total=$((requests + requests / 10))
    awk -v s="$setting (round $round)" -v n="$total" -v g0="$gc0" -v g1="$gc1" -v c0="$cpu0" -v c1="$cpu1" -v h="$hwm" -v heap="$heap" -v r="$rate" \
      'BEGIN { printf "%-28s %8d %14.1f %12.2f %12.0f %12.0f %10s\n", s, n, 100*(g1-g0)/n, 1000*(c1-c0)/n, h/1024, heap/1048576, r }'
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  done
done
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
