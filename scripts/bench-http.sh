#!/usr/bin/env bash
# Load-tests `skillgraph serve` on loopback and prints requests/s and p99 for
# a trivial route of the same binary and three GraphQL requests:
#
#   GET  /healthz                 the trivial route: what HTTP alone costs
#   POST { __typename }           GraphQL parsing and execution, no graph work
#   POST skillOverlap             examples/role-comparison.graphql, one pair
#   POST skillOverlap, 1,000 pairs  the same query over 1,000 distinct pairs
#                                 of jobs in turn: warm, from the answer
#                                 cache once each pair has been asked
#   POST recommendJobs            examples/recommend.graphql
#   GET skillOverlap, 304         the overlap query by GET with the
#                                 If-None-Match of its ETag: a revalidation
#   GET skillOverlap via nginx    the same GET through nginx's proxy_cache
#                                 (deploy/nginx-cache.conf): cache hits
#   POST APQ hash only            the overlap query named by its sha256
#                                 (Apollo's automatic persisted queries)
#   cold: the 1,000 pairs and skillOverlap again, on a server started with
#         --answer-cache-bytes 0, so that every answer runs
#
# It builds the release binary and the corpus generator, generates a corpus
# (1,000 guides unless COUNT says otherwise), starts the server on
# 127.0.0.1, waits for /readyz, runs wrk against each request in turn
# (bounded in time), prints a table and stops the server.
#
#   scripts/bench-http.sh
#   COUNT=10000 DURATION=5 scripts/bench-http.sh
#
# Settings (environment): COUNT (guides, default 1000), SEED (1), DURATION
# (seconds per request, 10), THREADS (wrk threads, 2), CONNECTIONS (32),
# PORT (0: any free port). Only loopback is ever targeted.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=nginx-cache.sh
source scripts/nginx-cache.sh

COUNT="${COUNT:-1000}"
SEED="${SEED:-1}"
DURATION="${DURATION:-10}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PORT="${PORT:-0}"

if ! command -v wrk >/dev/null; then
  echo "== installing wrk"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk curl
fi

echo "== cargo build --release --bin skillgraph --bin skillgraph-corpus"
cargo build --release --bin skillgraph --bin skillgraph-corpus

work="$(mktemp -d)"
# shellcheck source=serve-in-background.sh
source scripts/serve-in-background.sh
trap 'stop_nginx_cache "$work"; stop_server; rm -rf "$work"' EXIT

corpus="$work/corpus"
echo "== generating $COUNT guides (seed $SEED)"
target/release/skillgraph-corpus --count "$COUNT" --seed "$SEED" --out "$corpus"

# Two jobs with guides, the first listing the second in related_jobs: the
# pair the overlap request compares.
pair=""
for file in "$corpus"/*.md; do
  from="$(basename "$file" .md)"
  for to in $(sed -n '/"related_jobs": \[/,/\]/p' "$file" | grep -o '"[a-z0-9_]*"' | tr -d '"'); do
    if [[ -f "$corpus/$to.md" && "$to" != "$from" ]]; then
      pair="$from $to"
      break 2
    fi
  done
done
[[ -n "$pair" ]] || { echo "no guide lists another guide" >&2; exit 1; }
read -r job_a job_b <<<"$pair"

# A file's text as a JSON string.
json_string() {
  local text
  text="$(cat "$1")"
  text="${text//\\/\\\\}"
  text="${text//\"/\\\"}"
  text="${text//$'\t'/\\t}"
  text="${text//$'\r'/}"
  text="${text//$'\n'/\\n}"
  printf '"%s"' "$text"
}

typename_body='{"query":"{ __typename }"}'
overlap_body="{\"query\":$(json_string examples/role-comparison.graphql),\"variables\":{\"a\":\"$job_a\",\"b\":\"$job_b\"}}"
recommend_body="{\"query\":$(json_string examples/recommend.graphql),\"variables\":{\"skills\":[\"Kubernetes\",\"Terraform\"]}}"

log="$work/server.log"
echo "== serving $corpus"
started_ns="$(date +%s%N)"
RUST_LOG="${RUST_LOG:-warn,skillgraph=info}" READY_SECONDS=600 serve_in_background "$log" \
  --seeds "$corpus" --addr "127.0.0.1:$PORT" --no-watch
ready_ns="$(date +%s%N)"
ready_ms=$(((ready_ns - started_ns) / 1000000))

# One request of each kind before measuring: it must answer without errors;
# the first answer is timed, to compare with the steady state below.
post() {
  curl -sS --max-time 300 -H 'content-type: application/json' -d "$1" "$base/graphql"
}
for name in typename overlap recommend; do
  body_var="${name}_body"
  before_ns="$(date +%s%N)"
  answer="$(post "${!body_var}")"
  after_ns="$(date +%s%N)"
  if [[ "$answer" == *'"errors"'* || "$answer" != *'"data"'* ]]; then
    echo "the $name request failed: ${answer:0:400}" >&2
    exit 1
  fi
  printf -v "first_${name}_ms" '%d' $(((after_ns - before_ns) / 1000000))
done

# A wrk script that posts the overlap query for 1,000 distinct pairs of
# jobs with guides, one after another.
mix_lua="$work/mix.lua"
mapfile -t slugs < <(ls "$corpus" | sed -n 's/\.md$//p')
overlap_query="$(json_string examples/role-comparison.graphql)"
{
  echo 'local bodies = {'
  n=${#slugs[@]}
  for k in $(seq 0 999); do
    a=$((k % n))
    b=$(((k * 7 + 1 + k / n) % n))
    ((b == a)) && b=$(((b + 1) % n))
    echo "  [==[{\"query\":$overlap_query,\"variables\":{\"a\":\"${slugs[$a]}\",\"b\":\"${slugs[$b]}\"}}]==],"
  done
  echo '}'
  echo 'local next = 0'
  echo 'request = function()'
  echo '  next = next % #bodies + 1'
  echo '  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json" }, bodies[next])'
  echo 'end'
} >"$mix_lua"

# The overlap query by GET, its ETag, and the same query as an APQ hash.
overlap_text="$(cat examples/role-comparison.graphql)"
overlap_get="/graphql?query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$overlap_text")&variables=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "{\"a\":\"$job_a\",\"b\":\"$job_b\"}")"
overlap_tag="$(curl -fsS -o /dev/null -D - -H 'accept: application/json' "$base$overlap_get" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')"
[[ -n "$overlap_tag" ]] || { echo "the overlap GET has no ETag" >&2; exit 1; }
etag_lua="$work/etag.lua"
{
  echo 'wrk.method = "GET"'
  echo 'wrk.headers["Accept"] = "application/json"'
  echo "wrk.headers[\"If-None-Match\"] = [==[$overlap_tag]==]"
} >"$etag_lua"
overlap_hash="$(printf '%s' "$overlap_text" | sha256sum | cut -d' ' -f1)"
apq_extensions="\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$overlap_hash\"}}"
apq_body="{$apq_extensions,\"variables\":{\"a\":\"$job_a\",\"b\":\"$job_b\"}}"
registered="$(post "{\"query\":$(json_string examples/role-comparison.graphql),$apq_extensions,\"variables\":{\"a\":\"$job_a\",\"b\":\"$job_b\"}}")"
[[ "$registered" == *'"data"'* ]] || { echo "registering the APQ failed: ${registered:0:300}" >&2; exit 1; }
start_nginx_cache "${base#http://}" "$work"
proxy="http://127.0.0.1:$nginx_port"
get_lua="$work/get.lua"
{
  echo 'wrk.method = "GET"'
  echo 'wrk.headers["Accept"] = "application/json"'
} >"$get_lua"
curl -fsS -o /dev/null -H 'accept: application/json' "$proxy$overlap_get"

lua="$work/post.lua"
# Runs wrk on one request (a body, or a script when the body names a .lua
# file); prints "requests/s p99".
measure() {
  local body="$1" path="$2" output target="$base"
  # A path with a scheme is a whole address (the proxy), not a path here.
  [[ "$path" == http* ]] && target=""
  if [[ "$body" == *.lua ]]; then
    output="$(wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$body" "$target$path")"
  elif [[ -n "$body" ]]; then
    {
      echo 'wrk.method = "POST"'
      echo 'wrk.headers["Content-Type"] = "application/json"'
      echo "wrk.body = [==[$body]==]"
    } >"$lua"
    output="$(wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$lua" "$target$path")"
  else
    output="$(wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$target$path")"
  fi
  # Revalidations answer 304, which wrk counts with the errors.
  if [[ "$body" != "$etag_lua" ]] && grep -q 'Non-2xx' <<<"$output"; then
    echo "$output" >&2
    echo "some answers to $path were not 2xx" >&2
    exit 1
  fi
  local rps p99
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$output")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$output")"
  echo "$rps $p99"
}

names=("GET /healthz" "POST { __typename }" "POST skillOverlap" "POST overlap, 1k pairs" "POST recommendJobs" "GET overlap, 304" "GET overlap via nginx" "POST APQ hash only")
bodies=("" "$typename_body" "$overlap_body" "$mix_lua" "$recommend_body" "$etag_lua" "$get_lua" "$apq_body")
paths=("/healthz" "/graphql" "/graphql" "/graphql" "/graphql" "$overlap_get" "$proxy$overlap_get" "/graphql")
results=()
for i in "${!names[@]}"; do
  echo "== wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s: ${names[$i]}"
  results+=("$(measure "${bodies[$i]}" "${paths[$i]}")")
done

hits="$(curl -fsS -o /dev/null -D - -H 'accept: application/json' "$proxy$overlap_get" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache-status" { print $2 }')"
[[ "$hits" == HIT ]] || { echo "the proxy did not serve the overlap GET from its cache ($hits)" >&2; exit 1; }
answer_hits="$(curl -fsS "$base/metrics" | awk '$1 == "skillgraph_answer_cache_hits_total" { print $2 }')"
stop_nginx_cache "$work"
stop_server
server=""

# The cold path: the same corpus served with no answer cache.
echo "== serving $corpus again with --answer-cache-bytes 0"
RUST_LOG="${RUST_LOG:-warn,skillgraph=info}" READY_SECONDS=600 serve_in_background "$log" \
  --seeds "$corpus" --addr "127.0.0.1:$PORT" --no-watch --answer-cache-bytes 0
names+=("cold: overlap, 1k pairs" "cold: skillOverlap")
for body in "$mix_lua" "$overlap_body"; do
  i=${#results[@]}
  echo "== wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s: ${names[$i]}"
  results+=("$(measure "$body" /graphql)")
done
stop_server
server=""

read -r trivial_rps _ <<<"${results[0]}"
echo
echo "skillgraph serve, $COUNT guides, $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback"
echo "start to ready: ${ready_ms} ms; first answers: { __typename } ${first_typename_ms} ms, skillOverlap ${first_overlap_ms} ms, recommendJobs ${first_recommend_ms} ms"
echo "skillOverlap compares $job_a and $job_b; the answer cache gave ${answer_hits:-0} answers"
echo
printf '| %-22s | %10s | %9s | %13s |\n' "request" "req/s" "p99" "vs /healthz"
printf '| %-22s | %10s | %9s | %13s |\n' "---" "---:" "---:" "---:"
for i in "${!names[@]}"; do
  read -r rps p99 <<<"${results[$i]}"
  ratio="$(awk -v a="$rps" -v b="$trivial_rps" 'BEGIN { printf "%.3f", a / b }')"
  printf '| %-22s | %10s | %9s | %13s |\n' "${names[$i]}" "$rps" "$p99" "${ratio}x"
done
