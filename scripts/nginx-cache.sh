#!/usr/bin/env bash
# Starts nginx as a caching proxy (deploy/nginx-cache.conf) on loopback in
# front of a running `skillgraph serve`. Source it, then:
#
#   start_nginx_cache 127.0.0.1:8080 /tmp/work   # sets nginx_port
#   stop_nginx_cache /tmp/work
#
# Installs nginx-light (Debian) when missing.

install_nginx() {
  if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    echo "== installing nginx-light"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light
  fi
}

start_nginx_cache() {
  local upstream="$1" work="$2" user_line=""
  install_nginx
  nginx_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  [[ "$(id -u)" == 0 ]] && user_line="user root;"
  mkdir -p "$work/cache"
  sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$nginx_port|g" -e "s|@UPSTREAM@|$upstream|g" \
    -e "s|@USER@|$user_line|g" deploy/nginx-cache.conf >"$work/nginx.conf"
  "$(command -v nginx || echo /usr/sbin/nginx)" -c "$work/nginx.conf" -p "$work"
  for _ in $(seq 1 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/healthz" 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$work/nginx-error.log" >&2 || true
  echo "nginx did not answer on 127.0.0.1:$nginx_port" >&2
  return 1
}

stop_nginx_cache() {
  local work="$1"
  if [[ -f "$work/nginx.pid" ]]; then
    kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true
    rm -f "$work/nginx.pid"
  fi
}
