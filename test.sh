#!/usr/bin/env bash
# Installs what the tests need (Debian packages), builds, runs every test, and ends with one line:
# "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

if ! bash scripts/install-deps.sh; then
  echo "test.sh: installing test dependencies failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build plugins.sln -c Debug -nologo -v q -clp:ErrorsOnly; then
  echo "test.sh: build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

before_netns="$results/netns-before.txt"
ip netns list > "$before_netns" 2>/dev/null || true
trap 'bash "$root/scripts/netns-sweep.sh" "$before_netns"' EXIT

# One test project at a time: the network-namespace tests measure failover timing, and two cores shared
# with another project's test host would make them flaky.
status=0
for project in tests/Vigil.*.Tests/Vigil.*.Tests.csproj; do
  dotnet test "$project" -c Debug --no-build -nologo \
    --logger "trx" --results-directory "$results" \
    --blame-hang-timeout 5m --blame-hang-dump-type none "$@" || status=1
done

summary=$(python3 "$root/scripts/trx-summary.py" "$results")
echo "$summary"
failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) failed.*/\1/')
passed=$(echo "$summary" | sed -E 's/^([0-9]+) passed.*/\1/')
if [ "$status" -ne 0 ] || [ "$failed" != "0" ] || [ "$passed" = "0" ]; then
  exit 1
fi
