#!/usr/bin/env bash
# How much memory `skillgraph serve` holds when first ready and after each
# of many reloads, and how high it peaks while one runs.
#
# It builds the release binary and the corpus generator, generates a corpus
# (10,000 guides unless COUNT says otherwise), serves it on 127.0.0.1 with
# the folder watched, and then edits one guide RELOADS times (20), each
# time waiting for the new corpus version and then SETTLE seconds (2). The
# resident set (VmRSS) is sampled every 0.1 s throughout. It prints the RSS
# when ready, after each reload, and the ratios the targets are set in:
# steady RSS after the last reload ÷ RSS when ready, ÷ the corpus bytes,
# and the highest RSS seen during the reloads ÷ the steady RSS.
#
#   scripts/bench-memory.sh
#   COUNT=1000 RELOADS=5 scripts/bench-memory.sh
#
# Settings (environment): COUNT (10000), SEED (1), RELOADS (20), SETTLE (2),
# SERVE_FLAGS (more flags for serve), KEEP_LOG (a path to copy the
# server's log to), BIN (a skillgraph binary to measure
# instead of building one; the corpus generator is built when missing). Only loopback is used; the server is
# stopped at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
COUNT="${COUNT:-10000}"
SEED="${SEED:-1}"
RELOADS="${RELOADS:-20}"
SETTLE="${SETTLE:-2}"

# shellcheck source=prelude.sh
source scripts/prelude.sh
bench_binaries

work="$(mktemp -d)"
# shellcheck source=serve-in-background.sh
source scripts/serve-in-background.sh
trap 'stop_server; [[ -n "${KEEP_LOG:-}" ]] && cp "$work/server.log" "$KEEP_LOG"; rm -rf "$work"' EXIT

corpus="$work/corpus"
generate_corpus "$corpus" "$COUNT" "$SEED"
corpus_bytes="$(du -sb "$corpus" | cut -f1)"

# shellcheck disable=SC2086
RUST_LOG="${RUST_LOG:-warn,skillgraph=info}" READY_SECONDS=600 serve_in_background "$work/server.log" \
  --seeds "$corpus" --addr 127.0.0.1:0 ${SERVE_FLAGS:-}

rss_kib() { awk '$1 == "VmRSS:" { print $2 }' "/proc/$server/status"; }
version() {
  curl -fsS -D - -o /dev/null "$base/healthz" | tr -d '\r' |
    awk -F': ' 'tolower($1) == "x-skillgraph-corpus-version" { print $2 }'
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

sleep "$SETTLE"
ready="$(rss_kib)"
echo "ready: $(mib "$ready") MiB for $(mib $((corpus_bytes / 1024))) MiB of guides"

mapfile -t guides < <(ls "$corpus"/*.md | head -n 50)
peak=0
steady="$ready"
for i in $(seq 1 "$RELOADS"); do
  before="$(version)"
  guide="${guides[$((i % ${#guides[@]}))]}"
  printf '\nEdited, pass %d.\n' "$i" >>"$guide"
  started=$SECONDS
  until [[ "$(version)" != "$before" ]]; do
    now="$(rss_kib)"
    ((now > peak)) && peak=$now
    if ((SECONDS - started > 600)); then
      echo "reload $i was not served within 600 s" >&2
      exit 1
    fi
    sleep 0.1
  done
  served=$((SECONDS - started))
  for _ in $(seq 1 $((SETTLE * 10))); do
    now="$(rss_kib)"
    ((now > peak)) && peak=$now
    sleep 0.1
  done
  steady="$(rss_kib)"
  echo "reload $i: served after ${served} s; RSS $(mib "$steady") MiB"
done
hwm="$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$server/status")"

echo
echo "skillgraph serve, $COUNT guides ($(mib $((corpus_bytes / 1024))) MiB), $RELOADS reloads, $(nproc) cores"
awk -v ready="$ready" -v steady="$steady" -v peak="$peak" -v hwm="$hwm" -v bytes="$corpus_bytes" 'BEGIN {
  printf "| RSS when ready | RSS after the last reload | ÷ ready | ÷ corpus bytes | peak during reloads | ÷ steady | VmHWM |\n"
  printf "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
  printf "| %.0f MiB | %.0f MiB | %.2f× | %.2f× | %.0f MiB | %.2f× | %.0f MiB |\n",
    ready / 1024, steady / 1024, steady / ready, steady * 1024 / bytes, peak / 1024, peak / steady, hwm / 1024
}'
