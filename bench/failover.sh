#!/usr/bin/env bash
# Failover time, keepalived vs Vigil, in the same namespace lab with the same settings.
#
# For each implementation, VRRP setting and stop signal: node a (MASTER, priority 100) holds the VIP,
# node b (BACKUP, 98) watches, a client sends a UDP datagram to the VIP every millisecond; then node a
# is stopped (kill -9 of its process group, or SIGTERM) and the script measures
#   vip     time from the signal until node b holds the VIP (netlink notification in b's namespace)
#   client  time from the signal until the client gets its first answer from node b
#   over    how far the takeover came after the protocol's own minimum: for kill -9, VIP time minus
#           the last advert b received minus Master_Down_Interval; for SIGTERM, VIP time minus the
#           priority-0 advert minus Skew_Time (target: <= 5 ms)
# and the master's RSS and CPU per minute while it holds the VIP.
#
#   sudo bench/failover.sh                  # both implementations, every setting, 10 rounds
#   sudo QUICK=1 bench/failover.sh          # smoke test: 2 rounds, v2 advert 1 and v3 advert 0.05
#   sudo IMPLS=keepalived bench/failover.sh # one implementation only
# Environment: ROUNDS, SETTINGS ("version:advert ..."), SIGNALS ("KILL TERM"), IMPLS, CPU_SECONDS (how long
# the master's CPU is sampled per setting, default 60), SETTLE_SECONDS (how long the master holds the VIP before
# the sample starts, default 60: steady state, after Vigil's runtime has re-compiled its hot code; at advert_int 1
# that takes about a minute), VIGIL_BIN, VIGIL_PLUGINS (default: the Release build),
# OUT (a directory keeping results.tsv and usage.tsv across runs; report alone: python3 bench/lib/report.py
# OUT/results.tsv OUT/usage.tsv).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/lab.sh"
lab_require_root

if [ -n "${QUICK:-}" ]; then
  ROUNDS=${ROUNDS:-2}
  SETTINGS=${SETTINGS:-"2:1 3:0.05"}
  CPU_SECONDS=${CPU_SECONDS:-10}
  SETTLE_SECONDS=${SETTLE_SECONDS:-5}
fi
ROUNDS=${ROUNDS:-10}
SETTINGS=${SETTINGS:-"2:1 3:0.1 3:0.05 3:0.01"}
SIGNALS=${SIGNALS:-"KILL TERM"}
IMPLS=${IMPLS:-"keepalived vigil"}
CPU_SECONDS=${CPU_SECONDS:-60}
SETTLE_SECONDS=${SETTLE_SECONDS:-60}
VIGIL_BIN=${VIGIL_BIN:-"$here/../artifacts/Release/host/vigil"}
VIGIL_PLUGINS=${VIGIL_PLUGINS:-"$here/../artifacts/Release/plugins"}
# OUT keeps the raw results (appended), so runs of one implementation at a time can be reported together.
OUT=${OUT:-$LAB_DIR}
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
# The watcher and the client run SCHED_FIFO, so on a busy machine their timestamps are not late.
RT=""
command -v chrt >/dev/null && RT="chrt -f 50"
USAGE="$OUT/usage.tsv"

trap lab_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for impl in $IMPLS; do
  case $impl in
    keepalived) command -v keepalived >/dev/null || { echo "failover.sh: keepalived not installed" >&2; exit 1; } ;;
    vigil) [ -x "$VIGIL_BIN" ] || { echo "failover.sh: $VIGIL_BIN missing: cd $here/.. && dotnet build plugins.sln -c Release" >&2; exit 1; } ;;
    *) echo "failover.sh: unknown implementation $impl" >&2; exit 1 ;;
  esac
done

lab_create
lab_spawn "$LAB"a "$LAB_DIR/echo-a.log" python3 "$BENCH_LIB/echo.py" node-a "$ECHO_PORT"
lab_spawn "$LAB"b "$LAB_DIR/echo-b.log" python3 "$BENCH_LIB/echo.py" node-b "$ECHO_PORT"

now_ns() { date +%s%N; }

# Master_Down_Interval and Skew_Time (seconds) of the backup (priority 98) for a version and advert interval.
protocol_minimum() {
  python3 -c "import sys; v, a, s = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
skew = (256 - 98) / 256 if v == 2 else (256 - 98) * round(a * 100) / 256 / 100
print(skew if s == 'TERM' else 3 * a + skew)" "$1" "$2" "$3"
}

# Starts node a, waits until it holds the VIP, then starts node b and lets it settle as BACKUP.
start_pair() {
  local impl=$1 version=$2 advert=$3
  ip -n "$LAB"a addr del "$VIP/24" dev eth0 2>/dev/null || true
  ip -n "$LAB"b addr del "$VIP/24" dev eth0 2>/dev/null || true
  lab_write_conf a "$version" "$advert" "$LAB_DIR/a.conf"
  lab_write_conf b "$version" "$advert" "$LAB_DIR/b.conf"
  lab_start_daemon "$impl" a "$LAB_DIR/a.conf"
  PID_A=$LAST_PID CG_A=$LAST_CGROUP
  if ! lab_wait_vip a 15; then
    echo "failover.sh: $impl on node a never took the VIP; its log:" >&2
    cat "$LAB_DIR/a.log" >&2
    exit 1
  fi
  lab_start_daemon "$impl" b "$LAB_DIR/b.conf"
  PID_B=$LAST_PID CG_B=$LAST_CGROUP
  sleep "$(python3 -c "print(1.5 + 3 * $advert)")"
  if lab_has_vip b || ! kill -0 "$PID_B" 2>/dev/null; then
    echo "failover.sh: $impl on node b did not settle as BACKUP; its log:" >&2
    cat "$LAB_DIR/b.log" >&2
    exit 1
  fi
}

stop_pair() {
  lab_stop_group "$PID_A" 1
  lab_stop_group "$PID_B" 1
  wait "$PID_A" "$PID_B" 2>/dev/null || true
  rmdir "$CG_A" "$CG_B" 2>/dev/null || true
}

one_round() {
  local impl=$1 version=$2 advert=$3 signal=$4 round=$5 t0 watch probe
  start_pair "$impl" "$version" "$advert"
  rm -f "$LAB_DIR/watch.out" "$LAB_DIR/probe.out"
  lab_spawn "$LAB"b "$LAB_DIR/watch.out" $RT python3 "$BENCH_LIB/watch.py" takeover --vip "$VIP" --master "${NODE_IP[a]}" --seconds 20
  local watch_pid=$LAST_PID
  lab_spawn "$LAB"c "$LAB_DIR/probe.out" $RT python3 "$BENCH_LIB/probe.py" --vip "$VIP" --port "$ECHO_PORT" --before node-a --expect node-b --seconds 20
  local probe_pid=$LAST_PID
  lab_wait_line "$LAB_DIR/watch.out" 10 && lab_wait_line "$LAB_DIR/probe.out" 10 \
    || { echo "failover.sh: watcher or client did not start" >&2; exit 1; }
  # One more advert interval, so the watcher has seen a current advert before the master goes.
  sleep "$(python3 -c "print(max(0.05, $advert))")"
  t0=$(now_ns)
  if [ "$signal" = KILL ]; then kill -KILL -- "-$PID_A"; else kill -TERM "$PID_A"; fi
  wait "$watch_pid" "$probe_pid" 2>/dev/null || true
  watch=$(grep '^vip ' "$LAB_DIR/watch.out" || true)
  probe=$(grep '^reached ' "$LAB_DIR/probe.out" || true)
  if [ -z "$watch" ] || [ -z "$probe" ]; then
    echo "failover.sh: $impl v$version advert $advert $signal round $round: no takeover seen" >&2
    echo "watcher: $(cat "$LAB_DIR/watch.out")  client: $(cat "$LAB_DIR/probe.out")" >&2
    echo "--- node b log"; tail -20 "$LAB_DIR/b.log" >&2
    stop_pair
    return
  fi
  python3 - "$impl" "$version" "$advert" "$signal" "$round" "$t0" "$(protocol_minimum "$version" "$advert" "$signal")" \
    "$watch" "$probe" >>"$RESULTS" <<'EOF'
import sys
impl, version, advert, signal, rnd, t0, minimum, watch, probe = sys.argv[1:]
w = watch.split()
vip, last, prio0 = int(w[1]), w[3], w[5]
reached = int(probe.split()[1])
base = prio0 if signal == "TERM" else last
over = "nan" if base == "-" else f"{(vip - int(base)) / 1e6 - float(minimum) * 1e3:.2f}"
if vip < int(t0) or reached < int(t0):
    # The backup took the VIP before the master was stopped: a false failover, not a failover time.
    print(f"{impl}\t{version}\t{advert}\t{signal}\t{rnd}\tnan\tnan\tfalse")
    sys.exit(0)
print(f"{impl}\t{version}\t{advert}\t{signal}\t{rnd}\t{(vip - int(t0)) / 1e9:.4f}\t{(reached - int(t0)) / 1e9:.4f}\t{over}")
EOF
  tail -1 "$RESULTS" | awk -F'\t' '$8 == "false" {printf "  %-10s v%s advert %-5s %-4s round %-2s FALSE FAILOVER: the backup took the VIP before the signal\n", $1, $2, $3, $4, $5; next} {printf "  %-10s v%s advert %-5s %-4s round %-2s vip %.3f s  client %.3f s  over minimum %s ms\n", $1, $2, $3, $4, $5, $6, $7, $8}'
  stop_pair
}

# The master's RSS and CPU per minute while it holds the VIP with node b as backup, in steady state.
measure_usage() {
  local impl=$1 version=$2 advert=$3 before after rss
  start_pair "$impl" "$version" "$advert"
  sleep "$SETTLE_SECONDS"
  before=$(lab_cpu_ns "$CG_A" "$PID_A")
  sleep "$CPU_SECONDS"
  after=$(lab_cpu_ns "$CG_A" "$PID_A")
  rss=$(lab_group_usage "$PID_A" | cut -d' ' -f1)
  printf '%s\t%s\t%s\t%s\t%s\n' "$impl" "$version" "$advert" "$rss" \
    "$(python3 -c "print(f'{($after - $before) / 1e6 * 60 / $CPU_SECONDS:.1f}')")" >>"$USAGE"
  tail -1 "$USAGE" | awk -F'\t' '{printf "  %-10s v%s advert %-5s RSS %.1f MB  CPU %s ms/min\n", $1, $2, $3, $4 / 1024, $5}'
  stop_pair
}

echo "lab $LAB: $ROUNDS rounds of $SIGNALS per setting ($SETTINGS), implementations: $IMPLS"
echo "keepalived: $(keepalived --version 2>&1 | head -1)"
touch "$RESULTS" "$USAGE"
for impl in $IMPLS; do
  for setting in $SETTINGS; do
    version=${setting%%:*} advert=${setting#*:}
    for signal in $SIGNALS; do
      for ((round = 1; round <= ROUNDS; round++)); do
        one_round "$impl" "$version" "$advert" "$signal" "$round"
      done
    done
    measure_usage "$impl" "$version" "$advert"
  done
done

echo
python3 "$BENCH_LIB/report.py" "$RESULTS" "$USAGE"
