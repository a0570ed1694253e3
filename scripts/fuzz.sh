#!/usr/bin/env bash
# Fuzzes the guide reader, the graph builder, the postings reader and
# GraphQL requests run against the shipped guides, for a bounded time.
#
#   scripts/fuzz.sh            # 60 s per target
#   scripts/fuzz.sh 600        # 10 min per target
#   FUZZ_TARGETS=graphql_request scripts/fuzz.sh 600   # one target
#
# cargo-fuzz drives libFuzzer, which needs unstable compiler flags; with
# only a stable toolchain here, RUSTC_BOOTSTRAP=1 lets rustc accept them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
mkdir -p fuzz/corpus/parse_guide fuzz/corpus/build_graph fuzz/corpus/read_postings fuzz/corpus/graphql_request
cp seeds/*.md fuzz/corpus/parse_guide/
cp tests/fixtures/postings/*.jsonl fuzz/corpus/read_postings/ 2>/dev/null || true
read -r -a targets <<<"${FUZZ_TARGETS:-parse_guide build_graph read_postings graphql_request}"
for target in "${targets[@]}"; do
  echo "fuzzing ${target} for ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "${target}" --sanitizer none -- \
    -max_total_time="${seconds}" -max_len=65536 -rss_limit_mb=2048
done
