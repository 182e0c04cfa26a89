# The load-balancer lab shared by bench/lb.sh; sourced after lab.sh, not run.
#
# Two bridges in one bridge namespace: front (client 10.97.1.10, director 10.97.1.1, VIP 10.97.1.100) and back
# (director 10.97.2.1, real servers 10.97.2.11-13, default route via the director), the classic LVS-NAT layout.
# Each real server runs Debian's nginx answering its own name; every name starts with $LAB.

LB_VIP=10.97.1.100
LB_CLIENT=10.97.1.10
LB_RS=(10.97.2.11 10.97.2.12 10.97.2.13)

# Adds namespace $LAB$1 with interface $4 on bridge $2 (address $3/24).
lb_port() {
  local role=$1 bridge=$2 address=$3 ifname=$4 ns="$LAB$1"
  [ -e "/run/netns/$ns" ] || { ip netns add "$ns"; LAB_NAMESPACES+=("$ns"); ip -n "$ns" link set lo up; }
  ip -n "$LAB"br link add "v$role$ifname" type veth peer name "$ifname" netns "$ns"
  ip -n "$LAB"br link set "v$role$ifname" master "$bridge" up
  ip -n "$ns" addr add "$address/24" dev "$ifname"
  ip -n "$ns" link set "$ifname" up
}

lb_create() {
  ip netns add "$LAB"br
  LAB_NAMESPACES+=("$LAB"br)
  local b
  for b in front back; do
    ip -n "$LAB"br link add "$b" type bridge forward_delay 0
    ip -n "$LAB"br link set "$b" up
  done
  lb_port c front "$LB_CLIENT" eth0
  lb_port d front 10.97.1.1 eth0
  lb_port d back 10.97.2.1 eth1
  ip -n "$LAB"d addr add "$LB_VIP/24" dev eth0
  ip netns exec "$LAB"d sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.send_redirects=0
  ip -n "$LAB"c route add 10.97.2.0/24 via 10.97.1.1
  local i
  for i in 1 2 3; do
    lb_port "r$i" back "${LB_RS[i-1]}" eth0
    ip -n "$LAB"r$i route add default via 10.97.2.1
  done
  for ((i = 0; i < 250; i++)); do
    [ "$(ip -n "$LAB"br -j link show | grep -o '"operstate":"UP"' | wc -l)" -ge 7 ] && break
    sleep 0.02
  done
  for i in 1 2 3; do
    ip netns exec "$LAB"c ping -c1 -W2 "${LB_RS[i-1]}" >/dev/null
  done
}

# Starts nginx on real server $1 (1..3), answering "rs$1".
lb_start_nginx() {
  local i=$1 dir="$LAB_DIR/nginx-r$1"
  mkdir -p "$dir"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir; proxy_temp_path $dir; fastcgi_temp_path $dir; uwsgi_temp_path $dir; scgi_temp_path $dir;
  keepalive_requests 1000000;
  server { listen ${LB_RS[i-1]}:80 backlog=4096; location / { return 200 "rs$i\n"; } }
}
CONF
  lab_spawn "$LAB"r$i "$dir/out.log" nginx -c "$dir/nginx.conf" -g 'daemon off;'
}

# Writes Vigil's configuration for the lab: one rr virtual server on the VIP over the three nginx, data plane $1.
lb_vigil_conf() {
  local plane=$1 file=$2
  cat >"$file" <<CONF
global_defs {
    router_id director
    data_plane $plane
}

virtual_server $LB_VIP 80 {
    delay_loop 5
    lb_algo rr
    lb_kind NAT
    protocol TCP
    real_server ${LB_RS[0]} 80 { weight 1 }
    real_server ${LB_RS[1]} 80 { weight 1 }
    real_server ${LB_RS[2]} 80 { weight 1 }
}
CONF
}

# Writes HAProxy's configuration: TCP mode on the VIP, round robin over the three nginx.
lb_haproxy_conf() {
  cat >"$1" <<CONF
global
    maxconn 8000
    nbthread 1
defaults
    mode tcp
    timeout connect 5s
    timeout client 60s
    timeout server 60s
frontend vip
    bind $LB_VIP:80
    default_backend web
backend web
    balance roundrobin
    server rs1 ${LB_RS[0]}:80
    server rs2 ${LB_RS[1]}:80
    server rs3 ${LB_RS[2]}:80
CONF
}

# Waits up to $2 seconds until the client gets an answer from URL $1.
lb_wait_http() {
  local url=$1 deadline=$((SECONDS + ${2:-20}))
  until ip netns exec "$LAB"c curl -s -m 1 -o /dev/null "$url"; do
    [ $SECONDS -ge "$deadline" ] && return 1
    sleep 0.1
  done
}
