#!/usr/bin/env python3
"""Idle, slow and stalled clients for the soak (bench/http/soak.sh).

soak_clients.py PORT IDLE SLOW SECONDS: keeps IDLE connections open that send
nothing (reopened when the server closes one); SLOW clients that send a
GET /healthz one byte every 0.1 s (6.3 s for the request: inside the server's
10 s request deadline, so each must get a 200); and as many stalled clients
sending a byte every 0.2 s (12.6 s: past the deadline, so each must get a
408 and a closed connection), for SECONDS. Prints one line:
"clients: idle_opened=N slow_completed=M slow_failed=F stalled_timed_out=T"
(slow_failed counts a slow client without its 200, a stalled one without its
408, and a connection dropped mid-request).
"""
import socket
import sys
import time

REQUEST = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
TICK_S = 0.1


def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.setblocking(False)
    return s


def closed(s):
    try:
        return s.recv(4096) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


class Client:
    """Sends REQUEST a byte every `every` ticks; expects `status` back."""

    def __init__(self, port, every, status):
        self.port, self.every, self.status = port, every, status
        self.reset()

    def reset(self):
        self.sock, self.sent, self.answer, self.ticks = connect(self.port), 0, b"", 0

    def step(self):
        """One tick: None while in progress, else True (expected answer) or False."""
        self.ticks += 1
        try:
            # Read first: the server answers a stalled request before it is
            # complete, then closes; a send after that would reset the socket.
            chunk = self._read()
            if chunk == b"":
                return self._done(self.answer.startswith(b"HTTP/1.1 " + self.status))
            if self.sent < len(REQUEST) and self.ticks % self.every == 0:
                self.sock.send(REQUEST[self.sent:self.sent + 1])
                self.sent += 1
        except OSError:
            return self._done(self.answer.startswith(b"HTTP/1.1 " + self.status))
        return None

    def _read(self):
        try:
            chunk = self.sock.recv(4096)
        except BlockingIOError:
            return None
        self.answer += chunk
        return chunk

    def _done(self, ok):
        self.sock.close()
        self.reset()
        return ok


def main():
    port, idle_count, slow_count, seconds = map(int, sys.argv[1:5])
    end = time.time() + seconds
    idle = [connect(port) for _ in range(idle_count)]
    idle_opened = idle_count
    slow = [Client(port, 1, b"200") for _ in range(slow_count)]
    stalled = [Client(port, 2, b"408") for _ in range(slow_count)]
    completed = failed = timed_out = 0
    while time.time() < end:
        for i, s in enumerate(idle):
            if closed(s):
                s.close()
                idle[i] = connect(port)
                idle_opened += 1
        for client in slow:
            result = client.step()
            if result is not None:
                completed += result
                failed += not result
        for client in stalled:
            result = client.step()
            if result is not None:
                timed_out += result
                failed += not result
        time.sleep(TICK_S)
    print(f"clients: idle_opened={idle_opened} slow_completed={completed} slow_failed={failed} "
          f"stalled_timed_out={timed_out}")


if __name__ == "__main__":
    main()
