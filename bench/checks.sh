#!/usr/bin/env bash
# Health checks at scale, side by side in one run: the same N real servers (one Debian nginx in a namespace of its own,
# listening on the wildcard address, reached as N loopback addresses 127.1.x.y:8080) checked every second by HAProxy
# (`check inter 1s`, `option httpchk GET /` or a plain TCP check, nbthread 1) and by Vigil (a generated keepalived.conf:
# one virtual_server with N real_server blocks, HTTP_GET or TCP_CHECK at `delay_loop 1`, checkers side only: -C and the
# ipvs module disabled, so no data plane is programmed), N = 10, 1,000 and 10,000, HTTP and TCP. For each it prints
#   checks/s     counted on the servers' side over the window: requests nginx answered (stub_status) for HTTP,
#                connections opened to them (TcpActiveOpens) for TCP
#   CPU/1000     CPU seconds of the checker's process group (utime + stime from /proc/PID/stat) per 1,000 checks
#   cores        CPU seconds per second over the window
#   RSS          the process group's VmRSS at the end of the window, and its growth per configured check over N = 10
#   down         servers the checker holds down at the end (HAProxy: show stat; Vigil: "is down" log lines)
# and the ratios Vigil / HAProxy. Targets: Vigil's CPU per check <= HAProxy's; 10,000 HTTP_GET checks/s with under one
# core busy; RSS growth < 2 KB per configured check.
#
#   sudo bench/checks.sh                  # settle 20 s, measure 30 s per run (12 runs)
#   sudo QUICK=1 bench/checks.sh          # settle 8 s, measure 8 s
# Environment: COUNTS ("10 1000 10000"), KINDS ("http tcp"), CHECKERS ("haproxy vigil"), SETTLE, DURATION,
# VIGIL_BIN, VIGIL_PLUGINS. Everything runs in one network namespace (vck + random hex), removed with every process group on
# every exit (its name starts with vck, which test.sh's namespace sweep leaves alone).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/lab.sh"
lab_require_root

if [ -n "${QUICK:-}" ]; then
  SETTLE=${SETTLE:-8}
  DURATION=${DURATION:-8}
else
  SETTLE=${SETTLE:-20}
  DURATION=${DURATION:-30}
fi
COUNTS=${COUNTS:-"10 1000 10000"}
KINDS=${KINDS:-"http tcp"}
CHECKERS=${CHECKERS:-"haproxy vigil"}
VIGIL_BIN=${VIGIL_BIN:-"$here/../artifacts/Release/host/vigil"}
VIGIL_PLUGINS=${VIGIL_PLUGINS:-"$here/../artifacts/Release/plugins"}
for tool in nginx haproxy curl python3; do
  command -v "$tool" >/dev/null || { echo "checks.sh: $tool is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
[ -x "$VIGIL_BIN" ] || { echo "checks.sh: $VIGIL_BIN missing: cd $here/.. && dotnet build plugins.sln -c Release" >&2; exit 1; }

trap lab_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Not $LAB itself: test.sh sweeps the vb* namespaces that appear while the suite runs.
NS="vck${LAB#vb}"
PORT=8080
STATUS_URL=http://127.0.0.1:8081/status
ip netns add "$NS"
LAB_NAMESPACES+=("$NS")
ip -n "$NS" link set lo up
# 10,000 checks a second leave 600,000 connections in TIME_WAIT a minute; spread them over the whole port range.
ip netns exec "$NS" sysctl -qw net.core.somaxconn=65535 net.ipv4.ip_local_port_range="1024 65535" net.ipv4.tcp_tw_reuse=1

# The address of real server $1 (0-based): the whole of 127/8 is local, so nginx's wildcard socket answers them all.
server_ip() { echo "127.1.$(($1 / 250)).$(($1 % 250 + 1))"; }

nginx_dir="$LAB_DIR/nginx"
mkdir -p "$nginx_dir"
cat >"$nginx_dir/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile 65535;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log crit;
events { worker_connections 65535; multi_accept on; }
http {
  access_log off;
  client_body_temp_path $nginx_dir; proxy_temp_path $nginx_dir; fastcgi_temp_path $nginx_dir; uwsgi_temp_path $nginx_dir; scgi_temp_path $nginx_dir;
  server { listen $PORT backlog=65535; location / { return 200 "ok\n"; } }
  server { listen 127.0.0.1:8081; location /status { stub_status; } }
}
CONF
lab_spawn "$NS" "$nginx_dir/out.log" nginx -c "$nginx_dir/nginx.conf" -g 'daemon off;'
for ((i = 0; i < 100; i++)); do
  ip netns exec "$NS" curl -s -m 1 -o /dev/null "http://$(server_ip 0):$PORT/" && break
  sleep 0.1
done

# Prints the connections opened in the namespace (the kernel's TcpActiveOpens, all of them the checker's: HAProxy
# resets a TCP check on the server's SYN-ACK, so neither nginx nor TcpPassiveOpens sees it) and the requests nginx
# answered.
counters() {
  local opens
  opens=$(ip netns exec "$NS" awk '$1 == "Tcp:" && $2 ~ /^[0-9]+$/ { print $6 }' /proc/net/snmp)
  echo "$opens $(ip netns exec "$NS" curl -s -m 2 "$STATUS_URL" | awk 'NR == 3 { print $3 }')"
}

# Writes HAProxy's configuration for $1 (http|tcp) checks of $2 servers.
haproxy_conf() {
  local kind=$1 n=$2 i
  cat <<CONF
global
    nbthread 1
    stats socket $LAB_DIR/haproxy.sock
defaults
    mode $([ "$kind" = http ] && echo http || echo tcp)
    timeout connect 5s
    timeout client 5s
    timeout server 5s
    timeout check 5s
backend pool
    default-server check inter 1s
CONF
  [ "$kind" = http ] && echo "    option httpchk GET /"
  for ((i = 0; i < n; i++)); do
    echo "    server s$i $(server_ip "$i"):$PORT"
  done
}

# Writes Vigil's keepalived.conf for $1 (http|tcp) checks of $2 servers.
vigil_conf() {
  local kind=$1 n=$2 i check
  if [ "$kind" = http ]; then
    check="        HTTP_GET {
            url {
                path /
                status_code 200
            }
            connect_timeout 5
        }"
  else
    check="        TCP_CHECK {
            connect_timeout 5
        }"
  fi
  cat <<CONF
global_defs {
    router_id checks-bench
}

virtual_server 10.255.0.1 80 {
    delay_loop 1
    lb_algo rr
    lb_kind NAT
    protocol TCP
CONF
  for ((i = 0; i < n; i++)); do
    printf '    real_server %s %s {\n        weight 1\n%s\n    }\n' "$(server_ip "$i")" "$PORT" "$check"
  done
  echo "}"
}

# Servers the running checker ($1) holds down.
down_count() {
  case $1 in
    haproxy)
      python3 - "$LAB_DIR/haproxy.sock" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"show stat\n")
data = b""
while chunk := s.recv(65536):
    data += chunk
rows = [line.split(",") for line in data.decode().splitlines() if line and not line.startswith("#")]
print(sum(1 for r in rows if r[1] not in ("BACKEND", "FRONTEND") and not r[17].startswith("UP")))
PY
      ;;
    vigil) grep -c " is down (" "$LAB_DIR/vigil.log" || true ;;
  esac
}

declare -A RATE CPU CORES RSS DOWN
# Runs checker $1 with $2 (http|tcp) checks of $3 servers and records its figures.
measure() {
  local checker=$1 kind=$2 n=$3 key="$1 $2 $3" group c0 c1 u0 u1 t0 t1
  case $checker in
    haproxy)
      haproxy_conf "$kind" "$n" >"$LAB_DIR/haproxy.cfg"
      rm -f "$LAB_DIR/haproxy.sock"
      lab_spawn "$NS" "$LAB_DIR/haproxy.log" haproxy -db -f "$LAB_DIR/haproxy.cfg" ;;
    vigil)
      vigil_conf "$kind" "$n" >"$LAB_DIR/vigil.conf"
      lab_spawn "$NS" "$LAB_DIR/vigil.log" "$VIGIL_BIN" run -C -f "$LAB_DIR/vigil.conf" --instance "$LAB" \
        --admin-socket "$LAB_DIR/vigil.sock" -p "$LAB_DIR/vigil.pid" --plugins-dir "$VIGIL_PLUGINS" \
        --set Metrics:Enabled=false --set Modules:ipvs:Enabled=false ;;
  esac
  group=$LAST_PID
  sleep "$SETTLE"
  kill -0 -- "-$group" 2>/dev/null || { echo "checks.sh: $checker exited; its log:" >&2; tail -20 "$LAB_DIR/$checker.log" >&2; exit 1; }
  read -r a0 r0 < <(counters)
  read -r _ u0 < <(lab_group_usage "$group")
  t0=$(date +%s.%N)
  sleep "$DURATION"
  read -r a1 r1 < <(counters)
  read -r rss u1 < <(lab_group_usage "$group")
  t1=$(date +%s.%N)
  DOWN[$key]=$(down_count "$checker")
  lab_stop_group "$group" 5
  # Each counter read is one connection and one request of its own.
  if [ "$kind" = http ]; then c0=$r0 c1=$r1; else c0=$a0 c1=$a1; fi
  read -r "RATE[$key]" "CPU[$key]" "CORES[$key]" < <(awk -v c="$((c1 - c0 - 1))" -v u="$((u1 - u0))" -v t0="$t0" -v t1="$t1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { s = u / hz; printf "%.0f %.4f %.3f\n", c / (t1 - t0), (c > 0 ? s / c * 1000 : 0), s / (t1 - t0) }')
  RSS[$key]=$rss
  printf '%-8s %-4s %6s: %8s checks/s, %7s CPU s/1000, %6s cores, RSS %6.1f MB, %s down\n' "$checker" "$kind" "$n" \
    "${RATE[$key]}" "${CPU[$key]}" "${CORES[$key]}" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "${DOWN[$key]}" >&2
}

for kind in $KINDS; do
  for n in $COUNTS; do
    for checker in $CHECKERS; do
      measure "$checker" "$kind" "$n"
    done
  done
done

base=$(echo "$COUNTS" | tr ' ' '\n' | sort -n | head -1)
# Bytes of RSS per configured check of $1 over the smallest N's run.
growth() {
  local checker=$1 kind=$2 n=$3
  [ "$n" = "$base" ] && { echo "-"; return; }
  awk -v a="${RSS[$checker $kind $n]}" -v b="${RSS[$checker $kind $base]}" -v n="$n" -v m="$base" 'BEGIN { printf "%.0f", (a - b) * 1024 / (n - m) }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b > 0) printf "%.2f", a / b; else print "-" }'; }

printf '\n%-8s %-4s %6s %9s %11s %6s %8s %13s %5s\n' checker kind N "checks/s" "CPU s/1000" cores "RSS MB" "RSS B/check" down
for kind in $KINDS; do
  for n in $COUNTS; do
    for checker in $CHECKERS; do
      key="$checker $kind $n"
      printf '%-8s %-4s %6s %9s %11s %6s %8.1f %13s %5s\n' "$checker" "$kind" "$n" "${RATE[$key]}" "${CPU[$key]}" \
        "${CORES[$key]}" "$(awk -v k="${RSS[$key]}" 'BEGIN { print k / 1024 }')" "$(growth "$checker" "$kind" "$n")" "${DOWN[$key]}"
    done
  done
done

if [[ " $CHECKERS " == *" haproxy "* && " $CHECKERS " == *" vigil "* ]]; then
  printf '\nVigil / HAProxy %4s %6s %10s %10s %12s\n' kind N "checks/s" "CPU/check" "RSS/check"
  for kind in $KINDS; do
    for n in $COUNTS; do
      printf '                %4s %6s %10s %10s %12s\n' "$kind" "$n" "$(ratio "${RATE[vigil $kind $n]}" "${RATE[haproxy $kind $n]}")" \
        "$(ratio "${CPU[vigil $kind $n]}" "${CPU[haproxy $kind $n]}")" "$(ratio "$(growth vigil "$kind" "$n")" "$(growth haproxy "$kind" "$n")")"
    done
  done
fi
echo "targets: Vigil CPU/check <= HAProxy's; 10,000 HTTP_GET checks/s under 1 core; RSS growth < 2048 B per configured check"
