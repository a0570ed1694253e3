#!/usr/bin/env bash
# Replicas behind HAProxy, the short form of scripts/replicas.sh: three
# `skillgraph serve` on one corpus folder behind deploy/haproxy.cfg, on
# loopback, with 30 s of GET and POST queries through HAProxy while a guide
# is edited (every replica must serve it within 2 s), the folder is broken
# and restored (all stay in the pool, "degraded"), a replica with nothing
# to serve is kept out, each replica is restarted in turn and one is
# killed. Fails on any failed request outside the kill, and on a failed
# GET or a failure not in flight on the killed replica during it.
#
#   bash .ci/replicas/run.sh
#
# SKILLGRAPH_BIN picks another binary (default target/release/skillgraph,
# built when missing); DURATION another length (default 30 s).
set -euo pipefail

cd "$(dirname "$0")/../.."
DURATION="${DURATION:-30}" exec bash scripts/replicas.sh
