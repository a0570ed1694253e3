#!/usr/bin/env python3
"""Hostile queries against a running release build, on 127.0.0.1 only.

Each attack is sent while /healthz is asked every 10 ms. The script checks
that each is refused with its code (or answered, where it is within the
limits), that /healthz stays under 100 ms at the 99th percentile during
every attack, and that the server's resident memory stays under the bound.

    python3 .ci/hostile/queries.py http://127.0.0.1:PORT PID [RSS_LIMIT_MB]
"""

import hashlib
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from attack import Probe  # noqa: E402  (the probe the other attacks use)

BASE, PID = sys.argv[1], int(sys.argv[2])
RSS_LIMIT_MB = int(sys.argv[3]) if len(sys.argv) > 3 else 300
HEALTH_P99_MS = 100
failures = []


def rss_mb(field="VmRSS"):
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def post(body, timeout=60):
    data = json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(
        BASE + "/graphql",
        data=data,
        headers={
            "content-type": "application/json",
            "accept": "application/graphql-response+json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")
    except (urllib.error.URLError, ConnectionError) as error:
        # A server that refuses a body by its length may close before the
        # body is sent.
        return None, {"errors": [{"message": str(error)}]}


def code_of(answer):
    errors = answer.get("errors") or [{}]
    return (errors[0].get("extensions") or {}).get("code")


def attack(name, send, expect, seconds=2.0):
    """Runs `send` (which returns a list of (status, answer)) again and
    again for `seconds` under the probe, so that /healthz is measured some
    hundred times during each attack."""
    probe = Probe(BASE, timeout=5, interval=0.01)
    probe.start()
    time.sleep(0.05)
    started = time.monotonic()
    answers, rounds = [], 0
    while rounds == 0 or time.monotonic() - started < seconds:
        answers.extend(send())
        rounds += 1
    took = (time.monotonic() - started) / rounds
    median, p99, worst, count = probe.stop().summary()
    rss = rss_mb()
    verdicts = [expect(status, answer) for status, answer in answers]
    ok = all(verdicts) and not probe.failures and p99 < HEALTH_P99_MS and rss < RSS_LIMIT_MB
    print(
        f"{'ok  ' if ok else 'FAIL'} {name}: {rounds} rounds of {took:.2f} s; answers "
        f"{sorted({(s, code_of(a)) for s, a in answers}, key=str)}; /healthz median "
        f"{median:.1f} ms, p99 {p99:.1f} ms, max {worst:.1f} ms over {count}; "
        f"RSS {rss:.0f} MB"
    )
    if not ok:
        failures.append(name)


def refused(code):
    return lambda status, answer: code_of(answer) == code


def answered(status, answer):
    return status == 200 and "errors" not in answer


def concurrently(copies, body):
    results = [None] * copies

    def one(index):
        results[index] = post(body)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(copies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def nested(levels, fields, leaf):
    """`fields[0] { leaf fields[1] { leaf ... } }`, `levels` lists deep."""
    inner = leaf
    for level in reversed(range(levels)):
        inner = f"{fields[level % len(fields)]} {{ {leaf} {inner} }}"
    return inner


TEXT = ("Kubernetes と Terraform で IaC を進め、Prometheus で監視した。" * 2000).encode()[: 64 << 10].decode(
    "utf-8", "ignore"
)
def tool_skill_chain(levels):
    """`skills { nodes { name tools { name skills { nodes { … } } } } }`, `levels` lists deep:
    a tool's skills are a connection, a skill's tools a list."""
    inner = "name"
    for level in reversed(range(levels)):
        if level % 2 == 0:
            inner = f"skills {{ nodes {{ name {inner} }} }}"
        else:
            inner = f"tools {{ name {inner} }}"
    return inner


# Nine lists is as deep as --max-depth lets them go; priced, they are far too many.
tool_lists = tool_skill_chain(9)
tool_chain = f'{{ tool(name: "Kubernetes") {{ {tool_lists} }} }}'
three_copies = "{ " + " ".join(f'c{n}: tool(name: "Kubernetes") {{ {tool_lists} }}' for n in range(3)) + " }"
related = f'{{ job(slug: "platform_engineer") {{ {nested(13, ["listedRelatedJobs"], "slug")} }} }}'
extractions = "query($t: String!) { " + " ".join(
    f"e{n}: extractSkills(text: $t) {{ text }}" for n in range(800)
) + " }"
within_cost = "query($t: String!) { " + " ".join(
    f"e{n}: extractSkills(text: $t) {{ skills {{ name }} }}" for n in range(15)
) + " }"

print(f"RSS at start: {rss_mb():.0f} MB")
attack("a tool's skills and tools 9 lists deep", lambda: [post({"query": tool_chain})], refused("QUERY_TOO_COMPLEX"))
attack("three aliased copies of it", lambda: [post({"query": three_copies})], refused("QUERY_TOO_COMPLEX"))
attack("relatedJobs 13 lists deep", lambda: [post({"query": related})], refused("QUERY_TOO_COMPLEX"))
attack(
    "800 aliased extractSkills of a 64 KiB text",
    lambda: [post({"query": extractions, "variables": {"t": TEXT}})],
    refused("QUERY_TOO_COMPLEX"),
)
attack(
    "four concurrent requests of 15 extractions of 64 KiB each (within the cost limit)",
    lambda: concurrently(4, {"query": within_cost, "variables": {"t": TEXT}}),
    answered,
)


def pictures(svg):
    """30 aliased neighbourhood pictures, each asking `svg` as given."""
    return "{ " + " ".join(f'p{n}: neighborhood(id: "job:platform_engineer", depth: 1) {{ {svg} }}' for n in range(30)) + " }"


attack(
    "four concurrent requests of 30 neighbourhood pictures each (within the cost limit)",
    lambda: concurrently(4, {"query": pictures("svg")}),
    answered,
)


def batch(items):
    """POSTs `items` as one batch; an array answer is summed up as the
    codes of its items (None for an item answered without errors)."""
    status, answer = post(items)
    if isinstance(answer, list):
        return [(status, {"codes": [code_of(item) if item.get("errors") else None for item in answer]})]
    return [(status, answer)]


def answered_until_the_budget_runs_out(status, answer):
    """Some operations answered, then every one after them refused."""
    codes = answer.get("codes") or []
    answered = codes.index("QUERY_TOO_COMPLEX") if "QUERY_TOO_COMPLEX" in codes else len(codes)
    return (
        status == 200
        and len(codes) == 10
        and 0 < answered < len(codes)
        and all(code is None for code in codes[:answered])
        and all(code == "QUERY_TOO_COMPLEX" for code in codes[answered:])
    )


attack(
    "a batch of 10,000 operations",
    lambda: batch([{"query": "{ __typename }"}] * 10_000),
    refused("BATCH_TOO_LONG"),
)
attack(
    "a batch of 10 requests of 15 extractions of 64 KiB each: one budget, drawn until it runs out",
    lambda: batch([{"query": within_cost, "variables": {"t": TEXT}}] * 10),
    answered_until_the_budget_runs_out,
)
many_ids = [f"job:{n}" for n in range(10_000)]
attack(
    "nodes(ids:) with 10,000 ids",
    lambda: [post({"query": "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", "variables": {"ids": many_ids}})],
    refused("BAD_USER_INPUT"),
)
deep_nodes = (
    "{ nodes(ids: ["
    + ", ".join(f'"tool:kubernetes{n}"' for n in range(100))
    + f"]) {{ ... on Tool {{ {tool_lists} }} }} }}"
)
attack("nodes(ids:) of 100 tools, each 9 lists deep", lambda: [post({"query": deep_nodes})], refused("QUERY_TOO_COMPLEX"))
attack(
    "four concurrent requests of 30 neighbourhood pictures in English each (within the cost limit)",
    lambda: concurrently(4, {"query": pictures('svg(lang: "en")')}),
    answered,
)
attack(
    "a 900 KB search query",
    lambda: [post({"query": "query($q: String!) { search(query: $q) { score } }", "variables": {"q": "監" * 300_000}})],
    refused("BAD_USER_INPUT"),
)
attack(
    "a 2 KB search query",
    lambda: [post({"query": "query($q: String!) { search(query: $q) { score } }", "variables": {"q": "監視" * 400}})],
    refused("BAD_USER_INPUT"),
)


def persisted_flood():
    answers = []
    for n in range(200):
        query = "{ __typename }" + " " * (1 << 19) + f"# {n}"
        digest = hashlib.sha256(query.encode()).hexdigest()
        answers.append(
            post({"query": query, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}}})
        )
    return answers


attack("200 automatic persisted queries of 512 KiB each", persisted_flood, refused("QUERY_TOO_LONG"))
peak = rss_mb("VmHWM")
print(f"peak RSS over every attack: {peak:.0f} MB (bound {RSS_LIMIT_MB} MB)")
if peak >= RSS_LIMIT_MB:
    failures.append("peak RSS")
if failures:
    print("failed: " + ", ".join(failures))
    sys.exit(1)
