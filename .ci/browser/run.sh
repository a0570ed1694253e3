#!/usr/bin/env bash
# The explorer in a real browser: installs Chromium, Japanese fonts and
# playwright-core when missing, serves the shipped seeds with the release
# build on loopback, runs explorer.mjs against it and stops the server.
# Screenshots land in artifacts/screenshots/.
#
#   bash .ci/browser/run.sh            # a free port
#   PORT=8090 bash .ci/browser/run.sh  # a given port
#
# SKILLGRAPH_BIN picks another binary (default target/release/skillgraph,
# built when missing).
set -euo pipefail

cd "$(dirname "$0")/../.."
step() { printf '\n== %s\n' "$*"; }

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  step "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

step "npm ci --prefix .ci/browser"
npm ci --prefix .ci/browser --no-audit --no-fund --loglevel=error

bin="${SKILLGRAPH_BIN:-target/release/skillgraph}"
if [[ ! -x "$bin" ]]; then
  step "cargo build --release"
  cargo build --release
fi

step "serving the shipped seeds on 127.0.0.1:${PORT:-0}"
log="$(mktemp)"
"$bin" serve --addr "127.0.0.1:${PORT:-0}" --no-watch >"$log" 2>&1 &
server=$!
stop_server() {
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
}
trap 'stop_server; rm -f "$log"' EXIT

base=""
for _ in $(seq 1 300); do
  base="$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 | sed 's/^listening on //' || true)"
  [[ -n "$base" ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$log"
    echo "the server exited before listening" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z "$base" ]]; then
  cat "$log"
  echo "the server did not say where it listens within 30 s" >&2
  exit 1
fi

ready=""
for _ in $(seq 1 100); do
  if curl -fsS "$base/readyz" >/dev/null 2>&1; then
    ready=yes
    break
  fi
  sleep 0.1
done
if [[ -z "$ready" ]]; then
  cat "$log"
  echo "the server at $base did not become ready within 10 s" >&2
  exit 1
fi
echo "server ready at $base"

step "explorer in Chromium against $base/"
status=0
node .ci/browser/explorer.mjs "$base/" || status=$?
if ((status != 0)); then
  echo "--- server log" >&2
  tail -n 50 "$log" >&2
fi
exit "$status"
