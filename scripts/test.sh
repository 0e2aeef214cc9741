#!/usr/bin/env bash
# Builds NewsGraph and runs every test, then checks `extract` output against the JSON contract.
# Usage: scripts/test.sh            (from anywhere; needs only the .NET 10 SDK and python3)
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build -c Release NewsGraph.slnx -nologo -v quiet

log=$(mktemp)
set +e
dotnet test NewsGraph.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The extract contract, on the bundled samples and (when present) the shared seed page.
checker=../shared/tools/check-extract-jsonl
if [ -x "$checker" ]; then
  inputs=(samples)
  [ -d ../shared/seeds ] && inputs+=(../shared/seeds)
  if ! dotnet src/NewsGraph.Cli/bin/Release/net10.0/newsgraph.dll extract "${inputs[@]}" 2>/dev/null | "$checker"; then
    status=1
  fi
fi

# One plain closing line for CI: "N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
rm -f "$log"
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
