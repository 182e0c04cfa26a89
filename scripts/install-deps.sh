#!/usr/bin/env bash
# Installs every Debian package that Vigil's tests, demo and benchmarks use.
# Idempotent: skips apt entirely when everything is already present.
set -euo pipefail

packages=(
  iproute2 nftables iputils-ping iputils-arping psmisc procps curl
  keepalived prometheus python3-aiosmtpd opensmtpd
  tcpdump python3
  libnftables1 nginx-light haproxy wrk conntrackd conntrack ipvsadm
  dnsmasq-base
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: need root to install: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts these services on install; Vigil's tests start their own copies in namespaces.
for svc in keepalived prometheus prometheus-node-exporter nginx haproxy conntrackd opensmtpd; do
  systemctl disable --now "$svc" >/dev/null 2>&1 || true
done
