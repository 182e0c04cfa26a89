#!/usr/bin/env python3
"""UDP echo server for the failover lab: answers every datagram with "<name> <payload>".

Run inside a node namespace: ip netns exec NS python3 echo.py NAME PORT
"""
import socket
import sys


def main():
    name, port = sys.argv[1].encode(), int(sys.argv[2])
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("0.0.0.0", port))
    while True:
        data, peer = s.recvfrom(2048)
        s.sendto(name + b" " + data, peer)


if __name__ == "__main__":
    main()
