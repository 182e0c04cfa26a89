#!/usr/bin/env python3
"""Summarises failover.sh's results: medians per setting and signal, Vigil/keepalived ratios, usage."""
import math
import statistics
import sys
from collections import defaultdict


def median(values):
    values = [v for v in values if not math.isnan(v)]
    return statistics.median(values) if values else math.nan


def ratio(a, b):
    return a / b if b and not math.isnan(a) and not math.isnan(b) else math.nan


def main():
    rounds = defaultdict(list)
    false_failovers = defaultdict(int)
    for line in open(sys.argv[1]):
        impl, version, advert, signal, _, vip, client, over = line.rstrip("\n").split("\t")
        if over == "false":
            false_failovers[(version, advert, impl)] += 1
            continue
        rounds[(version, advert, signal, impl)].append((float(vip), float(client), float(over)))
    usage = {}
    for line in open(sys.argv[2]):
        impl, version, advert, rss, cpu = line.rstrip("\n").split("\t")
        usage[(version, advert, impl)] = (int(rss) / 1024, float(cpu))

    keys = sorted({k[:3] for k in rounds}, key=lambda k: (k[0], -float(k[1]), k[2]))
    print("median failover (s) from the signal: until the backup holds the VIP / until the client reaches it")
    print(f"{'setting':<16}{'signal':<7}{'n':>3}  {'keepalived vip':>14} {'client':>7}  {'vigil vip':>9} {'client':>7}"
          f"  {'ratio vip':>9} {'client':>7}  {'worst over min (ms) k/v':>24}")
    for version, advert, signal in keys:
        k = rounds.get((version, advert, signal, "keepalived"), [])
        v = rounds.get((version, advert, signal, "vigil"), [])
        kv, kc = median([r[0] for r in k]), median([r[1] for r in k])
        vv, vc = median([r[0] for r in v]), median([r[1] for r in v])
        ko = max((r[2] for r in k if not math.isnan(r[2])), default=math.nan)
        vo = max((r[2] for r in v if not math.isnan(r[2])), default=math.nan)
        print(f"{'v' + version + ' advert ' + advert:<16}{signal:<7}{max(len(k), len(v)):>3}  {kv:>14.3f} {kc:>7.3f}  {vv:>9.3f} {vc:>7.3f}"
              f"  {ratio(vv, kv):>9.2f} {ratio(vc, kc):>7.2f}  {ko:>11.1f} / {vo:<10.1f}")
    print()
    print("MASTER usage: RSS (MB) and CPU (ms per minute)")
    print(f"{'setting':<16}{'keepalived RSS':>14} {'CPU':>7}  {'vigil RSS':>9} {'CPU':>7}  {'CPU ratio':>9}")
    for version, advert in sorted({k[:2] for k in usage}, key=lambda k: (k[0], -float(k[1]))):
        kr, kc = usage.get((version, advert, "keepalived"), (math.nan, math.nan))
        vr, vc = usage.get((version, advert, "vigil"), (math.nan, math.nan))
        print(f"{'v' + version + ' advert ' + advert:<16}{kr:>14.1f} {kc:>7.1f}  {vr:>9.1f} {vc:>7.1f}  {ratio(vc, kc):>9.2f}")
    for (version, advert, impl), count in sorted(false_failovers.items()):
        print(f"false failovers (backup took the VIP before the master was stopped): {impl} v{version} advert {advert}: {count}")
    print("targets: ratio <= 1.0 everywhere, worst over minimum <= 5 ms, CPU ratio <= 1.0, Vigil RSS <= 40 MB")


if __name__ == "__main__":
    main()
