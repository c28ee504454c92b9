#!/usr/bin/env python3
"""Idle and slow clients for the soak (bench/http/soak.sh).

soak_clients.py PORT IDLE SLOW SECONDS: keeps IDLE connections open that send
nothing (reopened when the server closes one), and SLOW clients that send a
GET /healthz one byte every 0.2 s, for SECONDS. Prints one line:
"clients: idle_opened=N slow_completed=M slow_failed=F" (a slow request fails
when it gets anything but a 200, or the connection drops mid-request).
"""
import socket
import sys
import time

REQUEST = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


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


def main():
    port, idle_count, slow_count, seconds = map(int, sys.argv[1:5])
    end = time.time() + seconds
    idle = [connect(port) for _ in range(idle_count)]
    idle_opened = idle_count
    slow = [[connect(port), 0, b""] for _ in range(slow_count)]  # socket, bytes sent, answer
    completed = failed = 0
    while time.time() < end:
        for i, s in enumerate(idle):
            if closed(s):
                s.close()
                idle[i] = connect(port)
                idle_opened += 1
        for entry in slow:
            s, sent, answer = entry
            try:
                if sent < len(REQUEST):
                    s.send(REQUEST[sent:sent + 1])
                    entry[1] = sent + 1
                else:
                    chunk = s.recv(4096)
                    entry[2] = answer + chunk
                    if chunk == b"":
                        if entry[2].startswith(b"HTTP/1.1 200"):
                            completed += 1
                        else:
                            failed += 1
                        s.close()
                        entry[:] = [connect(port), 0, b""]
            except BlockingIOError:
                pass
            except OSError:
                failed += 1
                s.close()
                entry[:] = [connect(port), 0, b""]
        time.sleep(0.2)
    print(f"clients: idle_opened={idle_opened} slow_completed={completed} slow_failed={failed}")


if __name__ == "__main__":
    main()
