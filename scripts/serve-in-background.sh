#!/usr/bin/env bash
# Starts `skillgraph serve` in the background on loopback and waits until it
# is ready. Source it, then:
#
#   serve_in_background LOG [serve flags…]   # sets server (pid) and base (URL)
#   stop_server                              # SIGTERM, then wait
#
# The flags must include `--addr 127.0.0.1:PORT` (0 for any free port); the
# address is read from the server's "listening on" log line. BIN picks the
# binary (default target/release/skillgraph). READY_SECONDS bounds the wait
# for /readyz (default 60).

server=""
base=""

serve_in_background() {
  local log="$1"
  shift
  "${BIN:-target/release/skillgraph}" serve "$@" >"$log" 2>&1 &
  server=$!
  base=""
  for _ in $(seq 1 300); do
    base="$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 | sed 's/^listening on //' || true)"
    [[ -n "$base" ]] && break
    if ! kill -0 "$server" 2>/dev/null; then
      cat "$log" >&2
      echo "the server exited before listening" >&2
      return 1
    fi
    sleep 0.1
  done
  if [[ -z "$base" ]]; then
    cat "$log" >&2
    echo "the server did not say where it listens within 30 s" >&2
    return 1
  fi
  local deadline=$((SECONDS + ${READY_SECONDS:-60}))
  until curl -fsS -o /dev/null "$base/readyz" 2>/dev/null; do
    if ! kill -0 "$server" 2>/dev/null || ((SECONDS > deadline)); then
      cat "$log" >&2
      echo "the server at $base did not become ready" >&2
      return 1
    fi
    sleep 0.05
  done
}

stop_server() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
}
