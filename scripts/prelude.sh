#!/usr/bin/env bash
# What every check script starts with. Source it from the repository root:
#
#   step "what happens next"            # a heading in the output
#   need COMMAND PACKAGE                # PACKAGE is installed when COMMAND is missing
#   install_needed                      # installs them (Debian), once
#   npm_ci DIR                          # the locked npm packages of DIR
#   release_binary                      # sets bin: SKILLGRAPH_BIN, else
#                                       # target/release/skillgraph, built when missing
#   bench_binaries                      # the release server (unless BIN names one)
#                                       # and the corpus generator, built
#   generate_corpus DIR COUNT SEED [FLAGS…]  # a generated corpus, with a heading

# Each heading says how long the script has run, so a slow step shows.
step() { printf '\n== %s  [%d s]\n' "$*" "$SECONDS"; }

packages_needed=()

need() {
  command -v "$1" >/dev/null 2>&1 || packages_needed+=("$2")
}

install_needed() {
  ((${#packages_needed[@]})) || return 0
  step "installing ${packages_needed[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages_needed[@]}" >/dev/null
  packages_needed=()
}

npm_ci() {
  step "npm ci --prefix $1"
  npm ci --prefix "$1" --no-audit --no-fund --loglevel=error
}

bin=""

release_binary() {
  bin="${SKILLGRAPH_BIN:-target/release/skillgraph}"
  if [[ ! -x "$bin" ]]; then
    step "cargo build --release"
    cargo build --release
  fi
}

# The benchmarks that serve a generated corpus measure BIN when it is set,
# else a fresh release build; they always need the corpus generator.
bench_binaries() {
  if [[ -z "${BIN:-}" ]]; then
    step "cargo build --release --bin skillgraph --bin skillgraph-corpus"
    cargo build --release --bin skillgraph --bin skillgraph-corpus
  elif [[ ! -x target/release/skillgraph-corpus ]]; then
    step "cargo build --release --bin skillgraph-corpus"
    cargo build --release --bin skillgraph-corpus
  fi
}

generate_corpus() {
  local out="$1" count="$2" seed="$3"
  shift 3
  step "generating $count guides $* (seed $seed)"
  target/release/skillgraph-corpus --count "$count" --seed "$seed" "$@" --out "$out"
}
