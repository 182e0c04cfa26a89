#!/usr/bin/env bash
# Safety net for the test run: removes the network namespaces that appeared during the run (the tests'
# prefixes vg*, vd*, vb* only) and that a crashed or timed-out test host left behind. Processes still inside
# such a namespace were started by this run's tests; they are killed first, by PID, so the namespace can go.
# Usage: netns-sweep.sh BEFORE_FILE   (BEFORE_FILE holds `ip netns list` from before the run)
set -uo pipefail
before="$1"
for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^(vg|vd|vb)[0-9a-f]{6}' ); do
  grep -qx "$ns" <(awk '{print $1}' "$before") && continue
  pids=$(ip netns pids "$ns" 2>/dev/null)
  if [ -n "$pids" ]; then
    kill -TERM $pids 2>/dev/null; sleep 1; kill -KILL $pids 2>/dev/null
  fi
  ip netns delete "$ns" 2>/dev/null && echo "test.sh: removed leftover namespace $ns" >&2
done
exit 0
