#!/usr/bin/env bash
# Real GraphQL clients against the release build, served on loopback with
# the example postings:
#   - Apollo Client 4 (apollo.mjs): every example through the normalized
#     cache, two queries on one skillOverlap, fetchMore with
#     relayStylePagination(), and BatchHttpLink, with no warnings;
#   - GraphQL Code Generator (codegen.ts) types for every example, used by
#     use-types.ts and checked with tsc --strict;
#   - a CORS preflight and a cross-origin POST (preflight.mjs).
#
#   bash .ci/clients/run.sh
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
npm_ci .ci/clients

release_binary

step "types for examples/*.graphql with GraphQL Code Generator, checked with tsc --strict"
rm -rf .ci/clients/generated
(cd .ci/clients && node_modules/.bin/graphql-codegen --config codegen.ts --silent)
ls .ci/clients/generated
.ci/clients/node_modules/.bin/tsc --noEmit --strict -p .ci/clients
echo "tsc --strict: no errors"

log="$(mktemp)"
step "serving the shipped seeds and examples/postings on 127.0.0.1"
# shellcheck source=../../scripts/serve-in-background.sh
source scripts/serve-in-background.sh
trap 'stop_server; rm -f "$log"' EXIT
BIN="$bin" serve_in_background "$log" --postings examples/postings --addr 127.0.0.1:0 --no-watch
echo "server ready at $base"

status=0
step "Apollo Client 4 against $base/graphql"
node .ci/clients/apollo.mjs "$base/graphql" || status=$?

step "CORS preflight and a cross-origin POST against $base/graphql"
node .ci/clients/preflight.mjs "$base/graphql" || status=$?

if ((status != 0)); then
  echo "--- server log" >&2
  tail -n 50 "$log" >&2
fi
exit "$status"
