#!/usr/bin/env bash
# Measures the garbage collector settings at scale: the service on the embedded store
# holding the bundled dataset times FACTOR (default 100), the response cache off, under
# three settings in turn for ROUNDS rounds (alternated, so they share the machine's
# load): Go's default (GOGC=100, no limit), GOGC=400 under a fixed 768 MiB soft limit,
# and the service's default (GOGC=400 under a limit fitted to the data once it is loaded,
# internal/gcdefault.Fit). Each run sends the
# same executed queries with tools/loadgen (a fixed number of requests: a two-level
# query from 8 clients, then a tenth as many searches from 2) and prints one row: per workload the
# collections per 100 requests and CPU per request (from the service's /metrics) and
# throughput; the peak RSS once ready (the import's), the RSS and heap at the end.
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

printf '%-36s | %-27s | %-27s | %9s %9s %8s\n' "" "two-level (${requests} req)" "search ($((requests / 10)) req)" "start RSS" "end RSS" "end heap"
printf '%-36s | %8s %9s %8s | %8s %9s %8s | %9s %9s %8s\n' setting "GC/100" "CPU ms" "req/s" "GC/100" "CPU ms" "req/s" MB MB MB
for round in $(seq 1 "$rounds"); do
  for setting in "GOGC=100 GOMEMLIMIT=off" "GOGC=400 GOMEMLIMIT=768MiB" "service default"; do
    envs=()
    [ "$setting" != "service default" ] && read -ra envs <<<"$setting"
    env "${envs[@]}" SEED_FILE="$work/atlas.json" DATA_DIR=memory RESPONSE_CACHE_BYTES=0 PLAYGROUND=false \
      "$work/lsgatlas" -addr "127.0.0.1:$port" -log-level warn 2>"$work/log" &
    pid=$!
    until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do # ready: the import has ended
      kill -0 "$pid" 2>/dev/null || { cat "$work/log"; exit 1; }
      sleep 1
    done
    start_rss=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
    row=()
    for workload in two_level search; do
      # A search at 100x scores thousands of candidates (about 0.1 s of CPU): two
      # clients, so that none waits past loadgen's 10 s timeout.
      n=$requests clients=8; [ "$workload" = search ] && n=$((requests / 10)) clients=2
      gc0=$(metric go_gc_duration_seconds_count) cpu0=$(metric process_cpu_seconds_total)
      out=$("$work/loadgen" -url "http://127.0.0.1:$port/graphql" -c "$clients" -d 2m -n "$n" -query "${!workload}")
      gc1=$(metric go_gc_duration_seconds_count) cpu1=$(metric process_cpu_seconds_total)
      case "$out" in *" failures=0 "*) ;; *) echo "errors: $out" >&2; exit 1 ;; esac
      rate=$(sed -E 's/.*throughput=([0-9.]+).*/\1/' <<<"$out")
      row+=("$(awk -v n="$n" -v g0="$gc0" -v g1="$gc1" -v c0="$cpu0" -v c1="$cpu1" -v r="$rate" \
        'BEGIN { printf "%8.1f %9.2f %8.0f", 100*(g1-g0)/n, 1000*(c1-c0)/n, r }')")
    done
    end_rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
    heap=$(metric go_memstats_heap_alloc_bytes)
    awk -v s="$setting (round $round)" -v a="${row[0]}" -v b="${row[1]}" -v sr="$start_rss" -v er="$end_rss" -v h="$heap" \
      'BEGIN { printf "%-36s | %s | %s | %9.0f %9.0f %8.0f\n", s, a, b, sr/1024, er/1024, h/1048576 }'
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  done
done
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
