#!/usr/bin/env bash
# Real GraphQL clients against the release build, served on loopback with
# the example postings:
#   - Apollo Client 4 (apollo.mjs): every example through the normalized
#     cache, two queries on one skillOverlap, fetchMore with
#     relayStylePagination(), and BatchHttpLink, with no warnings;
#   - GraphQL Code Generator (codegen.ts) types for every example, used by
#     use-types.ts and checked with tsc --strict;
#   - Relay: the documents in relay/src (a @refetchable fragment, a
#     @connection, a fragment on Node) compiled by relay-compiler with no
#     warnings, then run with relay-runtime (relay.mjs): refetch through
#     Query.node, pagination merged by ConnectionHandler, node(id:) typenames
#     and no id shared by two objects in the store, with no warnings;
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

step "Relay artifacts for .ci/clients/relay/src with relay-compiler, no warnings"
rm -rf .ci/clients/relay/src/__generated__
relay_status=0
relay_out="$(cd .ci/clients/relay && ../node_modules/.bin/relay-compiler --noWatchman 2>&1)" || relay_status=$?
relay_out="$(sed 's/\x1b\[[0-9;]*m//g' <<<"$relay_out")" # its colours
printf '%s\n' "$relay_out"
if ((relay_status != 0)) || grep -Eqi 'warn|error' <<<"$relay_out"; then
  echo "relay-compiler exited with $relay_status or printed a warning or an error" >&2
  exit 1
fi
ls .ci/clients/relay/src/__generated__

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

step "Relay (relay-runtime) against $base/graphql"
node .ci/clients/relay.mjs "$base/graphql" || status=$?

step "CORS preflight and a cross-origin POST against $base/graphql"
node .ci/clients/preflight.mjs "$base/graphql" || status=$?

if ((status != 0)); then
  echo "--- server log" >&2
  tail -n 50 "$log" >&2
fi
exit "$status"
