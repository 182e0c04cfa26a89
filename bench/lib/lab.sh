# The namespace lab shared by the benchmarks; sourced, not run.
#
# One bridge namespace, two node namespaces (a: 10.98.0.1, b: 10.98.0.2, interface eth0), one client
# namespace (10.98.0.3); the VIP is 10.98.0.100/24. Every name starts with $LAB (vb + random hex), so
# parallel runs never collide. lab_cleanup kills every process group the lab started, then deletes the
# namespaces; callers trap it on EXIT INT TERM.

BENCH_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LAB="vb$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
LAB_DIR="$(mktemp -d "/tmp/$LAB.XXXX")"
LAB_NAMESPACES=()
LAB_GROUPS=()
LAB_CGROUPS=()
LAB_CGROUP_ROOT=/sys/fs/cgroup/cpuacct
LAB_CGROUP_SEQ=0
VIP=10.98.0.100
ECHO_PORT=7007
declare -A NODE_IP=([a]=10.98.0.1 [b]=10.98.0.2 [c]=10.98.0.3)

lab_require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "$(basename "$0") needs root: it creates network namespaces" >&2
    exit 1
  fi
}

# Runs "$@" in a new session inside namespace $1, output to file $2; sets LAST_PID (= its process group).
# Not to be called in $(...): the group must be recorded in this shell for cleanup.
# With SPAWN_CGROUP set, the process joins that cgroup first (outside the namespace: ip netns exec remounts
# /sys without the cgroup hierarchies).
lab_spawn() {
  local ns=$1 log=$2
  shift 2
  if [ -n "${SPAWN_CGROUP:-}" ]; then
    sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$SPAWN_CGROUP" ip netns exec "$ns" setsid "$@" >"$log" 2>&1 </dev/null &
  else
    ip netns exec "$ns" setsid "$@" >"$log" 2>&1 </dev/null &
  fi
  LAST_PID=$!
  LAB_GROUPS+=("$LAST_PID")
}

# Kills one process group (SIGTERM, then SIGKILL after $2 seconds, default 2).
lab_stop_group() {
  local pgid=$1 grace=${2:-2} i
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for ((i = 0; i < grace * 50; i++)); do
    kill -0 -- "-$pgid" 2>/dev/null || return 0
    sleep 0.02
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}

lab_cleanup() {
  local pgid cg i
  trap - EXIT INT TERM
  for pgid in "${LAB_GROUPS[@]}"; do
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  for ((i = ${#LAB_NAMESPACES[@]} - 1; i >= 0; i--)); do
    ip netns del "${LAB_NAMESPACES[i]}" 2>/dev/null || true
  done
  # A killed daemon leaves its cgroup a moment after wait returns (EBUSY until then): retry for up to a second.
  for cg in "${LAB_CGROUPS[@]}"; do
    for ((i = 0; i < 50; i++)); do
      rmdir "$cg" 2>/dev/null && break
      [ -d "$cg" ] || break
      sleep 0.02
    done
  done
  rm -rf "$LAB_DIR"
}

lab_add_node() {
  local role=$1 ns="$LAB$1"
  ip netns add "$ns"
  LAB_NAMESPACES+=("$ns")
  ip -n "$LAB"br link add "v$role" type veth peer name eth0 netns "$ns"
  ip -n "$LAB"br link set "v$role" master br0 up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "${NODE_IP[$role]}/24" dev eth0
  ip -n "$ns" link set eth0 up
}

lab_create() {
  ip netns add "$LAB"br
  LAB_NAMESPACES+=("$LAB"br)
  ip -n "$LAB"br link add br0 type bridge mcast_snooping 0 forward_delay 0
  ip -n "$LAB"br link set br0 up
  lab_add_node a
  lab_add_node b
  lab_add_node c
  # Carrier reaches the bridge through linkwatch, up to a second later; wait until every port forwards.
  local i
  for ((i = 0; i < 250; i++)); do
    [ "$(ip -n "$LAB"br -j link show master br0 | grep -o '"operstate":"UP"' | wc -l)" -eq 3 ] && break
    sleep 0.02
  done
  ip netns exec "$LAB"c ping -c1 -W2 "${NODE_IP[a]}" >/dev/null
  ip netns exec "$LAB"c ping -c1 -W2 "${NODE_IP[b]}" >/dev/null
}

# True when namespace $LAB$1 holds the VIP.
lab_has_vip() {
  ip -n "$LAB$1" -br -4 addr show dev eth0 | grep -q " $VIP/"
}

# Waits up to $2 seconds for node $1 to hold the VIP.
lab_wait_vip() {
  local role=$1 deadline=$((SECONDS + ${2:-10}))
  until lab_has_vip "$role"; do
    [ $SECONDS -ge "$deadline" ] && return 1
    sleep 0.01
  done
}

# Waits up to $2 seconds for a line in file $1 (ready / a result line).
lab_wait_line() {
  local file=$1 deadline=$((SECONDS + ${2:-10}))
  until [ -s "$file" ]; do
    [ $SECONDS -ge "$deadline" ] && return 1
    sleep 0.005
  done
}

# Writes a keepalived.conf for node $1 (a: MASTER 100, b: BACKUP 98) with VRRP version $2 and advert_int $3.
lab_write_conf() {
  local role=$1 version=$2 advert=$3 file=$4 state=MASTER priority=100
  [ "$role" = b ] && state=BACKUP priority=98
  cat >"$file" <<EOF
global_defs {
    router_id node-$role
    vrrp_version $version
}

vrrp_instance VI_1 {
    state $state
    interface eth0
    virtual_router_id 51
    priority $priority
    advert_int $advert
    virtual_ipaddress {
        $VIP/24 dev eth0
    }
}
EOF
}

# Starts implementation $1 (keepalived|vigil) on node $2 with conf $3, in a cpuacct cgroup of its own when
# the machine has one (CPU in ns, children and exited threads included). Sets LAST_PID and LAST_CGROUP.
lab_start_daemon() {
  local impl=$1 role=$2 conf=$3 ns="$LAB$2" command
  case $impl in
    keepalived)
      command=(keepalived -n -l -D -P -f "$conf" -p "$LAB_DIR/$role.keepalived.pid" -r "$LAB_DIR/$role.vrrp.pid") ;;
    vigil)
      # -P, the VRRP side only, as keepalived runs; VIGIL_SIDE_<role>="" runs every enabled module instead (a test
      # plugin such as gcpressure is on neither side).
      local side="VIGIL_SIDE_$role" flags=()
      [ -n "${!side--P}" ] && flags=("${!side--P}")
      command=("$VIGIL_BIN" run "${flags[@]}" -f "$conf" --instance "$LAB$role" --admin-socket "$LAB_DIR/$role.sock"
        -p "$LAB_DIR/$role.vigil.pid" --set Metrics:Enabled=false --plugins-dir "$VIGIL_PLUGINS")
      # VIGIL_ARGS_<role> (a or b): extra arguments for that node, for example --set Modules:gcpressure:Enabled=true.
      local extra="VIGIL_ARGS_$role"
      [ -n "${!extra:-}" ] && read -r -a more <<<"${!extra}" && command+=("${more[@]}") ;;
  esac
  LAST_CGROUP=""
  LAB_CGROUP_SEQ=$((LAB_CGROUP_SEQ + 1))
  local cg="$LAB_CGROUP_ROOT/$LAB-$role-$LAB_CGROUP_SEQ"
  if [ -w "$LAB_CGROUP_ROOT" ] && mkdir "$cg" 2>/dev/null; then
    LAB_CGROUPS+=("$cg")
    LAST_CGROUP=$cg
    SPAWN_CGROUP=$cg lab_spawn "$ns" "$LAB_DIR/$role.log" "${command[@]}"
  else
    lab_spawn "$ns" "$LAB_DIR/$role.log" "${command[@]}"
  fi
}

# CPU time in ns used so far by the daemon started with cgroup $1 and process group $2.
lab_cpu_ns() {
  if [ -n "$1" ]; then
    cat "$1/cpuacct.usage"
  else
    echo $(($(lab_group_usage "$2" | cut -d' ' -f2) * 1000000000 / $(getconf CLK_TCK)))
  fi
}

# Prints "rss_kb cpu_ticks" summed over the processes of group $1.
lab_group_usage() {
  local pgid=$1 pid rss=0 ticks=0 kb stat
  for pid in $(pgrep -g "$pgid"); do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || continue
    stat=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    rss=$((rss + ${kb:-0}))
    ticks=$((ticks + $(echo "$stat" | awk '{print $12 + $13}')))
  done
  echo "$rss $ticks"
}
