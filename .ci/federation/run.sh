#!/usr/bin/env bash
# Apollo Federation v2 end to end: serves the shipped seeds with the release
# build on loopback, composes it with a second subgraph (written for this
# check: it extends `Job @key(fields: "slug")` with a salary) behind npm
# @apollo/gateway, and runs queries that join both through the gateway.
#
#   bash .ci/federation/run.sh
#
# SKILLGRAPH_BIN picks another binary (default target/release/skillgraph,
# built when missing).
set -euo pipefail

cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/prelude.sh
source scripts/prelude.sh
need node nodejs
need npm npm
need curl curl
install_needed
npm_ci .ci/federation

release_binary

log="$(mktemp)"
step "serving the shipped seeds on 127.0.0.1"
# shellcheck source=../../scripts/serve-in-background.sh
source scripts/serve-in-background.sh
trap 'stop_server; rm -f "$log"' EXIT
BIN="$bin" serve_in_background "$log" --seeds seeds --addr 127.0.0.1:0 --no-watch
echo "subgraph ready at $base/graphql"

step "composing it with a salary subgraph behind @apollo/gateway"
status=0
node .ci/federation/compose.mjs "$base/graphql" || status=$?
if ((status != 0)); then
  echo "--- server log" >&2
  tail -n 50 "$log" >&2
fi
exit "$status"
