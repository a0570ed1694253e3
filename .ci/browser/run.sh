#!/usr/bin/env bash
# The explorer in a real browser: installs Chromium, Japanese fonts and
# playwright-core when missing, checks the page's router in Node
# (links.test.mjs), serves the shipped seeds with the release build on
# loopback, runs explorer.mjs against it and stops the server.
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

step "the router in Node"
node --test .ci/browser/links.test.mjs

bin="${SKILLGRAPH_BIN:-target/release/skillgraph}"
if [[ ! -x "$bin" ]]; then
  step "cargo build --release"
  cargo build --release
fi

step "serving the shipped seeds on 127.0.0.1:${PORT:-0}"
log="$(mktemp)"
# shellcheck source=../../scripts/serve-in-background.sh
source scripts/serve-in-background.sh
trap 'stop_server; rm -f "$log"' EXIT
BIN="$bin" serve_in_background "$log" --addr "127.0.0.1:${PORT:-0}" --no-watch
echo "server ready at $base"

step "explorer in Chromium against $base/"
status=0
node .ci/browser/explorer.mjs "$base/" || status=$?
if ((status != 0)); then
  echo "--- server log" >&2
  tail -n 50 "$log" >&2
fi
exit "$status"
