#!/usr/bin/env bash
# Replicas behind HAProxy, on loopback: three `skillgraph serve` reading one
# corpus folder (a copy of seeds/), HAProxy with deploy/haproxy.cfg in front,
# and wrk sending a mix of GET and POST queries through it the whole time
# (scripts/replicas.lua), while, one phase after another:
#
#   reload     a guide is edited (written aside, then renamed into place);
#              each time, the time until every replica serves the new
#              corpus version, polled on each replica every 20 ms;
#   degraded   the corpus folder is swapped for one holding only a broken
#              guide: every replica keeps its graph and answers /readyz with
#              200 "degraded", HAProxy keeps all three, queries succeed; then
#              the folder comes back and every replica is ready on it again;
#   not-ready  a fourth replica on an empty folder answers /readyz with 503;
#              added to the backend (runtime API), HAProxy keeps it out and
#              it gets no request; given guides, it joins and gets requests;
#              then it is drained and stopped;
#   rolling    each replica in turn gets SIGTERM (it finishes what it has in
#              flight), is taken out by HAProxy's checks, is started again
#              on its port, and is back in the pool before the next one;
#   kill       one replica gets SIGKILL, and is started again the same way.
#
# Prints requests, p50/p99, failures (non-2xx, GraphQL errors, socket errors)
# by phase, what HAProxy retried, and the convergence times; exits 1 when a
# target is missed: any failure outside the kill; in the kill, a failed GET,
# or a failure that is not a request HAProxy had in flight on the killed
# replica; an edit not served by every replica within CONVERGE_LIMIT_MS; a
# readiness check.
#
#   bash scripts/replicas.sh                  # 60 s
#   DURATION=30 bash scripts/replicas.sh      # the short form CI runs
#   DURATION=120 bash scripts/replicas.sh     # the figures of BENCHMARKS.md
#
# Settings (environment): DURATION (s), CONNECTIONS (32), THREADS (2),
# EDITS (DURATION / 10, at least 3), CONVERGE_LIMIT_MS (2000),
# SKILLGRAPH_BIN (default target/release/skillgraph, built when missing),
# KEEP=1 to keep the folder with the logs (kept anyway when a target is
# missed).
# Installs haproxy, wrk and socat (Debian) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-60}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
edits="${EDITS:-$((duration / 10 > 3 ? duration / 10 : 3))}"
converge_limit_ms="${CONVERGE_LIMIT_MS:-2000}"
# Plain load between phases, so each phase's failures are its own.
hold="$((duration / 30 > 1 ? duration / 30 : 1))"

# shellcheck source=prelude.sh
source scripts/prelude.sh
# Notes say when, in seconds from the start of the load.
began="$(date +%s%N)"
note() { printf '   %5.1f s  %s\n' "$((($(date +%s%N) - began) / 1000000))e-3" "$*"; }

# haproxy lives in /usr/sbin, which a user's PATH may lack.
[[ -x /usr/sbin/haproxy ]] || need haproxy haproxy
need wrk wrk
need curl curl
need socat socat
install_needed
haproxy="$(command -v haproxy || echo /usr/sbin/haproxy)"

release_binary

work="$(mktemp -d)"
# Runs a copy, so that a rebuild of target/ during the run changes nothing.
cp "$bin" "$work/skillgraph"

declare -A pids=()
wrk_pid=""
haproxy_pid=""
failed=0
cleanup() {
  local pid
  for pid in "$wrk_pid" "$haproxy_pid" "${pids[@]}"; do
    if [[ -n "$pid" ]]; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for pid in "$wrk_pid" "$haproxy_pid" "${pids[@]}"; do
    if [[ -n "$pid" ]]; then wait "$pid" 2>/dev/null || true; fi
  done
  if ((failed)) || [[ "${KEEP:-}" == 1 ]]; then
    echo "logs kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() {
  failed=1
  echo "FAIL: $*" >&2
  exit 1
}
# A missed target: the run goes on, and the script exits 1 at the end.
miss() {
  failed=1
  echo "FAIL: $*"
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Sends one command to HAProxy's runtime API and prints the answer.
lb() { echo "$*" | socat stdio "unix-connect:$work/haproxy.sock"; }

# One column of `show stat` for one server: lb_stat r1 status
lb_stat() {
  lb show stat | awk -F, -v server="$1" -v column="$2" '
    NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) at[$i] = i; next }
    $1 == "skillgraph" && $2 == server { print $(at[column]) }'
}

# Waits up to $1 seconds for a command to succeed.
wait_for() {
  local seconds="$1" deadline
  shift
  deadline=$(($(date +%s%N) + seconds * 1000000000))
  until "$@"; do
    (($(date +%s%N) < deadline)) || return 1
    sleep 0.05
  done
}

# Milliseconds since a `date +%s%N`.
ms_since() { echo "$((($(date +%s%N) - $1) / 1000000))"; }

readyz() { curl -s "http://127.0.0.1:$1/readyz" || true; }
# One string field of a replica's /readyz: readyz_field PORT status
readyz_field() {
  local body
  body="$(readyz "$1")"
  if [[ "$body" =~ \"$2\":\"([^\"]*)\" ]]; then echo "${BASH_REMATCH[1]}"; fi
}
readyz_code() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/readyz" || true; }
is_ready() { [[ "$(readyz_code "$1")" == 200 ]]; }
in_pool() { [[ "$(lb_stat "$1" status)" == UP ]]; }
graphql_requests() {
  curl -fsS "http://127.0.0.1:$1/metrics" | awk '/^skillgraph_graphql_requests_total/ { sum += $2 } END { print sum + 0 }'
}

# start_replica N FOLDER: serves FOLDER on the port of replica N.
start_replica() {
  "$work/skillgraph" serve --seeds "$2" --addr "127.0.0.1:${ports[$1]}" >>"$work/r$1.log" 2>&1 &
  pids[$1]=$!
}
wait_replica_ready() {
  wait_for 60 is_ready "${ports[$1]}" || { tail -n 20 "$work/r$1.log" >&2; die "replica r$1 did not become ready"; }
}
wait_replica_in_pool() {
  wait_for 15 in_pool "r$1" || { lb show stat >&2; die "HAProxy did not put r$1 back in its pool"; }
}

# The phase each failure is counted in: wrk's script reads this file, and
# HAProxy's log lines are matched to phases.txt by time. HAProxy's count
# of requests at each change gives the requests of each phase.
phase() {
  printf '%s\n' "$1" >"$work/phase.next"
  mv "$work/phase.next" "$work/phase"
  printf '%s %s %s\n' "$(date +%s.%N)" "$1" "$(lb_stat FRONTEND req_tot)" >>"$work/phases.txt"
}

step "a corpus folder (a copy of seeds/) for three replicas"
corpus="$work/corpus"
cp -r seeds "$corpus"
mkdir "$work/staging"
declare -A ports=()
for i in 1 2 3 4; do ports[$i]="$(free_port)"; done
lb_port="$(free_port)"
for i in 1 2 3; do start_replica "$i" "$corpus"; done
for i in 1 2 3; do wait_replica_ready "$i"; done
version="$(readyz_field "${ports[1]}" version)"
note "r1, r2, r3 on 127.0.0.1:${ports[1]}, :${ports[2]}, :${ports[3]}, corpus version $version"

step "HAProxy (deploy/haproxy.cfg) on 127.0.0.1:$lb_port"
export SKILLGRAPH_LB_ADDR="127.0.0.1:$lb_port"
export SKILLGRAPH_REPLICA_1="127.0.0.1:${ports[1]}"
export SKILLGRAPH_REPLICA_2="127.0.0.1:${ports[2]}"
export SKILLGRAPH_REPLICA_3="127.0.0.1:${ports[3]}"
export HAPROXY_SOCKET="$work/haproxy.sock" HAPROXY_LOG=stdout HAPROXY_LOG_FORMAT=raw
"$haproxy" -c -q -f deploy/haproxy.cfg || die "deploy/haproxy.cfg does not parse"
"$haproxy" -db -f deploy/haproxy.cfg >"$work/haproxy.log" 2>&1 &
haproxy_pid=$!
wait_for 10 test -S "$work/haproxy.sock" || { cat "$work/haproxy.log" >&2; die "HAProxy did not start"; }
for i in 1 2 3; do wait_replica_in_pool "$i"; done
note "r1, r2, r3 are UP"

# The mix: what a client page asks, half by GET (idempotent, cacheable),
# half by POST (what most GraphQL clients send).
python3 - "$work/requests.tsv" <<'PY'
import json, sys, urllib.parse

def example(name):
    return open(f"examples/{name}.graphql", encoding="utf-8").read()

def get(query):
    return "GET\t/graphql?query=" + urllib.parse.quote(query, safe="")

def post(query, variables=None):
    body = {"query": query}
    if variables:
        body["variables"] = variables
    return "POST\t/graphql\t" + json.dumps(body, ensure_ascii=False)

mix = [
    post(example("role-comparison")),
    get('{ relatedJobs(slug: "platform_engineer", first: 5) { score explicit job { slug name } } }'),
    post("query Search($q: String!) { search(query: $q, first: 5) { score snippet node { id } } }", {"q": "Kubernetes"}),
    get('{ transition(from: "platform_engineer", to: "cloud_native_engineer") { path { slug } totalCost skillsToLearn { name } } }'),
    post(example("recommend")),
    get("{ corpus { version guides } }"),
    post(example("transition-plan")),
    get('{ skillOverlap(a: "cloud_native_engineer", b: "platform_engineer") { similarity sharedTools { name } } }'),
]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("\n".join(mix) + "\n")
PY

# Every request of the mix through HAProxy, once, before the load.
while IFS=$'\t' read -r method path body; do
  if [[ "$method" == GET ]]; then
    answer="$(curl -sS -w '\n%{http_code}' "http://127.0.0.1:$lb_port$path")"
  else
    answer="$(curl -sS -w '\n%{http_code}' -H 'content-type: application/json' --data-binary "$body" "http://127.0.0.1:$lb_port$path")"
  fi
  [[ "${answer##*$'\n'}" == 200 && "$answer" != *'"errors"'* ]] || die "$method $path answered: $answer"
done <"$work/requests.tsv"

through_lb() {
  local get post
  get="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$lb_port/graphql?query=%7B%20corpus%20%7B%20guides%20%7D%20%7D")"
  post="$(curl -s -w '\n%{http_code}' -H 'content-type: application/json' \
    -d '{"query":"{ skillOverlap(a: \"platform_engineer\", b: \"cloud_native_engineer\") { similarity } }"}' \
    "http://127.0.0.1:$lb_port/graphql")"
  [[ "$get" == 200 && "${post##*$'\n'}" == 200 && "$post" != *'"errors"'* ]]
}

# Edits a guide, then prints the milliseconds until every replica serves
# the new corpus version (or "timeout") and that version.
converge() {
  python3 - "$1" "$corpus/platform_engineer.md" "$work/staging/platform_engineer.md" "${ports[1]},${ports[2]},${ports[3]}" <<'PY'
import http.client, json, os, sys, time
n, guide, staging, ports = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4].split(",")
connections = {}

def version(port):
    for _ in range(2):
        connection = connections.setdefault(port, http.client.HTTPConnection("127.0.0.1", int(port), timeout=2))
        try:
            connection.request("GET", "/readyz")
            return json.loads(connection.getresponse().read())["version"]
        except (OSError, http.client.HTTPException, ValueError):
            connection.close()
            del connections[port]
    return None

before = {port: version(port) for port in ports}
# A new row in the guide's table of hard skills, written aside and renamed
# into place, as a deployment should land an edit.
lines = open(guide, encoding="utf-8").read().split("\n")
anchor = next(i for i, line in enumerate(lines) if line.startswith("| データベース |"))
lines.insert(anchor + 1, f"| 負荷分散の検証 {n} | 複製が同じ版に揃うまでを測るための行（{n} 回目）。 |")
with open(staging, "w", encoding="utf-8") as out:
    out.write("\n".join(lines))
start = time.monotonic()
os.replace(staging, guide)
while time.monotonic() - start < 10:
    now = {port: version(port) for port in ports}
    if len(set(now.values())) == 1 and all(now[port] not in (None, before[port]) for port in ports):
        print(f"{(time.monotonic() - start) * 1000:.0f} {now[ports[0]]}")
        sys.exit(0)
    time.sleep(0.02)
print("timeout -")
PY
}

step "wrk: -t$threads -c$connections for ${duration} s through HAProxy, while the phases run"
phase start
# wrk stops on SIGINT (with its summary) once the phases are over and the
# duration has passed; a slow machine gets a longer run, not a failure.
wrk -t "$threads" -c "$connections" -d "$((duration + 600))s" --timeout 5s --latency \
  -s scripts/replicas.lua "http://127.0.0.1:$lb_port" -- "$work/requests.tsv" "$work/phase" >"$work/wrk.txt" 2>&1 &
wrk_pid=$!
began="$(date +%s%N)"
sleep "$hold"

step "reload: $edits edits of a guide in the shared folder"
phase reload
: >"$work/converge.txt"
for n in $(seq 1 "$edits"); do
  read -r ms new_version <<<"$(converge "$n")"
  if [[ "$ms" == timeout ]]; then
    miss "edit $n: the replicas did not all serve a new version within 10 s"
  else
    echo "$ms" >>"$work/converge.txt"
    note "edit $n: every replica serves $new_version after $ms ms"
    version="$new_version"
  fi
  sleep 0.5
done
phase steady
sleep "$hold"

step "degraded: the corpus folder holds only a broken guide"
phase degraded
mkdir "$work/broken"
printf 'this guide has no front matter\n' >"$work/broken/broken.md"
mv "$corpus" "$work/corpus.good"
mv "$work/broken" "$corpus"
all_degraded() {
  local i
  for i in 1 2 3; do
    [[ "$(readyz_code "${ports[$i]}") $(readyz_field "${ports[$i]}" status)" == "200 degraded" ]] || return 1
  done
}
if wait_for 10 all_degraded; then
  note "every replica: /readyz 200 \"degraded\": $(readyz_field "${ports[1]}" reason | cut -c1-90)…"
else
  miss "not every replica says 200 \"degraded\": $(readyz "${ports[1]}")"
fi
# Past two failed checks, were the checks to fail.
sleep 1.5
for i in 1 2 3; do
  state="$(lb_stat "r$i" status)"
  [[ "$state" == UP ]] || miss "HAProxy took degraded r$i out of its pool ($state)"
done
note "HAProxy keeps r1, r2, r3: $(for i in 1 2 3; do printf '%s ' "$(lb_stat "r$i" status)"; done)"
through_lb || miss "a query through HAProxy failed while the replicas were degraded"
[[ "$(readyz_field "${ports[2]}" version)" == "$version" ]] || miss "a degraded replica does not serve its last good graph"
note "queries through HAProxy answer, from the last good graph ($version)"
mv "$corpus" "$work/broken"
mv "$work/corpus.good" "$corpus"
all_ready_again() {
  local i
  for i in 1 2 3; do
    [[ "$(readyz_field "${ports[$i]}" status)" == ready ]] || return 1
    [[ "$(readyz_field "${ports[$i]}" version)" == "$version" ]] || return 1
  done
}
wait_for 10 all_ready_again || miss "the replicas did not read the restored folder: $(readyz "${ports[1]}")"
rm -rf "$work/broken"
note "the folder is back: every replica says \"ready\" on $version"
phase steady
sleep "$hold"

step "not ready: a fourth replica on an empty folder"
phase not-ready
mkdir "$work/empty"
start_replica 4 "$work/empty"
r4_not_ready() { [[ "$(readyz_code "${ports[4]}")" == 503 ]]; }
wait_for 30 r4_not_ready ||
  die "r4 on an empty folder does not answer 503: $(readyz "${ports[4]}")"
note "r4 on 127.0.0.1:${ports[4]}: /readyz 503 \"$(readyz_field "${ports[4]}" status)\""
# A new server starts in maintenance. Leaving it with "enable server"
# makes it UP until its first check fails (requests reach it meanwhile);
# through drain (no new requests), the checks decide first.
lb add server skillgraph/r4 "127.0.0.1:${ports[4]}" check inter 1s fastinter 250ms downinter 500ms rise 2 fall 2 >/dev/null
lb enable health skillgraph/r4 >/dev/null
lb set server skillgraph/r4 state drain >/dev/null
r4_checked() { [[ "$(lb_stat r4 check_status)" == L7STS ]]; }
wait_for 5 r4_checked || miss "HAProxy did not check r4"
lb set server skillgraph/r4 state ready >/dev/null
sleep 2
state="$(lb_stat r4 status) $(lb_stat r4 check_status) $(lb_stat r4 check_code)"
[[ "$state" == "DOWN L7STS 503" ]] || miss "HAProxy's view of r4 is $state, not DOWN L7STS 503"
sessions="$(lb_stat r4 stot)"
answered="$(graphql_requests "${ports[4]}")"
[[ "$sessions" == 0 && "$answered" == 0 ]] || miss "r4 got requests while not ready ($sessions sessions, $answered queries)"
note "HAProxy: r4 $state; after 2 s of load it got $sessions requests and answered $answered queries"
cp "$corpus"/* "$work/empty/"
r4_serving() { [[ "$(lb_stat r4 status)" == UP && "$(graphql_requests "${ports[4]}")" -gt 0 ]]; }
wait_for 10 r4_serving || miss "r4 did not join the pool once it had guides"
note "given the guides, r4 is $(lb_stat r4 status) and has answered $(graphql_requests "${ports[4]}") queries"
lb set server skillgraph/r4 state drain >/dev/null
r4_drained() { [[ "$(lb_stat r4 scur)" == 0 ]]; }
wait_for 10 r4_drained || miss "r4 did not drain"
lb set server skillgraph/r4 state maint >/dev/null
kill -TERM "${pids[4]}"
wait "${pids[4]}" || miss "r4 exited with $? after SIGTERM"
unset 'pids[4]'
note "r4 drained, put in maintenance and stopped"
phase steady
sleep "$hold"

step "rolling restart: SIGTERM, out of the pool, started again on the same port, back in, next"
# Each replica is started again only once HAProxy's checks took it out, so
# that both ways are exercised: requests sent to a stopped replica before
# the checks notice (retried elsewhere), and a replica coming back in.
out_of_pool() { [[ "$(lb_stat "$1" status)" == DOWN* ]]; }
phase rolling
for i in 1 2 3; do
  started=$(date +%s%N)
  kill -TERM "${pids[$i]}"
  status=0
  wait "${pids[$i]}" || status=$?
  ((status == 0)) || miss "r$i exited with $status after SIGTERM"
  stopped="$(ms_since "$started")"
  wait_for 10 out_of_pool "r$i" || miss "HAProxy did not take stopped r$i out of its pool"
  out="$(ms_since "$started")"
  start_replica "$i" "$corpus"
  wait_replica_ready "$i"
  ready="$(ms_since "$started")"
  wait_replica_in_pool "$i"
  note "r$i: SIGTERM; stopped at $stopped ms, DOWN at $out ms, ready again at $ready ms, UP at $(ms_since "$started") ms"
done
phase steady
sleep "$hold"

step "kill: SIGKILL to r2, out of the pool, started again, back in"
phase kill
started=$(date +%s%N)
kill -KILL "${pids[2]}"
wait "${pids[2]}" 2>/dev/null || true
wait_for 10 out_of_pool r2 || miss "HAProxy did not take killed r2 out of its pool"
out="$(ms_since "$started")"
start_replica 2 "$corpus"
wait_replica_ready 2
ready="$(ms_since "$started")"
wait_replica_in_pool 2
note "r2: SIGKILL; DOWN at $out ms, ready again at $ready ms, UP at $(ms_since "$started") ms"

phase steady
elapsed="$(ms_since "$began")"
if ((elapsed + hold * 1000 > duration * 1000)); then
  note "the phases took $((elapsed / 1000)) s of the $duration s; $hold s more of load"
  sleep "$hold"
else
  sleep "$(((duration * 1000 - elapsed) / 1000)).$(printf '%03d' $(((duration * 1000 - elapsed) % 1000)))"
fi
phase end
kill -0 "$wrk_pid" 2>/dev/null || { cat "$work/wrk.txt" >&2; die "wrk stopped before the phases were over"; }
kill -INT "$wrk_pid"
status=0
wait "$wrk_pid" || status=$?
wrk_pid=""
((status == 0)) || { cat "$work/wrk.txt" >&2; die "wrk exited with $status"; }
printf '%s %s\n' "$(date +%s.%N)" "$(lb_stat FRONTEND req_tot)" >"$work/requests_total"

step "results"
python3 - "$work" "$converge_limit_ms" <<'PY' || failed=1
import datetime, re, statistics, sys
work, limit = sys.argv[1], float(sys.argv[2])
values, sent, statuses, failed_lua = {}, {}, {}, {}
for line in open(f"{work}/wrk.txt", encoding="utf-8"):
    if not line.startswith("@ "):
        continue
    words = line.split()[1:]
    if len(words) == 2:
        values[words[0]] = float(words[1])
    elif len(words) == 3 and words[0] == "sent":
        sent[words[1]] = int(words[2])
    elif len(words) == 3 and words[0] == "status":
        statuses[words[1]] = int(words[2])
    elif len(words) == 4 and words[0] == "failed":
        failed_lua[(words[1], words[2])] = int(words[3])
phases, requests_in, seconds_in = [], {}, {}
for line in open(f"{work}/phases.txt", encoding="utf-8"):
    at, name, total = line.split()
    phases.append((float(at), name, int(total)))
stopped_at, stopped_total = open(f"{work}/requests_total").read().split()
ends = [(at, total) for at, _, total in phases[1:]] + [(float(stopped_at), int(stopped_total))]
order = []
for (at, name, total), (end, following) in zip(phases, ends):
    requests_in[name] = requests_in.get(name, 0) + following - total
    seconds_in[name] = seconds_in.get(name, 0) + end - at
    if name not in order:
        order.append(name)

def phase_at(seconds):
    current = "before"
    for at, name, _ in phases:
        if at <= seconds:
            current = name
    return current

# HAProxy logs only anomalies (option dontlog-normal): retries,
# redispatches, errors and 5xx.
line_re = re.compile(
    r"\[(\d+/\w+/\d+:\d+:\d+:\d+\.\d+)\] \S+ \S+/(\S+) \S+ (-?\d+) \S+ \S+ \S+ (\S+) "
    r"\d+/\d+/\d+/\d+/(\+?)(\d+) \S+ \"(\w+) ")
retried, aborted, failed_get = {}, {}, {}
# Requests HAProxy had sent to r2 when it was killed and could not send
# again: the only ones the kill may fail.
lost_on_r2, lost_get_on_r2 = 0, 0
for line in open(f"{work}/haproxy.log", encoding="utf-8", errors="replace"):
    match = line_re.search(line)
    if not match:
        continue
    date, server, status, term, plus, retries, method = match.groups()
    name = phase_at(datetime.datetime.strptime(date, "%d/%b/%Y:%H:%M:%S.%f").timestamp())
    if int(retries) > 0 or plus:
        retried[name] = retried.get(name, 0) + 1
    # Closed without an answer, other than by the client (wrk stopping):
    # the client saw a socket error. wrk's script counts the rest.
    lost = status == "-1" and not term.startswith("C")
    if lost:
        aborted[name] = aborted.get(name, 0) + 1
    if method == "GET" and (lost or int(status) >= 500):
        failed_get[name] = failed_get.get(name, 0) + 1
    if name == "kill" and server == "r2" and term.startswith("S") and status in ("-1", "502"):
        lost_on_r2 += 1
        lost_get_on_r2 += method == "GET"

socket_errors = sum(int(values.get(f"socket_{kind}", 0)) for kind in ("connect", "read", "write", "timeout"))
failures = {}
for (name, _), count in failed_lua.items():
    failures[name] = failures.get(name, 0) + count
for name, count in aborted.items():
    failures[name] = failures.get(name, 0) + count
unattributed = max(0, socket_errors - sum(aborted.values()))
if unattributed:
    failures["unknown"] = unattributed
    order.append("unknown")

requests = int(values["requests"])
print(f"requests      {requests:,} in {values['seconds']:.1f} s ({values['rps']:,.0f}/s): "
      f"{sent.get('GET', 0):,} GET, {sent.get('POST', 0):,} POST")
print(f"latency       p50 {values['p50_ms']:.2f} ms, p99 {values['p99_ms']:.2f} ms, max {values['max_ms']:.0f} ms")
print(f"statuses      " + ", ".join(f"{status}: {count:,}" for status, count in sorted(statuses.items())))
print(f"failures      {int(values['non_2xx'])} non-2xx, "
      f"{sum(c for (n, s), c in failed_lua.items() if s == 'graphql-errors')} with GraphQL errors, "
      f"{socket_errors} socket errors")
times = [float(line) for line in open(f"{work}/converge.txt") if line.strip()]
if times:
    print(f"convergence   median {statistics.median(times):.0f} ms, max {max(times):.0f} ms over "
          f"{len(times)} edits (limit {limit:.0f} ms): " + " ".join(f"{t:.0f}" for t in times))
print()
print(f"{'phase':<11} {'seconds':>7} {'requests':>9} {'req/s':>6} {'failed':>7} {'failed GET':>11} {'retried by HAProxy':>19}")
for name in order:
    seconds = seconds_in.get(name, 0)
    rate = requests_in.get(name, 0) / seconds if seconds else 0
    print(f"{name:<11} {seconds:>7.1f} {requests_in.get(name, 0):>9,} {rate:>6,.0f} {failures.get(name, 0):>7} "
          f"{failed_get.get(name, 0):>11} {retried.get(name, 0):>19}")

missed = []
for name in order:
    if name != "kill" and failures.get(name, 0):
        missed.append(f"{failures[name]} failed requests in the {name} phase")
if failures.get("kill", 0) > lost_on_r2:
    missed.append(f"{failures['kill']} failed requests when r2 was killed, "
                  f"{lost_on_r2} of them in flight on it")
if failed_get.get("kill", 0) or lost_get_on_r2:
    missed.append(f"{max(failed_get.get('kill', 0), lost_get_on_r2)} GETs failed when r2 was killed, "
                  "though HAProxy retries them")
if times and max(times) >= limit:
    missed.append(f"an edit took {max(times):.0f} ms to reach every replica (limit {limit:.0f} ms)")
for text in missed:
    print(f"FAIL: {text}")
sys.exit(1 if missed else 0)
PY

if ((failed)); then
  echo "some targets were missed"
  exit 1
fi
echo "all targets met"
