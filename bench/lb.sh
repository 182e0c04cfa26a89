#!/usr/bin/env bash
# Load-balancer throughput, side by side in one run: wrk from a client namespace through the VIP to three nginx real
# servers, for
#   direct     the client to one nginx, routed by the director without balancing (the ceiling)
#   nftables   Vigil's nftables data plane (LVS-NAT, rr)
#   haproxy    HAProxy in TCP mode on the director, roundrobin
#   userspace  Vigil's user-space forwarder (rr)
# and prints requests/s, p99 latency and the ratios the targets name: nftables / direct (target >= 0.95) and
# userspace / haproxy (target >= 1.0).
#
#   sudo bench/lb.sh                 # 10 s per target, wrk -t1 -c50
#   sudo DURATION=30 CONNECTIONS=100 bench/lb.sh
# Environment: DURATION, CONNECTIONS, THREADS, TARGETS ("direct nftables haproxy userspace"), VIGIL_BIN, VIGIL_PLUGINS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/lab.sh"
source "$here/lib/lblab.sh"
lab_require_root

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-1}
TARGETS=${TARGETS:-"direct nftables haproxy userspace"}
VIGIL_BIN=${VIGIL_BIN:-"$here/../artifacts/Release/host/vigil"}
VIGIL_PLUGINS=${VIGIL_PLUGINS:-"$here/../artifacts/Release/plugins"}
for tool in wrk nginx haproxy curl; do
  command -v "$tool" >/dev/null || { echo "lb.sh: $tool is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
[ -x "$VIGIL_BIN" ] || { echo "lb.sh: $VIGIL_BIN missing: cd $here/.. && dotnet build plugins.sln -c Release" >&2; exit 1; }

trap lab_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

lb_create
for i in 1 2 3; do lb_start_nginx $i; done
for i in 1 2 3; do lb_wait_http "http://${LB_RS[i-1]}/" 10 || { echo "lb.sh: nginx on rs$i did not answer" >&2; exit 1; }; done

declare -A RPS P99
# Runs wrk against URL $2 for target $1 and records its requests/s and p99 latency (ms).
measure() {
  local target=$1 url=$2 out="$LAB_DIR/wrk-$1.txt"
  ip netns exec "$LAB"c wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" >"$out"
  RPS[$target]=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  P99[$target]=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' "$out")
  if grep -q "Non-2xx\|Socket errors" "$out"; then
    echo "lb.sh: $target: $(grep -h "Non-2xx\|Socket errors" "$out" | tr -s ' ')" >&2
  fi
}

# Starts Vigil on the director with data plane $1 and waits until the VIP answers.
start_vigil() {
  local plane=$1 conf="$LAB_DIR/vigil-$1.conf"
  lb_vigil_conf "$plane" "$conf"
  lab_spawn "$LAB"d "$LAB_DIR/vigil-$plane.log" "$VIGIL_BIN" run -C -f "$conf" --instance "$LAB-$plane" \
    --admin-socket "$LAB_DIR/vigil-$plane.sock" -p "$LAB_DIR/vigil-$plane.pid" --set Metrics:Enabled=false --plugins-dir "$VIGIL_PLUGINS"
  VIGIL_GROUP=$LAST_PID
  lb_wait_http "http://$LB_VIP/" 30 || { echo "lb.sh: Vigil ($plane) did not answer on the VIP; its log:" >&2; cat "$LAB_DIR/vigil-$plane.log" >&2; exit 1; }
}

for target in $TARGETS; do
  case $target in
    direct) measure direct "http://${LB_RS[0]}/" ;;
    nftables|userspace)
      start_vigil "$target"
      measure "$target" "http://$LB_VIP/"
      lab_stop_group "$VIGIL_GROUP" 5 ;;
    haproxy)
      lb_haproxy_conf "$LAB_DIR/haproxy.cfg"
      lab_spawn "$LAB"d "$LAB_DIR/haproxy.log" haproxy -db -f "$LAB_DIR/haproxy.cfg"
      group=$LAST_PID
      lb_wait_http "http://$LB_VIP/" 10 || { echo "lb.sh: haproxy did not answer" >&2; cat "$LAB_DIR/haproxy.log" >&2; exit 1; }
      measure haproxy "http://$LB_VIP/"
      lab_stop_group "$group" 2 ;;
    *) echo "lb.sh: unknown target $target" >&2; exit 1 ;;
  esac
done

printf '%-10s %12s %10s\n' target "requests/s" "p99 ms"
for target in $TARGETS; do
  printf '%-10s %12s %10s\n' "$target" "${RPS[$target]}" "${P99[$target]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
if [ -n "${RPS[nftables]:-}" ] && [ -n "${RPS[direct]:-}" ]; then
  echo "nftables / direct:   $(ratio "${RPS[nftables]}" "${RPS[direct]}")  (target >= 0.95)"
fi
if [ -n "${RPS[userspace]:-}" ] && [ -n "${RPS[haproxy]:-}" ]; then
  echo "userspace / haproxy: $(ratio "${RPS[userspace]}" "${RPS[haproxy]}")  (target >= 1.0)"
fi
