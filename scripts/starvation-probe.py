#!/usr/bin/env python3
"""How long a new client waits while idle and slow connections are open.

Usage: scripts/starvation-probe.py [--host 127.0.0.1] [--port 8080]
           [--idle 1000] [--slow 50] [--probes 200] [--timeout 5]

Opens IDLE keep-alive connections (each sends one GET /healthz, reads the
answer, then stays open and silent), then SLOW connections (a request line
and half a header, then nothing), then times PROBES new clients one after
another (connect, GET /healthz, read the whole answer). Stops opening idle
connections at the first one the server does not answer within TIMEOUT. Prints the wait p50,
p99 and max in milliseconds, the probes that failed or timed out, and how
many idle connections the server had closed by the end. Python standard
library only; point it at any running `pathrank serve`.
"""

import argparse
import resource
import socket
import statistics
import time

REQUEST = b"GET /healthz HTTP/1.1\r\nHost: probe\r\n\r\n"
SLOW_PREFIX = b"GET /healthz HTTP/1.1\r\nHost: probe\r\nX-Half: "


def read_answer(sock):
    """Reads one HTTP answer with a Content-Length; returns its status."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("closed before the headers")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("closed in the body")
        body += chunk
    return int(head.split(b" ")[1])


def connect(args):
    sock = socket.create_connection((args.host, args.port), timeout=args.timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def open_idle(args):
    """Opens the idle connections; stops at the first one not answered."""
    idle = []
    for _ in range(args.idle):
        sock = connect(args)
        try:
            sock.sendall(REQUEST)
            read_answer(sock)
        except OSError:
            sock.close()
            break
        idle.append(sock)
    return idle


def probe(args):
    waits, failed = [], 0
    for _ in range(args.probes):
        start = time.monotonic()
        try:
            with connect(args) as sock:
                sock.sendall(REQUEST)
                if read_answer(sock) != 200:
                    failed += 1
                    continue
        except OSError:
            failed += 1
            continue
        waits.append((time.monotonic() - start) * 1e3)
    return waits, failed


def still_open(idle):
    """Counts idle connections the server has not closed (no EOF pending)."""
    open_count = 0
    for sock in idle:
        sock.setblocking(False)
        try:
            open_count += 0 if sock.recv(1) == b"" else 1
        except BlockingIOError:
            open_count += 1
        except OSError:
            pass
    return open_count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--idle", type=int, default=1000)
    parser.add_argument("--slow", type=int, default=50)
    parser.add_argument("--probes", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    idle = open_idle(args)
    slow = []
    for _ in range(args.slow):
        sock = connect(args)
        sock.sendall(SLOW_PREFIX)
        slow.append(sock)
    waits, failed = probe(args)
    left = still_open(idle)
    if waits:
        waits.sort()
        p99 = waits[min(len(waits) - 1, int(len(waits) * 0.99))]
        print(f"idle={len(idle)}/{args.idle} slow={args.slow} probes={args.probes} "
              f"p50={statistics.median(waits):.1f}ms p99={p99:.1f}ms max={waits[-1]:.1f}ms "
              f"failed={failed} idle_still_open={left}")
    else:
        print(f"idle={len(idle)}/{args.idle} slow={args.slow} probes={args.probes} "
              f"every probe failed (timeout {args.timeout}s) idle_still_open={left}")
    for sock in idle + slow:
        sock.close()


if __name__ == "__main__":
    main()
