#!/usr/bin/env bash
# HTTP caching through a real caching proxy: Debian's nginx with
# proxy_cache in front of `skillgraph serve`, on loopback.
#
#   1. the first GET of a query is a MISS, the second an identical HIT;
#   2. once the answer is older than --cache-max-age, nginx revalidates
#      with If-None-Match: the server answers 304 and nginx says REVALIDATED;
#   3. after a guide is edited (a reload, a new corpus version), the
#      revalidation gets a 200 with a new ETag: nginx says EXPIRED, a miss,
#      and the next GET is a HIT on the new answer;
#   4. a client that accepts gzip gets the answer gzip-encoded, from its
#      own cache entry (Vary: accept-encoding), with the same ETag, the same
#      JSON once decoded, and its own revalidation by a 304.
#
#   bash .ci/proxy/run.sh
#
# SKILLGRAPH_BIN picks another binary (default target/release/skillgraph,
# built when missing). nginx runs with deploy/nginx-cache.conf, through
# scripts/nginx-cache.sh, which installs it when missing.
set -euo pipefail

cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/prelude.sh
source scripts/prelude.sh

# shellcheck source=../../scripts/nginx-cache.sh
source scripts/nginx-cache.sh
need curl curl
install_needed
release_binary

work="$(mktemp -d)"
chmod 755 "$work"
# shellcheck source=../../scripts/serve-in-background.sh
source scripts/serve-in-background.sh
cleanup() {
  stop_nginx_cache "$work"
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

step "serving a copy of the seeds with --cache-max-age 2"
mkdir "$work/corpus"
cp seeds/*.md seeds/aliases.json "$work/corpus/"
BIN="$bin" serve_in_background "$work/server.log" --seeds "$work/corpus" --addr 127.0.0.1:0 --cache-max-age 2
upstream="${base#http://}"

step "nginx with proxy_cache (deploy/nginx-cache.conf), in front of $upstream"
start_nginx_cache "$upstream" "$work"
port="$nginx_port"

query='%7B%20job(slug%3A%20%22platform_engineer%22)%20%7B%20name%20%7D%20%7D'
# Prints the cache status, the ETag and the content coding of one GET
# through the proxy, asked with Accept-Encoding $1 (default identity); the
# body is kept in $work/body.$1.
through_proxy() {
  local encoding="${1:-identity}"
  curl -fsS -o "$work/body.$encoding" -D - -H 'accept: application/graphql-response+json' \
    -H "accept-encoding: $encoding" "http://127.0.0.1:$port/graphql?query=$query" |
    tr -d '\r' | awk -F': ' '
      tolower($1) == "x-cache-status" { status = $2 }
      tolower($1) == "etag" { tag = $2 }
      tolower($1) == "content-encoding" { coding = $2 }
      END { print status, tag, (coding == "" ? "identity" : coding) }'
}
expect() {
  local what="$1" wanted="$2" got="$3"
  if [[ "$got" != "$wanted" ]]; then
    cat "$work/nginx-error.log" || true
    echo "FAIL $what: wanted $wanted, got $got" >&2
    exit 1
  fi
  echo "ok   $what: $got"
}

read -r status1 tag1 _ <<<"$(through_proxy)"
expect "the first GET" MISS "$status1"
read -r status2 tag2 _ <<<"$(through_proxy)"
expect "the second GET" HIT "$status2"
expect "the hit's ETag" "$tag1" "$tag2"

read -r status_gz tag_gz coding_gz <<<"$(through_proxy gzip)"
expect "the first gzip GET (its own variant)" MISS "$status_gz"
expect "its content coding" gzip "$coding_gz"
expect "its ETag, the same answer's" "$tag1" "$tag_gz"
gunzip -c "$work/body.gzip" | cmp -s - "$work/body.identity" ||
  { echo "FAIL the gzip body does not decode to the identity body" >&2; exit 1; }
echo "ok   the gzip body decodes to the identity body"
read -r status_gz _ coding_gz <<<"$(through_proxy gzip)"
expect "the second gzip GET" HIT "$status_gz"
expect "the hit's content coding" gzip "$coding_gz"

sleep 3.5
read -r status3 tag3 _ <<<"$(through_proxy)"
expect "a stale answer, revalidated by If-None-Match (304)" REVALIDATED "$status3"
expect "the revalidated ETag" "$tag1" "$tag3"
read -r status_gz tag_gz coding_gz <<<"$(through_proxy gzip)"
expect "the stale gzip answer, revalidated by a 304" REVALIDATED "$status_gz"
expect "its coding after revalidation" gzip "$coding_gz"
expect "its ETag after revalidation" "$tag1" "$tag_gz"

version="$(curl -fsS -D - -o /dev/null "http://$upstream/healthz" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-skillgraph-corpus-version" { print $2 }')"
echo "Edited." >>"$work/corpus/cloud_native_engineer.md"
for _ in $(seq 1 150); do
  now="$(curl -fsS -D - -o /dev/null "http://$upstream/healthz" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-skillgraph-corpus-version" { print $2 }')"
  [[ "$now" != "$version" ]] && break
  sleep 0.1
done
[[ "$now" != "$version" ]] || { echo "the edit was never reloaded" >&2; exit 1; }
echo "ok   the corpus version moved from $version to $now"

sleep 3.5
read -r status4 tag4 _ <<<"$(through_proxy)"
expect "after the reload, the stale answer is replaced (a miss)" EXPIRED "$status4"
if [[ "$tag4" == "$tag1" ]]; then
  echo "FAIL the ETag did not change with the corpus version" >&2
  exit 1
fi
echo "ok   the ETag changed: $tag1 -> $tag4"
read -r status5 tag5 _ <<<"$(through_proxy)"
expect "the next GET" HIT "$status5"
expect "the new answer's ETag" "$tag4" "$tag5"
echo "all caching checks passed"
