#!/usr/bin/env bash
# The run record's writer (issue 31): the extension's hand-written RunRecordWriter/PlainRecordLine
# against System.Text.Json's source generator writing the same bytes, for records of 50, 2,000 and
# 10,007 tests (or the sizes given). One way per fresh process, the ways interleaved, three rounds:
# a test run writes one record per process, so the first ("cold") write is what a run pays.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 2000 10007)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
log=$(mktemp "${TMPDIR:-/tmp}/agt-record-bench.XXXXXX")
trap 'rm -f "$log"' EXIT
dotnet build "$root/build/Benchmarks" -c Release -m:1 -tl:off -v:q -nologo >"$log" 2>&1 || { cat "$log"; exit 1; }
bench="$root/build/Benchmarks/bin/Release/net10.0/AgentTestGuard.Benchmarks.dll"

echo "load: $(uptime)"
for tests in "${sizes[@]}"; do
  dotnet "$bench" measure-record-serializer check "$tests" 1 >/dev/null
done
echo "(both ways wrote the same bytes at every size)"
for tests in "${sizes[@]}"; do
  for _ in 1 2 3; do
    for way in hand generated; do
      dotnet "$bench" measure-record-serializer "$way" "$tests" 50
    done
  done
done
