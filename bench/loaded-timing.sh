#!/usr/bin/env bash
# No false failover under load: two nodes at VRRP v3 advert_int 0.05 while every core is busy, for
# DURATION seconds (default 600). Counts
#   transitions   VIP additions/removals after the initial election (node b gaining it, node a losing it);
#                 must be 0
#   late adverts  gaps between consecutive adverts from the master, as node b's kernel stamped them on
#                 arrival, longer than the interval + LATE_MS (default 10 ms)
#
#   sudo bench/loaded-timing.sh                       # Vigil, 10 minutes
#   sudo DURATION=60 bench/loaded-timing.sh           # quick run
#   sudo GC_PRESSURE=1 bench/loaded-timing.sh         # also: GC pressure inside the MASTER's own process (the test
#                                                     # plugin tests/plugins/gcpressure, built here and loaded beside
#                                                     # the real plugins, allocates GC_MBPS, default 64 MB/s, on a
#                                                     # background thread, with a 64 KB gen0 budget), and its
#                                                     # collection counts at the end
#   sudo IMPL=keepalived bench/loaded-timing.sh       # the same for keepalived
# Environment: DURATION, ADVERT (0.05), LATE_MS (10), LOAD_PROCESSES (default: number of cores), IMPL,
# VIGIL_BIN, VIGIL_PLUGINS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/lab.sh"
lab_require_root

DURATION=${DURATION:-600}
ADVERT=${ADVERT:-0.05}
LATE_MS=${LATE_MS:-10}
IMPL=${IMPL:-vigil}
LOAD_PROCESSES=${LOAD_PROCESSES:-$(nproc)}
VIGIL_BIN=${VIGIL_BIN:-"$here/../artifacts/Release/host/vigil"}
VIGIL_PLUGINS=${VIGIL_PLUGINS:-"$here/../artifacts/Release/plugins"}

trap lab_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$IMPL" = vigil ] && [ ! -x "$VIGIL_BIN" ]; then
  echo "loaded-timing.sh: $VIGIL_BIN missing: cd $here/.. && dotnet build plugins.sln -c Release" >&2
  exit 1
fi
if [ -n "${GC_PRESSURE:-}" ] && [ "$IMPL" = vigil ]; then
  # Garbage allocated inside node a's daemon (the MASTER), so its own GC runs all the time: a 64 KB gen0 budget
  # makes that a gen0 collection every 64 KB, and the survivors it keeps reach gen1 and gen2 too. The allocator is
  # the test plugin gcpressure, never shipped with the daemon: the daemon reads one plugins directory, so it gets
  # one that links gcpressure beside the real plugins.
  dotnet build "$here/../tests/plugins/gcpressure/gcpressure.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2
  mkdir "$LAB_DIR/plugins"
  ln -s "$(realpath "$VIGIL_PLUGINS")"/* "$LAB_DIR/plugins/"
  ln -s "$(realpath "$here/../artifacts/test-plugins/gcpressure")" "$LAB_DIR/plugins/gcpressure"
  VIGIL_PLUGINS="$LAB_DIR/plugins"
  export DOTNET_GCgen0size=0x10000
  export VIGIL_SIDE_a=""
  export VIGIL_ARGS_a="--set Modules:gcpressure:Enabled=true --set Modules:gcpressure:MBps=${GC_MBPS:-64}"
fi

lab_create
lab_write_conf a 3 "$ADVERT" "$LAB_DIR/a.conf"
lab_write_conf b 3 "$ADVERT" "$LAB_DIR/b.conf"
lab_start_daemon "$IMPL" a "$LAB_DIR/a.conf"
pid_a=$LAST_PID
lab_wait_vip a 15 || { echo "loaded-timing.sh: node a never took the VIP" >&2; cat "$LAB_DIR/a.log" >&2; exit 1; }
lab_start_daemon "$IMPL" b "$LAB_DIR/b.conf"
pid_b=$LAST_PID
sleep 2
if lab_has_vip b; then
  echo "loaded-timing.sh: node b took the VIP at start" >&2
  cat "$LAB_DIR/b.log" >&2
  exit 1
fi

echo "lab $LAB: $IMPL, v3 advert_int $ADVERT, $DURATION s, $LOAD_PROCESSES busy loop(s)${GC_PRESSURE:+, GC pressure}"
for ((i = 0; i < LOAD_PROCESSES; i++)); do
  lab_spawn "$LAB"br /dev/null sh -c 'while :; do :; done'
done

interval_ms=$(python3 -c "print($ADVERT * 1000)")
lab_spawn "$LAB"b "$LAB_DIR/monitor-b.out" python3 "$BENCH_LIB/watch.py" monitor --vip "$VIP" \
  --seconds "$DURATION" --interval-ms "$interval_ms" --late-ms "$LATE_MS"
monitor_b=$LAST_PID
lab_spawn "$LAB"a "$LAB_DIR/monitor-a.out" python3 "$BENCH_LIB/watch.py" monitor --vip "$VIP" \
  --seconds "$DURATION" --interval-ms "$interval_ms" --late-ms "$LATE_MS"
monitor_a=$LAST_PID
wait "$monitor_b" "$monitor_a" || true

b=$(grep '^adverts=' "$LAB_DIR/monitor-b.out" || true)
a=$(grep '^adverts=' "$LAB_DIR/monitor-a.out" || true)
if [ -z "$a" ] || [ -z "$b" ]; then
  echo "loaded-timing.sh: a monitor failed: $(cat "$LAB_DIR/monitor-a.out" "$LAB_DIR/monitor-b.out")" >&2
  exit 1
fi
value() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
transitions=$(($(value "$b" vip_added) + $(value "$b" vip_removed) + $(value "$a" vip_added) + $(value "$a" vip_removed)))
kill -0 "$pid_a" 2>/dev/null || echo "node a's daemon died" >&2
kill -0 "$pid_b" 2>/dev/null || echo "node b's daemon died" >&2
if [ -n "${VIGIL_ARGS_a:-}" ]; then
  lab_stop_group "$pid_a" 5
  echo "node a (MASTER) $(grep -o 'GC pressure off: .*' "$LAB_DIR/a.log" || echo 'GC pressure: no summary logged')"
fi
echo "adverts received by node b: $(value "$b" adverts)  (expected about $(python3 -c "print(int($DURATION / $ADVERT))"))"
echo "late adverts (gap > ${interval_ms} + ${LATE_MS} ms): $(value "$b" late)  worst gap: $(value "$b" worst_gap_ms) ms"
echo "state transitions after the initial election: $transitions"
if [ "$transitions" -eq 0 ]; then echo "PASS: no false failover"; else echo "FAIL: $transitions false transition(s)"; exit 1; fi
