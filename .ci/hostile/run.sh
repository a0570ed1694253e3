#!/usr/bin/env bash
# Hostile clients against the release binary, on loopback, each bounded in
# time, with /healthz probed every 20 ms meanwhile (.ci/hostile/attack.py):
#
#   1. 1,100 idle connections under a soft open-files limit of 1,024: the
#      server raises it at start, serves them all, and closes them after
#      the header timeout; /healthz p99 stays under 100 ms;
#   2. the same under a hard limit of 1,024: the connection cap keeps
#      files free, so accept never fails; the connections past the cap
#      wait in the kernel's queue, /healthz with them (at most the header
#      timeout), and answers in under 100 ms once they are closed;
#   3. 50 clients sending their headers a byte a second: closed at the
#      header timeout, /healthz p99 under 100 ms;
#   4. a postings file of a million bad lines, outside the corpus folder:
#      /readyz stays small and fast, lists 20 of them and counts them all,
#      never names the folder it lies in, and the log says "and … more";
#   5. costly queries (.ci/hostile/queries.py): lists nested without
#      `first`, hundreds of aliased extractions of a 64 KiB text, huge
#      search words, persisted queries over the length limit: each
#      refused with its code; the heavy ones within the limits answered;
#      /healthz p99 under 100 ms throughout. The server keeps no answer
#      (`--answer-cache-bytes 0`), so every round does the work.
#
# After each, the server's peak resident set (VmHWM) must stay under
# RSS_LIMIT_MB (300). Figures are printed.
#
#   bash .ci/hostile/run.sh
#
# SKILLGRAPH_BIN picks another binary (default target/release/skillgraph,
# built when missing).
set -euo pipefail

cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/prelude.sh
source scripts/prelude.sh
need curl curl
need python3 python3
need prlimit util-linux
install_needed
release_binary

RSS_LIMIT_MB="${RSS_LIMIT_MB:-300}"
hard_limit="$(ulimit -Hn)"

work="$(mktemp -d)"
# shellcheck source=../../scripts/serve-in-background.sh
source scripts/serve-in-background.sh
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

# The server under an open-files limit of NOFILE (soft:hard); prlimit
# execs it, so the process keeps the wrapper's pid.
cat >"$work/limited.sh" <<EOF
#!/bin/sh
exec prlimit --nofile="\$NOFILE" -- "$PWD/$bin" "\$@"
EOF
chmod +x "$work/limited.sh"

# The attacker holds more sockets than a default shell allows.
attack() {
  (
    ulimit -Sn "$hard_limit"
    timeout 180 python3 .ci/hostile/attack.py "$@"
  )
}

memory() {
  local rss peak
  rss="$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$server/status")"
  peak="$(awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$server/status")"
  echo "  memory: VmRSS $rss MB now, peak VmHWM $peak MB"
  if ((peak >= RSS_LIMIT_MB)); then
    echo "FAIL the peak resident set, $peak MB, is not under $RSS_LIMIT_MB MB" >&2
    exit 1
  fi
}

never_out_of_files() {
  if grep -Eq 'Too many open files|cannot accept' "$1"; then
    grep -E 'Too many open files|cannot accept' "$1" | head -n 3 >&2
    echo "FAIL the server ran out of files" >&2
    exit 1
  fi
}

step "1,100 idle connections under a soft limit of 1,024 files (hard $hard_limit)"
NOFILE="1024:$hard_limit" BIN="$work/limited.sh" serve_in_background "$work/soft.log" \
  --seeds seeds --no-watch --addr 127.0.0.1:0 --header-read-timeout-secs 5
grep -o 'open files limit raised from [0-9]* to [0-9]*' "$work/soft.log" | sed 's/^/  /'
grep -q "open files limit raised from 1024 to $hard_limit" "$work/soft.log"
attack idle "$base" --count 1100 --hold 3 --closed-within 10
never_out_of_files "$work/soft.log"
memory
stop_server

step "1,100 idle connections under a hard limit of 1,024 files"
NOFILE="1024:1024" BIN="$work/limited.sh" serve_in_background "$work/hard.log" \
  --seeds seeds --no-watch --addr 127.0.0.1:0 --header-read-timeout-secs 2
grep -o 'at most [0-9]* connections at once' "$work/hard.log" | sed 's/^/  /'
grep -q 'at most 896 connections at once' "$work/hard.log"
# Past the cap, a probe waits its turn behind idle connections: at most
# the header timeout that closes them.
attack idle "$base" --count 1100 --hold 1 --closed-within 10 --p99-ms 3000
never_out_of_files "$work/hard.log"
echo "  once they are closed:"
attack readyz "$base" --seconds 2
memory
stop_server

step "50 clients sending their headers a byte a second"
serve_in_background "$work/trickle.log" \
  --seeds seeds --no-watch --addr 127.0.0.1:0 --header-read-timeout-secs 2
attack trickle "$base" --count 50 --closed-within 4
memory
stop_server

step "a postings file of a million bad lines, outside the corpus folder"
mkdir "$work/elsewhere"
python3 - "$work/elsewhere/board.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as board:
    for line in range(1_000_000):
        board.write(f"{{not json {line}\n")
PY
echo "  $(du -m "$work/elsewhere/board.jsonl" | cut -f1) MB of bad lines"
started=$SECONDS
serve_in_background "$work/postings.log" \
  --seeds seeds --no-watch --addr 127.0.0.1:0 --postings "$work/elsewhere/board.jsonl"
echo "  ready in $((SECONDS - started)) s"
attack readyz "$base" --seconds 5 --max-bytes 65536 --expect-errors 1000000
answer="$(curl -fsS "$base/graphql" -H 'content-type: application/json' \
  -d '{"query":"{ corpus { errors { file line } errorCount omitted { file errors } } }"}')"
echo "  corpus.errors: ${#answer} bytes"
for body in "$answer" "$(curl -fsS "$base/readyz")"; do
  if [[ "$body" == *"$work"* ]]; then
    echo "FAIL an answer names the folder the postings lie in: $body" >&2
    exit 1
  fi
done
lines="$(grep -c 'board.jsonl' "$work/postings.log" || true)"
echo "  log: $lines lines name board.jsonl; $(grep -o 'board.jsonl: and [0-9,]* more' "$work/postings.log" | head -n 1)"
if ((lines > 30)); then
  echo "FAIL the log repeats the bad lines ($lines lines)" >&2
  exit 1
fi
grep -q 'board.jsonl: and 999,980 more' "$work/postings.log"
memory
stop_server

step "costly queries"
# Without the answer cache: the attacks repeat one request, and a kept
# answer would spare every round after the first the work being tested.
serve_in_background "$work/queries.log" --seeds seeds --no-watch --addr 127.0.0.1:0 \
  --answer-cache-bytes 0
timeout 300 python3 .ci/hostile/queries.py "$base" "$server" "$RSS_LIMIT_MB"
memory
stop_server

echo
echo "ok   hostile clients refused, /healthz answered throughout"
