#!/usr/bin/env bash
# Subscriptions end to end with a real client: serves a temporary copy of
# the shipped seeds (watched) with the release build on loopback,
# subscribes to corpusChanged with the npm graphql-ws client
# (graphql-transport-ws over /graphql/ws), appends a line to a guide and
# checks the event says that guide changed, then stops the server.
#
#   bash .ci/subscriptions/run.sh
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
npm_ci .ci/subscriptions

release_binary

seeds="$(mktemp -d)"
log="$(mktemp)"
cp -R seeds/. "$seeds/"

step "serving a copy of the shipped seeds ($seeds) on 127.0.0.1"
# shellcheck source=../../scripts/serve-in-background.sh
source scripts/serve-in-background.sh
trap 'stop_server; rm -rf "$log" "$seeds"' EXIT
BIN="$bin" serve_in_background "$log" --seeds "$seeds" --addr 127.0.0.1:0
echo "server ready at $base"

step "corpusChanged over ${base/http/ws}/graphql/ws with graphql-ws"
status=0
node .ci/subscriptions/subscribe.mjs "${base/http/ws}/graphql/ws" "$seeds" cloud_native_engineer || status=$?
if ((status != 0)); then
  echo "--- server log" >&2
  tail -n 50 "$log" >&2
fi
exit "$status"
