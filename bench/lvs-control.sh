#!/usr/bin/env bash
# Control-plane benchmark (issue 9): with 1,000 real servers configured (100 virtual servers x 10, NAT, wrr), the time
# from one RealServerHealth write to the state until the data plane's apply returned (median and p99 of 200), a full
# reload with every weight changed (median of 20), and managed and resident memory per 1,000 real servers; each with
# the real nftables plane and with a no-op plane, so the control plane's own cost shows apart from nftables'. The
# real VirtualServerController runs over the host's real ClusterStateStore and EventBus
# (bench/lvs-control/, never shipped). Reference line: nft -f of the same ruleset; keepalived needs kernel IPVS.
#
#   sudo bench/lvs-control.sh
#   sudo CHANGES=500 RELOADS=50 bench/lvs-control.sh
# Environment: CHANGES (200), RELOADS (20), GAP_MS (5, quiet time after each change), NFT_RUNS (20).
# Exit code 0 when both targets are met (health change median < 5 ms, reload median < 100 ms).
#
# Everything runs inside a network namespace of its own (vlc + pid + random hex), removed on every exit.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [ "$(id -u)" -ne 0 ]; then
  echo "lvs-control.sh needs root: it creates a network namespace" >&2
  exit 1
fi
for tool in nft ip dotnet; do
  command -v "$tool" >/dev/null || { echo "lvs-control.sh: $tool is not installed" >&2; exit 1; }
done

bin="$root/artifacts/Release/bench/lvs-control/Vigil.Ipvs.Bench"
dotnet build "$root/bench/lvs-control/Vigil.Ipvs.Bench.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2

ns="vlc$$$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
group=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$group" ]; then
    kill -KILL -- "-$group" 2>/dev/null || true
    wait "$group" 2>/dev/null || true
  fi
  ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ip netns add "$ns"
ip netns exec "$ns" ip link set lo up

# Its own process group, so cleanup also reaches the per-plane child processes the benchmark starts.
ip netns exec "$ns" setsid "$bin" \
  --changes "${CHANGES:-200}" --reloads "${RELOADS:-20}" --gap-ms "${GAP_MS:-5}" --nft-runs "${NFT_RUNS:-20}" </dev/null &
group=$!
status=0
wait "$group" || status=$?
group=""
exit "$status"
