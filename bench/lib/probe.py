#!/usr/bin/env python3
"""The lab's client: sends a UDP datagram to the VIP every --interval-ms and reads the answers.

Run inside the client namespace. Prints "ready" once answers from --before arrive, then, on the first
answer from --expect, "reached <ns>" (CLOCK_REALTIME receive time) and exits.
"""
import argparse
import select
import socket
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vip", required=True)
    parser.add_argument("--port", type=int, default=7007)
    parser.add_argument("--before", required=True, help="name of the node answering now")
    parser.add_argument("--expect", required=True, help="name of the node that should answer after failover")
    parser.add_argument("--interval-ms", type=float, default=1.0)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()

    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setblocking(False)
    before, expect = args.before.encode(), args.expect.encode()
    interval = args.interval_ms / 1000
    deadline = time.monotonic() + args.seconds
    ready = False
    sequence = 0
    next_send = time.monotonic()
    while time.monotonic() < deadline:
        now = time.monotonic()
        if now >= next_send:
            sequence += 1
            try:
                s.sendto(str(sequence).encode(), (args.vip, args.port))
            except OSError:
                pass  # no route or neighbour yet: the next datagram retries
            next_send = now + interval
        readable, _, _ = select.select([s], [], [], max(0.0, next_send - time.monotonic()))
        while readable:
            try:
                data = s.recv(2048)
            except BlockingIOError:
                break
            stamp = time.time_ns()
            name = data.split(b" ", 1)[0]
            if name == before and not ready:
                ready = True
                print("ready", flush=True)
            elif name == expect and ready:
                print(f"reached {stamp}", flush=True)
                return 0
    print("timeout", flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
