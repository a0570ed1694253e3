#!/usr/bin/env bash
# The explorer in a real browser: installs Chromium, Japanese fonts and
# playwright-core when missing, checks the page's router in Node
# (links.test.mjs), serves the shipped seeds and the example postings with
# the release build on loopback, runs explorer.mjs against it, audits every
# view with Lighthouse and axe-core (audit.mjs) and stops the server.
# Screenshots land in artifacts/screenshots/, the audit's figures in
# artifacts/lighthouse.json.
#
#   bash .ci/browser/run.sh            # a free port
#   PORT=8090 bash .ci/browser/run.sh  # a given port
#
# SKILLGRAPH_BIN picks another binary (default target/release/skillgraph,
# built when missing).
set -euo pipefail

cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/prelude.sh
source scripts/prelude.sh
need /usr/bin/chromium chromium
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || packages_needed+=(fonts-noto-cjk)
need node nodejs
need npm npm
need curl curl
install_needed
npm_ci .ci/browser

step "the router in Node"
node --test .ci/browser/links.test.mjs

release_binary

step "serving the shipped seeds and examples/postings on 127.0.0.1:${PORT:-0}"
log="$(mktemp)"
# shellcheck source=../../scripts/serve-in-background.sh
source scripts/serve-in-background.sh
trap 'stop_server; rm -f "$log"' EXIT
BIN="$bin" serve_in_background "$log" --addr "127.0.0.1:${PORT:-0}" --no-watch --postings examples/postings
echo "server ready at $base"

step "explorer in Chromium against $base/"
status=0
node .ci/browser/explorer.mjs "$base/" || status=$?

# Every view with Lighthouse and axe-core, at desktop size and at 390×844;
# the figures land in artifacts/lighthouse.json.
step "Lighthouse and axe on every view"
node .ci/browser/audit.mjs "$base/" || status=$?
if ((status != 0)); then
  echo "--- server log" >&2
  tail -n 50 "$log" >&2
fi
exit "$status"
