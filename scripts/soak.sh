#!/usr/bin/env bash
# Load and soak: a mix of the example queries against a release build on
# 127.0.0.1 while the corpus is edited (and so reloaded) every few seconds.
# Prints requests/s, p50/p99 latency, errors and the server's memory before
# and after; fails on any error or a p99 over the threshold.
#
#   scripts/soak.sh                 # 20 s, the short run CI uses
#   DURATION=300 scripts/soak.sh    # a five-minute soak
#
# Settings (environment): DURATION (s), CONNECTIONS, THREADS,
# RELOAD_EVERY (s), P99_LIMIT_MS, PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-20}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
reload_every="${RELOAD_EVERY:-3}"
p99_limit_ms="${P99_LIMIT_MS:-100}"
port="${PORT:-18181}"

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release --quiet
work="$(mktemp -d)"
trap 'kill "${server:-0}" "${editor:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

cp -r seeds "$work/seeds"
bodies=()
for example in role-comparison job-profile recommend transition-plan career-ladder; do
  python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read()}))' \
    "examples/$example.graphql" > "$work/$example.json"
  bodies+=("$work/$example.json")
done

target/release/skillgraph serve --seeds "$work/seeds" --addr "127.0.0.1:$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/server.log"; exit 1; }
rss_kib() { awk '/VmRSS/ { print $2 }' "/proc/$server/status"; }
rss_before="$(rss_kib)"

# Edits a guide every few seconds so the server reloads under load.
(
  guide="$work/seeds/platform_engineer.md"
  n=0
  while true; do
    sleep "$reload_every"
    n=$((n + 1))
    printf '\n<!-- edit %d -->\n' "$n" >> "$guide"
    rss_kib >> "$work/rss.txt"
  done
) &
editor=$!

wrk -t "$threads" -c "$connections" -d "${duration}s" --latency \
  -s scripts/soak.lua "http://127.0.0.1:$port/graphql" -- "${bodies[@]}" > "$work/wrk.txt"
kill "$editor" 2>/dev/null || true
rss_after="$(rss_kib)"
reloads="$(curl -fs "http://127.0.0.1:$port/metrics" | awk '/^skillgraph_reloads_total/ { sum += $2 } END { print sum + 0 }')"

value() { awk -v key="$1" '$1 == key { print $2 }' "$work/wrk.txt"; }
printf 'requests/s      %s\n' "$(value rps)"
printf 'p50 latency     %s ms\n' "$(value p50_ms)"
printf 'p99 latency     %s ms (limit %s ms)\n' "$(value p99_ms)" "$p99_limit_ms"
printf 'requests        %s in %s s\n' "$(value requests)" "$(value seconds)"
printf 'errors          %s non-2xx, %s with GraphQL errors, %s socket errors\n' "$(value non_2xx)" "$(value graphql_errors)" "$(value socket_errors)"
printf 'reloads         %s\n' "$reloads"
printf 'memory          %s KiB before, %s KiB after\n' "$rss_before" "$rss_after"
printf 'memory curve    %s KiB (one sample per reload)\n' "$(tr '\n' ' ' < "$work/rss.txt")"

failed=0
[ "$(value non_2xx)" = "0" ] || { echo "FAIL: non-2xx responses"; failed=1; }
[ "$(value graphql_errors)" = "0" ] || { echo "FAIL: answers with GraphQL errors"; failed=1; }
[ "$(value socket_errors)" = "0" ] || { echo "FAIL: socket errors"; failed=1; }
awk -v p99="$(value p99_ms)" -v limit="$p99_limit_ms" 'BEGIN { exit !(p99 > limit) }' \
  && { echo "FAIL: p99 over ${p99_limit_ms} ms"; failed=1; }
exit "$failed"
