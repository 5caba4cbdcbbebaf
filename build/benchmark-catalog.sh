#!/usr/bin/env bash
# Benchmark of reading a criteria catalog written on one line (issue 30: 50 MB took the build over
# 10 minutes, because each position was counted from the start of the line). Prints the time to
# read a generated catalog of the given size (default 50 MB), warnings placed along the line included.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
megabytes=${1:-50}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
log=$(mktemp "${TMPDIR:-/tmp}/agt-bench-catalog.XXXXXX")
trap 'rm -f "$log"' EXIT
dotnet build "$root/build/Benchmarks" -c Release -tl:off -v:q -nologo >"$log" 2>&1 || { cat "$log"; exit 1; }
dotnet "$root/build/Benchmarks/bin/Release/net10.0/AgentTestGuard.Benchmarks.dll" measure-catalog "$megabytes"
