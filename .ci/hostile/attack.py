"""Hostile clients for .ci/hostile/run.sh, on loopback only, each bounded
in time. Every attack probes /healthz meanwhile and prints its figures; it
exits 1 when an assertion fails.

    python3 attack.py idle     BASE --count 1100 --hold 4 --closed-within 10
    python3 attack.py trickle  BASE --count 50 --closed-within 4
    python3 attack.py readyz   BASE --seconds 5 --max-bytes 65536
"""

import argparse
import http.client
import json
import socket
import sys
import threading
import time
import urllib.parse


def address(base):
    parsed = urllib.parse.urlparse(base)
    return parsed.hostname, parsed.port


class Probe(threading.Thread):
    """GETs /healthz on a fresh connection every `interval` seconds until
    stopped."""

    def __init__(self, base, timeout, interval=0.02):
        super().__init__(daemon=True)
        self.host, self.port = address(base)
        self.timeout = timeout
        self.interval = interval
        self.times = []
        self.failures = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            started = time.monotonic()
            try:
                connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                connection.request("GET", "/healthz")
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status != 200:
                    self.failures.append(f"status {response.status}")
            except OSError as error:
                self.failures.append(repr(error))
            self.times.append(time.monotonic() - started)
            self.stopping.wait(self.interval)

    def stop(self):
        self.stopping.set()
        self.join()
        return self

    def summary(self):
        """p50, p99 and the slowest, in ms, and how many probes finished."""
        times = sorted(self.times) or [0.0]
        p50 = times[len(times) // 2] * 1000
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
        return p50, p99, times[-1] * 1000, len(self.times)

    def report(self, what, p99_limit_ms):
        if not self.times:
            fail(f"{what}: no /healthz probe finished")
        p50, p99, worst, _ = self.summary()
        print(f"  /healthz during {what}: {len(self.times)} probes, p50 {p50:.1f} ms, "
              f"p99 {p99:.1f} ms, max {worst:.1f} ms, {len(self.failures)} failed")
        if self.failures:
            fail(f"{what}: /healthz failed: {self.failures[:3]}")
        if p99 >= p99_limit_ms:
            fail(f"{what}: /healthz p99 {p99:.1f} ms is not under {p99_limit_ms} ms")


def fail(message):
    print(f"FAIL {message}", file=sys.stderr)
    sys.exit(1)


def wait_closed(sockets, limit):
    """Seconds until the server closed every socket, or fails at `limit`."""
    started = time.monotonic()
    open_ = list(sockets)
    while open_:
        left = limit - (time.monotonic() - started)
        if left <= 0:
            fail(f"{len(open_)} of {len(sockets)} connections still open after {limit} s")
        still = []
        for sock in open_:
            sock.settimeout(max(0.001, min(left, 0.05)))
            try:
                while sock.recv(4096):
                    pass
            except socket.timeout:
                still.append(sock)
                continue
            except OSError:
                pass
            sock.close()
        open_ = still
    return time.monotonic() - started


def idle(args):
    host, port = address(args.base)
    probe = Probe(args.base, args.probe_timeout)
    sockets = []
    started = time.monotonic()
    for _ in range(args.count):
        sockets.append(socket.create_connection((host, port), timeout=5))
    print(f"  opened {len(sockets)} idle connections in {time.monotonic() - started:.2f} s")
    probe.start()
    time.sleep(args.hold)
    probe.stop().report(f"{args.count} idle connections", args.p99_ms)
    closed = wait_closed(sockets, args.closed_within)
    print(f"  the server closed them all {args.hold + closed:.1f} s after they opened")


def closed_now(sock):
    """Whether the server has closed `sock` (an end of stream or a reset)."""
    try:
        while True:
            data = sock.recv(4096, socket.MSG_DONTWAIT)
            if not data:
                return True
    except BlockingIOError:
        return False
    except OSError:
        return True


def trickle(args):
    host, port = address(args.base)
    request = b"GET /healthz HTTP/1.1\r\nhost: x\r\nuser-agent: trickle\r\n\r\n"
    sockets = [socket.create_connection((host, port), timeout=5) for _ in range(args.count)]
    for sock in sockets:
        sock.setblocking(False)
    probe = Probe(args.base, args.probe_timeout)
    probe.start()
    started = time.monotonic()
    closed_at = {}
    sent = [0] * len(sockets)
    index = 0
    while len(closed_at) < len(sockets) and time.monotonic() - started < args.closed_within:
        for number, sock in enumerate(sockets):
            if number in closed_at:
                continue
            if closed_now(sock):
                closed_at[number] = time.monotonic() - started
                continue
            if index < len(request):
                try:
                    sent[number] += sock.send(request[index:index + 1])
                except OSError:
                    closed_at[number] = time.monotonic() - started
        index += 1
        time.sleep(0.25 if index > len(request) else 1)
    probe.stop().report(f"{args.count} clients sending headers a byte a second", args.p99_ms)
    if len(closed_at) < len(sockets):
        fail(f"{len(sockets) - len(closed_at)} trickling connections still open after "
             f"{args.closed_within} s")
    print(f"  each sent {max(sent)} bytes at most; the server closed them "
          f"{min(closed_at.values()):.1f} to {max(closed_at.values()):.1f} s after the first byte")
    for sock in sockets:
        sock.close()


def readyz(args):
    host, port = address(args.base)
    probe = Probe(args.base, args.probe_timeout)
    probe.start()
    started = time.monotonic()
    sizes, times = [], []
    while time.monotonic() - started < args.seconds:
        began = time.monotonic()
        connection = http.client.HTTPConnection(host, port, timeout=10)
        connection.request("GET", "/readyz")
        body = connection.getresponse().read()
        connection.close()
        times.append(time.monotonic() - began)
        sizes.append(len(body))
    probe.stop().report("repeated /readyz", args.p99_ms)
    report = json.loads(body)
    print(f"  /readyz: {len(sizes)} answers of {max(sizes)} bytes at most, "
          f"slowest {max(times) * 1000:.1f} ms; {len(report['errors'])} errors listed of "
          f"{report['errorCount']}; dropped {report['dropped']}")
    if max(sizes) > args.max_bytes:
        fail(f"/readyz is {max(sizes)} bytes, over {args.max_bytes}")
    if args.expect_errors is not None and report["errorCount"] != args.expect_errors:
        fail(f"/readyz counts {report['errorCount']} errors, not {args.expect_errors}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("attack", choices=["idle", "trickle", "readyz"])
    parser.add_argument("base")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--hold", type=float, default=3)
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--closed-within", type=float, default=15)
    parser.add_argument("--max-bytes", type=int, default=65536)
    parser.add_argument("--expect-errors", type=int)
    parser.add_argument("--p99-ms", type=float, default=100)
    parser.add_argument("--probe-timeout", type=float, default=5)
    args = parser.parse_args()
    {"idle": idle, "trickle": trickle, "readyz": readyz}[args.attack](args)


if __name__ == "__main__":
    main()
