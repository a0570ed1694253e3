#!/usr/bin/env bash
# How long an edit to one guide takes to be served: from the moment the
# edited file is in place to the moment `/readyz` reports the new corpus
# version, with the compile phases of each reload from the server's log
# (and how many guides it parsed again).
#
# It builds the release binary and the corpus generator, generates a corpus
# (10,000 guides unless COUNT says otherwise; COMPACT=1 for compact ones), serves it on
# 127.0.0.1 with the folder watched, then edits EDITS guides (5), one at a
# time: each edit is written beside the guide and renamed over it, as an
# editor or a checkout does, and the next waits until the one before is
# served. It prints each edit's time, then the median and the longest.
#
#   scripts/bench-edit.sh
#   COUNT=1000 EDITS=10 scripts/bench-edit.sh
#
# Settings (environment): COUNT (10000), SEED (1), EDITS (5), COMPACT
# (1 for compact guides), SERVE_FLAGS (more flags for serve),
# BIN (a skillgraph binary to measure instead of building one). Only
# loopback is used; the server is stopped at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
COUNT="${COUNT:-10000}"
SEED="${SEED:-1}"
EDITS="${EDITS:-5}"
size=()
[[ "${COMPACT:-0}" == 1 ]] && size=(--compact)

# shellcheck source=prelude.sh
source scripts/prelude.sh
bench_binaries

work="$(mktemp -d)"
# shellcheck source=serve-in-background.sh
source scripts/serve-in-background.sh
trap 'stop_server; rm -rf "$work"' EXIT

corpus="$work/corpus"
generate_corpus "$corpus" "$COUNT" "$SEED" "${size[@]}"

log="$work/server.log"
# shellcheck disable=SC2086
RUST_LOG="${RUST_LOG:-warn,skillgraph=info}" READY_SECONDS=900 serve_in_background "$log" \
  --seeds "$corpus" --addr 127.0.0.1:0 ${SERVE_FLAGS:-}
grep -o 'compiled in phases: .*' "$log" | head -n 1 | sed 's/^/start: /'

version() {
  curl -fsS "$base/readyz" | sed -n 's/.*"version": *"\([0-9a-f]*\)".*/\1/p'
}
now_ms() { date +%s%3N; }

mapfile -t guides < <(ls "$corpus"/*.md | head -n 50)
times=()
for i in $(seq 1 "$EDITS"); do
  before="$(version)"
  guide="${guides[$((i % ${#guides[@]}))]}"
  cp "$guide" "$work/edited.md"
  printf '\n編集 %d: Kubernetes の運用を改善した。\n' "$i" >>"$work/edited.md"
  started="$(now_ms)"
  mv "$work/edited.md" "$guide"
  until [[ "$(version)" != "$before" ]]; do
    if (($(now_ms) - started > 900000)); then
      echo "edit $i was not served within 900 s" >&2
      exit 1
    fi
    sleep 0.02
  done
  took=$(($(now_ms) - started))
  times+=("$took")
  phases="$(grep -o 'compiled in phases: .*' "$log" | tail -n 1 | sed 's/^compiled in phases: //; s/ parsed=.*//')"
  echo "edit $i: served after ${took} ms; $phases"
done

sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
median="$(echo "$sorted" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')"
longest="$(echo "$sorted" | tail -n 1)"
echo
echo "skillgraph serve, $COUNT guides ${size[*]}, $EDITS edits, $(nproc) cores"
echo "| edit served after, median | longest |"
echo "| ---: | ---: |"
echo "| ${median} ms | ${longest} ms |"
