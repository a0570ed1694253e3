#!/usr/bin/env bash
# Fuzzes the guide reader and the graph builder for a bounded time.
#
#   scripts/fuzz.sh            # 60 s per target
#   scripts/fuzz.sh 600        # 10 min per target
#
# cargo-fuzz drives libFuzzer, which needs unstable compiler flags; with
# only a stable toolchain here, RUSTC_BOOTSTRAP=1 lets rustc accept them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
mkdir -p fuzz/corpus/parse_guide fuzz/corpus/build_graph
cp seeds/*.md fuzz/corpus/parse_guide/
for target in parse_guide build_graph; do
  echo "fuzzing ${target} for ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "${target}" --sanitizer none -- \
    -max_total_time="${seconds}" -max_len=65536 -rss_limit_mb=2048
done
