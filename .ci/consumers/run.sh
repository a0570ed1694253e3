#!/usr/bin/env bash
# Reads every export format of `skillgraph export` in the tool that consumes
# it, for the seeds' whole graph and for the neighbourhood of one job:
#
#   - DOT renders with Graphviz (`dot -Tsvg`, no warnings), and Graphviz's
#     `gc` counts the JSON export's nodes and edges;
#   - GraphML reads with networkx, with the JSON export's nodes, labels,
#     kinds, edges and weights (check_graphml.py);
#   - Cytoscape JSON loads in cytoscape.js, headless, with the same nodes,
#     labels and edges (check.mjs);
#   - the Mermaid flowchart parses with `mermaid.parse` under Node over
#     jsdom, with as many vertices and edges (check.mjs). mermaid-cli is not
#     used: its Puppeteer downloads a browser build, which cannot be fetched.
#
# Usage: .ci/consumers/run.sh path/to/skillgraph
# Installs what it needs: graphviz (apt) when `dot` is missing, networkx
# (pip) when it cannot be imported, and the npm packages locked in
# package-lock.json (`npm ci`).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 path/to/skillgraph" >&2
  exit 2
fi
binary=$(realpath "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seeds=$(realpath "$here/../../seeds")

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

if ! command -v dot >/dev/null || ! command -v gc >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends graphviz >/dev/null
fi
if ! python3 -c 'import networkx' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check networkx
fi
npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

checks=0

run_view() {
  local name=$1
  shift
  local out="$work/$name"
  for format in json cytoscape dot graphml mermaid; do
    "$binary" export --seeds "$seeds" --format "$format" "$@" >"$out.$format"
  done
  local counts nodes edges
  counts=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(len(d["nodes"]), len(d["edges"]))' "$out.json")
  read -r nodes edges <<<"$counts"
  echo "== $name: $nodes nodes, $edges edges"
  if [[ $nodes -lt 2 || $edges -lt 1 ]]; then
    echo "$name: the JSON export is too small to check anything" >&2
    return 1
  fi

  # Graphviz: any warning (bad escape, unknown charset …) is a failure.
  dot -Tsvg "$out.dot" -o "$out.svg" 2>"$out.dot.err"
  if [[ -s "$out.dot.err" ]]; then
    cat "$out.dot.err" >&2
    return 1
  fi
  grep -q '<svg' "$out.svg"
  read -r dot_nodes dot_edges _ < <(gc -n -e "$out.dot")
  if [[ $dot_nodes -ne $nodes || $dot_edges -ne $edges ]]; then
    echo "dot $name: gc counts $dot_nodes nodes and $dot_edges edges" >&2
    return 1
  fi
  echo "dot: $dot_nodes nodes, $dot_edges edges, rendered to SVG"
  python3 "$here/check_graphml.py" "$out.graphml" "$out.json"
  node "$here/check.mjs" cytoscape "$out.cytoscape" "$out.json"
  node "$here/check.mjs" mermaid "$out.mermaid" "$out.json"
  checks=$((checks + 4))
}

run_view whole
run_view platform_engineer --center job:platform_engineer --depth 2

echo "consumer checks passed: $checks formats and views read by their consumers"
