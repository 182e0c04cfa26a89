#!/usr/bin/env python3
"""Watches one namespace for VRRP adverts and for the virtual IP being added or removed.

Run inside a node namespace (ip netns exec NS python3 watch.py ...). Timestamps are CLOCK_REALTIME
nanoseconds, comparable with `date +%s%N` in the calling script; adverts carry the kernel's receive
timestamp (SO_TIMESTAMPNS), address changes the time the netlink notification was read.

  takeover  prints "ready", then on the first RTM_NEWADDR of the VIP prints
            "vip <ns> last_advert <ns> prio0 <ns|-> adverts <n>" and exits. last_advert is the last advert
            with priority > 0 from --master; prio0 the first priority-0 advert from it (a graceful stop).
  monitor   for --seconds: counts VIP additions and removals and the gaps between consecutive adverts
            from any source longer than --late-ms; prints one summary line of key=value pairs.
"""
import argparse
import select
import socket
import struct
import sys
import time

RTMGRP_IPV4_IFADDR = 0x10
RTM_NEWADDR, RTM_DELADDR = 20, 21
IFA_ADDRESS, IFA_LOCAL = 1, 2
SO_TIMESTAMPNS = 35
VRRP_PROTO = 112


def open_netlink():
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    s.bind((0, RTMGRP_IPV4_IFADDR))
    return s


def open_vrrp(interface):
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, VRRP_PROTO)
    s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    ifindex = socket.if_nametoindex(interface)
    mreq = struct.pack("4s4si", socket.inet_aton("224.0.0.18"), socket.inet_aton("0.0.0.0"), ifindex)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
    return s


def address_events(data, vip):
    """Yields 'add' or 'del' for each netlink message in data that concerns vip."""
    offset = 0
    while offset + 16 <= len(data):
        length, kind = struct.unpack_from("=IH", data, offset)
        if length < 16:
            break
        if kind in (RTM_NEWADDR, RTM_DELADDR):
            attr = offset + 16 + 8
            end = offset + length
            while attr + 4 <= end:
                alen, atype = struct.unpack_from("=HH", data, attr)
                if alen < 4:
                    break
                if atype in (IFA_LOCAL, IFA_ADDRESS) and data[attr + 4:attr + alen] == vip:
                    yield "add" if kind == RTM_NEWADDR else "del"
                    break
                attr += (alen + 3) & ~3
        offset += (length + 3) & ~3


def read_advert(s):
    """Returns (source, priority, kernel receive time in ns) of one VRRP packet."""
    data, ancillary, _, (source, _) = s.recvmsg(2048, 256)
    stamp = time.time_ns()
    for level, kind, value in ancillary:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(value) >= 16:
            sec, nsec = struct.unpack("=qq", value[:16])
            stamp = sec * 1_000_000_000 + nsec
    header = (data[0] & 0x0F) * 4
    priority = data[header + 2] if len(data) > header + 2 else -1
    return source, priority, stamp


def takeover(args):
    vip = socket.inet_aton(args.vip)
    nl, vr = open_netlink(), open_vrrp(args.interface)
    last_advert, prio0, adverts = None, None, 0
    print("ready", flush=True)
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        readable, _, _ = select.select([nl, vr], [], [], 0.5)
        if vr in readable:
            source, priority, stamp = read_advert(vr)
            if source == args.master:
                adverts += 1
                if priority > 0:
                    last_advert = stamp
                elif prio0 is None:
                    prio0 = stamp
        if nl in readable:
            data = nl.recv(65536)
            now = time.time_ns()
            if "add" in address_events(data, vip):
                print(f"vip {now} last_advert {last_advert or '-'} prio0 {prio0 or '-'} adverts {adverts}", flush=True)
                return 0
    print("timeout", flush=True)
    return 1


def monitor(args):
    vip = socket.inet_aton(args.vip)
    nl, vr = open_netlink(), open_vrrp(args.interface)
    added = removed = adverts = late = 0
    worst = 0
    previous = {}
    print("ready", flush=True)
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        readable, _, _ = select.select([nl, vr], [], [], 0.5)
        if vr in readable:
            source, _, stamp = read_advert(vr)
            adverts += 1
            if source in previous:
                gap = stamp - previous[source]
                worst = max(worst, gap)
                if gap > (args.interval_ms + args.late_ms) * 1_000_000:
                    late += 1
            previous[source] = stamp
        if nl in readable:
            for event in address_events(nl.recv(65536), vip):
                if event == "add":
                    added += 1
                else:
                    removed += 1
    print(f"adverts={adverts} late={late} worst_gap_ms={worst / 1e6:.2f} vip_added={added} vip_removed={removed} sources={len(previous)}", flush=True)
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["takeover", "monitor"])
    parser.add_argument("--vip", required=True)
    parser.add_argument("--interface", default="eth0")
    parser.add_argument("--master", help="address of the master whose adverts count (takeover)")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--interval-ms", type=float, default=1000)
    parser.add_argument("--late-ms", type=float, default=10)
    args = parser.parse_args()
    return takeover(args) if args.mode == "takeover" else monitor(args)


if __name__ == "__main__":
    sys.exit(main())
